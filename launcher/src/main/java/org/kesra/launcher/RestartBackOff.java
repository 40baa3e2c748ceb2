package org.kesra.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When the launcher starts a crashed application again. A crash is usually a one-off (a killed process, memory
 * pressure): the first restart follows after 1 s. Failures in a row (a crash, or a restart that did not become
 * ready) double the pause: 1, 2, 4, 8 s. The fifth failure within 10 minutes means the application cannot run as
 * it is (a broken database, a port another program took, a bad option); restarting it for ever would hide that, so
 * the launcher gives up and stops the platform with the cause. An application that crashes now and then, less
 * than five times in 10 minutes, is restarted each time.
 */
final class RestartBackOff {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final Deque<Instant> failures = new ArrayDeque<>();

    /** Counts a failure at {@code now}; answers the pause before the next start, or empty when it is time to give up. */
    synchronized Optional<Duration> failed(Instant now) {
        failures.addLast(now);
        while (failures.getFirst().isBefore(now.minus(WINDOW))) {
            failures.removeFirst();
        }
        if (failures.size() >= MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(FIRST_PAUSE.multipliedBy(1L << (failures.size() - 1)));
    }

    /** Failures counted in the window that ends at the last one. */
    synchronized int recentFailures() {
        return failures.size();
    }
}
