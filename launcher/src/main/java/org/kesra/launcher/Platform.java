package org.kesra.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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
 * Once running, {@link #supervise()} starts a crashed application again with back-off ({@link RestartBackOff}),
 * leaving everything else running, and says so on the console and in {@code logs/launcher.log}.
 */
final class Platform implements AutoCloseable {

    private static final String KEYCLOAK_DATABASE = "keycloak";

    private final PlatformSettings settings;
    private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());
    /** The running process of each application; Kafka and Keycloak are only in {@link #started}. */
    private final Map<ServiceSpec, ManagedProcess> applications = new ConcurrentHashMap<>();
    private final Map<ServiceSpec, RestartBackOff> backOffs = new ConcurrentHashMap<>();
    private final Set<ServiceSpec> restarting = ConcurrentHashMap.newKeySet();
    private final String realm;
    private ProcessReaper reaper;
    private volatile boolean closing;
    private volatile InfraStartException gaveUp;

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
            // household-service loads the synthetic population, performance-service the demo plans of the seeds,
            // reporting-service keeps a file of each report for them once its read models have caught up.
            if (settings.demoPopulation() && (service.module().equals("household-service")
                    || service.module().equals("performance-service")
                    || service.module().equals("reporting-service"))) {
                env.put("KESRA_DEMO_POPULATION", "true");
            }
            if (settings.rebuildReporting() && service.module().equals("reporting-service")) {
                env.put("KESRA_REPORTING_REBUILD_AT_START", "true");
            }
        } else if (service.isConsole()) {
            // Only the gateway reaches it; it calls the APIs through the gateway with the user's token.
            env.put("SERVER_ADDRESS", settings.serviceAddress());
            env.put("GATEWAY_URL", "http://localhost:" + settings.ports().getOrDefault(ServiceSpec.GATEWAY,
                    ServiceSpec.GATEWAY.defaultPort()));
        } else {
            for (ServiceSpec downstream : ServiceSpec.SERVICES) {
                int downstreamPort = settings.ports().getOrDefault(downstream, downstream.defaultPort());
                env.put(downstream.urlVariable(), "http://" + settings.serviceHost() + ":" + downstreamPort);
            }
            int consolePort = settings.ports().getOrDefault(ServiceSpec.CONSOLE, ServiceSpec.CONSOLE.defaultPort());
            env.put(ServiceSpec.CONSOLE.urlVariable(), "http://" + settings.serviceHost() + ":" + consolePort);
        }
        List<String> command = new ArrayList<>();
        command.add(DevInfraArtifacts.javaExecutable().toString());
        command.addAll(settings.serviceJavaOptions());
        command.addAll(List.of("-jar", settings.layout().serviceJar(service.module()).toString()));
        ManagedProcess process = ManagedProcess.start(service.module() + " (port " + port + ")", command, env,
                settings.layout().root(), logs().resolve(service.module() + ".log"));
        track(process);
        applications.put(service, process);
        return process.awaitReady(settings.startTimeout(), readiness(service, port));
    }

    /** /readyz on the API port (the actuator itself listens on the loopback management port). */
    private ReadinessCheck readiness(ServiceSpec service, int port) {
        String host = service.isGateway() ? "localhost" : settings.serviceHost();
        return ReadinessCheck.httpOk(URI.create("http://" + host + ":" + port + "/readyz"));
    }

    /** Records a process to stop with the platform; one started while the platform stops is stopped at once. */
    private void track(ManagedProcess process) {
        synchronized (started) {
            if (!closing) {
                started.add(process);
                if (reaper != null) {
                    reaper.watch(process.pid());
                }
                return;
            }
        }
        process.stop(Duration.ofSeconds(20));
    }

    /**
     * Once the platform runs, called every second: starts a crashed application again in the background. Answers why
     * the launcher must stop instead, if it must: an application failed too often ({@link RestartBackOff}), or Kafka
     * or Keycloak ended (they hold the platform's state; the launcher does not restart them).
     */
    Optional<InfraStartException> supervise() {
        if (closing) {
            return Optional.empty();
        }
        if (gaveUp != null) {
            return Optional.of(gaveUp);
        }
        List<ManagedProcess> processes;
        synchronized (started) {
            processes = new ArrayList<>(started);
        }
        for (ManagedProcess process : processes) {
            if (!process.isAlive() && !applications.containsValue(process)) {
                return Optional.of(process.failure("stopped unexpectedly"));
            }
        }
        applications.forEach((service, process) -> {
            if (!process.isAlive() && restarting.add(service)) {
                Thread restart = new Thread(() -> restart(service, process), "kesra-restart-" + service.module());
                restart.setDaemon(true);
                restart.start();
            }
        });
        return Optional.empty();
    }

    /** Starts the application again, pausing before each attempt, until it is ready or the launcher gives up. */
    private void restart(ServiceSpec service, ManagedProcess crashed) {
        try {
            int code = crashed.exitCode().orElse(-1);
            if ((code == 130 || code == 143) && stopsSoon()) {
                return; // a Ctrl-C reaches the applications too; the launcher's own stop is under way
            }
            String failure = crashed.name() + " stopped unexpectedly (exit code " + code + ")";
            ManagedProcess last = crashed;
            RestartBackOff backOff = backOffs.computeIfAbsent(service, s -> new RestartBackOff());
            while (!closing) {
                Optional<Duration> pause = backOff.failed(Instant.now());
                if (pause.isEmpty()) {
                    gaveUp = new InfraStartException(crashed.name() + " failed " + backOff.recentFailures()
                            + " times within " + RestartBackOff.WINDOW.toMinutes() + " minutes, so Kesra stops. Last: "
                            + failure + "; see " + last.logFile(), last.logTail(), null);
                    log(gaveUp.getMessage()); // the launcher prints it as it stops
                    return;
                }
                report(failure + "; restarting it in " + pause.get().toSeconds() + " s (failure "
                        + backOff.recentFailures() + " of " + RestartBackOff.MAX_FAILURES + " within "
                        + RestartBackOff.WINDOW.toMinutes() + " minutes before Kesra gives up)");
                Thread.sleep(pause.get().toMillis());
                if (closing) {
                    return;
                }
                long begin = System.nanoTime();
                try {
                    last = startAgain(service, last);
                    report(last.name() + " is running again (pid " + last.pid() + ", ready after "
                            + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s)");
                    return;
                } catch (InfraStartException e) {
                    failure = e.getMessage();
                    last = applications.get(service);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            restarting.remove(service);
        }
    }

    private ManagedProcess startAgain(ServiceSpec service, ManagedProcess ended) {
        int port = settings.port(service);
        // Never a second instance beside one that still listens (an orphan of the crashed one, another program).
        if (!Ports.isFree(port)) {
            throw new InfraStartException(ended.name() + " could not be restarted: port " + port
                    + " is in use by another program (ss -ltnp 'sport = :" + port + "')");
        }
        ManagedProcess next = ended.startAgain();
        synchronized (started) {
            started.remove(ended);
        }
        if (reaper != null) {
            reaper.forget(ended.pid());
        }
        track(next);
        applications.put(service, next);
        return next.awaitReady(settings.startTimeout(), readiness(service, port));
    }

    private boolean stopsSoon() throws InterruptedException {
        Thread.sleep(3000);
        return closing;
    }

    /** A line about the running platform for the console and {@code logs/launcher.log}. */
    private void report(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        System.out.flush();
        log(line);
    }

    private void log(String line) {
        try {
            Files.createDirectories(logs());
            Files.writeString(logs().resolve("launcher.log"), Instant.now() + " " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(" + logs().resolve("launcher.log") + " not writable: " + e.getMessage() + ")");
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

    @Override
    public void close() {
        List<ManagedProcess> newestFirst;
        synchronized (started) {
            closing = true;
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
