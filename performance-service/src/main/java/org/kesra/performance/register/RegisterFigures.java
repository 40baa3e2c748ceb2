package org.kesra.performance.register;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.performance.capaian.Percent;
import org.kesra.performance.units.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * welfare-service's published figures per kelurahan and period, as received (tables {@code register_figure} and
 * {@code register_programme_kpm}, written only here), and the value of a register-fed indicator for a set of
 * kelurahan and a period, computed from them. A later publication of the same kelurahan and period replaces the
 * earlier one; an older one arriving late changes nothing (compared by {@code publishedAt}).
 */
@Service
public class RegisterFigures {

    /**
     * The value of one measure over some kelurahan for a period: for a share, the summed parts and their ratio (no
     * value when nothing was found: "no ratio"), for a count the sum. {@code publishedAt} is the newest publication
     * that went into it; {@code kelurahan} how many of the asked kelurahan had one.
     */
    public record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator, Instant publishedAt,
                         int kelurahan) {
    }

    private final JdbcClient jdbc;
    private final Units units;

    public RegisterFigures(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * What makes a publication impossible to apply, in Indonesian, empty when it is sound: an unknown kelurahan, a
     * period missing or reversed, negative counts, more PPKS served than found, a programme without a code or twice.
     */
    public List<String> problems(KelurahanIndicatorsPublished figures) {
        List<String> problems = new ArrayList<>();
        if (figures.kelurahanCode() == null || !units.isKelurahan(figures.kelurahanCode())) {
            problems.add("kelurahanCode: kelurahan " + figures.kelurahanCode() + " tidak dikenal");
        }
        if (figures.periodFrom() == null || figures.periodTo() == null) {
            problems.add("periodFrom/periodTo: periode tidak lengkap");
        } else if (figures.periodTo().isBefore(figures.periodFrom())) {
            problems.add("periodTo: akhir periode sebelum awalnya");
        }
        if (figures.publishedAt() == null) {
            problems.add("publishedAt: waktu terbit kosong");
        }
        if (figures.ppksTerdata() < 0 || figures.ppksDitangani() < 0) {
            problems.add("ppksTerdata/ppksDitangani: jumlah negatif");
        } else if (figures.ppksDitangani() > figures.ppksTerdata()) {
            problems.add("ppksDitangani: " + figures.ppksDitangani() + " PPKS ditangani dari " + figures.ppksTerdata()
                    + " yang terdata");
        }
        Set<String> seen = new HashSet<>();
        List<ProgrammeKpm> programmes = figures.programmes() == null ? List.of() : figures.programmes();
        for (int i = 0; i < programmes.size(); i++) {
            ProgrammeKpm programme = programmes.get(i);
            if (programme == null || programme.programme() == null || programme.programme().isBlank()) {
                problems.add("programmes/" + i + ": program tanpa kode");
            } else if (!seen.add(programme.programme())) {
                problems.add("programmes/" + i + ": program " + programme.programme() + " disebut dua kali");
            } else if (programme.kpm() < 0) {
                problems.add("programmes/" + i + "/kpm: jumlah KPM negatif");
            }
        }
        return problems;
    }

    /**
     * Stores a sound publication ({@link #problems} empty); false when a newer one of the same kelurahan and period
     * is already held, which then stays.
     */
    public boolean record(KelurahanIndicatorsPublished figures, UUID eventId) {
        int stored = jdbc.sql("""
                INSERT INTO register_figure AS f (kelurahan_code, period_from, period_to, ppks_terdata, ppks_ditangani,
                                                  published_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (kelurahan_code, period_from, period_to) DO UPDATE SET
                    ppks_terdata = EXCLUDED.ppks_terdata, ppks_ditangani = EXCLUDED.ppks_ditangani,
                    published_at = EXCLUDED.published_at, event_id = EXCLUDED.event_id
                WHERE f.published_at < EXCLUDED.published_at""")
                .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo(), figures.ppksTerdata(),
                        figures.ppksDitangani(), Timestamp.from(figures.publishedAt()), eventId)
                .update();
        if (stored == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM register_programme_kpm WHERE kelurahan_code = ? AND period_from = ? AND period_to = ?")
                .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo()).update();
        for (ProgrammeKpm programme : figures.programmes() == null ? List.<ProgrammeKpm>of() : figures.programmes()) {
            jdbc.sql("""
                    INSERT INTO register_programme_kpm (kelurahan_code, period_from, period_to, programme, kpm)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo(),
                            programme.programme().strip(), programme.kpm()).update();
        }
        return true;
    }

    /**
     * The measure over {@code kelurahan} for exactly the period {@code from}-{@code to}; empty when none of them has a
     * publication of that period yet. A kelurahan without one adds nothing (welfare publishes every kelurahan of the
     * city at once, so a gap closes with the rest of its publication).
     */
    public Optional<Figure> figure(RegisterMeasure measure, String programme, List<String> kelurahan, LocalDate from,
                                   LocalDate to) {
        record Sums(long terdata, long ditangani, int count, Timestamp newest) {
        }
        String[] codes = kelurahan.toArray(String[]::new);
        Sums sums = jdbc.sql("""
                SELECT coalesce(sum(ppks_terdata), 0), coalesce(sum(ppks_ditangani), 0), count(*), max(published_at)
                  FROM register_figure
                 WHERE kelurahan_code = ANY (CAST(:codes AS text[])) AND period_from = :from AND period_to = :to""")
                .param("codes", codes).param("from", from).param("to", to)
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4)))
                .single();
        if (sums.count() == 0) {
            return Optional.empty();
        }
        Instant published = sums.newest().toInstant();
        return Optional.of(switch (measure) {
            case PPKS_HANDLED_SHARE -> new Figure(sums.terdata() == 0 ? null
                    : Percent.of(BigDecimal.valueOf(sums.ditangani()), BigDecimal.valueOf(sums.terdata())),
                    BigDecimal.valueOf(sums.ditangani()), BigDecimal.valueOf(sums.terdata()), published, sums.count());
            case PPKS_FOUND -> count(sums.terdata(), published, sums.count());
            case PPKS_HANDLED -> count(sums.ditangani(), published, sums.count());
            case KPM -> count(jdbc.sql("""
                    SELECT coalesce(sum(kpm), 0) FROM register_programme_kpm
                     WHERE kelurahan_code = ANY (CAST(:codes AS text[])) AND period_from = :from AND period_to = :to
                       AND programme = :programme""")
                    .param("codes", codes).param("from", from).param("to", to).param("programme", programme)
                    .query(Long.class).single(), published, sums.count());
        });
    }

    private static Figure count(long value, Instant published, int kelurahan) {
        return new Figure(BigDecimal.valueOf(value), null, null, published, kelurahan);
    }
}
