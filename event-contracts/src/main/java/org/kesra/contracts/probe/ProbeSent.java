package org.kesra.contracts.probe;

import java.time.Instant;
import java.util.UUID;

/**
 * A synthetic event a service publishes on operator request to prove the event path end to end (outbox, relay,
 * broker, consumers). Consumers record its arrival; nothing else reacts to it.
 *
 * @param probeId  identifies one probe series; the event key, so a series stays in order
 * @param sequence position within the series, from 1
 * @param sentAt   when the probe was written to the outbox
 * @param note     free text from the operator, at most 200 characters
 */
public record ProbeSent(UUID probeId, long sequence, Instant sentAt, String note) {
}
