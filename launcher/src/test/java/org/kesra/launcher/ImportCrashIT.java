package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.DevInfraArtifacts;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.ManagedProcess;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.PlatformInfrastructureExtension;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.devinfra.ReadinessCheck;
import tools.jackson.databind.JsonNode;

/**
 * household-service killed with SIGKILL in the middle of an import, then started again on the same database, as a
 * supervisor would restart it. The service's jar runs as a process of its own (not through the launcher, whose
 * handling of a dead service is not what this tests). What must hold: the dead import is failed as soon as the new
 * instance is up (its holder's lease died with the process; the five-minute heartbeat sweep is not waited for), its
 * staging rows are removed, and uploading the same file again starts a new import that completes.
 */
@PlatformInfrastructure(database = "platform_it")
class ImportCrashIT {

    private static final String OPERATOR = "dinsos.operator";
    private static final String MULYOJATI = "18.72.03.1001";
    private static final String HEADER = "kk_number,kelurahan_code,rw,rt,address,nik,name,birth_place,birth_date,sex,"
            + "relationship,marital_status,education,occupation";
    /** Families of three: large enough that checking and applying take seconds, small enough for a short test. */
    private static final int FAMILIES = 10_000;

    final ProjectLayout layout = ProjectLayout.locate();
    final PostgresConnection postgres = PostgresConnection.from(Map.of(
            "DB_HOST", System.getProperty("DB_HOST"), "DB_PORT", System.getProperty("DB_PORT"),
            "DB_USER", System.getProperty("DB_USER"), "DB_PASSWORD", System.getProperty("DB_PASSWORD", "")));
    final String database = PlatformInfrastructureExtension.databaseName("it_crash_household");
    final List<ManagedProcess> started = new ArrayList<>();

    @TempDir
    Path state;

    @AfterEach
    void stopWhatIsLeft() {
        started.stream().filter(ManagedProcess::isAlive).forEach(p -> p.stop(Duration.ofSeconds(20)));
    }

    @Test
    void aKilledInstancesImportIsFailedAtOnceByItsSuccessorWhichCleansItsStagingAndTakesTheFileAgain()
            throws Exception {
        new PostgresAdmin(postgres).recreateDatabase(database);
        int port = Ports.free();
        Path file = generatedFile();
        String token = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(OPERATOR);
        ApiClient api = new ApiClient(port);

        ManagedProcess first = start(port, "first");
        ApiClient.Response upload = api.upload("/api/v1/household-imports", token, file, "crash.csv", Map.of());
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        UUID crashed = UUID.fromString(upload.body().path("id").asString());
        // Killed once its rows are staged: the checking is done, the set checks or the apply are running.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> stagedRows(crashed) > 0 && running(crashed));
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
        assertThat(status(crashed)).as("still marked running by the dead instance").isIn("MEMERIKSA", "MENERAPKAN");
        assertThat(stagedRows(crashed)).isPositive();

        // The successor fails it while it starts, before it answers requests: not after the five-minute sweep.
        start(port, "second");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> "GAGAL".equals(status(crashed)));
        JsonNode failed = api.get("/api/v1/household-imports/" + crashed, token).body();
        assertThat(failed.path("failure").asString()).contains("Unggah ulang");
        await().atMost(Duration.ofSeconds(10)).until(() -> stagedRows(crashed) == 0);
        assertThat(count("SELECT count(*) FROM person WHERE import_id = ?", crashed)).as("nothing half-applied").isZero();

        ApiClient.Response again = api.upload("/api/v1/household-imports", token, file, "crash.csv", Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(202);
        UUID retried = UUID.fromString(again.body().path("id").asString());
        assertThat(retried).isNotEqualTo(crashed);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !running(retried));
        JsonNode done = api.get("/api/v1/household-imports/" + retried, token).body();
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SELESAI");
        assertThat(done.path("personsCreated").asLong()).isEqualTo(FAMILIES * 3L);
        assertThat(stagedRows(retried)).isZero();
    }

    private ManagedProcess start(int port, String name) {
        Map<String, String> env = new HashMap<>(postgres.serviceEnvironment(database));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("OIDC_ISSUER_URI", System.getProperty("OIDC_ISSUER_URI"));
        List<String> command = List.of(DevInfraArtifacts.javaExecutable().toString(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                layout.serviceJar("household-service").toString());
        ManagedProcess process = ManagedProcess.start("household-service " + name, command, env, layout.root(),
                state.resolve("household-service-" + name + ".log"));
        started.add(process);
        return process.awaitReady(Duration.ofSeconds(240),
                ReadinessCheck.httpOk(URI.create("http://localhost:" + port + "/readyz")));
    }

    private Path generatedFile() throws IOException {
        Path file = state.resolve("crash.csv");
        Map<String, Integer> serials = new HashMap<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int family = 0; family < FAMILIES; family++) {
                String kk = "187203" + String.format("%010d", 7_000_000_000L + family);
                int month = 1 + family % 12;
                int day = 1 + family % 28;
                out.write(row(kk, serials, "Kepala " + letters(family), LocalDate.of(1970 + family % 20, month, day), "L",
                        "KEPALA_KELUARGA"));
                out.write(row(kk, serials, "Istri " + letters(family), LocalDate.of(1972 + family % 20, month, day), "P",
                        "ISTRI"));
                out.write(row(kk, serials, "Anak " + letters(family), LocalDate.of(2005 + family % 15, month, day), "L",
                        "ANAK"));
            }
        }
        return file;
    }

    /** Names take letters only: the family's number written in them. */
    private static String letters(int number) {
        StringBuilder name = new StringBuilder();
        for (int n = number; ; n /= 26) {
            name.append((char) ('a' + n % 26));
            if (n < 26) {
                return name.toString();
            }
        }
    }

    /**
     * One CSV row; the NIK is of Metro Barat and encodes the birth date and sex as Dukcapil does, its last four digits
     * numbering the persons born on one day.
     */
    private static String row(String kk, Map<String, Integer> serials, String name, LocalDate birth, String sex,
                              String relationship) {
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        String born = "187203" + String.format("%02d%02d%02d", day, birth.getMonthValue(), birth.getYear() % 100);
        String nik = born + String.format("%04d", serials.merge(born, 1, Integer::sum));
        return String.join(",", kk, MULYOJATI, "2", "4", "Jl. Merpati No. 7", nik, name, "Metro", birth.toString(), sex,
                relationship, "ANAK".equals(relationship) ? "BELUM_KAWIN" : "KAWIN", "SLTA", "Wiraswasta") + "\n";
    }

    private String status(UUID id) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM household_import WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean running(UUID id) throws SQLException {
        return List.of("ANTRE", "MEMERIKSA", "MENERAPKAN").contains(status(id));
    }

    private long stagedRows(UUID id) throws SQLException {
        return count("SELECT count(*) FROM household_import_row WHERE import_id = ?", id);
    }

    private long count(String sql, UUID id) throws SQLException {
        try (Connection connection = connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
