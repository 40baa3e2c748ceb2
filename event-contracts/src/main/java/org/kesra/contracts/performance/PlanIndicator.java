package org.kesra.contracts.performance;

import java.util.List;
import java.util.UUID;

/**
 * One indicator of a published plan version, with the node (tujuan, sasaran, program, ...) that carries it and the
 * nodes above that one ({@code ancestors}, tujuan first), so that a reader can group a kegiatan's indicators under its
 * program. {@code ancestors} was added within v1: optional, absent (null) from older events.
 */
public record PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                            String unitOfMeasure, String direction, String kind, String aggregation,
                            List<YearTarget> targets, List<PlanNodeRef> ancestors) {

    /** An indicator as published before {@code ancestors} existed. */
    public PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                         String unitOfMeasure, String direction, String kind, String aggregation,
                         List<YearTarget> targets) {
        this(indicatorId, nodeLevel, nodeCode, nodeName, name, unitOfMeasure, direction, kind, aggregation, targets,
                null);
    }
}
