package org.kesra.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kesra.devinfra.ProjectLayout;

/** The launcher as a user runs it: its own JVM, its console output captured, killable. */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private LauncherProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // process gone
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Path root, Map<String, String> environment) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + ProjectLayout.ROOT_PROPERTY + "=" + root,
                "-cp", System.getProperty("java.class.path"), PlatformLauncher.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(new HashMap<>(environment));
        return new LauncherProcess(builder.start());
    }

    /** Waits until a console line contains the text; fails early if the launcher exits. */
    void awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (contains(text)) {
                return;
            }
            if (!process.isAlive() && !drained().contains(text)) {
                throw new AssertionError("launcher exited (" + process.exitValue() + ") before printing '" + text
                        + "':\n" + console());
            }
            sleep(200);
        }
        throw new AssertionError("launcher did not print '" + text + "' within " + timeout + ":\n" + console());
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher still running after " + timeout + ":\n" + console());
        }
        drained();
        return process.exitValue();
    }

    /** After the process ended: everything it wrote, once the reader has emptied the pipe. */
    private LauncherProcess drained() {
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    boolean contains(String text) {
        synchronized (output) {
            return output.stream().anyMatch(line -> line.contains(text));
        }
    }

    String console() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * What Ctrl-C does: SIGINT to the launcher. Not {@code Process.destroy()}, which also closes this side of the
     * launcher's output, hiding what it prints while it stops.
     */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
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
