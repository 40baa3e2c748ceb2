package org.kesra.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak from the {@code org.keycloak:keycloak-quarkus-dist} zip on Maven Central, in production mode
 * ({@code start --optimized}) on the machine's PostgreSQL, importing the repository's realm file.
 */
public final class KeycloakServer {

    /** Build-time options; a home is re-built when they change (kc.sh build takes ~20 s). */
    private static final List<String> BUILD_OPTIONS =
            List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true");

    /**
     * @param home          an unpacked distribution owned by this one server (homes are never shared:
     *                      the realm import folder and the build output live inside it)
     * @param database      Keycloak's own database on the machine's PostgreSQL
     * @param freshDatabase drop the database first, so the realm file is imported as it is now
     */
    public record Settings(Path home, int port, int managementPort, PostgresConnection postgres, String database,
                           boolean freshDatabase, Path realmFile, String adminUser, String adminPassword,
                           Path logFile) {

        public String url() {
            return "http://localhost:" + port;
        }
    }

    private KeycloakServer() {
    }

    public static String realmName(Path realmFile) {
        try {
            return JsonMapper.builder().build().readTree(realmFile.toFile()).path("realm").asString();
        } catch (RuntimeException e) {
            throw new InfraStartException("realm file " + realmFile + " is not readable JSON: " + e.getMessage());
        }
    }

    public static ManagedProcess start(Settings settings) {
        return start(settings, process -> { });
    }

    /** @param started told about the Keycloak process as soon as it exists, before it is ready */
    public static ManagedProcess start(Settings settings, java.util.function.Consumer<ManagedProcess> started) {
        Ports.requireFree(settings.port(), "Keycloak", "KEYCLOAK_PORT");
        Ports.requireFree(settings.managementPort(), "Keycloak management", "KEYCLOAK_MANAGEMENT_PORT");
        String realm = realmName(settings.realmFile());
        install(settings.home(), settings.logFile().resolveSibling("keycloak-build.log"));
        PostgresAdmin admin = new PostgresAdmin(settings.postgres());
        if (settings.freshDatabase()) {
            admin.recreateDatabase(settings.database());
        } else {
            admin.ensureDatabase(settings.database());
        }
        stageRealm(settings.home(), settings.realmFile());

        List<String> command = new ArrayList<>(List.of("bash", settings.home().resolve("bin/kc.sh").toString(),
                "start", "--optimized", "--import-realm",
                "--http-enabled=true",
                // One host name everywhere: the token's iss must equal the issuer the services trust (docs/stack.md).
                "--hostname=" + settings.url(),
                "--http-port=" + settings.port(),
                "--http-management-port=" + settings.managementPort(),
                "--db-url=" + settings.postgres().jdbcUrl(settings.database()),
                "--db-username=" + settings.postgres().user()));
        if (!settings.postgres().password().isEmpty()) {
            command.add("--db-password=" + settings.postgres().password());
        }
        ManagedProcess keycloak = ManagedProcess.start("Keycloak (port " + settings.port() + ")", command,
                environment(settings), settings.home(), settings.logFile());
        started.accept(keycloak);
        URI health = URI.create("http://localhost:" + settings.managementPort() + "/health/ready");
        URI realmDiscovery = URI.create(settings.url() + "/realms/" + realm + "/.well-known/openid-configuration");
        return keycloak.awaitReady(Duration.ofSeconds(300),
                ReadinessCheck.httpOk(health).and(ReadinessCheck.httpOk(realmDiscovery)));
    }

    private static Map<String, String> environment(Settings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Only used when Keycloak creates its master realm in an empty database.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        return env;
    }

    /** Unpacks the distribution into {@code home} and runs the one-time build, unless that was done before. */
    static void install(Path home, Path buildLog) {
        Path marker = home.resolve(".kesra-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            if (!Files.exists(home.resolve("lib/quarkus-run.jar"))) {
                unzip(DevInfraArtifacts.keycloakZip(), home);
            }
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ManagedProcess.run("Keycloak build", command, Map.of("JAVA_HOME", System.getProperty("java.home")),
                    home, buildLog, Duration.ofSeconds(240));
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new InfraStartException("could not install Keycloak into " + home + ": " + e.getMessage());
        }
    }

    private static void unzip(Path zip, Path home) throws IOException {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // The archive has one top folder (keycloak-<version>/); strip it.
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = staging.resolve(name).normalize();
                if (name.isEmpty() || !target.startsWith(staging)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        deleteRecursively(home);
        Files.createDirectories(home.getParent());
        Files.move(staging, home);
    }

    private static void stageRealm(Path home, Path realmFile) {
        try {
            Path importDir = home.resolve("data/import");
            deleteRecursively(importDir);
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
