package org.kesra.contracts.welfare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment round (tahap or bulan) of a programme was recorded in welfare-service: what was ordered (SP2D, KPM and
 * rupiah) and, when the office reported it with the round, its realisation (KPM and rupiah, both or neither). The
 * shape of one row of seed 001 Tabel 2.1. A round is recorded once per programme, year and label and never changed
 * afterwards; what the bank paid per KPM follows in {@code welfare.benefit-payments.recorded}.
 */
public record BenefitCycleOpened(UUID cycleId, String programme, int year, String label, String kind,
                                 LocalDate periodStart, LocalDate periodEnd, long sp2dKpm, long sp2dRupiah,
                                 Long realisedKpm, Long realisedRupiah, Instant openedAt) {
}
