package org.kesra.platform;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kesra.devinfra.DevInfraArtifacts;
import org.kesra.devinfra.InfraStartException;
import org.kesra.devinfra.KafkaBroker;
import org.kesra.devinfra.KeycloakServer;
import org.kesra.devinfra.ManagedProcess;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.ReadinessCheck;

/**
 * The whole platform on one machine: Kafka and Keycloak (unless external ones are given), then the four services and
 * the gateway from their jars, each against its own database on the machine's PostgreSQL. Every start-up step is
 * bounded and fails with a one-line cause; {@link #close()} stops everything that was started, newest first.
 */
final class Platform implements AutoCloseable {

    private static final String KEYCLOAK_DATABASE = "keycloak";

    private final PlatformSettings settings;
    private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final String realm;
    private ProcessReaper reaper;
    private volatile boolean closing;

    Platform(PlatformSettings settings) {
        this.settings = settings;
        this.realm = KeycloakServer.realmName(settings.layout().realmFile());
    }

    void start() {
        requireJars();
        PostgresAdmin postgres = new PostgresAdmin(settings.postgres());
        postgres.checkReachable();
        requireFreePorts();
        for (ServiceSpec service : settings.services()) {
            postgres.ensureDatabase(settings.database(service));
        }
        reaper = ProcessReaper.start(settings.stateDir());

        CompletableFuture<Void> keycloak = settings.externalIssuer().isPresent()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> KeycloakServer.start(keycloakSettings(), this::track));
        if (settings.externalKafka().isEmpty()) {
            KafkaBroker.start(new KafkaBroker.Settings(settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.stateDir().resolve("kafka"), logs().resolve("kafka.log")), this::track);
        }
        // The applications start beside Keycloak: they need Kafka at start-up, Keycloak only for the first token.
        List<CompletableFuture<Void>> applications = new ArrayList<>();
        for (ServiceSpec service : settings.ports().keySet()) {
            applications.add(CompletableFuture.runAsync(() -> startApplication(service)));
        }
        join(keycloak);
        applications.forEach(Platform::join);
    }

    private KeycloakServer.Settings keycloakSettings() {
        Path home = settings.layout().keycloakHome("local");
        boolean realmChanged = realmChanged(home);
        if (realmChanged) {
            System.out.println("Realm file is new or changed: Keycloak's database is recreated from it.");
        }
        return new KeycloakServer.Settings(home, settings.keycloakPort(), settings.keycloakManagementPort(),
                settings.postgres(), KEYCLOAK_DATABASE, realmChanged, settings.layout().realmFile(), "admin",
                settings.keycloakAdminPassword(), logs().resolve("keycloak.log"));
    }

    /** Keycloak imports a realm only into an empty database; a changed realm file needs a fresh one. */
    private boolean realmChanged(Path home) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(settings.layout().realmFile())));
            Path marker = settings.stateDir().resolve("realm.sha256");
            boolean changed = !Files.exists(marker) || !Files.readString(marker).equals(digest)
                    || !Files.exists(home.resolve(".kesra-build"));
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, digest);
            return changed;
        } catch (Exception e) {
            return true;
        }
    }

    private ManagedProcess startApplication(ServiceSpec service) {
        int port = settings.port(service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(settings.managementPort(service)));
        env.put("MANAGEMENT_ADDRESS", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("OIDC_ISSUER_URI", settings.issuerUri(realm));
        if (service.database() != null) {
            env.put("SERVER_ADDRESS", settings.serviceAddress());
            env.putAll(settings.postgres().serviceEnvironment(settings.database(service)));
            if (settings.demoPopulation() && service.module().equals("household-service")) {
                env.put("KESRA_DEMO_POPULATION", "true");
            }
        } else {
            for (ServiceSpec downstream : ServiceSpec.SERVICES) {
                int downstreamPort = settings.ports().getOrDefault(downstream, downstream.defaultPort());
                env.put(downstream.urlVariable(), "http://" + settings.serviceHost() + ":" + downstreamPort);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(DevInfraArtifacts.javaExecutable().toString());
        command.addAll(settings.serviceJavaOptions());
        command.addAll(List.of("-jar", settings.layout().serviceJar(service.module()).toString()));
        ManagedProcess process = ManagedProcess.start(service.module() + " (port " + port + ")", command, env,
                settings.layout().root(), logs().resolve(service.module() + ".log"));
        track(process);
        String base = "http://" + (service.database() != null ? settings.serviceHost() : "localhost") + ":" + port;
        // /readyz on the API port; an application that still serves its probes under /actuator only (the gateway
        // until it moves them to its management port) is accepted there.
        ReadinessCheck readyz = ReadinessCheck.httpOk(URI.create(base + "/readyz"));
        ReadinessCheck actuator = ReadinessCheck.httpOk(URI.create(base + "/actuator/health/readiness"));
        return process.awaitReady(settings.startTimeout(), () -> readyz.ready() || actuator.ready());
    }

    private void track(ManagedProcess process) {
        started.add(process);
        if (reaper != null) {
            reaper.watch(process.pid());
        }
    }

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : settings.ports().keySet()) {
            if (!Files.isRegularFile(settings.layout().serviceJar(service.module()))) {
                missing.add(settings.layout().serviceJar(service.module()).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new InfraStartException("service jars are missing (" + String.join(", ", missing)
                    + "): build them with ./mvnw -Prun, which builds and starts the platform");
        }
    }

    private void requireFreePorts() {
        List<String> taken = new ArrayList<>();
        settings.portsToBind().forEach((what, port) -> {
            if (!Ports.isFree(port)) {
                taken.add(port + " for " + what);
            }
        });
        if (!taken.isEmpty()) {
            throw new InfraStartException("ports already in use: " + String.join(", ", taken)
                    + ". Stop what listens there (ss -ltnp) or set the named variables to other ports.");
        }
    }

    Path logs() {
        return settings.stateDir().resolve("logs");
    }

    String realm() {
        return realm;
    }

    List<ManagedProcess> processes() {
        return List.copyOf(started);
    }

    /** A process that ended on its own (crashed) while the platform should be running, if any. */
    ManagedProcess firstDead() {
        if (closing) {
            return null;
        }
        synchronized (started) {
            return started.stream().filter(p -> !p.isAlive()).findFirst().orElse(null);
        }
    }

    @Override
    public void close() {
        closing = true;
        List<ManagedProcess> newestFirst;
        synchronized (started) {
            newestFirst = new ArrayList<>(started);
        }
        Collections.reverse(newestFirst);
        // Applications first (in parallel: each drains its own work), then Keycloak and Kafka.
        List<ManagedProcess> applications = newestFirst.stream()
                .filter(p -> !p.name().startsWith("Kafka") && !p.name().startsWith("Keycloak")).toList();
        applications.parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
        newestFirst.stream().filter(p -> !applications.contains(p)).forEach(p -> p.stop(Duration.ofSeconds(20)));
        started.clear();
        if (reaper != null) {
            reaper.release();
        }
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
