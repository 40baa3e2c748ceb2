package org.kesra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.PlatformInfrastructureExtension;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.ProjectLayout;

/**
 * What a newcomer gets when something is wrong: a one-line cause naming the host, port or log, a non-zero exit,
 * in bounded time; and no process left behind when the launcher itself is killed.
 */
@PlatformInfrastructure(database = "platform_it")
class LauncherFailureIT {

    final Path root = ProjectLayout.locate().root();

    @Test
    void unreachablePostgresIsNamedWithItsHostAndPort() throws Exception {
        Map<String, String> env = externalServers();
        env.put("DB_PORT", Integer.toString(Ports.free()));
        try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
            assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(launcher.console()).contains("Kesra could not start: PostgreSQL at localhost:" + env.get("DB_PORT"))
                    .contains("is unreachable");
        }
    }

    @Test
    void aTakenPortIsNamedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = externalServers();
            env.put("GATEWAY_PORT", Integer.toString(squatter.getLocalPort()));
            try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
                assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(launcher.console()).contains("ports already in use: " + squatter.getLocalPort()
                        + " for gateway (GATEWAY_PORT)");
            }
        }
    }

    @Test
    void missingJarsSayHowToBuildThem(@TempDir Path checkout) throws Exception {
        Files.createDirectories(checkout.resolve("deploy/keycloak"));
        Files.copy(root.resolve("deploy/keycloak/kota-metro-realm.json"),
                checkout.resolve("deploy/keycloak/kota-metro-realm.json"));
        try (LauncherProcess launcher = LauncherProcess.start(checkout, externalServers())) {
            assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(launcher.console()).contains("service jars are missing").contains("./mvnw -Prun");
        }
    }

    @Test
    void aServiceThatCannotStartIsNamedWithTheTailOfItsLog(@TempDir Path state) throws Exception {
        Map<String, String> env = householdServiceOnly(state);
        env.put("SERVICE_JAVA_OPTS", "-XX:NoSuchOption");
        try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
            assertThat(launcher.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
            assertThat(launcher.console()).contains("household-service (port")
                    .contains("exited with code 1 during start-up; see " + state.resolve("logs/household-service.log"))
                    .contains("--- last lines of that log ---")
                    .contains("Unrecognized VM option 'NoSuchOption'");
        }
    }

    @Test
    void killingTheLauncherLeavesNoOrphanProcess(@TempDir Path state) throws Exception {
        Map<String, String> env = householdServiceOnly(state);
        env.put("DB_NAME_PREFIX", PlatformInfrastructureExtension.databaseName("it_"));
        try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
            launcher.awaitLine("Kesra is running", Duration.ofMinutes(3));
            List<ProcessHandle> children = launcher.handle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
            assertThat(children).isNotEmpty();

            launcher.kill();

            await().atMost(Duration.ofSeconds(45)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    /** One service only, so a test pays for one Spring Boot start, with its logs in the test's own folder. */
    private static Map<String, String> householdServiceOnly(Path state) throws IOException {
        Map<String, String> env = externalServers();
        env.put("PLATFORM_SERVICES", "household-service");
        env.put("PLATFORM_STATE_DIR", state.toString());
        return env;
    }

    private static Map<String, String> externalServers() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("OIDC_ISSUER_URI", System.getProperty("OIDC_ISSUER_URI"));
        for (String variable : List.of("GATEWAY_PORT", "HOUSEHOLD_PORT", "WELFARE_PORT", "PERFORMANCE_PORT",
                "REPORTING_PORT")) {
            env.put(variable, Integer.toString(Ports.free()));
        }
        return env;
    }
}
