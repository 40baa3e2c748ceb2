package org.kesra.reporting.cyclefigures;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.contracts.welfare.BenefitPaymentsRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * welfare-service's payment rounds (tahap/bulan) per programme: SP2D and the realisation reported with the round
 * ({@code rm_benefit_cycle}) and the totals of its per-KPM payment lists ({@code rm_benefit_payment_totals}), both
 * written only here and stored as published. A round is kept per programme, year and label, welfare-service's own
 * key: it never changes after it was recorded, so a second copy of its event changes nothing, and of two rounds with
 * one key (only when a welfare database was recreated) the later-opened stays; of the payment totals the event with the most rows wins (rows are only ever added), so a
 * late older event cannot roll the totals back. Nothing here reads a clock.
 */
@Service
public class CycleFigures {

    /**
     * One round with its payment-list totals ({@code paid*} null when no list was recorded); the events it came from.
     */
    public record Round(UUID cycleId, String programme, int year, String label, String kind, LocalDate periodStart,
                        LocalDate periodEnd, long sp2dKpm, long sp2dRupiah, Long realisedKpm, Long realisedRupiah,
                        Long paidKpm, Long paidRupiah, Long unpaidKpm, UUID cycleEventId, UUID paymentsEventId) {
    }

    private final JdbcClient jdbc;

    public CycleFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(BenefitCycleOpened round, UUID eventId) {
        jdbc.sql("""
                INSERT INTO rm_benefit_cycle AS c (programme, year, label, cycle_id, kind, period_start, period_end,
                                                   sp2d_kpm, sp2d_rupiah, realised_kpm, realised_rupiah, opened_at,
                                                   event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme, year, label) DO UPDATE SET cycle_id = EXCLUDED.cycle_id, kind = EXCLUDED.kind,
                    period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                    sp2d_kpm = EXCLUDED.sp2d_kpm, sp2d_rupiah = EXCLUDED.sp2d_rupiah,
                    realised_kpm = EXCLUDED.realised_kpm, realised_rupiah = EXCLUDED.realised_rupiah,
                    opened_at = EXCLUDED.opened_at, event_id = EXCLUDED.event_id
                WHERE c.opened_at < EXCLUDED.opened_at""")
                .params(round.programme(), round.year(), round.label(), round.cycleId(), round.kind(),
                        round.periodStart(), round.periodEnd(), round.sp2dKpm(), round.sp2dRupiah(),
                        round.realisedKpm(), round.realisedRupiah(), Timestamp.from(round.openedAt()), eventId)
                .update();
    }

    void paymentsRecorded(BenefitPaymentsRecorded totals, UUID eventId) {
        jdbc.sql("""
                INSERT INTO rm_benefit_payment_totals AS t (cycle_id, paid_kpm, paid_rupiah, unpaid_kpm, row_count, event_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (cycle_id) DO UPDATE SET paid_kpm = EXCLUDED.paid_kpm, paid_rupiah = EXCLUDED.paid_rupiah,
                    unpaid_kpm = EXCLUDED.unpaid_kpm, row_count = EXCLUDED.row_count, event_id = EXCLUDED.event_id
                WHERE t.row_count < EXCLUDED.row_count""")
                .params(totals.cycleId(), totals.paidKpm(), totals.paidRupiah(), totals.unpaidKpm(), totals.rows(),
                        eventId)
                .update();
    }

    /** The programme's rounds of a year in the order welfare-service lists them (period, then label). */
    public List<Round> rounds(String programme, int year) {
        return jdbc.sql("""
                SELECT c.cycle_id, c.programme, c.year, c.label, c.kind, c.period_start, c.period_end, c.sp2d_kpm,
                       c.sp2d_rupiah, c.realised_kpm, c.realised_rupiah, t.paid_kpm, t.paid_rupiah, t.unpaid_kpm,
                       c.event_id AS cycle_event_id, t.event_id AS payments_event_id
                FROM rm_benefit_cycle c LEFT JOIN rm_benefit_payment_totals t ON t.cycle_id = c.cycle_id
                WHERE c.programme = ? AND c.year = ?
                ORDER BY c.period_start, c.period_end DESC, c.label""")
                .params(programme, year).query(Round.class).list();
    }

    /** Whether any round of the programme was ever published (a programme the city does not run has none). */
    public boolean knows(String programme) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rm_benefit_cycle WHERE programme = ?)").param(programme)
                .query(Boolean.class).single();
    }
}
