package org.kesra.contracts.welfare;

/** Beneficiaries (KPM: families, or persons for individual programmes) of one programme in the period. */
public record ProgrammeKpm(String programme, long kpm) {
}
