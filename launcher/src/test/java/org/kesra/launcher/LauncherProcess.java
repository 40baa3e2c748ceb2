package org.kesra.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            throw new AssertionError("launcher still running after " + timeout + ":\n" + console()
                    + "\n--- processes it still has ---\n" + descendants() + "\n--- its threads ---\n" + threadDump());
        }
        drained();
        return process.exitValue();
    }

    /** Why a stop hangs: which children are left, and where the launcher's threads wait (seen once in CI). */
    private String descendants() {
        StringBuilder out = new StringBuilder();
        process.descendants().forEach(p -> out.append(p.pid()).append(' ')
                .append(p.info().commandLine().map(c -> c.length() > 200 ? c.substring(0, 200) + "..." : c).orElse("?"))
                .append('\n'));
        return out.toString();
    }

    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
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
     * launcher's output, hiding what it prints while it stops. Where this build itself runs with SIGINT ignored (a
     * background job of a non-interactive shell), the launcher inherits that and the JVM keeps it ignored
     * (docs/stack.md 14); then SIGTERM, which takes the same shutdown path, stands in for it, so the test checks the
     * launcher's stop and not how the build was started.
     */
    void interrupt() throws IOException, InterruptedException {
        String signal = ignoresSigint(process.pid()) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** The SigIgn mask of /proc/PID/status; bit 1 is SIGINT (signal 2). */
    static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .findFirst().map(line -> (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2L) != 0)
                .orElse(false);
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
