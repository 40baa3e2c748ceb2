package org.kesra.contracts.welfare;

import java.time.Instant;
import java.util.UUID;

/**
 * A list of per-KPM payments (the bank's distribution list) was added to a round. Carries the round's totals over
 * every list recorded so far, after this one, so a consumer keeps the latest totals and sums nothing itself. Rows are
 * only ever added, so {@code rows} grows with each event of a round: a consumer keeps the event with the most rows.
 */
public record BenefitPaymentsRecorded(UUID cycleId, String programme, int year, String label, long paidKpm,
                                      long paidRupiah, long unpaidKpm, long rows, Instant recordedAt) {
}
