package org.kesra.events.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.InboundEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads topics again from a {@link ReplayStart}, beside the live consumer and without disturbing it: every partition
 * is assigned to this consumer directly (no consumer group, nothing committed), so one replay sees the whole topic
 * whatever the number of instances, and the live group's offsets stay as they are. Each poll is applied through the
 * service's own handlers ({@link InboundEventProcessor#replay}). Not thread-safe: one thread drives a replay.
 */
public final class ReplayConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final InboundEventProcessor processor;
    private final Predicate<EventHandler<?>> include;
    private final Predicate<UUID> deadLettered;
    private final Map<TopicPartition, Long> start = new TreeMap<>(EventReplay.ORDER);

    ReplayConsumer(KafkaConsumer<String, byte[]> consumer, List<String> topics, ReplayStart from,
                   InboundEventProcessor processor, Predicate<EventHandler<?>> include, Predicate<UUID> deadLettered) {
        this.consumer = consumer;
        this.processor = processor;
        this.include = include;
        this.deadLettered = deadLettered;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> chosen = new HashMap<>(beginning);
        if (from instanceof ReplayStart.At at) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, at.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
            // No record at or after that moment: the replay of that partition starts (and is) at its end.
            partitions.forEach(p -> chosen.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        } else if (from instanceof ReplayStart.Offsets offsets) {
            offsets.offsets().forEach((p, offset) -> {
                if (chosen.containsKey(p)) {
                    chosen.put(p, Math.max(offset, beginning.get(p)));
                }
            });
        }
        chosen.forEach(consumer::seek);
        start.putAll(chosen);
    }

    /**
     * Reads what is there (waiting at most {@code timeout}) and applies it in one transaction that begins with
     * {@code prepare}. Throws {@link org.kesra.events.inbox.ReplayedEventFailedException} if a handler fails; the
     * consumer's position then stays before the poll (nothing of it was applied).
     */
    public InboundEventProcessor.Replayed pollAndApply(Duration timeout, Consumer<JdbcTemplate> prepare) {
        return pollAndApply(timeout, prepare, Map.of());
    }

    /**
     * As {@link #pollAndApply(Duration, Consumer)}, but applies no record at or past {@code until} (per partition, the
     * first offset not to apply; a partition not named is not limited): a replay "as of" recorded positions. A
     * partition that has reached its limit is paused and its position set to the limit, so {@link #reached} tells
     * when the whole replay is there.
     */
    public InboundEventProcessor.Replayed pollAndApply(Duration timeout, Consumer<JdbcTemplate> prepare,
                                                       Map<TopicPartition, Long> until) {
        Map<TopicPartition, Long> before = positions();
        List<TopicPartition> done = new ArrayList<>();
        List<TopicPartition> open = new ArrayList<>();
        before.forEach((partition, position) -> {
            Long limit = until.get(partition);
            (limit != null && position >= limit ? done : open).add(partition);
        });
        consumer.pause(done);
        consumer.resume(open);
        if (open.isEmpty()) {
            return new InboundEventProcessor.Replayed(0, 0, 0, 0);
        }
        ConsumerRecords<String, byte[]> polled = consumer.poll(timeout);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        Map<TopicPartition, Long> overshot = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : polled) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long limit = until.get(partition);
            if (limit != null && record.offset() >= limit) {
                overshot.put(partition, limit);
            } else {
                records.add(record);
            }
        }
        overshot.forEach(consumer::seek);
        if (records.isEmpty()) {
            return new InboundEventProcessor.Replayed(0, 0, 0, 0);
        }
        try {
            return processor.replay(records, prepare, include, deadLettered);
        } catch (RuntimeException e) {
            before.forEach(consumer::seek);
            throw e;
        }
    }

    /** Where the replay began in each partition. */
    public Map<TopicPartition, Long> start() {
        return Map.copyOf(start);
    }

    /** The next offset the replay will read in each partition: every record before it has been applied. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new TreeMap<>(EventReplay.ORDER);
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition, Duration.ofSeconds(30)));
        }
        return positions;
    }

    /** The current end of each partition (the offset the next record written to it will get). */
    public Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> end = new TreeMap<>(EventReplay.ORDER);
        end.putAll(consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30)));
        return end;
    }

    /** Whether every partition has been read up to (not including) the given offset; partitions absent count as reached. */
    public boolean reached(Map<TopicPartition, Long> target) {
        Map<TopicPartition, Long> positions = positions();
        return target.entrySet().stream().allMatch(t -> positions.getOrDefault(t.getKey(), Long.MAX_VALUE) >= t.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
