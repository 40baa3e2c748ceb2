package org.kesra.events.deadletter;

import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.EventBackboneProblems;
import org.kesra.platform.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolving a dead letter: re-drive it through this service's handler (after the cause was fixed) or discard it
 * with a reason. Both are recorded with who and when; a re-drive of an event already processed changes nothing.
 */
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetterStore store;
    private final InboundEventProcessor processor;
    private final TransactionTemplate transactions;

    public DeadLetterService(DeadLetterStore store, InboundEventProcessor processor, TransactionTemplate transactions) {
        this.store = store;
        this.processor = processor;
        this.transactions = transactions;
    }

    public DeadLetter redrive(long id, String operator) {
        transactions.executeWithoutResult(status -> requireNew(id));
        try {
            processor.processOne(store.originalRecord(id));
        } catch (RuntimeException e) {
            store.recordFailedAttempt(id, e.getMessage());
            log.warn("re-drive of dead letter {} failed: {}", id, e.getMessage());
            throw EventBackboneProblems.REDRIVE_FAILED.refuse(
                    "Event pada dead letter " + id + " masih gagal diproses: " + e.getMessage());
        }
        transactions.executeWithoutResult(status -> {
            requireNew(id);
            store.resolve(id, "REDRIVEN", operator, null);
        });
        log.info("dead letter {} re-driven by {}", id, operator);
        return store.find(id).orElseThrow();
    }

    public DeadLetter discard(long id, String operator, String reason) {
        transactions.executeWithoutResult(status -> {
            requireNew(id);
            store.resolve(id, "DISCARDED", operator, reason);
        });
        log.info("dead letter {} discarded by {}", id, operator);
        return store.find(id).orElseThrow();
    }

    private void requireNew(long id) {
        DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
        if (!"NEW".equals(letter.status())) {
            throw EventBackboneProblems.DEAD_LETTER_RESOLVED.refuse("Dead letter " + id + " sudah berstatus " + letter.status() + " oleh " + letter.resolvedBy() + ".");
        }
    }

    static Refusal notFound(long id) {
        return EventBackboneProblems.DEAD_LETTER_NOT_FOUND.refuse("Tidak ada dead letter dengan id " + id + " di layanan ini.");
    }
}
