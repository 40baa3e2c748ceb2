package org.kesra.welfare.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.devinfra.Wrk;
import org.kesra.welfare.WelfareServiceApplication;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * welfare-service's targets against the real PostgreSQL, Kafka and Keycloak:
 * <ol>
 * <li>verivali of a 200,000-row recipient list against 1,000,000 residents through the API, end to end (upload,
 * stored, every row classified, decile and eligibility); baseline in the same run: a plain SQL join of the same list
 * (COPYed into a bare table) with the residents on NIK;</li>
 * <li>the agency verification API on the service with wrk; baseline: the same query over plain JDBC.</li>
 * </ol>
 * Run: {@code ./mvnw -pl welfare-service -am verify -Pbenchmark-welfare -DskipTests}. The service runs inside this
 * JVM; the residents are written by SQL (their shape is what household events would produce).
 */
public final class WelfareBenchmark {

    static final String DATABASE = "welfare_bench";

    private WelfareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int residents = Integer.getInteger("bench.residents", 1_000_000);
        int listRows = Integer.getInteger("bench.rows", 200_000);
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 180));
        Duration window = Duration.ofSeconds(30);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        Map<String, String> db = infra.postgres().serviceEnvironment(DATABASE);
        int port = Ports.free();
        // Logging as deployed (info, ECS JSON, one line per request), but to a file: the service runs in this JVM,
        // whose console carries the benchmark's own output. Not rolled over (a deployed service writes to stdout;
        // rolling gzips every 10 MB). The request log is part of what is measured.
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--logging.file.name=target/benchmark-welfare-service.log", "--logging.structured.format.file=ecs",
                "--logging.threshold.console=warn", "--logging.logback.rollingpolicy.max-file-size=4GB",
                "--KAFKA_BOOTSTRAP_SERVERS=" + infra.kafkaBootstrapServers(), "--OIDC_ISSUER_URI=" + infra.issuerUri()));
        db.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        List<String> rows = new ArrayList<>();
        try (ConfigurableApplicationContext service = SpringApplication.run(WelfareServiceApplication.class,
                arguments.toArray(String[]::new));
             Connection jdbc = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                     infra.postgres().user(), infra.postgres().password())) {
            long start = System.nanoTime();
            populate(jdbc, residents);
            System.out.printf(Locale.ROOT, "%,d residents and their PKH enrolments written in %.1f s%n", residents,
                    (System.nanoTime() - start) / 1e9);
            if (Boolean.parseBoolean(System.getProperty("bench.verivali", "true"))) {
                Path list = Files.createTempFile("verivali-", ".csv");
                try {
                    writeList(jdbc, list, listRows);
                    KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
                    verivali(rows, jdbc, port, tokens, list, listRows);
                } finally {
                    Files.deleteIfExists(list);
                }
            }
            if (Boolean.parseBoolean(System.getProperty("bench.verification", "true"))) {
                verification(rows, jdbc, port, infra, warmup, window);
                throughGateway(rows, jdbc, port, infra, window);
            }
        }
        print(rows);
        System.exit(0);
    }

    /** Residents in households of three over the 22 kelurahan, alive; one family in five enrolled in PKH. */
    static void populate(Connection jdbc, int residents) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("""
                    INSERT INTO resident (person_id, nik, name, birth_date, sex, household_id, kk_number,
                                          kelurahan_code, life_status, updated_at)
                    SELECT md5('p' || g)::uuid, '18' || lpad(g::text, 14, '0'), 'WARGA NOMOR ' || g,
                           date '1940-01-01' + (g % 29000), CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END,
                           md5('h' || g / 3)::uuid, '1872' || lpad((g / 3)::text, 12, '0'),
                           (SELECT array_agg(code ORDER BY code) FROM kelurahan)[1 + (g / 3) % 22], 'HIDUP', now()
                    FROM generate_series(1, :count) g""".replace(":count", Integer.toString(residents)));
            sql.execute("""
                    INSERT INTO enrolment (id, programme_code, person_id, nik, household_id, beneficiary_key,
                                           kelurahan_code, period_start, status, enrolled_by)
                    SELECT gen_random_uuid(), 'PKH', person_id, nik, household_id, household_id, kelurahan_code,
                           date '2025-01-01', 'AKTIF', 'benchmark'
                    FROM resident WHERE right(nik, 14)::bigint % 15 = 0""");
            sql.execute("ANALYZE resident");
            sql.execute("ANALYZE enrolment");
        }
    }

    /**
     * The recipient list as Dinas Sosial receives it: mostly exact rows, some with another name, another kelurahan,
     * an unknown NIK, or listed twice.
     */
    static void writeList(Connection jdbc, Path file, int rows) throws Exception {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("nik;nama;tanggal_lahir;kode_kelurahan\n");
            ((PGConnection) jdbc).getCopyAPI().copyOut("""
                    COPY (SELECT CASE WHEN i % 40 = 1 THEN '19' || lpad(i::text, 14, '0') ELSE r.nik END,
                                 CASE WHEN i % 40 = 2 THEN 'NAMA YANG LAIN SAMA SEKALI' ELSE r.name END,
                                 to_char(r.birth_date, 'DD-MM-YYYY'),
                                 CASE WHEN i % 40 = 3 THEN '18.72.99.9999' ELSE r.kelurahan_code END
                          FROM generate_series(1, :count) i
                          JOIN resident r ON r.nik = '18' || lpad((CASE WHEN i % 40 = 4 THEN i - 1 ELSE i END * 3)::text, 14, '0'))
                    TO STDOUT (FORMAT csv, DELIMITER ';')""".replace(":count", Integer.toString(rows)), out);
        }
    }

    static void verivali(List<String> rows, Connection jdbc, int port, KeycloakTokens tokens, Path list, int listRows)
            throws Exception {
        // The first list meets a service just started (interpreted code, cold caches); it is timed and reported, and
        // the figure is the same list checked again, as a running service would.
        long coldStart = System.nanoTime();
        upload(port, tokens, list);
        double cold = (System.nanoTime() - coldStart) / 1e9;
        long start = System.nanoTime();
        JsonNode summary = upload(port, tokens, list);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("verivali summary: " + summary);
        if (summary.path("rows").asInt() != listRows) {
            throw new IllegalStateException("verivali stored " + summary.path("rows").asInt() + " rows");
        }
        // A fast wrong answer is no figure: the list is built with one row in 40 of each kind (writeList).
        for (String reason : List.of("NIK_BERBEDA", "NAMA_BERBEDA", "ALAMAT_BERBEDA", "TERCANTUM_GANDA")) {
            if (summary.path("reasons").path(reason).asLong() != listRows / 40) {
                throw new IllegalStateException("verivali classified " + summary.path("reasons") + ", expected "
                        + listRows / 40 + " of each kind");
            }
        }
        if (summary.path("padan").asLong() != listRows - 4L * (listRows / 40)) {
            throw new IllegalStateException("verivali found " + summary.path("padan") + " padan rows");
        }
        // Baseline: the same list COPYed into a bare table, joined with the residents on NIK.
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("CREATE TABLE bench_list (nik text, nama text, tanggal_lahir text, kode_kelurahan text)");
            try (var in = Files.newInputStream(list)) {
                ((PGConnection) jdbc).getCopyAPI().copyIn(
                        "COPY bench_list FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)", in);
            }
            sql.execute("ANALYZE bench_list");
            long joinStart = System.nanoTime();
            try (ResultSet rs = sql.executeQuery("""
                    SELECT count(*) FILTER (WHERE r.person_id IS NOT NULL) FROM bench_list l
                    LEFT JOIN resident r ON r.nik = l.nik""")) {
                rs.next();
            }
            double join = (System.nanoTime() - joinStart) / 1e9;
            double rate = listRows / seconds;
            rows.add(String.format(Locale.ROOT, "| verivali through the API: %,d-row list (PKH) against %,d residents, "
                            + "upload to classified (padan %,d, tidak padan %,d), the second list since the service "
                            + "started | %,.0f rows/s (%.2f of the plain join) | %.1f s (the first list: %.1f s) | - |",
                    listRows, residentsCount(jdbc), summary.path("padan").asLong(),
                    summary.path("tidakPadan").asLong(), rate, rate / (listRows / join), seconds, cold));
            rows.add(String.format(Locale.ROOT, "| baseline: plain SQL join of the same list (bare table) with the "
                    + "residents on NIK | %,.0f rows/s | %.2f s | - |", listRows / join, join));
        }
    }

    private static JsonNode upload(int port, KeycloakTokens tokens, Path list) throws Exception {
        ApiClient.Response response = new ApiClient(port).upload("/api/v1/verivali?program=PKH",
                tokens.forUser("dinsos.operator"), list, "daftar-pkh.csv", Map.of());
        if (response.status() != 201) {
            throw new IllegalStateException("verivali answered " + response.status() + " " + response.text());
        }
        return response.body();
    }

    static void verification(List<String> rows, Connection jdbc, int port, SharedInfrastructure.Endpoints infra,
                             Duration warmup, Duration window) throws Exception {
        List<String> niks = sampleNiks(jdbc);
        String token = agencyToken(infra);
        Wrk wrk = Wrk.find();
        if (wrk == null) {
            rows.add("| agency verification API | not measured: wrk is not installed (apt-get install wrk) | - | - |");
            return;
        }
        // Baseline first, on its own: the verification query over plain JDBC, 16 threads, 30 s.
        double jdbcRate = jdbcVerifications(infra, niks, window);
        // The service runs in this JVM, which does nothing else during the window: its CPU is the service's.
        Wrk.Result http = wrk.run(port, token, "/api/v1/verifications/", niks, 16, warmup, window,
                ProcessHandle.current().pid());
        rows.add(String.format(Locale.ROOT, "| agency verification API on the service, GET /api/v1/verifications/{nik}, "
                        + "16 clients (wrk), %d s after %d s warm-up, each answer logged | %,.0f requests/s "
                        + "(%.2f of plain JDBC) | p50 %.1f ms, p99 %.1f ms | %s |", window.toSeconds(),
                warmup.toSeconds(), http.rate(), http.rate() / jdbcRate, http.p50Millis(), http.p99Millis(),
                http.cpuCell("service")));
        rows.add(String.format(Locale.ROOT, "| baseline: the same verification query and access-log insert over plain "
                + "JDBC, 16 threads | %,.0f verifications/s | - | - |", jdbcRate));
    }

    /**
     * Issue 6's figure: the verification API through the gateway (its jar as a process, as deployed) with a valid
     * agency token at 50 connections, and in the same run the same calls on the service directly; the ratio is the
     * gateway's overhead. The service is warm from the step before; the gateway gets its own warm-up.
     */
    static void throughGateway(List<String> rows, Connection jdbc, int servicePort, SharedInfrastructure.Endpoints infra,
                               Duration window) throws Exception {
        Wrk wrk = Wrk.find();
        Path jar = org.kesra.devinfra.ProjectLayout.locate().root().resolve("gateway/target/gateway.jar");
        if (wrk == null || !Files.exists(jar)) {
            rows.add("| verification API through the gateway | not measured: needs wrk and gateway/target/gateway.jar"
                    + " (build with -pl welfare-service,gateway -am) | - | - |");
            return;
        }
        List<String> niks = sampleNiks(jdbc);
        String token = agencyToken(infra);
        int gatewayPort = Ports.free();
        Map<String, String> environment = Map.of("SERVER_PORT", Integer.toString(gatewayPort),
                "MANAGEMENT_PORT", Integer.toString(Ports.free()),
                "WELFARE_SERVICE_URL", "http://127.0.0.1:" + servicePort, "OIDC_ISSUER_URI", infra.issuerUri(),
                // One client is the whole load here: its allowance must not be what is measured.
                "KESRA_RATE_LIMIT_REQUESTS", "1000000000", "LOG_FORMAT", "ecs", "LOGGING_LEVEL_ROOT", "warn");
        org.kesra.devinfra.ManagedProcess gateway = org.kesra.devinfra.ManagedProcess.start("gateway",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                        jar.toString()), environment, jar.getParent(), Files.createTempFile("gateway-bench-", ".log"));
        try {
            gateway.awaitReady(Duration.ofMinutes(2), org.kesra.devinfra.ReadinessCheck.httpOk(
                    java.net.URI.create("http://127.0.0.1:" + gatewayPort + "/readyz")));
            Duration warmup = Duration.ofSeconds(Long.getLong("bench.gateway-warmup-seconds", 120));
            Wrk.Result direct = wrk.run(servicePort, token, "/api/v1/verifications/", niks, 50, Duration.ofSeconds(20),
                    window);
            // The gateway's own CPU per proxied request: what 5,000 requests/s would take of the two cores.
            Wrk.Result edge = wrk.run(gatewayPort, token, "/api/v1/verifications/", niks, 50, warmup, window,
                    gateway.pid());
            rows.add(String.format(Locale.ROOT, "| agency verification API through the gateway, 50 connections (wrk), "
                            + "%d s after %d s warm-up of the gateway, valid agency token | %,.0f requests/s (%.2f of "
                            + "the service called directly) | p50 %.1f ms, p99 %.1f ms | %s |",
                    window.toSeconds(), warmup.toSeconds(), edge.rate(), edge.rate() / direct.rate(),
                    edge.p50Millis(), edge.p99Millis(), edge.cpuCell("gateway")));
            rows.add(String.format(Locale.ROOT, "| baseline: the same calls on the service directly, 50 connections | "
                    + "%,.0f requests/s | p50 %.1f ms, p99 %.1f ms | - |", direct.rate(), direct.p50Millis(),
                    direct.p99Millis()));
        } finally {
            gateway.stop(Duration.ofSeconds(10));
        }
    }

    /** 20,000 residents' NIKs, sampled across the table, that the callers ask about in turn. */
    static List<String> sampleNiks(Connection jdbc) throws Exception {
        List<String> niks = new ArrayList<>();
        try (Statement sql = jdbc.createStatement();
             ResultSet rs = sql.executeQuery("SELECT nik FROM resident TABLESAMPLE SYSTEM (5) LIMIT 20000")) {
            while (rs.next()) {
                niks.add(rs.getString(1));
            }
        }
        return niks;
    }

    static String agencyToken(SharedInfrastructure.Endpoints infra) {
        return new KeycloakTokens(infra.issuerUri()).forClient("agency-dukcapil", "dukcapil-demo-secret",
                "beneficiary.verify");
    }

    static double jdbcVerifications(SharedInfrastructure.Endpoints infra, List<String> niks, Duration window)
            throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + window.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int offset = t * 997;
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                        infra.postgres().user(), infra.postgres().password());
                     PreparedStatement query = c.prepareStatement("""
                             WITH person AS (SELECT person_id, household_id FROM resident WHERE nik = ?
                                             AND life_status = 'HIDUP' ORDER BY updated_at DESC LIMIT 1)
                             SELECT p.code, count(e.id) > 0, min(e.period_start) FROM programme p
                             LEFT JOIN enrolment e ON e.programme_code = p.code AND e.status <> 'BERAKHIR'
                                  AND e.period_start <= ? AND (e.period_end IS NULL OR e.period_end >= ?)
                                  AND (e.nik = ? OR (p.unit = 'KELUARGA'
                                       AND e.household_id = (SELECT household_id FROM person)))
                             GROUP BY p.code""");
                     PreparedStatement log = c.prepareStatement("""
                             INSERT INTO verification_access (client_id, caller, nik, endpoint)
                             VALUES ('benchmark', 'benchmark', ?, 'jdbc')""")) {
                    int i = offset;
                    LocalDate today = LocalDate.now();
                    while (System.nanoTime() < end) {
                        String nik = niks.get(i++ % niks.size());
                        query.setString(1, nik);
                        query.setObject(2, today);
                        query.setObject(3, today);
                        query.setString(4, nik);
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                        log.setString(1, nik);
                        log.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / (double) window.toSeconds();
    }

    static long residentsCount(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement(); ResultSet rs = sql.executeQuery("SELECT count(*) FROM resident")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void print(List<String> rows) throws Exception {
        StringBuilder table = new StringBuilder("| measurement | throughput | time / latency | memory / CPU |\n|---|---|---|---|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        table.append("\nRun of ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(".\n");
        System.out.println(table);
        Path out = Path.of("target", "benchmark-welfare.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
