package org.kesra.contracts.performance;

import java.util.List;
import java.util.UUID;

/**
 * One indicator of a published plan version, with the node (tujuan, sasaran, program, ...) that carries it and the
 * nodes above that one ({@code ancestors}, tujuan first), so that a reader can group a kegiatan's indicators under its
 * program. {@code ancestors} was added within v1: optional, absent (null) from older events. So was {@code baseline},
 * the indicator's kondisi awal (year 0 of the plan, Tabel 6.1's column 4) in plain notation, null when the plan gives
 * none or the event is older than the field. And so were {@code source} ({@code ENTERED} by staff or {@code REGISTER}:
 * computed by performance-service from welfare-service's published kelurahan figures, never typed), with a register
 * indicator's {@code registerMeasure} ({@code PPKS_HANDLED_SHARE}, {@code PPKS_FOUND}, {@code PPKS_HANDLED},
 * {@code KPM}) and, for {@code KPM}, {@code registerProgramme}; all null in older events, so a reader tells an auditor
 * which figures no one typed.
 */
public record PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                            String unitOfMeasure, String direction, String kind, String aggregation,
                            List<YearTarget> targets, List<PlanNodeRef> ancestors, String baseline, String source,
                            String registerMeasure, String registerProgramme) {

    /** An indicator as published before {@code source} and the register fields existed. */
    public PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                         String unitOfMeasure, String direction, String kind, String aggregation,
                         List<YearTarget> targets, List<PlanNodeRef> ancestors, String baseline) {
        this(indicatorId, nodeLevel, nodeCode, nodeName, name, unitOfMeasure, direction, kind, aggregation, targets,
                ancestors, baseline, null, null, null);
    }

    /** An indicator as published before {@code baseline} existed. */
    public PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                         String unitOfMeasure, String direction, String kind, String aggregation,
                         List<YearTarget> targets, List<PlanNodeRef> ancestors) {
        this(indicatorId, nodeLevel, nodeCode, nodeName, name, unitOfMeasure, direction, kind, aggregation, targets,
                ancestors, null, null, null, null);
    }

    /** An indicator as published before {@code ancestors} existed. */
    public PlanIndicator(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                         String unitOfMeasure, String direction, String kind, String aggregation,
                         List<YearTarget> targets) {
        this(indicatorId, nodeLevel, nodeCode, nodeName, name, unitOfMeasure, direction, kind, aggregation, targets,
                null, null, null, null, null);
    }
}
