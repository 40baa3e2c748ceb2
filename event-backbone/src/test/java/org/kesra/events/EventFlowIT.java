package org.kesra.events;

import org.kesra.devinfra.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.events.sample.BackboneTestApplication;
import org.kesra.events.sample.SampleEffectHandler;
import org.kesra.events.sample.SampleEvents;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/** Outbox, relay, Kafka and consumers together, against the real servers, with the operator API on top. */
@SpringBootTest(classes = BackboneTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.events.relay.enabled=true", "kesra.events.consumer.enabled=true",
            "kesra.test.instance=first"})
class EventFlowIT extends BackboneIntegrationTest {

    static final String DLT = "backbone.events.backbone.dlt";

    @Autowired
    Tracer tracer;
    @Autowired
    SampleEffectHandler handler;
    @Autowired
    ConfigurableApplicationContext context;
    @LocalServerPort
    int port;

    ApiClient api;
    KeycloakTokens tokens;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
    }

    @Test
    void poisonMessageIsDeadLetteredWithItsReasonWhileTheRestOfThePartitionFlows() {
        String aggregate = BackboneTestSupport.newAggregate();
        List<UUID> ids = support.publish(List.of(SampleEvents.step(aggregate, 1),
                new SampleRecorded(aggregate, 2, true, false), SampleEvents.step(aggregate, 3)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(support.sequencesByAggregate(aggregate).get(aggregate)).containsExactly(1L, 3L));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(DLT,
                r -> ids.get(1).toString().equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(TopicReader.header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("simulated defect");
        assertThat(TopicReader.header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(SampleEvents.TOPIC);
        assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
        assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        assertThat(letter.key()).isEqualTo(aggregate);
    }

    @Test
    void operatorSeesTheDeadLetterAndReDrivesItAfterTheFix() {
        String aggregate = BackboneTestSupport.newAggregate();
        UUID poisoned = support.publish(List.of(new SampleRecorded(aggregate, 1, true, false))).get(0);
        String admin = tokens.forUser("platform.admin");

        long id = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterId(poisoned, admin), v -> v != null);
        ApiClient.Response detail = api.get("/api/v1/ops/dead-letters/" + id, admin);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().path("status").asString()).isEqualTo("NEW");
        assertThat(detail.body().path("reason").asString()).contains("simulated defect");
        assertThat(detail.body().path("originalTopic").asString()).isEqualTo(SampleEvents.TOPIC);
        assertThat(detail.body().path("payload").asString()).contains(aggregate);

        ApiClient.Response stillBroken = api.post("/api/v1/ops/dead-letters/" + id + "/redrive", admin, "");
        assertThat(stillBroken.status()).isEqualTo(422);
        assertThat(stillBroken.body().path("code").asString()).isEqualTo("KESRA-DLT-REDRIVE-FAILED");
        assertThat(support.effects(aggregate)).isZero();

        handler.fixDefect(aggregate);
        ApiClient.Response redriven = api.post("/api/v1/ops/dead-letters/" + id + "/redrive", admin, "");
        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.body().path("status").asString()).isEqualTo("REDRIVEN");
        assertThat(redriven.body().path("resolvedBy").asString()).isEqualTo("platform.admin");
        assertThat(redriven.body().path("attempts").asInt()).isEqualTo(2);
        assertThat(support.effects(aggregate)).isEqualTo(1);

        ApiClient.Response again = api.post("/api/v1/ops/dead-letters/" + id + "/redrive", admin, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().path("code").asString()).isEqualTo("KESRA-DLT-RESOLVED");
        assertThat(support.effects(aggregate)).isEqualTo(1);
    }

    /**
     * A version of a handled type this service does not know is dead-lettered at once, not skipped (the change would be
     * lost); a type it does not react to at all is ignored; the events after both are applied.
     */
    @Test
    void anUnknownVersionOfAHandledTypeIsDeadLetteredAndAnUnhandledTypeIgnored() {
        String key = BackboneTestSupport.newAggregate();
        String future = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("KAFKA_BOOTSTRAP_SERVERS")),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(cloudEvent(key, future, "backbone.sample.recorded", 9));
            producer.send(cloudEvent(key, other, "backbone.sample.unheard-of", 1));
        }
        support.publish(List.of(SampleEvents.step(key, 1)));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(DLT,
                r -> future.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TopicReader.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("version 9",
                "does not know");
        await().atMost(Duration.ofSeconds(30)).until(() -> support.effects(key) == 1);
        assertThat(TopicReader.read(DLT, r -> other.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(3)))
                .as("a type nobody here handles is not a failure").isEmpty();
    }

    private static ProducerRecord<String, byte[]> cloudEvent(String key, String id, String type, int version) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(SampleEvents.TOPIC, key,
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "urn:kesra:service:backbone".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_dataschema", ("urn:kesra:event:" + type + ":v" + version).getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void unreadablePayloadGoesToTheDeadLetterTopicAtOnce() {
        String key = BackboneTestSupport.newAggregate();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(SampleEvents.TOPIC, key,
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "urn:kesra:service:backbone".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "backbone.sample.recorded".getBytes(StandardCharsets.UTF_8))
                .add("ce_dataschema", "urn:kesra:event:backbone.sample.recorded:v1".getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("KAFKA_BOOTSTRAP_SERVERS")),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(garbage);
        }
        support.publish(List.of(SampleEvents.step(key, 1)));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.read(DLT,
                r -> eventId.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TopicReader.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unreadable");
        await().atMost(Duration.ofSeconds(30)).until(() -> support.effects(key) == 1);
    }

    @Test
    void theConsumerContinuesTheTraceOfTheRequestThatCausedTheEvent() {
        String aggregate = BackboneTestSupport.newAggregate();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            support.publish(List.of(SampleEvents.step(aggregate, 1)));
        } finally {
            request.end();
        }

        String consumerTrace = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "SELECT trace_id FROM sample_effect WHERE aggregate = ?", (rs, n) -> rs.getString(1), aggregate)
                .stream().findFirst().orElse(null), v -> v != null);
        assertThat(consumerTrace).isEqualTo(request.context().traceId());
    }

    @Test
    void perKeyOrderHoldsAcross10000EventsOnSixPartitionsWithTwoConsumerInstances() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BackboneTestApplication.class)
                .properties("server.port=0", "kesra.test.instance=second", "kesra.events.relay.enabled=false")
                .run()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(context) > 0 && assigned(second) > 0
                    && assigned(context) + assigned(second) == 6);

            String prefix = BackboneTestSupport.newAggregate();
            List<SampleRecorded> steps = BackboneTestSupport.interleavedSteps(prefix, 200, 50);
            for (int from = 0; from < steps.size(); from += 1000) {
                support.publish(steps.subList(from, from + 1000));
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> support.effects(prefix) == 10_000);
            assertThat(support.distinctEffects(prefix)).isEqualTo(10_000);
            List<Long> expected = LongStream.rangeClosed(1, 50).boxed().toList();
            var byKey = support.sequencesByAggregate(prefix);
            assertThat(byKey).hasSize(200);
            byKey.forEach((key, seen) -> assertThat(seen).as(key).isEqualTo(expected));
            assertThat(jdbc.queryForList("SELECT DISTINCT instance FROM sample_effect WHERE aggregate LIKE ?",
                    String.class, prefix + "%")).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void operatorApiNeedsAValidTokenWithThePlatformAdminRole() {
        ApiClient.Response anonymous = api.get("/api/v1/ops/dead-letters", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().path("code").asString()).isEqualTo("KESRA-AUTH-401");

        ApiClient.Response operator = api.get("/api/v1/ops/dead-letters", tokens.forUser("dinsos.operator"));
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.body().path("code").asString()).isEqualTo("KESRA-AUTH-403");

        ApiClient.Response admin = api.get("/api/v1/ops/dead-letters?size=5", tokens.forUser("platform.admin"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().path("size").asInt()).isEqualTo(5);
    }

    @Test
    void operatorApiAnswersBadInputWithProblemDetailsThatPointAtTheField() {
        String admin = tokens.forUser("platform.admin");

        ApiClient.Response noReason = api.post("/api/v1/ops/dead-letters/1/discard", admin, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("code").asString()).as(noReason.body().toString()).isEqualTo("KESRA-VALIDATION");
        assertThat(noReason.body().path("code").asString()).isEqualTo("KESRA-VALIDATION");
        assertThat(noReason.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/reason");
        assertThat(noReason.body().path("errors").get(0).path("detail").asString()).isEqualTo("alasan wajib diisi");

        ApiClient.Response badStatus = api.get("/api/v1/ops/dead-letters?status=LOST", admin);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/status");

        ApiClient.Response tooBig = api.get("/api/v1/ops/dead-letters?size=1000", admin);
        assertThat(tooBig.status()).isEqualTo(400);

        ApiClient.Response unknown = api.post("/api/v1/ops/dead-letters/999999999/redrive", admin, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asString()).isEqualTo("KESRA-DLT-NOT-FOUND");
        assertThat(unknown.body().path("title").asString()).isEqualTo("Dead letter tidak ditemukan");

        ApiClient.Response malformed = api.post("/api/v1/ops/dead-letters/1/discard", admin, "{\"reason\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("code").asString()).isEqualTo("KESRA-MALFORMED-BODY");

        ApiClient.Response notANumber = api.get("/api/v1/ops/dead-letters/abc", admin);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");
    }

    private Long deadLetterId(UUID eventId, String token) {
        ApiClient.Response page = api.get("/api/v1/ops/dead-letters?status=NEW&size=200", token);
        for (var item : page.body().path("items")) {
            if (eventId.toString().equals(item.path("eventId").asString())) {
                return item.path("id").asLong();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static int assigned(ConfigurableApplicationContext context) {
        var consumers = (ConcurrentMessageListenerContainer<String, byte[]>) context.getBean("eventConsumers");
        var partitions = consumers.getAssignedPartitions();
        return partitions == null ? 0 : partitions.size();
    }
}
