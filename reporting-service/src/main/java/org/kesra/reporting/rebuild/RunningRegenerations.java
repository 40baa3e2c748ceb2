package org.kesra.reporting.rebuild;

import java.time.Duration;

/**
 * Whether a regeneration as of a kept file's offsets ({@link ScratchReplay}) is replaying on any instance: asked by
 * a rebuild before it starts, so the two never replay whole topics side by side. The package that runs and records
 * regenerations answers it from its own table; declared here so the rebuild does not depend on that package.
 */
public interface RunningRegenerations {

    /** Whether one is running; one silent for longer than {@code staleAfter} (its instance stopped) is not. */
    boolean anyRunning(Duration staleAfter);
}
