package org.kesra.events.sample;

/**
 * Test-only contract: one step of a sample aggregate, with switches that make its handler misbehave on purpose.
 *
 * @param failUntilFixed  the handler throws until the test "fixes" the defect (poison message)
 * @param haltAfterCommit the consuming JVM halts right after committing the effect, before the offset commit
 */
public record SampleRecorded(String aggregate, long sequence, boolean failUntilFixed, boolean haltAfterCommit) {
}
