package org.kesra.reporting.welfarefigures;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * welfare-service's published figures per kelurahan and period: PPKS terdata and ditangani, KPM and realised rupiah
 * per programme, PPKS per Permensos category (tables {@code rm_kelurahan_figures}, {@code rm_programme_kpm} and
 * {@code rm_ppks_category}, written only here; {@code ppks_category} is the reference list of the 26). The figures
 * are the ones welfare-service computed; they are stored as published, never recomputed. A later publication of the
 * same kelurahan and period replaces the earlier one; an older one arriving late changes nothing.
 */
@Service
public class WelfareFigures {

    /** KPM of one programme; {@code realisedRupiah} null when welfare-service did not know it. */
    public record Kpm(String programme, long kpm, Long realisedRupiah) {
    }

    /** PPKS of one category (its abbreviation) as published. */
    public record CategoryCount(String category, long terdata, long ditangani) {
    }

    /**
     * One kelurahan's published figures for a period, with the event they came from. {@code categoriesPublished}
     * false: the publication carried no per-category counts (made before welfare-service added them), so
     * {@code categories} is empty for "not known", not for "none".
     */
    public record Figures(String kelurahanCode, long ppksTerdata, long ppksDitangani, List<Kpm> programmes,
                          UUID eventId, boolean categoriesPublished, List<CategoryCount> categories) {
    }

    private final JdbcClient jdbc;

    public WelfareFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void published(KelurahanIndicatorsPublished figures, UUID eventId) {
        int replaced = jdbc.sql("""
                INSERT INTO rm_kelurahan_figures AS f (kelurahan_code, period_from, period_to, ppks_terdata,
                                                       ppks_ditangani, published_at, event_id,
                                                       ppks_categories_published)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (kelurahan_code, period_from, period_to) DO UPDATE SET
                    ppks_terdata = EXCLUDED.ppks_terdata, ppks_ditangani = EXCLUDED.ppks_ditangani,
                    published_at = EXCLUDED.published_at, event_id = EXCLUDED.event_id,
                    ppks_categories_published = EXCLUDED.ppks_categories_published
                WHERE f.published_at <= EXCLUDED.published_at""")
                .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo(), figures.ppksTerdata(),
                        figures.ppksDitangani(), Timestamp.from(figures.publishedAt()), eventId,
                        figures.ppksCategories() != null)
                .update();
        if (replaced == 0) {
            return; // an older publication than the one held
        }
        jdbc.sql("DELETE FROM rm_programme_kpm WHERE kelurahan_code = ? AND period_from = ? AND period_to = ?")
                .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo()).update();
        jdbc.sql("DELETE FROM rm_ppks_category WHERE kelurahan_code = ? AND period_from = ? AND period_to = ?")
                .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo()).update();
        for (PpksCategoryCount category : figures.ppksCategories() == null ? List.<PpksCategoryCount>of()
                : figures.ppksCategories()) {
            jdbc.sql("""
                    INSERT INTO rm_ppks_category (kelurahan_code, period_from, period_to, category, terdata, ditangani)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo(), category.category(),
                            category.terdata(), category.ditangani())
                    .update();
        }
        for (ProgrammeKpm programme : figures.programmes() == null ? List.<ProgrammeKpm>of() : figures.programmes()) {
            jdbc.sql("""
                    INSERT INTO rm_programme_kpm (kelurahan_code, period_from, period_to, programme, kpm,
                                                  realised_rupiah)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(figures.kelurahanCode(), figures.periodFrom(), figures.periodTo(), programme.programme(),
                            programme.kpm(), programme.realisedRupiah())
                    .update();
        }
    }

    /** A period welfare-service published kelurahan figures for. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The periods with published figures, the newest end first (then the shortest). */
    public List<Period> publishedPeriods() {
        return jdbc.sql("""
                SELECT DISTINCT period_from, period_to FROM rm_kelurahan_figures
                ORDER BY period_to DESC, period_from DESC""")
                .query((rs, n) -> new Period(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /** A PPKS category of Permensos 8/2012, in the order reports list them. */
    public record Category(int no, String abbrev, String name) {
    }

    /** The 26 categories (reference data). */
    public List<Category> categories() {
        return jdbc.sql("SELECT no, abbrev, name FROM public.ppks_category ORDER BY no").query(Category.class).list();
    }

    /**
     * The figures published for exactly this period, per kelurahan of the given ones (a kelurahan without a
     * publication is absent), programmes by code.
     */
    public Map<String, Figures> forPeriod(List<String> kelurahanCodes, LocalDate from, LocalDate to) {
        Map<String, Figures> found = new LinkedHashMap<>();
        String[] codes = kelurahanCodes.toArray(String[]::new);
        jdbc.sql("""
                SELECT kelurahan_code, ppks_terdata, ppks_ditangani, event_id, ppks_categories_published
                FROM rm_kelurahan_figures
                WHERE kelurahan_code = ANY (CAST(:codes AS text[])) AND period_from = :from AND period_to = :to
                ORDER BY kelurahan_code""")
                .param("codes", codes).param("from", from).param("to", to)
                .query((rs, n) -> found.put(rs.getString(1), new Figures(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), new ArrayList<>(), rs.getObject(4, UUID.class), rs.getBoolean(5),
                        new ArrayList<>())))
                .list();
        jdbc.sql("""
                SELECT kelurahan_code, programme, kpm, realised_rupiah FROM rm_programme_kpm
                WHERE kelurahan_code = ANY (CAST(:codes AS text[])) AND period_from = :from AND period_to = :to
                ORDER BY kelurahan_code, programme""")
                .param("codes", codes).param("from", from).param("to", to)
                .query((rs, n) -> found.get(rs.getString(1)).programmes()
                        .add(new Kpm(rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class))))
                .list();
        jdbc.sql("""
                SELECT f.kelurahan_code, f.category, f.terdata, f.ditangani FROM rm_ppks_category f
                LEFT JOIN public.ppks_category k ON k.abbrev = f.category
                WHERE f.kelurahan_code = ANY (CAST(:codes AS text[])) AND f.period_from = :from AND f.period_to = :to
                ORDER BY f.kelurahan_code, k.no NULLS LAST, f.category""")
                .param("codes", codes).param("from", from).param("to", to)
                .query((rs, n) -> found.get(rs.getString(1)).categories()
                        .add(new CategoryCount(rs.getString(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return found;
    }
}
