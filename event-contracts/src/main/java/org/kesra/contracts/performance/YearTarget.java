package org.kesra.contracts.performance;

/** The target of one year (lower bound for a range, with {@code targetMax}) and its indicative budget in rupiah. */
public record YearTarget(int year, String target, String targetMax, Long budget) {
}
