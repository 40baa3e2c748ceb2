package org.kesra.events;

import org.kesra.devinfra.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.probe.ProbeSent;
import org.kesra.events.outbox.EventSchemaViolationException;
import org.kesra.events.outbox.OutboxMetrics;
import org.kesra.events.outbox.OutboxRelay;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.events.sample.BackboneTestApplication;
import org.kesra.events.sample.SampleEvents;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The producing half against the real PostgreSQL and Kafka; relays are driven by hand here. */
@SpringBootTest(classes = BackboneTestApplication.class, properties = {
    "kesra.events.relay.enabled=false", "kesra.events.consumer.enabled=false"})
class OutboxIT extends BackboneIntegrationTest {

    @Autowired
    EventBackboneProperties properties;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    Tracer tracer;


    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM event_outbox");
    }

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM event_outbox");
    }

    @Test
    void refusesAPayloadThatBreaksItsSchemaAndWritesNothing() {
        SampleRecorded broken = new SampleRecorded("", 0, false, false);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> publisher.publishAll(List.of(
                new OutgoingEvent(SampleEvents.RECORDED, "agg-ok", null, SampleEvents.step("agg-ok", 1)),
                new OutgoingEvent(SampleEvents.RECORDED, "agg-broken", null, broken)))))
                .isInstanceOf(EventSchemaViolationException.class)
                .hasMessageContaining("backbone.sample.recorded v1 breaks its schema")
                .hasMessageContaining("/aggregate")
                .hasMessageContaining("/sequence");
        assertThat(support.outboxRows()).isZero();
    }

    @Test
    void aLargeBatchGoesThroughCopyAndWritesTheSameRowsAsASmallOne() {
        // 10 events take the JDBC batch, 200 the binary COPY: each row must read back the same either way.
        String small = BackboneTestSupport.newAggregate();
        String large = BackboneTestSupport.newAggregate();
        Span span = tracer.nextSpan().name("import").start();
        List<UUID> smallIds;
        List<UUID> largeIds;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            smallIds = transactions.execute(status -> publisher.publishAll(events(small, 10)));
            largeIds = transactions.execute(status -> publisher.publishAll(events(large, 200)));
        } finally {
            span.end();
        }

        for (var entry : Map.of(small, smallIds, large, largeIds).entrySet()) {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    SELECT event_id, topic, message_key, slot, event_type, event_version, subject, occurred_at,
                           convert_from(payload, 'UTF8') AS payload, trace_parent, trace_state
                    FROM event_outbox WHERE message_key LIKE ? ORDER BY id""", entry.getKey() + "%");
            List<UUID> ids = entry.getValue();
            assertThat(rows).hasSize(ids.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                String key = entry.getKey() + "-" + (i % 7);
                assertThat(row.get("event_id")).isEqualTo(ids.get(i));
                assertThat(row.get("topic")).isEqualTo(SampleEvents.TOPIC);
                assertThat(row.get("message_key")).isEqualTo(key);
                assertThat(((Number) row.get("slot")).intValue()).isEqualTo(Math.floorMod(key.hashCode(), 16));
                assertThat(row.get("event_type")).isEqualTo("backbone.sample.recorded");
                assertThat(row.get("event_version")).isEqualTo(1);
                assertThat(row.get("subject")).isEqualTo(i % 2 == 0 ? "18.72.05.1001" : null);
                assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant())
                        .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
                JsonNode payload = JsonMapper.builder().build().readTree((String) row.get("payload"));
                assertThat(payload.path("aggregate").asString()).isEqualTo(key);
                assertThat(payload.path("sequence").asLong()).isEqualTo(i + 1);
                assertThat((String) row.get("trace_parent")).contains(span.context().traceId());
                assertThat(row.get("trace_state")).isNull();
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT occurred_at) FROM event_outbox WHERE message_key LIKE ?",
                Integer.class, large + "%")).isEqualTo(1);
    }

    @Test
    void aBrokenPayloadLateInACopyWritesNothingAndTheNextTransactionStillPublishes() {
        String aggregate = BackboneTestSupport.newAggregate();
        List<OutgoingEvent> events = new ArrayList<>(events(aggregate, 150));
        events.add(new OutgoingEvent(SampleEvents.RECORDED, aggregate + "-broken", null,
                new SampleRecorded("", 0, false, false)));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> publisher.publishAll(events)))
                .isInstanceOf(EventSchemaViolationException.class)
                .hasMessageContaining("/aggregate");
        assertThat(support.outboxRows()).isZero();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            publisher.publishAll(events(aggregate, 100));
            throw new IllegalStateException("the import failed after its events");
        })).hasMessage("the import failed after its events");
        assertThat(support.outboxRows()).isZero();

        List<UUID> published = transactions.execute(status -> publisher.publishAll(events(aggregate, 100)));
        assertThat(published).hasSize(100);
        assertThat(support.outboxRows()).isEqualTo(100);
    }

    /** {@code count} events over seven keys of one aggregate prefix, every other one with a subject. */
    private static List<OutgoingEvent> events(String prefix, int count) {
        List<OutgoingEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = prefix + "-" + (i % 7);
            events.add(new OutgoingEvent(SampleEvents.RECORDED, key, i % 2 == 0 ? "18.72.05.1001" : null,
                    new SampleRecorded(key, i + 1, false, false)));
        }
        return events;
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> publisher.publish(SampleEvents.RECORDED, "agg", SampleEvents.step("agg", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void refusesAnotherServicesEventType() {
        ProbeSent probe = new ProbeSent(UUID.randomUUID(), 1, java.time.Instant.now(), null);

        assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
                publisher.publish(EventCatalog.HOUSEHOLD_PROBE_SENT, "k", probe)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publishes only its own event types");
    }

    @Test
    void anEventExistsOnlyIfTheTransactionOfItsChangeCommits() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            publisher.publish(SampleEvents.RECORDED, "agg-rolled-back", SampleEvents.step("agg-rolled-back", 1));
            throw new IllegalStateException("the state change failed");
        })).hasMessage("the state change failed");

        assertThat(support.outboxRows()).isZero();
    }

    @Test
    void publishesEachEventAsACloudEventWithItsKeyAndTheRequestsTrace() {
        String aggregate = BackboneTestSupport.newAggregate();
        Span span = tracer.nextSpan().name("request").start();
        List<UUID> ids;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            ids = support.publish(List.of(SampleEvents.step(aggregate, 1), SampleEvents.step(aggregate, 2)));
        } finally {
            span.end();
        }

        int sent = newRelay().relayOnce();

        assertThat(sent).isEqualTo(2);
        assertThat(support.outboxRows()).isZero();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(SampleEvents.TOPIC,
                r -> aggregate.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(TopicReader.header(first, "ce_id")).isEqualTo(ids.get(0).toString());
        assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(first, "ce_type")).isEqualTo("backbone.sample.recorded");
        assertThat(TopicReader.header(first, "ce_source")).isEqualTo("urn:kesra:service:backbone");
        assertThat(TopicReader.header(first, "ce_dataschema")).isEqualTo("urn:kesra:event:backbone.sample.recorded:v1");
        assertThat(TopicReader.header(first, "content-type")).isEqualTo("application/json");
        assertThat(TopicReader.header(first, "traceparent")).contains(span.context().traceId());
        JsonNode payload = JsonMapper.builder().build().readTree(new String(first.value(), StandardCharsets.UTF_8));
        assertThat(payload.path("aggregate").asString()).isEqualTo(aggregate);
        assertThat(payload.path("sequence").asLong()).isEqualTo(1);
        assertThat(records.get(1).partition()).isEqualTo(first.partition());
        assertThat(records.get(1).offset()).isGreaterThan(first.offset());
    }

    @Test
    void aRelayStoppedAndStartedAgainStillPublishes() {
        // Spring stops and restarts lifecycles (the test context cache pauses contexts not in use): a relay that
        // closed its producer on stop must make a new one on the next start.
        OutboxRelay relay = newRelay();
        String aggregate = BackboneTestSupport.newAggregate();
        support.publish(List.of(SampleEvents.step(aggregate, 1)));
        assertThat(relay.relayOnce()).isEqualTo(1);
        relay.start();
        relay.stop();
        support.publish(List.of(SampleEvents.step(aggregate, 2)));
        relay.start();
        try {
            assertThat(TopicReader.read(SampleEvents.TOPIC, r -> aggregate.equals(r.key()), 2, Duration.ofSeconds(20)))
                    .hasSize(2);
            assertThat(support.outboxRows()).isZero();
        } finally {
            relay.stop();
        }
    }

    @Test
    void twoRelaysPublishEveryEventExactlyOnceAndKeepEachKeysOrder() throws Exception {
        String prefix = BackboneTestSupport.newAggregate();
        List<SampleRecorded> steps = BackboneTestSupport.interleavedSteps(prefix, 40, 100);
        for (int from = 0; from < steps.size(); from += 1000) {
            support.publish(steps.subList(from, from + 1000));
        }
        OutboxRelay first = newRelay();
        OutboxRelay second = newRelay();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(second));

        assertThat(a.get() + b.get()).isEqualTo(4000);
        assertThat(support.outboxRows()).isZero();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(SampleEvents.TOPIC,
                r -> r.key() != null && r.key().startsWith(prefix), 4000, Duration.ofSeconds(60));
        assertThat(records).hasSize(4000);
        Map<String, List<Long>> sequences = new HashMap<>();
        records.stream()
                .sorted(java.util.Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(sequenceOf(r)));
        assertThat(sequences).hasSize(40);
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        sequences.forEach((key, seen) -> assertThat(seen).as(key).isEqualTo(expected));
    }

    @Test
    void backlogGaugesCountWhatIsNotYetPublished() {
        String aggregate = BackboneTestSupport.newAggregate();
        List<SampleRecorded> steps = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            steps.add(SampleEvents.step(aggregate, i));
        }
        support.publish(steps);

        metrics.refresh();
        assertThat(metrics.backlog()).isEqualTo(25);

        drain(newRelay());
        metrics.refresh();
        assertThat(metrics.backlog()).isZero();
    }

    private static long sequenceOf(ConsumerRecord<String, byte[]> record) {
        return JsonMapper.builder().build().readTree(new String(record.value(), StandardCharsets.UTF_8))
                .path("sequence").asLong();
    }

    private static int drain(OutboxRelay relay) {
        int total = 0;
        int idleRounds = 0;
        while (idleRounds < 20) {
            int sent = relay.relayOnce();
            total += sent;
            idleRounds = sent == 0 ? idleRounds + 1 : 0;
            if (sent == 0) {
                BackboneProcess.sleep(10);
            }
        }
        return total;
    }

    private OutboxRelay newRelay() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("KAFKA_BOOTSTRAP_SERVERS"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new OutboxRelay(jdbc, transactions,
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                properties, new SimpleMeterRegistry());
    }
}
