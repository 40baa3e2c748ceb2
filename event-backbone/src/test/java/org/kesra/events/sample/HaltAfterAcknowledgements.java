package org.kesra.events.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kafka producer interceptor that halts the JVM once the broker has acknowledged N records: configured into the
 * relay of a test process, it kills the relay in the middle of a batch, after sending and before the delete.
 */
public class HaltAfterAcknowledgements implements ProducerInterceptor<Object, Object> {

    public static final String LIMIT = "kesra.test.halt-after-acks";
    private final AtomicLong acknowledged = new AtomicLong();
    private long limit = Long.MAX_VALUE;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && acknowledged.incrementAndGet() >= limit) {
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(LIMIT);
        if (configured != null) {
            limit = Long.parseLong(configured.toString());
        }
    }
}
