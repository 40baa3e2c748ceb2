package org.kesra.events.bench;

/**
 * Benchmark-only event: an aggregate step with the wall-clock time it was written to the outbox, padded to the
 * size of a realistic register event (about 500 bytes of JSON).
 */
public record BenchRecorded(String aggregate, long sequence, long writtenAtMicros, String details) {
}
