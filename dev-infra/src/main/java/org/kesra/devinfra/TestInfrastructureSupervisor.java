package org.kesra.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The process that owns the Kafka broker and Keycloak shared by every test JVM of one build. It is started by
 * the first test that needs them ({@link SharedInfrastructure}), publishes their addresses in a state file,
 * and stops both when the watched process (the Maven build) ends, however it ends, so nothing is orphaned.
 */
public final class TestInfrastructureSupervisor {

    static final String TEST_DATABASE = "keycloak_test";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private TestInfrastructureSupervisor() {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        Path stateDir = Path.of(options.get("--state-dir"));
        ProjectLayout layout = new ProjectLayout(Path.of(options.get("--root")));
        long watchedPid = Long.parseLong(options.get("--watch-pid"));

        ManagedProcess[] started = new ManagedProcess[2];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "stop-test-infrastructure"));
        try {
            PostgresConnection postgres = PostgresConnection.fromEnvironment();
            new PostgresAdmin(postgres).checkReachable();
            Path kafkaData = stateDir.resolve("kafka");
            deleteQuietly(kafkaData);
            KafkaBroker.Settings kafka = new KafkaBroker.Settings(Ports.free(), Ports.free(), kafkaData,
                    stateDir.resolve("logs/kafka.log"));
            KeycloakServer.Settings keycloak = new KeycloakServer.Settings(layout.keycloakHome("test"),
                    Ports.free(), Ports.free(), postgres,
                    PlatformInfrastructureExtension.databaseName(TEST_DATABASE), true, layout.realmFile(),
                    ADMIN_USER, ADMIN_PASSWORD, stateDir.resolve("logs/keycloak.log"));

            // Keycloak takes ~30 s and Kafka ~4 s: start them side by side.
            CompletableFuture<ManagedProcess> keycloakStart =
                    CompletableFuture.supplyAsync(() -> KeycloakServer.start(keycloak, p -> started[1] = p));
            KafkaBroker.start(kafka, p -> started[0] = p);
            join(keycloakStart);

            Properties state = new Properties();
            state.setProperty("status", "ready");
            state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            state.setProperty("kafka.bootstrap-servers", kafka.bootstrapServers());
            state.setProperty("keycloak.url", keycloak.url());
            state.setProperty("keycloak.realm", KeycloakServer.realmName(layout.realmFile()));
            state.setProperty("keycloak.admin-user", ADMIN_USER);
            state.setProperty("keycloak.admin-password", ADMIN_PASSWORD);
            writeState(stateDir, state);
            System.out.println("test infrastructure ready: " + state);
        } catch (RuntimeException e) {
            InfraStartException failure = e instanceof InfraStartException ise ? ise
                    : new InfraStartException(e.toString(), "", e);
            Properties state = new Properties();
            state.setProperty("status", "failed");
            state.setProperty("failure", failure.getMessage());
            state.setProperty("details", failure.details());
            writeState(stateDir, state);
            failure.printStackTrace();
            System.exit(1);
        }

        ProcessHandle.of(watchedPid).ifPresent(build -> build.onExit().join());
        System.out.println("watched process " + watchedPid + " ended; stopping test infrastructure");
        System.exit(0);
    }

    private static void deleteQuietly(Path dir) {
        try {
            KeycloakServer.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ManagedProcess join(CompletableFuture<ManagedProcess> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private static void stopAll(ManagedProcess[] processes) {
        for (ManagedProcess process : processes) {
            if (process != null && process.isAlive()) {
                process.stop(Duration.ofSeconds(15));
            }
        }
    }

    static void writeState(Path stateDir, Properties state) {
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve(SharedInfrastructure.STATE_FILE + ".tmp");
            try (var out = Files.newBufferedWriter(tmp)) {
                state.store(out, "shared test infrastructure");
            }
            Files.move(tmp, stateDir.resolve(SharedInfrastructure.STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] {"--state-dir", "--root", "--watch-pid"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        return options;
    }
}
