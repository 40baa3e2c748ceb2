package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
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
 * in bounded time; no process left behind when the launcher itself is killed; a crashed application started
 * again while the rest keeps running, and a stop with the cause when it keeps failing.
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

    @Test
    void anApplicationKilledWithSigkillIsStartedAgainWhileTheOthersKeepRunning(@TempDir Path state) throws Exception {
        Map<String, String> env = householdServiceOnly(state);
        env.put("PLATFORM_SERVICES", "household-service,gateway");
        env.put("DB_NAME_PREFIX", PlatformInfrastructureExtension.databaseName("it_"));
        String household = "household-service (port " + env.get("HOUSEHOLD_PORT") + ")";
        List<ProcessHandle> children = new ArrayList<>();
        try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
            try {
                launcher.awaitLine("Kesra is running", Duration.ofMinutes(4));
                ProcessHandle crashed = application(launcher, "household-service");
                ProcessHandle gateway = application(launcher, "gateway");

                assertThat(crashed.destroyForcibly()).as("SIGKILL sent").isTrue();

                launcher.awaitLine(household + " stopped unexpectedly (exit code 137); restarting it in 1 s",
                        Duration.ofSeconds(30));
                launcher.awaitLine(household + " is running again", Duration.ofMinutes(4));
                assertThat(launcher.handle().isAlive()).as("the launcher stays up").isTrue();
                assertThat(readiness(env.get("HOUSEHOLD_PORT"))).isEqualTo(200);
                ProcessHandle restarted = application(launcher, "household-service");
                assertThat(restarted.pid()).isNotEqualTo(crashed.pid());
                assertThat(application(launcher, "gateway").pid()).as("the gateway was never stopped")
                        .isEqualTo(gateway.pid());
                assertThat(gateway.isAlive()).isTrue();
                assertThat(readiness(env.get("GATEWAY_PORT"))).isEqualTo(200);
                assertThat(launcher.console()).doesNotContain("Stopping Kesra");
                assertThat(Files.readString(state.resolve("logs/launcher.log")))
                        .contains(household + " stopped unexpectedly (exit code 137)")
                        .contains(household + " is running again (pid " + restarted.pid());
                assertThat(Files.readAllLines(state.resolve("logs/household-service.log")).stream()
                        .filter(line -> line.contains("Started HouseholdServiceApplication")))
                        .as("the crashed run's lines are kept above the new run's").hasSize(2);
            } finally {
                children.addAll(launcher.handle().descendants().toList());
            }
        }
        // Closing kills the launcher; its reaper then stops the applications from the pid file in the @TempDir,
        // which JUnit deletes as soon as the test returns: wait, or the reaper finds no file and they live on.
        await().atMost(Duration.ofSeconds(45)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void anApplicationThatKeepsFailingToStartStopsThePlatformAtTheFifthFailure(@TempDir Path state) throws Exception {
        Map<String, String> env = householdServiceOnly(state);
        env.put("DB_NAME_PREFIX", PlatformInfrastructureExtension.databaseName("it_"));
        int port = Integer.parseInt(env.get("HOUSEHOLD_PORT"));
        String household = "household-service (port " + port + ")";
        try (LauncherProcess launcher = LauncherProcess.start(root, env)) {
            launcher.awaitLine("Kesra is running", Duration.ofMinutes(4));
            List<ProcessHandle> children = launcher.handle().descendants().toList();
            application(launcher, "household-service").destroyForcibly();
            // Another program takes the port while the launcher waits to restart: every restart fails.
            try (ServerSocket squatter = bindOnceFree(port)) {
                assertThat(launcher.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
            }
            assertThat(launcher.console())
                    .contains(household + " stopped unexpectedly (exit code 137); restarting it in 1 s")
                    .contains("port " + port + " is in use by another program (ss -ltnp 'sport = :" + port
                            + "'); restarting it in 2 s")
                    .contains("restarting it in 4 s").contains("restarting it in 8 s")
                    .contains(household + " failed 5 times within 10 minutes, so Kesra stops. Last: " + household
                            + " could not be restarted: port " + port + " is in use by another program")
                    .contains("Stopping Kesra...").contains("Kesra stopped.")
                    .doesNotContain("restarting it in 16 s");
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(Files.readString(state.resolve("logs/launcher.log"))).contains("failed 5 times");
        }
    }

    /** The java process the launcher started from the module's jar. */
    private static ProcessHandle application(LauncherProcess launcher, String module) {
        List<ProcessHandle> found = launcher.handle().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("/" + module + ".jar")).orElse(false)).toList();
        assertThat(found).as(module + " processes").hasSize(1);
        return found.get(0);
    }

    private static int readiness(String port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/readyz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Binds the port as soon as the killed process has released it. */
    private static ServerSocket bindOnceFree(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
                return socket;
            } catch (IOException stillHeld) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw stillHeld;
                }
                Thread.sleep(10);
            }
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
        // Management ports too: their default (API port + 1000) can land in the kernel's ephemeral range, where an
        // outgoing connection may take it before the application binds it ("ports already in use" in CI).
        for (String application : List.of("GATEWAY", "HOUSEHOLD", "WELFARE", "PERFORMANCE", "REPORTING", "CONSOLE")) {
            env.put(application + "_PORT", Integer.toString(Ports.free()));
            env.put(application + "_MANAGEMENT_PORT", Integer.toString(Ports.free()));
        }
        return env;
    }
}
