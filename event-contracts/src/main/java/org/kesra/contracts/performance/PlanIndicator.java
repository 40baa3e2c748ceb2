package org.kesra.contracts.performance;

import java.util.List;
import java.util.UUID;

/** One indicator of a published plan version, with the node (tujuan, sasaran, program, ...) that carries it. */
public record PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                            String unitOfMeasure, String direction, String kind, String aggregation,
                            List<YearTarget> targets) {
}
