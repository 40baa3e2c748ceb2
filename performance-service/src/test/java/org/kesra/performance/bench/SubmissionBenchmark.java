package org.kesra.performance.bench;

import static org.kesra.performance.bench.MonitoringBenchmark.mean;
import static org.kesra.performance.bench.MonitoringBenchmark.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.performance.PerformanceServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * performance-service's second target (issue 22): one unit's quarter of 60 indicators submitted through the API
 * against the same rows inserted over plain JDBC, measured in the same run against the real PostgreSQL, Kafka and
 * Keycloak.
 *
 * <p>Data: the monitoring benchmark's 40 units x 6 years of agreed 60-indicator Perjanjian Kinerja (with their
 * realisations, so the tables are of a city's size). Measured, alternating one by one:
 * <ul>
 *   <li><i>Service</i>: as {@code metrobarat.operator}, {@code POST /api/v1/realisations} with the 60 entries (value
 *   and budget realised each; the service checks each against its item, computes capaian for the answer, writes the
 *   draft with its version, entries and audit row and its event), then {@code POST .../submission} with the ETag as
 *   If-Match (deadline and working days late from the holiday calendar, transition, event).</li>
 *   <li><i>Baseline</i>: the same rows over plain JDBC in one transaction: the realisation, its version, the 60
 *   entries as one batch, two transition rows and the status update; no checks, no capaian, no events.</li>
 * </ul>
 * Before each round the quarter's realisation of both is deleted (outside the timing), so every round writes the
 * same rows into the same tables.
 *
 * <p>Run: {@code ./mvnw -pl performance-service -am verify -Pbenchmark-submission -DskipTests}.
 */
public final class SubmissionBenchmark {

    static final String DATABASE = System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + "performance_submission_bench";
    static final String API_UNIT = "18.72.03";
    static final String JDBC_UNIT = "bench-opd-1";
    static final int YEAR = 2026;
    static final int QUARTER = 1;

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 50);
        int requests = Integer.getInteger("bench.requests", 200);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        Map<String, String> db = infra.postgres().serviceEnvironment(DATABASE);
        int port = Ports.free();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--logging.file.name=target/benchmark-submission-service.log", "--logging.structured.format.file=ecs",
                "--logging.threshold.console=warn",
                "--KAFKA_BOOTSTRAP_SERVERS=" + infra.kafkaBootstrapServers(), "--OIDC_ISSUER_URI=" + infra.issuerUri()));
        db.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext service = SpringApplication.run(PerformanceServiceApplication.class,
                arguments.toArray(String[]::new));
             Connection jdbc = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE),
                     infra.postgres().user(), infra.postgres().password())) {
            long entries = MonitoringBenchmark.populate(jdbc);
            System.out.printf(Locale.ROOT, "%,d realisation entries in the tables%n", entries);
            KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
            ApiClient api = new ApiClient(port);
            String body = requestBody(jdbc);
            String token = tokens.forUser("metrobarat.operator");
            for (int i = 0; i < warmup; i++) {
                clear(jdbc);
                submitThroughApi(api, token, body);
                insertOverJdbc(jdbc);
            }
            token = tokens.forUser("metrobarat.operator");
            long[] viaService = new long[requests];
            long[] plain = new long[requests];
            for (int i = 0; i < requests; i++) {
                if (i % 100 == 99) {
                    token = tokens.forUser("metrobarat.operator");
                }
                clear(jdbc);
                long t0 = System.nanoTime();
                submitThroughApi(api, token, body);
                long t1 = System.nanoTime();
                insertOverJdbc(jdbc);
                long t2 = System.nanoTime();
                viaService[i] = t1 - t0;
                plain[i] = t2 - t1;
            }
            report(viaService, plain, requests, warmup, entries);
        }
        System.exit(0);
    }

    /** The 60 entries as staff send them: a value near the target and a quarter of the pagu, for every item. */
    static String requestBody(Connection jdbc) throws Exception {
        StringBuilder entries = new StringBuilder();
        UUID agreement;
        try (Statement sql = jdbc.createStatement();
             var rs = sql.executeQuery("SELECT a.id, i.position, i.target, i.budget FROM agreement a JOIN agreement_item i"
                     + " ON i.agreement_id = a.id AND i.revision = a.current_revision WHERE a.unit_code = '" + API_UNIT
                     + "' AND a.year = " + YEAR + " ORDER BY i.position")) {
            agreement = null;
            while (rs.next()) {
                agreement = rs.getObject(1, UUID.class);
                entries.append(entries.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"item\":%d,\"value\":\"%s\",\"budgetRealised\":%d}", rs.getInt(2),
                        rs.getBigDecimal(3).multiply(new java.math.BigDecimal("0.9")).setScale(2,
                                java.math.RoundingMode.HALF_UP).toPlainString(), rs.getLong(4) / 4));
            }
        }
        return String.format(Locale.ROOT, "{\"unit\":\"%s\",\"year\":%d,\"quarter\":%d,\"agreementId\":\"%s\","
                + "\"agreementRevision\":1,\"entries\":[%s],\"obstacles\":\"Tidak ada\",\"followUp\":\"Lanjutkan\"}",
                API_UNIT, YEAR, QUARTER, agreement, entries);
    }

    static void submitThroughApi(ApiClient api, String token, String body) {
        ApiClient.Response created = api.post("/api/v1/realisations", token, body);
        if (created.status() != 201) {
            throw new IllegalStateException("create: " + created.status() + " " + created.text());
        }
        ApiClient.Response submitted = api.send("POST", "/api/v1/realisations/" + created.body().path("id").asText()
                + "/submission", token, null, Map.of("If-Match", created.header("ETag")));
        if (submitted.status() != 200) {
            throw new IllegalStateException("submit: " + submitted.status() + " " + submitted.text());
        }
    }

    /** The quarter's realisation of both units gone, children first (no cascade: the service never deletes). */
    static void clear(Connection jdbc) throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            String which = "SELECT id FROM realisation WHERE unit_code IN ('" + API_UNIT + "', '" + JDBC_UNIT
                    + "') AND year = " + YEAR + " AND quarter = " + QUARTER;
            for (String table : List.of("realisation_entry", "realisation_transition", "realisation_evidence",
                    "realisation_version")) {
                sql.execute("DELETE FROM " + table + " WHERE realisation_id IN (" + which + ")");
            }
            sql.execute("DELETE FROM realisation WHERE id IN (" + which + ")");
        }
    }

    /** The same rows as the API's two requests write, in one transaction over plain JDBC. */
    static void insertOverJdbc(Connection jdbc) throws Exception {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.setAutoCommit(false);
        try {
            try (PreparedStatement realisation = jdbc.prepareStatement("""
                    INSERT INTO realisation (id, unit_code, year, quarter, agreement_id, agreement_revision, status,
                                             current_version, etag, due_date, created_at, created_by)
                    SELECT ?, unit_code, year, ?, id, 1, 'DRAFT', 1, 1, ?, ?, 'bench'
                      FROM agreement WHERE unit_code = ? AND year = ?""")) {
                realisation.setObject(1, id);
                realisation.setInt(2, QUARTER);
                realisation.setObject(3, LocalDate.of(YEAR, 4, 8));
                realisation.setTimestamp(4, now);
                realisation.setString(5, JDBC_UNIT);
                realisation.setInt(6, YEAR);
                realisation.executeUpdate();
            }
            try (PreparedStatement version = jdbc.prepareStatement("INSERT INTO realisation_version (realisation_id,"
                    + " version, obstacles, follow_up, created_at, created_by) VALUES (?, 1, 'Tidak ada', 'Lanjutkan', ?,"
                    + " 'bench')")) {
                version.setObject(1, id);
                version.setTimestamp(2, now);
                version.executeUpdate();
            }
            try (PreparedStatement entry = jdbc.prepareStatement("INSERT INTO realisation_entry (realisation_id,"
                    + " version, item, value, budget_realised) VALUES (?, 1, ?, ?, ?)")) {
                for (int item = 0; item < 60; item++) {
                    entry.setObject(1, id);
                    entry.setInt(2, item);
                    entry.setBigDecimal(3, new java.math.BigDecimal("72.00"));
                    entry.setLong(4, 250_000L + item * 2_500L);
                    entry.addBatch();
                }
                entry.executeBatch();
            }
            try (PreparedStatement transition = jdbc.prepareStatement("INSERT INTO realisation_transition"
                    + " (realisation_id, seq, at, by_user, from_status, to_status, version) VALUES (?, ?, ?, 'bench', ?,"
                    + " ?, 1)")) {
                transition.setObject(1, id);
                transition.setInt(2, 1);
                transition.setTimestamp(3, now);
                transition.setString(4, null);
                transition.setString(5, "DRAFT");
                transition.addBatch();
                transition.setObject(1, id);
                transition.setInt(2, 2);
                transition.setTimestamp(3, now);
                transition.setString(4, "DRAFT");
                transition.setString(5, "SUBMITTED");
                transition.addBatch();
                transition.executeBatch();
            }
            try (PreparedStatement submit = jdbc.prepareStatement("UPDATE realisation SET status = 'SUBMITTED',"
                    + " etag = etag + 1, first_submitted_at = ?, first_submitted_by = 'bench', working_days_late = 0"
                    + " WHERE id = ?")) {
                submit.setTimestamp(1, now);
                submit.setObject(2, id);
                submit.executeUpdate();
            }
            jdbc.commit();
        } finally {
            jdbc.setAutoCommit(true);
        }
    }

    private static void report(long[] service, long[] plain, int requests, int warmup, long entries) throws Exception {
        String table = String.format(Locale.ROOT, """
                        | measurement (%d rounds each, alternating, after %d warm-up rounds) | p50 | p95 | mean |
                        |---|---|---|---|
                        | plain JDBC: realisation, version, 60 entries (batch), 2 transitions, status, one transaction | %.1f ms | %.1f ms | %.1f ms |
                        | service: POST /api/v1/realisations (60 entries) + POST .../submission (If-Match) | %.1f ms | %.1f ms | %.1f ms |
                        | ratio service / plain JDBC | %.2f | %.2f | %.2f |

                        Tables holding %,d realisation entries (40 units x 6 years x 4 quarters x 60 indicators); Java %s; %s.
                        """, requests, warmup, percentile(plain, 50), percentile(plain, 95), mean(plain),
                percentile(service, 50), percentile(service, 95), mean(service),
                percentile(service, 50) / percentile(plain, 50), percentile(service, 95) / percentile(plain, 95),
                mean(service) / mean(plain), entries, System.getProperty("java.version"), LocalDateTime.now());
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-submission.md"), table);
    }

    private SubmissionBenchmark() {
    }
}
