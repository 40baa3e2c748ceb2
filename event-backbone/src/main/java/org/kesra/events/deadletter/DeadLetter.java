package org.kesra.events.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * A dead letter as operators see it. The payload is shown because fixing the cause needs it; the API is for the
 * platform-admin role only, since payloads can hold personal data.
 */
public record DeadLetter(long id, String status, String eventId, String eventType, String originalTopic,
                         Integer originalPartition, Long originalOffset, String key, String reason, Instant failedAt,
                         int attempts, String lastError, Instant resolvedAt, String resolvedBy, String resolutionNote,
                         List<HeaderValue> headers, String payload) {

    /** A Kafka header, as text when it is text. */
    public record HeaderValue(String name, String value) {
    }

    /** The list view: no headers, no payload. */
    public record Summary(long id, String status, String eventId, String eventType, String originalTopic,
                          String reason, Instant failedAt, int attempts) {
    }
}
