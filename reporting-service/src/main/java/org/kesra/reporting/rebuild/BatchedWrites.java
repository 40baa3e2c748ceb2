package org.kesra.reporting.rebuild;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a read model holds back during a rebuild's poll and makes together just before the poll's transaction
 * commits, in a few statements instead of one or more per event: a rebuild replays every event there is, and one
 * database round trip per row was most of its time (docs/benchmarks.md). Only a rebuild's poll batches
 * ({@link ReadModelRebuild} turns it on for that transaction); the live consumers write as they go, so that a failing
 * write is still found event by event, retried and dead-lettered by the event backbone.
 *
 * <p>A batched poll changes nothing of the rebuild's rules: its writes are in the poll's transaction (with the events'
 * inbox rows), into the shadow schema, so idempotency and the serving models are as without batching. If the poll
 * fails, nothing of it was committed and the rebuild reads it again event by event, so an event whose handler fails is
 * named (or skipped, as the live consumer skipped it) exactly as before.
 */
public final class BatchedWrites {

    /** A model's held-back writes of one transaction. */
    public interface Buffer {

        /** Makes the writes, in the order they were held back; runs in the transaction, before it commits. */
        void flush();
    }

    private static final Object ENABLED = new Object();

    private BatchedWrites() {
    }

    /** Turns batching on for the current transaction: a rebuild's poll. */
    static void enable() {
        TransactionSynchronizationManager.bindResource(ENABLED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ENABLED);
            }
        });
    }

    /**
     * The current transaction's buffer under {@code key} (created on first use, flushed before the transaction
     * commits), or null when the transaction does not batch: the caller then writes at once.
     */
    public static <T extends Buffer> T buffer(Object key, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.hasResource(ENABLED)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T buffer = (T) TransactionSynchronizationManager.getResource(key);
        if (buffer == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            buffer = created;
        }
        return buffer;
    }
}
