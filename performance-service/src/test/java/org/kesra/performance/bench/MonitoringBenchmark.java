package org.kesra.performance.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.performance.PerformanceServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * performance-service's first target (issue 22): the city monitoring view through the API, with the service warm,
 * within 3x of the same aggregation as one plain SQL query, measured in the same run against the real PostgreSQL,
 * Kafka and Keycloak.
 *
 * <p>Data: 40 units (the city's 33 and 7 more OPDs) x 6 years (2021-2026) x 4 quarters, each quarter one realisation
 * of a 60-indicator agreed Perjanjian Kinerja (57,600 entries), written by plain SQL into the service's own tables
 * (the shape the API writes; statuses mixed: 70 % approved, the rest draft, submitted or returned). Measured: {@code
 * GET /api/v1/performance/monitoring?tahun=2024&size=50} as {@code disnakertrans.monitor} (all 40 units with their four
 * quarters and the roll-ups) against one SQL statement computing per unit and quarter the same status, lateness,
 * review queue, indicator count and mean capaian (the capaian rules of sakip-rules.md written as SQL CASE), over
 * plain JDBC. The two alternate request by request, so both see the same machine.
 *
 * <p>Run: {@code ./mvnw -pl performance-service -am verify -Pbenchmark-performance -DskipTests}.
 */
public final class MonitoringBenchmark {

    /** Prefixed like the test databases, so that two checkouts benchmarking at once keep apart. */
    static final String DATABASE = System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + "performance_bench";
    static final int YEAR = 2024;

    /** The monitoring view's aggregation as one statement: per unit and quarter, then the city as a whole. */
    static final String BASELINE = """
            WITH measured AS (
              SELECT r.unit_code, r.quarter,
                     CASE
                       WHEN i.direction = 'HIGHER' OR (i.direction = 'RANGE' AND e.value < i.target) THEN
                         CASE WHEN i.target = 0 THEN NULL ELSE round(e.value * 100 / i.target, 2) END
                       WHEN i.direction = 'LOWER' THEN
                         CASE WHEN i.target = 0 THEN NULL ELSE round((2 * i.target - e.value) * 100 / i.target, 2) END
                       WHEN e.value > i.target_upper THEN
                         CASE WHEN i.target_upper = 0 THEN NULL
                              ELSE round((2 * i.target_upper - e.value) * 100 / i.target_upper, 2) END
                       ELSE 100.00
                     END AS capaian
                FROM realisation r
                JOIN realisation_entry e ON e.realisation_id = r.id
                                        AND e.version = coalesce(r.approved_version, r.current_version)
                JOIN agreement_item i ON i.agreement_id = r.agreement_id AND i.revision = r.agreement_revision
                                     AND i.position = e.item
               WHERE r.year = ?
            ), per_unit AS (
              SELECT unit_code, quarter, count(*) AS indicators, round(avg(capaian), 2) AS average
                FROM measured GROUP BY unit_code, quarter
            ), reports AS (
              SELECT unit_code, quarter,
                     min(CASE status WHEN 'DRAFT' THEN 1 WHEN 'RETURNED' THEN 2 WHEN 'SUBMITTED' THEN 3 ELSE 4 END)
                       AS status,
                     count(*) AS reports, max(working_days_late) AS late, bool_or(status = 'SUBMITTED') AS waits
                FROM realisation WHERE year = ? GROUP BY unit_code, quarter
            )
            SELECT u.code, q.quarter, coalesce(s.status, 0) AS status, s.reports, s.late, s.waits, p.indicators,
                   p.average
              FROM unit u
             CROSS JOIN generate_series(1, 4) AS q(quarter)
              LEFT JOIN reports s ON s.unit_code = u.code AND s.quarter = q.quarter
              LEFT JOIN per_unit p ON p.unit_code = u.code AND p.quarter = q.quarter
            UNION ALL
            SELECT '18.72', quarter, NULL, NULL, NULL, NULL, count(*), round(avg(capaian), 2)
              FROM measured GROUP BY quarter
             ORDER BY 1, 2""";

    private MonitoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 60));
        int requests = Integer.getInteger("bench.requests", 300);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        Map<String, String> db = infra.postgres().serviceEnvironment(DATABASE);
        int port = Ports.free();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--logging.file.name=target/benchmark-performance-service.log", "--logging.structured.format.file=ecs",
                "--logging.threshold.console=warn", "--logging.logback.rollingpolicy.max-file-size=4GB",
                "--KAFKA_BOOTSTRAP_SERVERS=" + infra.kafkaBootstrapServers(), "--OIDC_ISSUER_URI=" + infra.issuerUri()));
        db.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext service = SpringApplication.run(PerformanceServiceApplication.class,
                arguments.toArray(String[]::new));
             Connection jdbc = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                     infra.postgres().user(), infra.postgres().password())) {
            long start = System.nanoTime();
            long entries = populate(jdbc);
            System.out.printf(Locale.ROOT, "%,d realisation entries written in %.1f s%n", entries,
                    (System.nanoTime() - start) / 1e9);
            KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
            ApiClient api = new ApiClient(port);
            String path = "/api/v1/performance/monitoring?tahun=" + YEAR + "&size=50";
            String token = tokens.forUser("disnakertrans.monitor");
            ApiClient.Response first = api.get(path, token);
            if (first.status() != 200 || first.body().at("/units/totalItems").asInt() != 40) {
                throw new IllegalStateException("monitoring view: " + first.status() + " " + first.text());
            }
            int bytes = first.text().getBytes(StandardCharsets.UTF_8).length;
            int baselineRows;
            try (PreparedStatement query = jdbc.prepareStatement(BASELINE)) {
                baselineRows = baseline(query);
                long until = System.nanoTime() + warmup.toNanos();
                int rounds = 0;
                while (System.nanoTime() < until) {
                    call(api, path, token);
                    baseline(query);
                    rounds++;
                }
                System.out.printf(Locale.ROOT, "warm-up: %d rounds in %d s%n", rounds, warmup.toSeconds());
                token = tokens.forUser("disnakertrans.monitor");
                long[] viaService = new long[requests];
                long[] plain = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    call(api, path, token);
                    long t1 = System.nanoTime();
                    baseline(query);
                    long t2 = System.nanoTime();
                    viaService[i] = t1 - t0;
                    plain[i] = t2 - t1;
                }
                report(viaService, plain, requests, bytes, baselineRows, entries);
            }
        }
        System.exit(0);
    }

    private static void call(ApiClient api, String path, String token) {
        ApiClient.Response response = api.get(path, token);
        if (response.status() != 200) {
            throw new IllegalStateException("monitoring view: " + response.status() + " " + response.text());
        }
    }

    private static int baseline(PreparedStatement query) throws Exception {
        query.setInt(1, YEAR);
        query.setInt(2, YEAR);
        int rows = 0;
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
                rs.getBigDecimal(8);
                rows++;
            }
        }
        return rows;
    }

    /** 40 units x 6 years x 4 quarters x 60 indicators, by plain SQL into the service's tables. */
    static long populate(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("""
                    INSERT INTO unit (code, kind, name)
                    SELECT 'bench-opd-' || g, 'OPD', 'OPD uji beban ' || g
                      FROM generate_series(1, 40 - (SELECT count(*) FROM unit)) g""");
            sql.execute("""
                    INSERT INTO agreement (id, unit_code, year, position, position_title, current_revision,
                                           created_at, created_by)
                    SELECT md5(u.code || '/' || y)::uuid, u.code, y, 'HEAD', 'Kepala unit (uji beban)', 1, now(),
                           'bench'
                      FROM unit u CROSS JOIN generate_series(2021, 2026) y""");
            sql.execute("""
                    INSERT INTO agreement_revision (agreement_id, revision, status, created_at, created_by, agreed_at,
                                                    agreed_by)
                    SELECT id, 1, 'AGREED', now(), 'bench', now(), 'bench' FROM agreement""");
            sql.execute("""
                    INSERT INTO agreement_item (agreement_id, revision, position, sasaran, indicator, unit_of_measure,
                                                direction, target, target_upper, budget)
                    SELECT a.id, 1, p, 'Sasaran ' || (p / 10 + 1), 'Indikator kinerja ' || lpad(p::text, 2, '0'),
                           CASE p % 3 WHEN 0 THEN '%' WHEN 1 THEN 'orang' ELSE 'indeks' END,
                           CASE WHEN p % 7 = 0 THEN 'LOWER' WHEN p % 11 = 0 THEN 'RANGE' ELSE 'HIGHER' END,
                           CASE p % 3 WHEN 0 THEN 80 WHEN 1 THEN 400 ELSE 75 END,
                           CASE WHEN p % 11 = 0 AND p % 7 <> 0 THEN CASE p % 3 WHEN 0 THEN 90 WHEN 1 THEN 450
                                                                               ELSE 85 END END,
                           1000000 + p * 10000
                      FROM agreement a CROSS JOIN generate_series(0, 59) p""");
            sql.execute("""
                    INSERT INTO realisation (id, unit_code, year, quarter, agreement_id, agreement_revision, status,
                                             current_version, approved_version, etag, due_date, first_submitted_at,
                                             first_submitted_by, working_days_late, created_at, created_by)
                    SELECT md5(a.id::text || q)::uuid, a.unit_code, a.year, q, a.id, 1, s.status, 1,
                           CASE WHEN s.status = 'APPROVED' THEN 1 END, 1,
                           (make_date(a.year, q * 3, 1) + interval '1 month' + interval '6 days')::date,
                           CASE WHEN s.status <> 'DRAFT' THEN make_date(a.year, q * 3, 1) + interval '1 month'
                                                            + (s.h % 20) * interval '1 day' END,
                           CASE WHEN s.status <> 'DRAFT' THEN 'bench' END,
                           CASE WHEN s.status <> 'DRAFT' THEN greatest(0, s.h % 20 - 8) END,
                           now(), 'bench'
                      FROM agreement a CROSS JOIN generate_series(1, 4) q
                     CROSS JOIN LATERAL (SELECT abs(hashtext(a.id::text || q)) AS h) hh
                     CROSS JOIN LATERAL (SELECT hh.h AS h, CASE hh.h % 10 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'SUBMITTED'
                                                               WHEN 2 THEN 'RETURNED' ELSE 'APPROVED' END AS status) s""");
            sql.execute("""
                    INSERT INTO realisation_version (realisation_id, version, created_at, created_by, approved_at,
                                                     approved_by)
                    SELECT id, 1, now(), 'bench', CASE WHEN status = 'APPROVED' THEN now() END,
                           CASE WHEN status = 'APPROVED' THEN 'bench' END
                      FROM realisation""");
            sql.execute("""
                    INSERT INTO realisation_entry (realisation_id, version, item, value, budget_realised)
                    SELECT r.id, 1, i.position,
                           CASE WHEN i.unit_of_measure = '%'
                                THEN least(100, round(i.target * (0.5 + random())::numeric, 2))
                                ELSE round(i.target * (0.5 + random())::numeric, 2) END,
                           (i.budget * random() / 4)::bigint
                      FROM realisation r
                      JOIN agreement_item i ON i.agreement_id = r.agreement_id AND i.revision = 1""");
            sql.execute("ANALYZE");
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM realisation_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void report(long[] service, long[] plain, int requests, int bytes, int rows, long entries)
            throws Exception {
        double servicePercentile50 = percentile(service, 50);
        double plainPercentile50 = percentile(plain, 50);
        String table = String.format(Locale.ROOT, """
                        | measurement (%d requests each, alternating, after warm-up) | p50 | p95 | mean |
                        |---|---|---|---|
                        | plain SQL: the same aggregation as one statement over JDBC (%d rows) | %.1f ms | %.1f ms | %.1f ms |
                        | service: GET /api/v1/performance/monitoring?tahun=2024&size=50 (%,d bytes JSON) | %.1f ms | %.1f ms | %.1f ms |
                        | ratio service / plain SQL | %.2f | %.2f | %.2f |

                        Data: %,d realisation entries (40 units x 6 years x 4 quarters x 60 indicators); Java %s; %s.
                        """, requests, rows, plainPercentile50, percentile(plain, 95), mean(plain),
                bytes, servicePercentile50, percentile(service, 95), mean(service),
                servicePercentile50 / plainPercentile50, percentile(service, 95) / percentile(plain, 95),
                mean(service) / mean(plain), entries, System.getProperty("java.version"), LocalDateTime.now());
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-performance.md"), table);
    }

    static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
