package org.kesra.contracts.household;

/** One corrected field, as text before and after (null when empty). */
public record FieldChange(String field, String before, String after) {
}
