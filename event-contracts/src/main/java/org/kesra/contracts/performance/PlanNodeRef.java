package org.kesra.contracts.performance;

/** A node of a plan's tree above an indicator's node: level (TUJUAN ... SUB_KEGIATAN), code (null above program), name. */
public record PlanNodeRef(String level, String code, String name) {
}
