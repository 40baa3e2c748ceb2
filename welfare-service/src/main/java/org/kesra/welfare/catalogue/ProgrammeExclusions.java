package org.kesra.welfare.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which programmes a programme may not go to: a family that is an active KPM of an excluded programme is not a
 * beneficiary of this one (verivali marks it, enrolment refuses it). Effective-dated like the amounts: the newest row
 * on or before a date says whether the exclusion is in force, so lifting one is a new row, not a deletion. An
 * exclusion reads one way; a rule that applies both ways is recorded for each programme.
 */
@Service
public class ProgrammeExclusions {

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;

    public ProgrammeExclusions(JdbcClient jdbc, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    public record Exclusion(String programme, String excludedProgramme, LocalDate validFrom, boolean excluded,
                            String source, String recordedBy) {
    }

    /** As the API receives it; {@code excluded} absent means the exclusion starts (false lifts it). */
    public record NewExclusion(String excludedProgramme, LocalDate validFrom, Boolean excluded, String source) {
    }

    /** The programmes excluded by {@code code} on {@code date}. */
    public List<String> inForce(String code, LocalDate date) {
        return jdbc.sql("""
                SELECT excluded_code FROM (
                    SELECT DISTINCT ON (excluded_code) excluded_code, excluded FROM programme_exclusion
                    WHERE programme_code = ? AND valid_from <= ? ORDER BY excluded_code, valid_from DESC) latest
                WHERE excluded ORDER BY excluded_code""").params(code, date).query(String.class).list();
    }

    /** Every version, oldest first per excluded programme. */
    public List<Exclusion> history(String code) {
        catalogue.require(code);
        return jdbc.sql(SELECT + " WHERE programme_code = ? ORDER BY excluded_code, valid_from").param(code)
                .query(Exclusion.class).list();
    }

    @Transactional
    public Exclusion add(String code, NewExclusion input, String actor) {
        catalogue.require(code);
        List<Violation> problems = new ArrayList<>();
        if (input.excludedProgramme() == null || input.excludedProgramme().isBlank()) {
            problems.add(Violation.field("/excludedProgramme", "Program yang dikecualikan wajib diisi."));
        } else if (catalogue.programme(input.excludedProgramme()).isEmpty()) {
            problems.add(Violation.field("/excludedProgramme",
                    "Program " + input.excludedProgramme() + " tidak dikenal."));
        } else if (input.excludedProgramme().equals(code)) {
            problems.add(Violation.field("/excludedProgramme",
                    "Sebuah program tidak dapat mengecualikan dirinya sendiri; penerima ganda dalam satu program "
                            + "sudah dicegah oleh periode kepesertaan."));
        }
        if (input.validFrom() == null) {
            problems.add(Violation.field("/validFrom", "Tanggal mulai berlaku wajib diisi (YYYY-MM-DD)."));
        }
        if (input.source() == null || input.source().isBlank()) {
            problems.add(Violation.field("/source",
                    "Dasar aturan wajib diisi (mis. nomor peraturan atau surat), agar aturan ini dapat ditelusuri."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.CATALOGUE_INVALID.refuse(
                    "Aturan pengecualian tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        boolean excluded = input.excluded() == null || input.excluded();
        try {
            jdbc.sql("""
                    INSERT INTO programme_exclusion (programme_code, excluded_code, valid_from, excluded, source,
                                                     recorded_by) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(code, input.excludedProgramme(), input.validFrom(), excluded, input.source().trim(), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw WelfareProblems.VERSION_EXISTS.refuse(
                    "Sudah ada aturan pengecualian " + code + " terhadap " + input.excludedProgramme()
                            + " yang berlaku mulai " + input.validFrom() + ". Aturan lama tidak ditimpa: catat versi "
                            + "baru dengan tanggal mulai lain.");
        }
        return new Exclusion(code, input.excludedProgramme(), input.validFrom(), excluded, input.source().trim(),
                actor);
    }

    private static final String SELECT = """
            SELECT programme_code AS programme, excluded_code AS excluded_programme, valid_from, excluded, source,
                   recorded_by FROM programme_exclusion""";
}
