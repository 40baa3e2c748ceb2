package org.kesra.household.registry;

/**
 * One field of a correction, with JSON Merge Patch semantics (RFC 7396): absent leaves the stored value, present sets
 * it, and present with {@code null} clears it.
 */
public record Patched<T>(boolean present, T value) {

    private static final Patched<?> ABSENT = new Patched<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patched<T> absent() {
        return (Patched<T>) ABSENT;
    }

    public static <T> Patched<T> of(T value) {
        return new Patched<>(true, value);
    }

    /** The value after the correction: the one sent, or {@code current} when the field was not sent. */
    public T or(T current) {
        return present ? value : current;
    }
}
