package org.kesra.events.replay;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.probe.ProbeReceiptRecorder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replays of the topics a service consumes, and the positions a replay is measured against: the live consumer
 * group's committed offsets and the ends of the topics. A service that rebuilds state from its sources (a read model)
 * opens a {@link ReplayConsumer}, applies what it reads through its own handlers into wherever it rebuilds, and
 * decides itself when it has caught up; the backbone knows nothing of what is rebuilt.
 *
 * <p>A replay runs the service's handlers except the probe recorder (a probe proves the path at the time it was
 * sent; replaying it proves nothing and would write receipts again). An event the live consumer dead-lettered and
 * nobody re-drove (status {@code NEW} or {@code DISCARDED} in {@code event_dead_letter}) is skipped when its handler
 * fails again, so a replay ends where the live consumer did; any other handler failure ends the replay.
 */
public class EventReplay implements AutoCloseable {

    static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final KafkaProperties kafka;
    private final EventBackboneProperties properties;
    private final InboundEventProcessor processor;
    private final JdbcTemplate jdbc;
    /** Created on first use and kept: a replay reads the live offsets every few seconds. */
    private Admin admin;

    public EventReplay(KafkaProperties kafka, EventBackboneProperties properties, InboundEventProcessor processor,
                       JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.properties = properties;
        this.processor = processor;
        this.jdbc = jdbc;
    }

    /** The topics this service consumes ({@code kesra.events.subscriptions}). */
    public List<String> subscribedTopics() {
        return properties.subscribedTopics();
    }

    /** A replay of the given topics from {@code start}; close it when done. */
    public ReplayConsumer open(List<String> topics, ReplayStart start) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.consumer().replayMaxPollRecords());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.service() + "-replay-" + UUID.randomUUID());
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            return new ReplayConsumer(consumer, topics, start, processor,
                    handler -> !(handler instanceof ProbeReceiptRecorder), this::deadLettered);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * The live consumer group's committed offset of each partition of the topics (the next offset it will read after
     * a restart; absent for a partition it never committed). With several instances this is the group's, whichever
     * instance holds the partition.
     */
    public Map<TopicPartition, Long> liveCommittedOffsets(List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(properties.consumerGroup())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new TreeMap<>(ORDER);
            committed.forEach((partition, offset) -> {
                if (offset != null && topics.contains(partition.topic())) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer group's offsets", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of consumer group " + properties.consumerGroup(), e);
        }
    }

    /** The current end of every partition of the topics. */
    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin().describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new TreeMap<>(ORDER);
            admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ends of " + topics, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the ends of " + topics, e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
            config.put(org.apache.kafka.clients.admin.AdminClientConfig.CLIENT_ID_CONFIG, properties.service() + "-replay-admin");
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    private boolean deadLettered(UUID eventId) {
        Long open = jdbc.queryForObject("""
                SELECT count(*) FROM public.event_dead_letter WHERE event_id = ? AND status <> 'REDRIVEN'""",
                Long.class, eventId.toString());
        return open != null && open > 0;
    }
}
