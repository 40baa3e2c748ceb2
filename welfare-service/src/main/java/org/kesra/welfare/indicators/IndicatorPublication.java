package org.kesra.welfare.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.ppks.PpksRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes, per kelurahan and period, the figures performance-service's indicators need: PPKS terdata and
 * ditangani (the same count as the IKU report), the same per PPKS category (for reporting's recap by the 26
 * categories) and KPM per programme (enrolments running at any time in the period;
 * a family counts once per programme) with the rupiah paid to them (per-KPM payment lists of rounds begun in it). One event per kelurahan, all in one transaction through the outbox; a second
 * publication of the same period is a correction that replaces the first for consumers.
 */
@Service
public class IndicatorPublication {

    private final JdbcClient jdbc;
    private final PpksRegister ppks;
    private final EventPublisher publisher;
    private final Clock clock;

    public IndicatorPublication(JdbcClient jdbc, PpksRegister ppks, EventPublisher publisher) {
        this.jdbc = jdbc;
        this.ppks = ppks;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    public record Request(LocalDate periodFrom, LocalDate periodTo) {
    }

    public record Published(LocalDate periodFrom, LocalDate periodTo, int events, List<KelurahanIndicatorsPublished> figures) {
    }

    @Transactional
    public Published publish(Request request) {
        List<Violation> problems = new ArrayList<>();
        if (request.periodFrom() == null) {
            problems.add(Violation.field("/periodFrom", "Awal periode wajib diisi (YYYY-MM-DD)."));
        }
        if (request.periodTo() == null) {
            problems.add(Violation.field("/periodTo", "Akhir periode wajib diisi (YYYY-MM-DD)."));
        } else if (request.periodTo().isAfter(LocalDate.now(clock))) {
            problems.add(Violation.field("/periodTo", "Periode belum berakhir; angka dapat diterbitkan setelahnya."));
        } else if (request.periodFrom() != null && request.periodTo().isBefore(request.periodFrom())) {
            problems.add(Violation.field("/periodTo", "Akhir periode tidak boleh sebelum awal periode."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.PUBLICATION_PERIOD_INVALID.refuse(
                    "Angka indikator tidak dapat diterbitkan; periksa periodenya.", problems);
        }
        Map<String, List<ProgrammeKpm>> kpm = new HashMap<>();
        // KPM with an enrolment running in the period; rupiah paid in the rounds that began in it, where the per-KPM
        // payment list of such a round was recorded (null otherwise: "not known", not "nothing paid").
        jdbc.sql("""
                WITH kpm AS (
                    SELECT kelurahan_code, programme_code, count(DISTINCT beneficiary_key) AS kpm FROM enrolment
                    WHERE period_start <= :to AND (period_end IS NULL OR period_end >= :from)
                    GROUP BY kelurahan_code, programme_code),
                paid AS (
                    SELECT p.kelurahan_code, c.programme_code, sum(p.rupiah)::bigint AS rupiah
                    FROM benefit_payment p JOIN benefit_cycle c ON c.id = p.cycle_id
                    WHERE c.period_start BETWEEN :from AND :to
                    GROUP BY p.kelurahan_code, c.programme_code)
                SELECT coalesce(k.kelurahan_code, p.kelurahan_code), coalesce(k.programme_code, p.programme_code),
                       coalesce(k.kpm, 0), p.rupiah
                FROM kpm k FULL JOIN paid p ON p.kelurahan_code = k.kelurahan_code
                     AND p.programme_code = k.programme_code
                ORDER BY 1, 2""")
                .param("from", request.periodFrom()).param("to", request.periodTo())
                .query((rs, n) -> kpm.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ProgrammeKpm(rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class))))
                .list();
        Instant now = Instant.now(clock);
        List<KelurahanIndicatorsPublished> figures = new ArrayList<>();
        List<OutgoingEvent> events = new ArrayList<>();
        Map<String, List<PpksRegister.CategoryIndicator>> categories =
                ppks.categoryIndicators(request.periodFrom(), request.periodTo());
        for (PpksRegister.Indicator row : ppks.indicators(request.periodFrom(), request.periodTo()).kelurahan()) {
            List<PpksCategoryCount> perCategory = categories.getOrDefault(row.kelurahanCode(), List.of()).stream()
                    .map(c -> new PpksCategoryCount(c.category(), c.terdata(), c.ditangani())).toList();
            KelurahanIndicatorsPublished payload = new KelurahanIndicatorsPublished(row.kelurahanCode(),
                    request.periodFrom(), request.periodTo(), row.terdata(), row.ditangani(), perCategory,
                    kpm.getOrDefault(row.kelurahanCode(), List.of()), now);
            figures.add(payload);
            events.add(new OutgoingEvent(EventCatalog.KELURAHAN_INDICATORS_PUBLISHED, row.kelurahanCode(),
                    row.kelurahanCode(), payload));
        }
        publisher.publishAll(events);
        return new Published(request.periodFrom(), request.periodTo(), events.size(), figures);
    }
}
