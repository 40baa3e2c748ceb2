package org.kesra.events.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replay begins in each partition: the beginning of the topic (what the broker still holds), the first
 * offset at or after a moment (a service's go-live, when older events are not its history), or given offsets.
 * Configuration text: {@code earliest}, an ISO-8601 instant, or {@code topic:partition=offset,...} (partitions not
 * named start at the beginning).
 */
public sealed interface ReplayStart {

    record Earliest() implements ReplayStart {
    }

    record At(Instant time) implements ReplayStart {
    }

    record Offsets(Map<TopicPartition, Long> offsets) implements ReplayStart {
        public Offsets {
            offsets = Map.copyOf(offsets);
        }
    }

    static ReplayStart earliest() {
        return new Earliest();
    }

    static ReplayStart parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("earliest")) {
            return earliest();
        }
        if (value.contains("=")) {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            for (String entry : value.split(",")) {
                String[] assignment = entry.trim().split("=");
                int colon = assignment[0].lastIndexOf(':');
                if (assignment.length != 2 || colon < 1) {
                    throw new IllegalArgumentException("replay start '" + entry + "' is not topic:partition=offset");
                }
                offsets.put(new TopicPartition(assignment[0].substring(0, colon).trim(),
                                Integer.parseInt(assignment[0].substring(colon + 1).trim())),
                        Long.parseLong(assignment[1].trim()));
            }
            return new Offsets(offsets);
        }
        try {
            return new At(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("replay start '" + value
                    + "' is neither earliest, an ISO-8601 instant nor topic:partition=offset,...", e);
        }
    }
}
