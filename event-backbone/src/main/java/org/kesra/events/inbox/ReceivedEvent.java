package org.kesra.events.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as a handler sees it: the CloudEvents attributes, the payload record, the id of the trace the event
 * travelled in (the request that caused it), for handlers that keep provenance, and the Kafka position it was read at
 * (null only for an event that did not come from a topic).
 */
public record ReceivedEvent<T extends Record>(UUID id, String type, int version, String source, String subject,
                                              Instant time, String key, T payload, String traceId,
                                              EventPosition position) {

    ReceivedEvent<T> withTraceId(String trace) {
        return new ReceivedEvent<>(id, type, version, source, subject, time, key, payload, trace, position);
    }
}
