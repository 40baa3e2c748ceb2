package org.kesra.events.bench;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox -> relay -> Kafka -> consuming service, end to end, against the real PostgreSQL and Kafka, with a bare Kafka
 * producer of the same records measured in the same run as the baseline. Run it with:
 * <pre>./mvnw -pl event-backbone -am verify -Pbenchmark-events</pre>
 * Prints a Markdown table (also written to event-backbone/target/benchmark-event-backbone.md).
 */
public final class EventBackboneBenchmark {

    static final String DATABASE = "event_backbone_bench";
    static final String DETAILS = "x".repeat(380);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private EventBackboneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = java.util.Arrays.stream(System.getProperty("bench.rates", "10000,12000,14000,16000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> phases = List.of(System.getProperty("bench.phases", "raw,sustained,backlog").split(","));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.window-seconds", "30")));
        int backlog = Integer.parseInt(System.getProperty("bench.backlog", "1000000"));

        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        System.setProperty("OIDC_ISSUER_URI", infra.issuerUri());
        infra.postgres().serviceEnvironment(DATABASE).forEach(System::setProperty);

        List<String> rows = new ArrayList<>();
        int payloadBytes = JSON.writeValueAsBytes(new BenchRecorded("agg-00000", 1, 0, DETAILS)).length;
        double raw = phases.contains("raw") ? rawProducer(infra.kafkaBootstrapServers(), payloadBytes, 500_000) : 1;
        if (phases.contains("raw")) {
            rows.add(String.format(Locale.ROOT, "| bare Kafka producer (same records, acks=all, idempotent) | %,.0f events/s | - | - |", raw));
        }

        try (ConfigurableApplicationContext service = phases.contains("sustained") ? start(true, true) : null) {
            if (service != null) {
                // Unreported: lets the JIT compile the hot paths of writer, relay and consumer first.
                sustained(service, 6000, Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup-seconds", "45"))),
                        Duration.ofSeconds(5));
            }
            for (int rate : phases.contains("sustained") ? rates : new int[0]) {
                Result result = sustained(service, rate, Duration.ofSeconds(10), window);
                rows.add(String.format(Locale.ROOT, "| end to end, offered %,d events/s for %d s | %,.0f events/s (%.2f of bare producer) | %,.0f ms | %,.0f ms |",
                        rate, window.toSeconds(), result.throughput(), result.throughput() / raw, result.p50Millis(),
                        result.p99Millis()));
            }
        }

        if (!phases.contains("backlog")) {
            print(rows, payloadBytes);
            System.exit(0);
        }
        try (ConfigurableApplicationContext loader = start(false, false)) {
            long loadStart = System.nanoTime();
            load(loader, backlog);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            rows.add(String.format(Locale.ROOT, "| writing the backlog: %,d events into the outbox (publisher, schema-checked, 10,000 per transaction) | %,.0f events/s | - | - |",
                    backlog, backlog / loadSeconds));
        }
        // The relay alone first (what the backlog target is about), then the consumer catching up on its own.
        long drainStart = System.nanoTime();
        try (ConfigurableApplicationContext relay = start(true, false)) {
            double drained = awaitZero(relay.getBean(JdbcTemplate.class), drainStart);
            rows.add(String.format(Locale.ROOT, "| relay draining a backlog of %,d events to Kafka (from service start) | %,.0f events/s | - | - |",
                    backlog, backlog / drained));
        }
        BenchApplication.CONSUMED.set(0);
        long consumeStart = System.nanoTime();
        try (ConfigurableApplicationContext consumer = start(false, true)) {
            double consumed = awaitConsumed(backlog, consumeStart);
            rows.add(String.format(Locale.ROOT, "| consuming service working off the same %,d events (from service start) | %,.0f events/s | - | - |",
                    backlog, backlog / consumed));
        }
        print(rows, payloadBytes);
        System.exit(0);
    }

    static void print(List<String> rows, int payloadBytes) throws java.io.IOException {
        StringBuilder table = new StringBuilder();
        table.append("Payload ").append(payloadBytes).append(" bytes of JSON plus CloudEvents headers; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; Java ")
                .append(System.getProperty("java.version")).append(".\n\n")
                .append("| measurement | throughput | p50 latency | p99 latency |\n|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "benchmark-event-backbone.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }

    record Result(double throughput, double p50Millis, double p99Millis) {
    }

    static ConfigurableApplicationContext start(boolean relay, boolean consumer) {
        // Command-line arguments outrank the test application.yml (builder properties would not).
        return new SpringApplicationBuilder(BenchApplication.class).run(
                "--spring.application.name=bench",
                "--kesra.database=" + DATABASE,
                "--kesra.events.service=bench",
                "--kesra.events.subscriptions=bench",
                "--kesra.events.relay.enabled=" + relay,
                "--kesra.events.consumer.enabled=" + consumer,
                "--server.port=0",
                "--logging.level.root=warn",
                "--logging.structured.format.console=");
    }

    /**
     * Writes events at a fixed rate for the window from two threads (a service writes from many request threads),
     * 1/100 of the rate every 10 ms, each batch in its own transaction; measures what the consumer processed in the
     * window and how late, after a ramp-up that is not measured.
     */
    static Result sustained(ConfigurableApplicationContext service, int rate, Duration rampUp, Duration window)
            throws Exception {
        EventPublisher publisher = service.getBean(EventPublisher.class);
        TransactionTemplate transactions = new TransactionTemplate(
                service.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        long warmup = rampUp.toNanos();
        long start = System.nanoTime();
        long end = start + warmup + window.toNanos();
        String run = UUID.randomUUID().toString().substring(0, 8);
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        long consumedBefore = BenchApplication.CONSUMED.get();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.submit(() -> {
                int perTick = rate / 200;
                long next = System.nanoTime();
                long sequence = 0;
                while (System.nanoTime() < end) {
                    List<OutgoingEvent> events = new ArrayList<>(perTick);
                    long now = System.currentTimeMillis() * 1000;
                    for (int i = 0; i < perTick; i++) {
                        sequence++;
                        String aggregate = run + "-" + writer + "-" + (sequence % 500);
                        events.add(new OutgoingEvent(BenchApplication.RECORDED, aggregate, null,
                                new BenchRecorded(aggregate, sequence, now, DETAILS)));
                    }
                    transactions.executeWithoutResult(status -> publisher.publishAll(events));
                    written.addAndGet(perTick);
                    next += TimeUnit.MILLISECONDS.toNanos(10);
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
                return null;
            });
        }
        TimeUnit.NANOSECONDS.sleep(warmup);
        BenchApplication.LATENCY.getIntervalHistogram();
        long consumedAtStart = BenchApplication.CONSUMED.get();
        long writtenAtStart = written.get();
        long measureStart = System.nanoTime();
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        long consumed = BenchApplication.CONSUMED.get() - consumedAtStart;
        Histogram latency = BenchApplication.LATENCY.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "rate %d: written %.0f/s, consumed %.0f/s in the window%n", rate,
                (written.get() - writtenAtStart) / seconds, consumed / seconds);
        // Let the pipeline empty before the next rate, so rates do not bleed into each other.
        awaitConsumed((int) (consumedBefore + written.get()), System.nanoTime());
        Thread.sleep(2000);
        return new Result(consumed / seconds, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0);
    }

    static void load(ConfigurableApplicationContext loader, int backlog) {
        EventPublisher publisher = loader.getBean(EventPublisher.class);
        TransactionTemplate transactions = new TransactionTemplate(
                loader.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        String run = "backlog-" + UUID.randomUUID().toString().substring(0, 8);
        for (int from = 0; from < backlog; from += 10_000) {
            List<OutgoingEvent> events = new ArrayList<>(10_000);
            long now = System.currentTimeMillis() * 1000;
            for (int i = from; i < Math.min(backlog, from + 10_000); i++) {
                String aggregate = run + "-" + (i % 10_000);
                events.add(new OutgoingEvent(BenchApplication.RECORDED, aggregate, null,
                        new BenchRecorded(aggregate, i + 1, now, DETAILS)));
            }
            transactions.executeWithoutResult(status -> publisher.publishAll(events));
        }
    }

    /** Seconds from {@code start} until the outbox is empty. */
    static double awaitZero(JdbcTemplate jdbc, long start) throws InterruptedException {
        while (true) {
            Integer left = jdbc.queryForObject("SELECT count(*) FROM event_outbox", Integer.class);
            if (left != null && left == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(50);
        }
    }

    static double awaitConsumed(int expected, long start) throws InterruptedException {
        while (BenchApplication.CONSUMED.get() < expected) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same records the relay sends (CloudEvents binary mode, same producer settings), without the outbox. */
    static double rawProducer(String bootstrap, int payloadBytes, int count) throws Exception {
        String topic = "bench.raw-producer";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        byte[] payload = JSON.writeValueAsBytes(new BenchRecorded("agg-00000", 1, 0, DETAILS));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and the connections
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    String key = "agg-" + (i % 1000);
                    var event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                            .withSource(URI.create("urn:kesra:service:bench")).withType("bench.sample.recorded")
                            .withTime(OffsetDateTime.now()).withDataSchema(URI.create("urn:kesra:event:bench.sample.recorded:v1"))
                            .withDataContentType("application/json").withData(payload).build();
                    ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
                    record.headers().add("traceparent",
                            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
                producer.flush();
                if (round == 1) {
                    return count / ((System.nanoTime() - start) / 1e9);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
