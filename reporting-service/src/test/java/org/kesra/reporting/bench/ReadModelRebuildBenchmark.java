package org.kesra.reporting.bench;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.household.FieldChange;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.HouseholdRelocated;
import org.kesra.contracts.household.Member;
import org.kesra.contracts.household.MemberAdded;
import org.kesra.contracts.household.MemberRemoved;
import org.kesra.contracts.household.PersonCorrected;
import org.kesra.contracts.household.PersonDied;
import org.kesra.contracts.household.PersonMovedAway;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.HandlerRegistry;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.outbox.PayloadSchemas;
import org.kesra.events.replay.EventReplay;
import org.kesra.events.replay.ReplayConsumer;
import org.kesra.events.replay.ReplayStart;
import org.kesra.events.tracing.TraceHeaders;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.kesra.reporting.ReportingServiceApplication;
import org.kesra.reporting.SourceEventsFixture;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23's second benchmark: rebuilding the read models from a million events, against the floor of the same work
 * measured in the same run; target: at least 0.5 of the floor's rate.
 *
 * <ol>
 * <li>Produces N events ({@code -Dkesra.bench.rebuild.events}, default 1,000,000) onto the real topics in the
 *     envelope the outbox relays write (CloudEvents binary mode, the contracts' records as JSON, the first of each type
 *     checked against its JSON Schema), with the producer settings the services use (acks=all, idempotence, linger
 *     5 ms, 256 KiB batches, lz4). The city's history as household-service would have written it: the registry loaded
 *     by import (registrations one after another), then daily life (registrations, members added and removed,
 *     deaths, moves out of the city, relocations, corrections), with welfare-service's kelurahan publications in
 *     between (one event in 500).</li>
 * <li>Floor: a bare {@link KafkaConsumer} reading exactly those records (all partitions assigned, from the offsets
 *     before production to the offsets after), once reading alone (poll, CloudEvents headers, JSON parsed, rows
 *     built, nothing written), once writing the rows with PostgreSQL COPY into bare tables with the read models'
 *     columns (no keys, no indexes; one transaction per poll, as the rebuild commits per poll, with the replay's
 *     poll size and commit mode).</li>
 * <li>Floor of the stack: the event backbone's replay reading the same records through the service's inbound
 *     processor (CloudEvents, contract records, inbox) with handlers that do nothing ({@link #stackFloor}).</li>
 * <li>The service's rebuild through its operator endpoint ({@code POST /api/v1/ops/read-model-rebuilds} as
 *     {@code platform.admin}, real token), timed from the request to {@code COMPLETED}.</li>
 * </ol>
 * Writes nothing but standard output. Run: {@code ./mvnw -pl reporting-service -am verify -Pbenchmark-rebuild
 * -DskipTests} (docs/benchmarks.md).
 */
public final class ReadModelRebuildBenchmark {

    static final String DATABASE = System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + "reporting_rebuild_bench";
    static final String HOUSEHOLD = SourceEventsFixture.HOUSEHOLD;
    static final String WELFARE = SourceEventsFixture.WELFARE;
    static final List<String> TOPICS = List.of(HOUSEHOLD, WELFARE, SourceEventsFixture.PERFORMANCE);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Event ids as the outbox makes them (UUIDv7, EventPublisher): every inbox index grows at its right edge. */
    private static final com.fasterxml.uuid.impl.TimeBasedEpochGenerator EVENT_IDS =
            com.fasterxml.uuid.Generators.timeBasedEpochGenerator();
    private static final String[] NAMES = {"SITI", "AHMAD", "DEWI", "BUDI", "SRI", "AGUS", "NUR", "EKO", "RINA",
        "HENDRA", "WAHYU", "YULI", "SUPARMAN", "KUSNO", "LESTARI", "RAHMAT", "PUTRI", "JOKO", "AYU", "SLAMET"};
    private static final String[] CATEGORIES = {"ABT", "AT", "ABH", "AJ", "ADK", "AKTK", "AMPK", "LUT", "PD", "TS",
        "GP", "BWBLP", "KBSE", "FM"};

    private ReadModelRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("kesra.bench.rebuild.events", 1_000_000);
        // Only the figures on standard output: the clients' INFO lines before Spring configures logging go.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        String servers = infra.kafkaBootstrapServers();
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", servers);
        List<String> kelurahan = kelurahan();

        Map<TopicPartition, Long> from;
        Map<TopicPartition, Long> to;
        String replayFrom;
        Produced produced;
        try (SourceEventsFixture fixture = new SourceEventsFixture()) { // creates the topics as the ITs do
            replayFrom = fixture.startGroupAtTheEnd("kesra.reporting");
            from = offsets(replayFrom);
            long t0 = System.nanoTime();
            produced = produce(servers, events, kelurahan);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s): %s%n", events, seconds,
                    events / seconds, produced.types);
            // The live consumer group starts at the end: the service's live models stay empty and idle, and only
            // the rebuild reads the history.
            to = offsets(fixture.startGroupAtTheEnd("kesra.reporting"));
        }
        long records = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            records += end.getValue() - from.getOrDefault(end.getKey(), 0L);
        }
        System.out.printf(Locale.ROOT, "records between the offsets before and after: %,d%n", records);

        int port = Ports.free();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--management.server.port=" + Ports.free(), "--logging.threshold.console=warn",
                "--kesra.reporting.generations.schedule-enabled=false", "--KAFKA_BOOTSTRAP_SERVERS=" + servers,
                "--OIDC_ISSUER_URI=" + infra.issuerUri(), "--kesra.reporting.rebuild.replay-from=" + replayFrom));
        infra.postgres().serviceEnvironment(DATABASE).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext service = SpringApplication.run(ReportingServiceApplication.class,
                arguments.toArray(String[]::new));
             Connection jdbc = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                     infra.postgres().user(), infra.postgres().password())) {
            Floor read = floor(servers, from, to, null);
            System.out.printf(Locale.ROOT, "floor, bare consumer reading alone: %,d records in %.1f s = %,.0f records/s"
                    + " (%,d rows built, nothing written)%n", read.records, read.seconds, read.rate(), read.rows);
            createBareTables(jdbc);
            Floor copy = floor(servers, from, to, jdbc);
            System.out.printf(Locale.ROOT, "floor, bare consumer + COPY: %,d records in %.1f s = %,.0f records/s"
                    + " (%,d rows copied: %s)%n", copy.records, copy.seconds, copy.rate(), copy.rows, copy.perTable);
            Floor stack = stackFloor(service, jdbc, from, to);
            System.out.printf(Locale.ROOT, "floor of the stack, event backbone's replay with handlers that do nothing:"
                    + " %,d records in %.1f s = %,.0f records/s (%,d inbox rows)%n", stack.records, stack.seconds,
                    stack.rate(), stack.rows);

            KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
            String token = tokens.forUser("platform.admin");
            long tokenAt = System.nanoTime();
            long t0 = System.nanoTime();
            JsonNode started = JSON.readTree(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/ops/read-model-rebuilds")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), 202));
            String id = started.path("id").asString();
            JsonNode done = started;
            while (!Set.of("COMPLETED", "FAILED", "ABANDONED").contains(done.path("state").asString())) {
                Thread.sleep(500);
                if ((System.nanoTime() - t0) / 1e9 > 3600) {
                    throw new IllegalStateException("rebuild not finished after an hour: " + done);
                }
                if ((System.nanoTime() - tokenAt) / 1e9 > 60) { // access tokens live 5 minutes; a rebuild longer
                    token = tokens.forUser("platform.admin");
                    tokenAt = System.nanoTime();
                }
                done = JSON.readTree(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/ops/read-model-rebuilds/" + id)).header("Authorization", "Bearer " + token)
                        .GET().build(), 200));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!"COMPLETED".equals(done.path("state").asString())) {
                throw new IllegalStateException("rebuild " + id + " ended " + done);
            }
            long replayed = 0;
            for (JsonNode topic : done.path("topics")) {
                replayed += topic.path("replayed").asLong() - topic.path("replayedFrom").asLong();
            }
            double serverSeconds = Duration.between(Instant.parse(done.path("startedAt").asString()),
                    Instant.parse(done.path("finishedAt").asString())).toMillis() / 1000.0;
            double rate = replayed / seconds;
            System.out.printf(Locale.ROOT, "rebuild through POST /api/v1/ops/read-model-rebuilds: %,d records replayed"
                            + " (%,d events applied, %,d duplicate, %,d skipped) in %.1f s from the request to COMPLETED"
                            + " (%.1f s startedAt..finishedAt) = %,.0f records/s%n", replayed,
                    done.path("eventsApplied").asLong(), done.path("eventsDuplicate").asLong(),
                    done.path("eventsSkipped").asLong(), seconds, serverSeconds, rate);
            System.out.printf(Locale.ROOT, "rebuilt model: %,d households (%,d registered), %,d persons (%,d generated),"
                            + " %,d kelurahan figures%n", count(jdbc, "rm_household"), produced.households,
                    count(jdbc, "rm_person"), produced.persons, count(jdbc, "rm_kelurahan_figures"));
            if (count(jdbc, "rm_household") != produced.households || count(jdbc, "rm_person") != produced.persons) {
                throw new IllegalStateException("the rebuilt model does not hold what was produced");
            }
            System.out.printf(Locale.ROOT, "ratio rebuild / floor (consumer + COPY): %.3f (target >= 0.5)%n",
                    rate / copy.rate());
            System.out.printf(Locale.ROOT, "ratio rebuild / bare consumer reading alone: %.3f%n", rate / read.rate());
            System.out.printf(Locale.ROOT, "ratio stack floor (replay, inbox, handlers doing nothing) / floor: %.3f%n",
                    stack.rate() / copy.rate());
            System.out.printf(Locale.ROOT, "ratio rebuild / stack floor: %.3f%n", rate / stack.rate());
        }
        System.exit(0);
    }

    // ---- the events ---------------------------------------------------------------------------------------------

    /** What was produced, for the checks after the rebuild. */
    record Produced(long households, long persons, Map<String, Integer> types) {
    }

    /**
     * The city's history: the first 55 % of the household events are the registry's import (registrations only),
     * the rest daily life; every 500th event is a welfare publication of one kelurahan and month. Keyed as
     * household-service keys them (the household id), so each household's events stay in order in one partition.
     */
    static Produced produce(String servers, int total, List<String> kelurahan) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        // As EventBackboneAutoConfiguration configures the services' outbox relays.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random random = new Random(23);
        long salt = System.currentTimeMillis();
        PayloadSchemas schemas = new PayloadSchemas();
        Set<EventDefinition> checked = new HashSet<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // Per household its kelurahan; per person its household (-1: off every card) and whether still counted.
        int[] householdKelurahan = new int[1024];
        int households = 0;
        int[] personHousehold = new int[4096];
        boolean[] personActive = new boolean[4096];
        int persons = 0;
        Instant time = Instant.parse("2019-01-02T01:00:00Z");
        int importEnd = (int) (total * 0.55);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < total; i++) {
                time = time.plusSeconds(i < importEnd ? 1 : 120);
                if (i % 500 == 499) {
                    int k = random.nextInt(kelurahan.size());
                    LocalDate month = LocalDate.of(2019, 1, 1).plusMonths(random.nextInt(72));
                    long terdata = 50 + random.nextInt(400);
                    List<PpksCategoryCount> categories = new ArrayList<>();
                    for (int c = 0; c < CATEGORIES.length; c++) {
                        if (random.nextInt(3) > 0) {
                            long n = 1 + random.nextInt(60);
                            categories.add(new PpksCategoryCount(CATEGORIES[c], n, n * random.nextInt(10) / 10));
                        }
                    }
                    send(producer, failure, schemas, checked, types, WELFARE, "welfare",
                            EventCatalog.KELURAHAN_INDICATORS_PUBLISHED, kelurahan.get(k), kelurahan.get(k), time,
                            new KelurahanIndicatorsPublished(kelurahan.get(k), month,
                                    month.plusMonths(1).minusDays(1), terdata, terdata * random.nextInt(10) / 10,
                                    categories, List.of(new ProgrammeKpm("PKH", 100 + random.nextInt(500),
                                            750_000L * (100 + random.nextInt(500))),
                                            new ProgrammeKpm("SEMBAKO", 200 + random.nextInt(800),
                                            200_000L * (200 + random.nextInt(800))),
                                            new ProgrammeKpm("PBI_JK", 500 + random.nextInt(2000), null)), time));
                    continue;
                }
                int roll = i < importEnd || persons < 100 ? 0 : random.nextInt(100);
                if (roll < 15) { // a household registered: 1-7 members, mostly 3-4
                    if (households == householdKelurahan.length) {
                        householdKelurahan = Arrays.copyOf(householdKelurahan, households * 2);
                    }
                    int h = households++;
                    int k = random.nextInt(kelurahan.size());
                    householdKelurahan[h] = k;
                    int size = Math.max(1, Math.min(7, (int) Math.round(3.4 + random.nextGaussian() * 1.3)));
                    List<Member> members = new ArrayList<>(size);
                    for (int m = 0; m < size; m++) {
                        if (persons == personHousehold.length) {
                            personHousehold = Arrays.copyOf(personHousehold, persons * 2);
                            personActive = Arrays.copyOf(personActive, persons * 2);
                        }
                        int p = persons++;
                        personHousehold[p] = h;
                        personActive[p] = true;
                        members.add(member(random, new UUID(salt ^ 0x5045_5253L, p), m == 0 ? "KEPALA_KELUARGA"
                                : m == 1 ? "ISTRI" : "ANAK"));
                    }
                    UUID household = new UUID(salt ^ 0x4b4b_0000L, h);
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household",
                            EventCatalog.HOUSEHOLD_REGISTERED, household.toString(), kelurahan.get(k), time,
                            new HouseholdRegistered(household, kk(random), kelurahan.get(k),
                                    String.format("%03d", 1 + random.nextInt(12)),
                                    String.format("%03d", 1 + random.nextInt(30)), members,
                                    i < importEnd ? "IMPORT:" + new UUID(salt, i / 5_000) : "API", time));
                    continue;
                }
                // Daily life touches a person registered earlier (one still counted, found in a few tries).
                int p = random.nextInt(persons);
                for (int tries = 0; tries < 8 && !personActive[p]; tries++) {
                    p = random.nextInt(persons);
                }
                if (!personActive[p]) {
                    roll = 50; // nobody found: a correction, which needs no one counted
                }
                int h = personHousehold[p] < 0 ? random.nextInt(households) : personHousehold[p];
                UUID household = new UUID(salt ^ 0x4b4b_0000L, h);
                UUID person = new UUID(salt ^ 0x5045_5253L, p);
                String place = kelurahan.get(householdKelurahan[h]);
                if (roll < 45) { // a member added (a birth or a newcomer)
                    if (persons == personHousehold.length) {
                        personHousehold = Arrays.copyOf(personHousehold, persons * 2);
                        personActive = Arrays.copyOf(personActive, persons * 2);
                    }
                    int added = persons++;
                    personHousehold[added] = h;
                    personActive[added] = true;
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household", EventCatalog.MEMBER_ADDED,
                            household.toString(), place, time, new MemberAdded(household, kk(random), place,
                                    member(random, new UUID(salt ^ 0x5045_5253L, added), "ANAK"), time));
                } else if (roll < 70) { // a person's data corrected (nothing a recap counts)
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household",
                            EventCatalog.PERSON_CORRECTED, household.toString(), place, time,
                            new PersonCorrected(person, nik(random), household, List.of(new FieldChange("occupation",
                                    "PETANI", "PEDAGANG")), "perbaikan data pekerjaan", time));
                } else if (roll < 80) { // died
                    personActive[p] = false;
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household", EventCatalog.PERSON_DIED,
                            household.toString(), place, time, new PersonDied(person, nik(random), household,
                                    LocalDate.ofInstant(time, ZoneOffset.UTC), "surat kematian kelurahan", time));
                } else if (roll < 87) { // taken off the card
                    personActive[p] = false;
                    personHousehold[p] = -1;
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household",
                            EventCatalog.MEMBER_REMOVED, household.toString(), place, time,
                            new MemberRemoved(household, person, nik(random), "pisah KK", time));
                } else if (roll < 94) { // moved out of the city
                    personActive[p] = false;
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household",
                            EventCatalog.PERSON_MOVED_AWAY, household.toString(), place, time,
                            new PersonMovedAway(person, nik(random), household, LocalDate.ofInstant(time,
                                    ZoneOffset.UTC), "Kabupaten Lampung Timur", "pindah kerja", time));
                } else { // the household moved within the city
                    int k = random.nextInt(kelurahan.size());
                    householdKelurahan[h] = k;
                    String kk = kk(random);
                    send(producer, failure, schemas, checked, types, HOUSEHOLD, "household",
                            EventCatalog.HOUSEHOLD_RELOCATED, household.toString(), kelurahan.get(k), time,
                            new HouseholdRelocated(household, kk, kk, place, kelurahan.get(k), "004", "011",
                                    "pindah alamat", time));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing failed", failure.get());
        }
        return new Produced(households, persons, types);
    }

    private static Member member(Random random, UUID id, String relationship) {
        LocalDate birth = LocalDate.of(1950 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String sex = random.nextBoolean() ? "L" : "P";
        return new Member(id, nik(random), NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)],
                birth, sex, relationship, "KAWIN", "SLTA", "PETANI", "TIDAK", false, false, "HIDUP");
    }

    private static String nik(Random random) {
        return String.format("187202%010d", (long) (random.nextDouble() * 9_999_999_999L));
    }

    private static String kk(Random random) {
        return String.format("187202%010d", (long) (random.nextDouble() * 9_999_999_999L));
    }

    private static void send(KafkaProducer<String, byte[]> producer, AtomicReference<Exception> failure,
                             PayloadSchemas schemas, Set<EventDefinition> checked, Map<String, Integer> types,
                             String topic, String service, EventDefinition definition, String key, String subject,
                             Instant time, Record payload) {
        if (failure.get() != null) {
            throw new IllegalStateException("producing failed", failure.get());
        }
        if (checked.add(definition)) { // the contract's JSON Schema accepts what is sent (checked once per type)
            schemas.check(definition, JSON.valueToTree(payload));
        }
        types.merge(definition.type(), 1, Integer::sum);
        var event = CloudEventBuilder.v1()
                .withId(EVENT_IDS.generate().toString())
                .withSource(URI.create("urn:kesra:service:" + service))
                .withType(definition.type())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("urn:kesra:event:" + definition.type() + ":v" + definition.version()))
                .withDataContentType("application/json")
                .withSubject(subject)
                .withData(JSON.writeValueAsBytes(payload))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    static List<String> kelurahan() throws Exception {
        List<String> codes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ReadModelRebuildBenchmark.class
                .getResourceAsStream("/reference/wilayah-kota-metro.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                if (cells.length >= 3 && "kelurahan".equals(cells[2])) {
                    codes.add(cells[0]);
                }
            }
        }
        return codes;
    }

    static Map<TopicPartition, Long> offsets(String text) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String entry : text.split(",")) {
            String[] assignment = entry.split("=");
            int colon = assignment[0].lastIndexOf(':');
            offsets.put(new TopicPartition(assignment[0].substring(0, colon),
                    Integer.parseInt(assignment[0].substring(colon + 1))), Long.parseLong(assignment[1]));
        }
        return offsets;
    }

    // ---- the floor ----------------------------------------------------------------------------------------------

    /** Records per poll of the floor: the replay's ({@code kesra.events.consumer.replay-max-poll-records}). */
    static final int REPLAY_POLL = 5000;

    /** The bare tables: the read models' columns, nothing else. */
    static final Map<String, String> BARE = new LinkedHashMap<>();

    static {
        BARE.put("rm_household", "household_id uuid, kelurahan_code text, registered_at timestamptz,"
                + " updated_at timestamptz");
        BARE.put("rm_person", "person_id uuid, household_id uuid, kelurahan_code text, status text,"
                + " updated_at timestamptz");
        BARE.put("rm_kelurahan_figures", "kelurahan_code text, period_from date, period_to date, ppks_terdata bigint,"
                + " ppks_ditangani bigint, published_at timestamptz, event_id uuid, ppks_categories_published boolean");
        BARE.put("rm_programme_kpm", "kelurahan_code text, period_from date, period_to date, programme text,"
                + " kpm bigint, realised_rupiah bigint");
        BARE.put("rm_ppks_category", "kelurahan_code text, period_from date, period_to date, category text,"
                + " terdata bigint, ditangani bigint");
    }

    static void createBareTables(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS bench_floor CASCADE");
            sql.execute("CREATE SCHEMA bench_floor");
            for (Map.Entry<String, String> table : BARE.entrySet()) {
                sql.execute("CREATE TABLE bench_floor." + table.getKey() + " (" + table.getValue() + ")");
            }
        }
    }

    record Floor(long records, long rows, double seconds, Map<String, Long> perTable) {
        double rate() {
            return records / seconds;
        }
    }

    /**
     * Reads the records between {@code from} and {@code to} with a bare consumer and builds the rows the read models
     * get from them; with {@code jdbc}, writes them with one COPY per table per poll, a transaction per poll.
     * Append-only: a later event's row is written beside the earlier one, not resolved against it (the floor of
     * reading and writing, not of keeping a model).
     */
    static Floor floor(String servers, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Connection jdbc)
            throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REPLAY_POLL); // the replay's
        CopyManager copy = jdbc == null ? null : jdbc.unwrap(PGConnection.class).getCopyAPI();
        if (jdbc != null) {
            try (Statement sql = jdbc.createStatement()) {
                sql.execute("SET synchronous_commit = off"); // as the rebuild's polls commit
            }
            jdbc.setAutoCommit(false);
        }
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        BARE.keySet().forEach(table -> rows.put(table, new StringBuilder(1 << 16)));
        Map<String, Long> perTable = new LinkedHashMap<>();
        long records = 0;
        long rowCount = 0;
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
                if (end.getValue() > from.getOrDefault(end.getKey(), 0L)) {
                    partitions.add(end.getKey());
                }
            }
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Set<TopicPartition> open = new HashSet<>(partitions);
            while (!open.isEmpty()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : polled) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= to.get(partition)) {
                        continue;
                    }
                    records++;
                    rowCount += rows(record, rows);
                }
                for (TopicPartition partition : Set.copyOf(open)) {
                    if (consumer.position(partition) >= to.get(partition)) {
                        open.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (jdbc != null) {
                    for (Map.Entry<String, StringBuilder> table : rows.entrySet()) {
                        if (table.getValue().length() > 0) {
                            long n = copy.copyIn("COPY bench_floor." + table.getKey() + " FROM STDIN",
                                    new java.io.StringReader(table.getValue().toString()));
                            perTable.merge(table.getKey(), n, Long::sum);
                        }
                    }
                    jdbc.commit();
                }
                rows.values().forEach(b -> b.setLength(0));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (jdbc != null) {
            jdbc.setAutoCommit(true);
            try (Statement sql = jdbc.createStatement()) {
                sql.execute("RESET synchronous_commit");
            }
        }
        return new Floor(records, rowCount, seconds, perTable);
    }

    /**
     * The floor of the idempotent-consumer stack itself: the event backbone's replay consumer ({@link EventReplay},
     * the rebuild's poll size) reading the same records, with the service's CloudEvents reading, contract record
     * binding, trace span and metric per event and the inbox row per event, in a transaction per poll as a rebuild's
     * (into a scratch schema with only an inbox, asynchronous commit), but handlers that do nothing. What the rebuild
     * adds to this is the read models' own writes.
     */
    static Floor stackFloor(ConfigurableApplicationContext service, Connection jdbc, Map<TopicPartition, Long> from,
                            Map<TopicPartition, Long> to) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS bench_stack CASCADE");
            sql.execute("CREATE SCHEMA bench_stack");
            sql.execute("CREATE TABLE bench_stack.event_inbox (LIKE public.event_inbox INCLUDING ALL)");
        }
        List<EventHandler<?>> nothing = new ArrayList<>();
        for (EventHandler<?> handler : service.getBeansOfType(EventHandler.class).values()) {
            nothing.add(EventHandler.of(handler.definition(), event -> { }));
        }
        JdbcTemplate template = service.getBean(JdbcTemplate.class);
        InboundEventProcessor processor = new InboundEventProcessor(new HandlerRegistry(nothing), template,
                new TransactionTemplate(service.getBean(PlatformTransactionManager.class)),
                JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build(), service.getBean(TraceHeaders.class), service.getBean(MeterRegistry.class));
        EventBackboneProperties properties = service.getBean(EventBackboneProperties.class);
        long records = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            records += end.getValue() - from.getOrDefault(end.getKey(), 0L);
        }
        long t0 = System.nanoTime();
        try (EventReplay replays = new EventReplay(service.getBean(KafkaProperties.class), properties, processor,
                template);
             ReplayConsumer replay = replays.open(TOPICS, new ReplayStart.Offsets(from))) {
            while (!replay.reached(to)) {
                replay.pollAndApply(Duration.ofMillis(500), j ->
                        j.execute("SET LOCAL search_path TO bench_stack; SET LOCAL synchronous_commit = off"));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long inbox = count(jdbc, "bench_stack.event_inbox");
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("DROP SCHEMA bench_stack CASCADE");
        }
        return new Floor(records, inbox, seconds, Map.of());
    }

    /** The rows one record gives, in COPY's text format; returns how many. */
    private static int rows(ConsumerRecord<String, byte[]> record, Map<String, StringBuilder> rows) {
        String type = header(record, "ce_type");
        String time = header(record, "ce_time");
        JsonNode data = JSON.readTree(record.value());
        StringBuilder household = rows.get("rm_household");
        StringBuilder person = rows.get("rm_person");
        if (EventCatalog.HOUSEHOLD_REGISTERED.type().equals(type)) {
            String id = data.path("householdId").asString();
            String place = data.path("kelurahanCode").asString();
            household.append(id).append('\t').append(place).append('\t').append(time).append('\t').append(time)
                    .append('\n');
            int n = 1;
            for (JsonNode member : data.path("members")) {
                person.append(member.path("personId").asString()).append('\t').append(id).append('\t').append(place)
                        .append('\t').append(status(member.path("lifeStatus").asString())).append('\t').append(time)
                        .append('\n');
                n++;
            }
            return n;
        } else if (EventCatalog.MEMBER_ADDED.type().equals(type)) {
            JsonNode member = data.path("member");
            person.append(member.path("personId").asString()).append('\t').append(data.path("householdId").asString())
                    .append('\t').append(data.path("kelurahanCode").asString()).append('\t')
                    .append(status(member.path("lifeStatus").asString())).append('\t').append(time).append('\n');
            return 1;
        } else if (EventCatalog.MEMBER_REMOVED.type().equals(type) || EventCatalog.PERSON_DIED.type().equals(type)
                || EventCatalog.PERSON_MOVED_AWAY.type().equals(type)) {
            String status = EventCatalog.MEMBER_REMOVED.type().equals(type) ? "KELUAR_KK"
                    : EventCatalog.PERSON_DIED.type().equals(type) ? "MENINGGAL" : "PINDAH";
            person.append(data.path("personId").asString()).append("\t\\N\t\\N\t").append(status).append('\t')
                    .append(time).append('\n');
            return 1;
        } else if (EventCatalog.HOUSEHOLD_RELOCATED.type().equals(type)) {
            household.append(data.path("householdId").asString()).append('\t')
                    .append(data.path("toKelurahanCode").asString()).append("\t\\N\t").append(time).append('\n');
            return 1;
        } else if (EventCatalog.KELURAHAN_INDICATORS_PUBLISHED.type().equals(type)) {
            String key = data.path("kelurahanCode").asString() + '\t' + data.path("periodFrom").asString() + '\t'
                    + data.path("periodTo").asString();
            rows.get("rm_kelurahan_figures").append(key).append('\t').append(data.path("ppksTerdata").asLong())
                    .append('\t').append(data.path("ppksDitangani").asLong()).append('\t')
                    .append(data.path("publishedAt").asString()).append('\t').append(header(record, "ce_id"))
                    .append('\t').append(data.has("ppksCategories") && !data.get("ppksCategories").isNull() ? 't' : 'f')
                    .append('\n');
            int n = 1;
            for (JsonNode programme : data.path("programmes")) {
                JsonNode rupiah = programme.path("realisedRupiah");
                rows.get("rm_programme_kpm").append(key).append('\t').append(programme.path("programme").asString())
                        .append('\t').append(programme.path("kpm").asLong()).append('\t')
                        .append(rupiah.isNumber() ? Long.toString(rupiah.asLong()) : "\\N").append('\n');
                n++;
            }
            for (JsonNode category : data.path("ppksCategories")) {
                rows.get("rm_ppks_category").append(key).append('\t').append(category.path("category").asString())
                        .append('\t').append(category.path("terdata").asLong()).append('\t')
                        .append(category.path("ditangani").asLong()).append('\n');
                n++;
            }
            return n;
        }
        return 0; // household.person.corrected: no row (the model only counts it in the topic's progress)
    }

    private static String status(String lifeStatus) {
        return "MENINGGAL".equals(lifeStatus) ? "MENINGGAL" : "PINDAH".equals(lifeStatus) ? "PINDAH" : "TERDAFTAR";
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static long count(Connection jdbc, String table) throws Exception {
        try (Statement sql = jdbc.createStatement(); ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
