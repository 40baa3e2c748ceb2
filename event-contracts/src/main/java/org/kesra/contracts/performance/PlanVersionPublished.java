package org.kesra.contracts.performance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a unit's Renstra was published (the first one, or a revision with its reason). It carries every
 * indicator with the node it hangs on and its target and indicative budget per year, so that a reader can rebuild the
 * plan's indicator tables without calling performance-service. Decimal figures are strings in plain notation
 * ("85.37"): exact, never floating point.
 */
public record PlanVersionPublished(UUID planId, int version, String unitCode, String title, int startYear,
                                   int endYear, String reason, List<PlanIndicator> indicators, Instant publishedAt) {
}
