package org.kesra.devinfra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as its own OS process with its output in a log file. Start-up is bounded: a process that
 * exits or does not become ready in time fails with a one-line cause and the tail of its log, never a hang.
 */
public final class ManagedProcess {

    private static final int TAIL_LINES = 25;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;

    private ManagedProcess(String name, Process process, Path logFile, List<String> command,
                           Map<String, String> environment, Path workDir) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.command = command;
        this.environment = environment;
        this.workDir = workDir;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workDir, Path logFile) {
        return launch(name, command, environment, workDir, logFile, ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    /**
     * The same command with the same environment once more, after this process ended (a crash). Its log is
     * appended to, so the last lines of the run that ended stay readable above the new run's.
     */
    public ManagedProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + process.pid() + ")");
        }
        return launch(name, command, environment, workDir, logFile, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private static ManagedProcess launch(String name, List<String> command, Map<String, String> environment,
                                         Path workDir, Path logFile, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output);
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile, List.copyOf(command), Map.copyOf(environment),
                    workDir);
        } catch (IOException e) {
            throw new InfraStartException(name + " could not be started (" + e.getMessage() + "): " + command.get(0),
                    "", e);
        }
    }

    /** Runs a command to completion (a set-up step such as formatting storage), failing on a non-zero exit. */
    public static void run(String name, List<String> command, Map<String, String> environment, Path workDir,
                           Path logFile, Duration timeout) {
        ManagedProcess step = start(name, command, environment, workDir, logFile);
        try {
            if (!step.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                step.stop(Duration.ofSeconds(5));
                throw step.failure("did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.stop(Duration.ofSeconds(5));
            throw step.failure("was interrupted");
        }
        if (step.process.exitValue() != 0) {
            throw step.failure("failed with exit code " + step.process.exitValue());
        }
    }

    public ManagedProcess awaitReady(Duration timeout, ReadinessCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " during start-up");
            }
            try {
                if (check.ready()) {
                    return this;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("start-up was interrupted");
            } catch (Exception notYet) {
                // expected while the server is starting
            }
            sleep(Duration.ofMillis(250));
        }
        stop(Duration.ofSeconds(10));
        throw failure("did not become ready within " + timeout.toSeconds() + " s");
    }

    public InfraStartException failure(String what) {
        return new InfraStartException(name + " " + what + "; see " + logFile, logTail(), null);
    }

    public String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16 * 1024);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            // Stack frames push the message that matters out of a short tail: keep the lines that say something.
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... ")).toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the process and everything it started: politely first, forcibly after the grace period. */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process ended (128 + the signal's number when a signal ended it, 137 for kill -9). */
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraStartException("interrupted while waiting");
        }
    }
}
