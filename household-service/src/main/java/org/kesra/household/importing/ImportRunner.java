package org.kesra.household.importing;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One import at a time per instance: an import is bound by PostgreSQL's writes, and two at once would only slow
 * each other and the registry's users. Jobs wait in memory; their heartbeat tells other instances they are alive,
 * and jobs whose instance died are failed by whoever sweeps next.
 */
@Component
class ImportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportProcessor processor;
    private final ImportJobs jobs;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService worker;
    private volatile ScheduledExecutorService sweeper;

    ImportRunner(ImportProcessor processor, ImportJobs jobs) {
        this.processor = processor;
        this.jobs = jobs;
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
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "household-import"));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "household-import-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, 60, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            jobs.heartbeat(held);
            int failed = jobs.failAbandoned();
            if (failed > 0) {
                log.warn("{} household imports abandoned by a stopped instance were marked GAGAL", failed);
            }
        } catch (RuntimeException e) {
            log.warn("household import sweep failed: {}", e.toString());
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
