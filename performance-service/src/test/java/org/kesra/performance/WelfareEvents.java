package org.kesra.performance;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes welfare-service's {@code welfare.kelurahan-indicators.published} onto the real broker exactly as its outbox
 * relay does (CloudEvents binary mode, source, type, data schema, subject and key: the kelurahan code), so that
 * performance-service's consumer is tested end to end without welfare-service in this JVM.
 */
final class WelfareEvents implements AutoCloseable {

    static final String TOPIC = "welfare.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("KAFKA_BOOTSTRAP_SERVERS"),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    /** Publishes one kelurahan's figures; returns the event id. */
    UUID published(KelurahanIndicatorsPublished figures) {
        UUID id = UUID.randomUUID();
        var event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create("urn:kesra:service:welfare"))
                .withType(EventCatalog.KELURAHAN_INDICATORS_PUBLISHED.type())
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("urn:kesra:event:" + EventCatalog.KELURAHAN_INDICATORS_PUBLISHED.type()
                        + ":v" + EventCatalog.KELURAHAN_INDICATORS_PUBLISHED.version()))
                .withDataContentType("application/json")
                .withSubject(figures.kelurahanCode())
                .withData(JSON.writeValueAsBytes(figures))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(TOPIC, figures.kelurahanCode())
                .writeBinary(event);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the figures of " + figures.kelurahanCode(), e);
        }
        return id;
    }

    @Override
    public void close() {
        producer.close();
    }
}
