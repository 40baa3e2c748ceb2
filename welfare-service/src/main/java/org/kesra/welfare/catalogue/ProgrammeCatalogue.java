package org.kesra.welfare.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programmes and their amounts and rules, effective-dated: what was in force on a date is the newest version
 * that started on or before it. A change is a new version with a start date and a source, never an overwrite, so
 * the figure a past benefit was computed with stays readable.
 */
@Service
public class ProgrammeCatalogue {

    static final Set<String> FUNDINGS = Set.of("APBN", "APBD");
    static final Set<String> PERS = Set.of("TAHUN", "TAHAP", "BULAN", "KELOMPOK");
    static final Set<String> UNITS = Set.of("KELUARGA", "KELOMPOK", "ORANG");

    private final JdbcClient jdbc;

    public ProgrammeCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Programme(String code, String name, String unit, String source) {
    }

    public record Amount(String component, String funding, String per, LocalDate validFrom, long rupiah, String source,
                         String recordedBy) {
    }

    public record Parameter(String name, LocalDate validFrom, long value, String source, String recordedBy) {
    }

    public record ProgrammeInForce(String code, String name, String unit, LocalDate date, List<Amount> amounts,
                                   List<Parameter> parameters, List<String> excludedProgrammes) {

        public ProgrammeInForce withExcludedProgrammes(List<String> excluded) {
            return new ProgrammeInForce(code, name, unit, date, amounts, parameters, excluded);
        }
    }

    /** A programme not in the loaded catalogue (a national programme that began later, for instance). */
    public record NewProgramme(String code, String name, String unit, LocalDate startedOn, String source) {
    }

    /** A new amount version as the API receives it; rupiah as a decimal so that 1.5 is refused, not truncated. */
    public record NewAmount(String component, String funding, String per, LocalDate validFrom, BigDecimal rupiah,
                            String source) {
    }

    public List<Programme> programmes() {
        return jdbc.sql("SELECT code, name, unit, source FROM programme ORDER BY code").query(Programme.class).list();
    }

    public Optional<Programme> programme(String code) {
        return jdbc.sql("SELECT code, name, unit, source FROM programme WHERE code = ?").param(code)
                .query(Programme.class).optional();
    }

    /** The day the programme began (its first cycle may not be earlier); 404 for an unknown programme. */
    public LocalDate startedOn(String code) {
        require(code);
        return jdbc.sql("SELECT started_on FROM programme WHERE code = ?").param(code).query(LocalDate.class).single();
    }

    public ProgrammeInForce inForce(String code, LocalDate date) {
        Programme programme = require(code);
        List<Amount> amounts = jdbc.sql("""
                SELECT DISTINCT ON (component, funding, per) component, funding, per, valid_from, rupiah, source,
                       recorded_by
                FROM programme_amount WHERE programme_code = ? AND valid_from <= ?
                ORDER BY component, funding, per, valid_from DESC""")
                .params(code, date).query(Amount.class).list();
        List<Parameter> parameters = jdbc.sql("""
                SELECT DISTINCT ON (name) name, valid_from, value, source, recorded_by
                FROM programme_parameter WHERE programme_code = ? AND valid_from <= ?
                ORDER BY name, valid_from DESC""")
                .params(code, date).query(Parameter.class).list();
        return new ProgrammeInForce(programme.code(), programme.name(), programme.unit(), date, amounts, parameters,
                List.of());
    }

    /** Every version, oldest first per component. */
    public List<Amount> amountHistory(String code) {
        require(code);
        return jdbc.sql("""
                SELECT component, funding, per, valid_from, rupiah, source, recorded_by FROM programme_amount
                WHERE programme_code = ? ORDER BY component, funding, per, valid_from""")
                .param(code).query(Amount.class).list();
    }

    /** A parameter's value on a date (a rule of the programme such as a cap), if one was in force. */
    public Optional<Long> parameter(String code, String name, LocalDate date) {
        return jdbc.sql("""
                SELECT value FROM programme_parameter WHERE programme_code = ? AND name = ? AND valid_from <= ?
                ORDER BY valid_from DESC LIMIT 1""").params(code, name, date).query(Long.class).optional();
    }

    @Transactional
    public Programme addProgramme(NewProgramme input) {
        List<Violation> problems = new ArrayList<>();
        if (input.code() == null || !input.code().matches("[A-Z][A-Z0-9_]{1,29}")) {
            problems.add(Violation.field("/code",
                    "Kode program wajib diisi dengan huruf kapital, angka atau garis bawah (mis. BST), 2-30 karakter."));
        }
        if (input.name() == null || input.name().isBlank()) {
            problems.add(Violation.field("/name", "Nama program wajib diisi."));
        }
        if (input.unit() == null || !UNITS.contains(input.unit())) {
            problems.add(Violation.field("/unit", "Satuan penerima harus salah satu dari " + UNITS + "."));
        }
        if (input.startedOn() == null) {
            problems.add(Violation.field("/startedOn",
                    "Tanggal mulai program wajib diisi (YYYY-MM-DD); penyaluran sebelum tanggal ini ditolak."));
        }
        if (input.source() == null || input.source().isBlank()) {
            problems.add(Violation.field("/source", "Dasar program wajib diisi (mis. nomor peraturan)."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.CATALOGUE_INVALID.refuse(
                    "Program tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        try {
            jdbc.sql("INSERT INTO programme (code, name, unit, source, started_on) VALUES (?, ?, ?, ?, ?)")
                    .params(input.code(), input.name().trim(), input.unit(), input.source().trim(), input.startedOn())
                    .update();
        } catch (DuplicateKeyException e) {
            throw WelfareProblems.PROGRAMME_EXISTS.refuse("Program " + input.code() + " sudah ada dalam katalog.");
        }
        return require(input.code());
    }

    @Transactional
    public Amount addAmount(String code, NewAmount input, String actor) {
        require(code);
        List<Violation> problems = new ArrayList<>();
        if (input.component() == null || !input.component().matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(Violation.field("/component",
                    "Komponen wajib diisi dengan huruf kapital, angka atau garis bawah (mis. IBU_HAMIL)."));
        }
        if (input.funding() == null || !FUNDINGS.contains(input.funding())) {
            problems.add(Violation.field("/funding", "Sumber dana harus salah satu dari " + FUNDINGS + "."));
        }
        if (input.per() == null || !PERS.contains(input.per())) {
            problems.add(Violation.field("/per", "Satuan harus salah satu dari " + PERS + "."));
        }
        if (input.validFrom() == null) {
            problems.add(Violation.field("/validFrom", "Tanggal mulai berlaku wajib diisi (YYYY-MM-DD)."));
        }
        if (input.rupiah() == null) {
            problems.add(Violation.field("/rupiah", "Nilai rupiah wajib diisi."));
        } else if (input.rupiah().signum() < 0) {
            problems.add(Violation.field("/rupiah", "Nilai rupiah tidak boleh negatif."));
        } else if (input.rupiah().stripTrailingZeros().scale() > 0) {
            problems.add(Violation.field("/rupiah", "Nilai rupiah harus bilangan bulat (tanpa sen)."));
        } else if (input.rupiah().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problems.add(Violation.field("/rupiah", "Nilai rupiah terlalu besar."));
        }
        if (input.source() == null || input.source().isBlank()) {
            problems.add(Violation.field("/source",
                    "Dasar perubahan wajib diisi (mis. nomor peraturan atau surat), agar versi ini dapat ditelusuri."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.CATALOGUE_INVALID.refuse(
                    "Versi nilai bantuan tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        try {
            jdbc.sql("""
                    INSERT INTO programme_amount (programme_code, component, funding, per, valid_from, rupiah, source,
                                                  recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, input.component(), input.funding(), input.per(), input.validFrom(),
                            input.rupiah().longValueExact(), input.source().trim(), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw WelfareProblems.VERSION_EXISTS.refuse(
                    "Sudah ada nilai " + input.component() + " (" + input.funding() + ", per " + input.per()
                            + ") yang berlaku mulai " + input.validFrom() + ". Nilai lama tidak ditimpa: catat versi "
                            + "baru dengan tanggal mulai lain.");
        }
        return new Amount(input.component(), input.funding(), input.per(), input.validFrom(),
                input.rupiah().longValueExact(), input.source().trim(), actor);
    }

    /**
     * The programme of that code: the one answer to "does this programme exist" for every package, a 404
     * {@code WF-PROGRAM-TIDAK-DIKENAL} when it does not.
     */
    public Programme require(String code) {
        return programme(code).orElseThrow(() -> WelfareProblems.PROGRAMME_UNKNOWN.refuse(
                "Program " + code + " tidak dikenal."));
    }
}
