package org.kesra.welfare.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kesra.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the verification access log with group commit: the rows of all answers waiting at that moment go into one
 * transaction, and each answer is released only after the transaction holding its row has committed. So no answer
 * leaves without a durable log row (UU 27/2022), as when each answer committed its own row, but many answers share
 * one WAL flush instead of waiting for one each: the per-answer commit bounded the API at about 3,800 answers/s even
 * over plain JDBC (docs/benchmarks.md).
 *
 * <p>If the log cannot be written (database down, queue full, no commit within {@link #COMMIT_TIMEOUT_SECONDS}),
 * the caller gets a 503 problem and no answer. The writer thread follows the application context's lifecycle
 * (a stopped context, as Spring's test context cache pauses, writes synchronously) and drains on stop.
 */
@Component
public class VerificationAccessLog implements SmartLifecycle {

    static final int COMMIT_TIMEOUT_SECONDS = 10;
    private static final int QUEUE_CAPACITY = 20_000;
    private static final int MAX_BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(VerificationAccessLog.class);

    private static final String INSERT = """
            INSERT INTO verification_access (client_id, caller, nik, person_id, endpoint, purpose, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    public record Entry(String clientId, String caller, String nik, UUID personId, String endpoint, String purpose,
                        String requestId) {
    }

    private record Pending(Entry entry, CompletableFuture<Void> committed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile Thread writer;
    private volatile boolean running;

    public VerificationAccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Returns once the entry is committed; throws a 503 problem when it could not be. */
    public void record(Entry entry) {
        if (!running) {
            write(List.of(entry));
            return;
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            log.warn("verification access log queue full ({} entries); answer refused", QUEUE_CAPACITY);
            throw unavailable();
        }
        try {
            pending.committed().get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    void write(List<Entry> entries) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            ps.setString(1, e.clientId());
            ps.setString(2, e.caller());
            ps.setString(3, e.nik());
            ps.setObject(4, e.personId());
            ps.setString(5, e.endpoint());
            ps.setString(6, e.purpose());
            ps.setString(7, e.requestId());
        }));
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeAndRelease(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeAndRelease(List<Pending> batch) {
        try {
            write(batch.stream().map(Pending::entry).toList());
            batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
            log.error("verification access log: batch of {} rows not written; those answers are refused", batch.size(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    private static ApiProblemException unavailable() {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "WF-CATATAN-AKSES-GAGAL", null,
                "Catatan akses tidak dapat disimpan saat ini, sehingga jawaban verifikasi tidak diberikan. "
                        + "Ulangi beberapa saat lagi.");
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::drain, "verification-access-log");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false; // the writer empties the queue, then ends
        try {
            writer.join(TimeUnit.SECONDS.toMillis(COMMIT_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before and stops after the web server (phase {@code DEFAULT_PHASE - 2048}), so every request it took
     * finds the writer; the data source closes after all lifecycles.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
