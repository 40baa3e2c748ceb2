package org.kesra.events.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.tracing.TraceHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka. Each round, in one database transaction: take the advisory locks of the slots
 * no other relay holds, read their oldest rows in id order, send them (CloudEvents binary mode, idempotent
 * producer, acks=all), wait for every acknowledgement, delete the rows, commit. A crash anywhere before the
 * commit leaves the rows in place, so they are sent again: nothing is lost, and the duplicates are absorbed by
 * the consumers' inbox. The slot locks keep a key with one relay at a time, so its order holds.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** First half of the two-int advisory lock key: the outbox relay's lock space ("KE"). */
    static final int LOCK_SPACE = 0x4B45;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final String SELECT = """
            SELECT id, event_id, topic, message_key, event_type, event_version, subject, occurred_at, payload,
                   trace_parent, trace_state
            FROM event_outbox WHERE slot = ANY(?) ORDER BY id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Makes the producer; a stopped relay closes its producer and a restarted one makes a new one. */
    private final java.util.function.Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private final EventBackboneProperties properties;
    private final URI source;
    private final Counter published;
    private final Timer batches;
    private final List<Thread> workers = new ArrayList<>();
    private final java.util.Map<String, URI> dataSchemas = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;

    /**
     * @param producers called on the first round after each start: Spring stops and restarts lifecycles (the test
     *                  context cache pauses unused contexts), and a closed Kafka producer cannot be reopened
     */
    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions,
                       java.util.function.Supplier<Producer<String, byte[]>> producers,
                       EventBackboneProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producers = producers;
        this.properties = properties;
        this.source = URI.create(properties.source());
        this.published = Counter.builder("kesra.events.published").description("Events the relay published to Kafka")
                .register(meters);
        this.batches = Timer.builder("kesra.events.relay.batch").description("One relay round: read, send, delete")
                .register(meters);
    }

    /** One relay round; answers how many events it published. */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Integer[] slots = lockFreeSlots();
            if (slots.length == 0) {
                return 0;
            }
            List<OutboxRow> rows = read(slots);
            if (rows.isEmpty()) {
                return 0;
            }
            Timer.Sample sample = Timer.start();
            send(rows);
            delete(rows);
            sample.stop(batches);
            return rows.size();
        });
        published.increment(sent == null ? 0 : sent);
        return sent == null ? 0 : sent;
    }

    private Integer[] lockFreeSlots() {
        // Start at a random slot so that several relays spread over the slots instead of racing for slot 0.
        int start = ThreadLocalRandom.current().nextInt(EventPublisher.SLOTS);
        Integer[] order = new Integer[EventPublisher.SLOTS];
        for (int i = 0; i < order.length; i++) {
            order[i] = (start + i) % EventPublisher.SLOTS;
        }
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT s FROM unnest(?::int[]) WITH ORDINALITY AS t(s, n)"
                            + " WHERE pg_try_advisory_xact_lock(?, s) ORDER BY n")) {
                statement.setArray(1, connection.createArrayOf("integer", order));
                statement.setInt(2, LOCK_SPACE);
                List<Integer> locked = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        locked.add(rows.getInt(1));
                    }
                }
                return locked.toArray(Integer[]::new);
            }
        });
    }

    private List<OutboxRow> read(Integer[] slots) {
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setArray(1, connection.createArrayOf("integer", slots));
                statement.setInt(2, properties.relay().batchSize());
                List<OutboxRow> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant(), rs.getBytes(9), rs.getString(10), rs.getString(11)));
                    }
                }
                return rows;
            }
        });
    }

    private void send(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acknowledgements.add(producer().send(toRecord(row)));
        }
        producer().flush();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException e) {
                // Roll back: every row of the batch stays and is sent again; consumers drop the duplicates.
                throw new IllegalStateException("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(row.eventId())
                .withSource(source)
                .withType(row.eventType())
                .withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(dataSchemas.computeIfAbsent(row.eventType() + ":v" + row.eventVersion(),
                        typeAndVersion -> URI.create("urn:kesra:event:" + typeAndVersion)))
                .withDataContentType("application/json")
                .withData(row.payload());
        if (row.subject() != null) {
            builder.withSubject(row.subject());
        }
        CloudEvent event = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(row.topic(), row.key()).writeBinary(event);
        if (row.traceParent() != null) {
            record.headers().add(TraceHeaders.TRACEPARENT, row.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        if (row.traceState() != null) {
            record.headers().add(TraceHeaders.TRACESTATE, row.traceState().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void delete(List<OutboxRow> rows) {
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM event_outbox WHERE id = ANY(?)")) {
                Array array = connection.createArrayOf("bigint", ids);
                statement.setArray(1, array);
                return statement.executeUpdate();
            }
        });
    }

    private void loop() {
        Duration backoff = properties.relay().pollInterval();
        Duration idle = properties.relay().pollInterval();
        while (running) {
            try {
                int sent = relayOnce();
                backoff = properties.relay().pollInterval();
                if (sent == 0) {
                    pause(idle);
                    idle = doubled(idle, properties.relay().maxPollInterval());
                } else {
                    idle = properties.relay().pollInterval();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = doubled(backoff, MAX_BACKOFF);
            }
        }
    }

    static Duration doubled(Duration pause, Duration limit) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(limit) > 0 ? limit : twice;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.relay().workers(); i++) {
            Thread worker = new Thread(this::loop, "outbox-relay-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        log.info("outbox relay started with {} worker(s), topic {}", workers.size(), properties.topic());
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
                producer = null;
            }
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop late (after consumers) and start early, around the data source's lifetime. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    record OutboxRow(long id, String eventId, String topic, String key, String eventType, int eventVersion,
                     String subject, java.time.Instant occurredAt, byte[] payload, String traceParent,
                     String traceState) {
    }
}
