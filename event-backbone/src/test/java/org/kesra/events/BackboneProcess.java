package org.kesra.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kesra.devinfra.Ports;
import org.kesra.events.sample.BackboneTestApplication;

/**
 * The test service as a separate JVM, so a test can kill it the way a machine dies: no shutdown hooks, no offset
 * commit, no relay cleanup. It reaches the same PostgreSQL, Kafka and Keycloak as the test.
 */
final class BackboneProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> ENVIRONMENT = List.of("KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI", "DB_HOST",
            "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME");

    private final Process process;
    private final Path log;
    private final int port;

    private final int managementPort;

    private BackboneProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    static BackboneProcess start(String name, String... arguments) throws IOException {
        BackboneProcess started = launch(name, arguments);
        started.awaitReady();
        return started;
    }

    /** Starts the JVM without waiting for it to be ready (it may be meant to die before). */
    static BackboneProcess launch(String name, String... arguments) throws IOException {
        int port = Ports.free();
        int managementPort = Ports.free(); // metrics answer on the management port only (platform-web)
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dkesra.test.parent-pid=" + ProcessHandle.current().pid(),
                "-cp", System.getProperty("java.class.path"), BackboneTestApplication.class.getName(),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--kesra.test.instance=" + name));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "backbone-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        for (String name2 : ENVIRONMENT) {
            env.put(name2, System.getProperty(name2));
        }
        return new BackboneProcess(builder.start(), log, port, managementPort);
    }

    /** Up to 4 minutes: a JVM start takes that long on a machine busy with several builds. */
    BackboneProcess awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("test service exited during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("test service not ready in 240 s; see " + log.toAbsolutePath());
    }

    /** Waits for the process to die by itself (a deliberate halt); answers its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("test service still alive after " + timeout + "; see " + log.toAbsolutePath());
        }
        return process.exitValue();
    }

    String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of a counter's samples whose labels contain every given fragment. */
    double counter(String name, String... labelFragments) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : metrics().lines().toList()) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean matches = true;
            for (String fragment : labelFragments) {
                matches &= line.contains(fragment);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** SIGKILL, as a machine dies: no shutdown hook, no leaving the consumer group, no offset commit. */
    void kill() {
        close();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
