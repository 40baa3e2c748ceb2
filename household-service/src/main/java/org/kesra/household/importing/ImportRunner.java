package org.kesra.household.importing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One import at a time per instance: an import is bound by PostgreSQL's writes, and two at once would only slow
 * each other and the registry's users. Jobs wait in memory. The instance holds a lease for as long as it lives, a
 * session advisory lock on a connection of its own, and stamps its jobs with it: when the process dies (even by
 * SIGKILL) the connection closes and the lock goes, so the next sweep of any instance, and the first one of a restarted
 * instance, fails its jobs at once and removes their staging rows.
 */
@Component
class ImportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportProcessor processor;
    private final ImportJobs jobs;
    private final DataSource dataSource;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile int lease = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
    private volatile Connection leaseConnection;
    private volatile ExecutorService worker;
    private volatile ScheduledExecutorService sweeper;

    ImportRunner(ImportProcessor processor, ImportJobs jobs, DataSource dataSource) {
        this.processor = processor;
        this.jobs = jobs;
        this.dataSource = dataSource;
    }

    /** The lease this instance's jobs are stamped with. */
    int lease() {
        return lease;
    }

    void submit(ImportJobs.Job job, Path file) {
        held.add(job.id());
        worker.execute(() -> {
            try {
                processor.run(job, file);
            } finally {
                held.remove(job.id());
                HouseholdImports.deleteQuietly(file);
            }
        });
    }

    @Override
    public void start() {
        holdLease();
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "household-import"));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "household-import-sweeper");
            t.setDaemon(true);
            return t;
        });
        // Before the first request: the jobs of the instance this one replaces are failed now, not in five minutes.
        sweep();
        int orphaned = jobs.dropOrphanedStaging();
        if (orphaned > 0) {
            log.warn("{} staging rows of household imports that no longer run were removed", orphaned);
        }
        sweeper.scheduleWithFixedDelay(this::sweep, 15, 15, TimeUnit.SECONDS);
    }

    /** Fails the jobs of instances that are gone; also run before an upload is matched against earlier ones. */
    void failAbandoned() {
        List<UUID> failed = jobs.failAbandoned(lease);
        if (!failed.isEmpty()) {
            log.warn("household imports {} were marked GAGAL: their instance stopped", failed);
        }
    }

    private void sweep() {
        try {
            holdLease();
            jobs.heartbeat(held);
            failAbandoned();
        } catch (RuntimeException e) {
            log.warn("household import sweep failed: {}", e.toString());
        }
    }

    /**
     * Takes the lease, or takes it again after its connection broke (PostgreSQL restarted). The key is random; in the
     * unlikely case that a live session already holds it at start-up, another is drawn.
     */
    private synchronized void holdLease() {
        try {
            if (leaseConnection != null && leaseConnection.isValid(2)) {
                return;
            }
            closeLease();
            for (int attempt = 0; attempt < 5; attempt++) {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                if (tryLock(connection, lease)) {
                    leaseConnection = connection;
                    return;
                }
                connection.close();
                if (!held.isEmpty()) {
                    break; // our jobs carry this key: keep it, and try again at the next sweep
                }
                lease = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
            }
            throw new IllegalStateException("household import lease " + lease + " is held by another session");
        } catch (SQLException e) {
            throw new IllegalStateException("household import lease could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection, int key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, ImportJobs.LEASE_NAMESPACE);
            lock.setInt(2, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private synchronized void closeLease() {
        if (leaseConnection != null) {
            try {
                leaseConnection.close();
            } catch (SQLException ignored) {
                // the lock goes with the session either way
            }
            leaseConnection = null;
        }
    }

    @Override
    public void stop() {
        sweeper.shutdownNow();
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Jobs still queued here will never run: releasing the lease lets the next instance fail them at once.
        closeLease();
    }

    @Override
    public boolean isRunning() {
        return worker != null && !worker.isShutdown();
    }

    /** After the event relay and datasource are up, before them on the way down. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
