package org.kesra.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The Kafka broker and Keycloak shared by all test JVMs of one build. The first caller starts a
 * {@link TestInfrastructureSupervisor} that lives as long as the Maven build; later callers, in the same
 * or another module's test JVM, find its state file and reuse the same servers.
 */
public final class SharedInfrastructure {

    public static final String STATE_DIR_PROPERTY = "kesra.infra.state-dir";
    static final String STATE_FILE = "state.properties";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    /** Addresses of the shared servers. */
    public record Endpoints(String kafkaBootstrapServers, String keycloakUrl, String realm, String keycloakAdminUser,
                            String keycloakAdminPassword, PostgresConnection postgres) {

        public String issuerUri() {
            return keycloakUrl + "/realms/" + realm;
        }
    }

    private static Endpoints endpoints;

    private SharedInfrastructure() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            endpoints = acquire();
        }
        return endpoints;
    }

    private static Endpoints acquire() {
        ProjectLayout layout = ProjectLayout.locate();
        Path stateDir = Path.of(System.getProperty(STATE_DIR_PROPERTY,
                layout.root().resolve("target/test-infra").toString()));
        try {
            Files.createDirectories(stateDir);
            try (FileChannel channel = FileChannel.open(stateDir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<Properties> running = readState(stateDir).filter(SharedInfrastructure::isLive);
                Properties state = running.isPresent() ? running.get() : startSupervisor(layout, stateDir);
                return new Endpoints(state.getProperty("kafka.bootstrap-servers"), state.getProperty("keycloak.url"),
                        state.getProperty("keycloak.realm"), state.getProperty("keycloak.admin-user"),
                        state.getProperty("keycloak.admin-password"), PostgresConnection.fromEnvironment());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties startSupervisor(ProjectLayout layout, Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(STATE_FILE));
        long buildPid = buildProcess().pid();
        List<String> command = new ArrayList<>(List.of(DevInfraArtifacts.javaExecutable().toString(),
                "-Xmx256m", "-cp", DevInfraArtifacts.runtimeClasspath(),
                "-Dlog4j2.level=WARN",
                TestInfrastructureSupervisor.class.getName(),
                "--state-dir", stateDir.toString(),
                "--root", layout.root().toString(),
                "--watch-pid", Long.toString(buildPid)));
        ManagedProcess supervisor = ManagedProcess.start("test infrastructure supervisor", command,
                java.util.Map.of(), layout.root(), stateDir.resolve("logs/supervisor.log"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Properties> state = readState(stateDir);
            if (state.isPresent() && "ready".equals(state.get().getProperty("status"))) {
                return state.get();
            }
            if (state.isPresent() && "failed".equals(state.get().getProperty("status"))) {
                throw new InfraStartException(state.get().getProperty("failure"), state.get().getProperty("details"),
                        null);
            }
            if (!supervisor.isAlive()) {
                throw supervisor.failure("exited before the servers were ready");
            }
            ManagedProcess.sleep(Duration.ofMillis(200));
        }
        supervisor.stop(Duration.ofSeconds(20));
        throw supervisor.failure("did not report ready within " + START_TIMEOUT.toMinutes() + " min");
    }

    /**
     * The process whose end should stop the servers: the Maven JVM that forked this test JVM (Surefire and
     * Failsafe may put a shell in between) or that is this JVM, else the direct parent (an IDE).
     */
    static ProcessHandle buildProcess() {
        ProcessHandle self = ProcessHandle.current();
        for (Optional<ProcessHandle> p = Optional.of(self); p.isPresent(); p = p.get().parent()) {
            String commandLine = p.get().info().commandLine().orElse("");
            if (commandLine.contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
                return p.get();
            }
        }
        return self.parent().orElse(self);
    }

    private static Optional<Properties> readState(Path stateDir) {
        Path file = stateDir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            state.load(in);
            return Optional.of(state);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isLive(Properties state) {
        if (!"ready".equals(state.getProperty("status"))) {
            return false;
        }
        long pid = Long.parseLong(state.getProperty("pid", "-1"));
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
