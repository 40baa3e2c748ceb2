package org.kesra.events.inbox;

import java.time.Instant;
import java.util.UUID;

/** An event as a handler sees it: the CloudEvents attributes and the payload record. */
public record ReceivedEvent<T extends Record>(UUID id, String type, int version, String source, String subject,
                                              Instant time, String key, T payload) {
}
