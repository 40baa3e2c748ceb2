package org.kesra.contracts.welfare;

/**
 * Beneficiaries (KPM: families, or persons for individual programmes) of one programme in the period, and the rupiah
 * paid to them in the programme's rounds that began in the period, from the per-KPM payment lists; absent when no
 * payment list of such a round has been recorded for the kelurahan (added in v1 as an optional field).
 */
public record ProgrammeKpm(String programme, long kpm, Long realisedRupiah) {
}
