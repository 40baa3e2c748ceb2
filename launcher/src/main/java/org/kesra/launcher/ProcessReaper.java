package org.kesra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Stops the launcher's children if the launcher itself dies without its shutdown hook (kill -9, a JVM crash):
 * a small shell process that outlives the launcher, notices its end and terminates every pid the launcher
 * recorded, politely, then forcibly. After a clean stop the launcher removes the record and the reaper exits.
 */
final class ProcessReaper {

    private static final String SCRIPT = """
            watched=$1; pids=$2
            while kill -0 "$watched" 2>/dev/null; do sleep 1; done
            [ -f "$pids" ] || exit 0
            for p in $(cat "$pids"); do pkill -TERM -P "$p" 2>/dev/null; kill -TERM "$p" 2>/dev/null; done
            sleep 15
            for p in $(cat "$pids"); do pkill -KILL -P "$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done
            rm -f "$pids"
            """;

    private final Path pidFile;
    private final Process reaper;

    private ProcessReaper(Path pidFile, Process reaper) {
        this.pidFile = pidFile;
        this.reaper = reaper;
    }

    static ProcessReaper start(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Path pidFile = stateDir.resolve("children.pids");
            Files.writeString(pidFile, "");
            Process reaper = new ProcessBuilder("bash", "-c", SCRIPT, "reaper",
                    Long.toString(ProcessHandle.current().pid()), pidFile.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new ProcessReaper(pidFile, reaper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void watch(long pid) {
        try {
            Files.writeString(pidFile, pid + System.lineSeparator(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A child that ended (a crashed application): its pid may be given to another process, never to be killed. */
    synchronized void forget(long pid) {
        try {
            List<String> others = Files.readAllLines(pidFile).stream()
                    .filter(line -> !line.isBlank() && Long.parseLong(line.trim()) != pid).toList();
            Files.write(pidFile, others);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The children were stopped cleanly: nothing left to reap. */
    void release() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the reaper finds no children either way
        }
        reaper.destroy();
    }

    List<Long> watched() {
        try {
            return Files.readAllLines(pidFile).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
