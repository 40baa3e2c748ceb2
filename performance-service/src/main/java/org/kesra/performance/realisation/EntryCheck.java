package org.kesra.performance.realisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Percent;
import org.kesra.performance.register.RegisterMeasure;
import org.kesra.performance.renstra.IndicatorKind;

/**
 * Checks the entries of one realisation against the items of its agreement revision, by each item's kind: a number
 * (or, for a percentage, numerator and denominator; required when the indicator aggregates as a RATIO), not negative
 * unless the kind allows it, a plain-% share not above 100, a denominator not 0, budget not negative. Every violation
 * is collected with its pointer.
 */
final class EntryCheck {

    /** How an agreement item is measured: from its Renstra indicator when it names one, else from its unit. */
    record Definition(IndicatorKind kind, Aggregation aggregation, String unitOfMeasure,
                      RegisterMeasure registerMeasure, String registerProgramme) {

        Definition(IndicatorKind kind, Aggregation aggregation, String unitOfMeasure) {
            this(kind, aggregation, unitOfMeasure, null, null);
        }

        /** Computed from a register: staff annotate the value, never set it. */
        boolean fromRegister() {
            return registerMeasure != null;
        }

        /**
         * An item without a Renstra indicator: "%" is a percentage taken as the last quarter's value, "indeks" an
         * index and "bulan" months (also the last value), "Rp"/"rupiah" rupiah and anything else a count (both
         * summed over the quarters).
         */
        static Definition inferred(String unitOfMeasure) {
            String unit = unitOfMeasure.strip().toLowerCase(Locale.ROOT);
            if (unit.startsWith("%") || unit.startsWith("persen")) {
                return new Definition(IndicatorKind.PERCENTAGE, Aggregation.LAST, unitOfMeasure);
            }
            if (unit.startsWith("indeks")) {
                return new Definition(IndicatorKind.INDEX, Aggregation.LAST, unitOfMeasure);
            }
            if (unit.startsWith("bulan")) {
                return new Definition(IndicatorKind.MONTHS, Aggregation.LAST, unitOfMeasure);
            }
            if (unit.startsWith("rp") || unit.startsWith("rupiah")) {
                return new Definition(IndicatorKind.RUPIAH, Aggregation.SUM, unitOfMeasure);
            }
            return new Definition(IndicatorKind.COUNT, Aggregation.SUM, unitOfMeasure);
        }

        /** A share in plain % cannot exceed the whole; "% pertumbuhan" and the like may. */
        boolean capsAtHundred() {
            return kind == IndicatorKind.PERCENTAGE && unitOfMeasure.strip().equals("%");
        }
    }

    /** One checked entry; {@code value} is computed from the parts when they are given. */
    record Checked(int item, BigDecimal value, BigDecimal numerator, BigDecimal denominator, Long budgetRealised,
                   String note, String budgetOverrideReason, boolean fromRegister, Instant registerPublishedAt) {

        Checked(int item, BigDecimal value, BigDecimal numerator, BigDecimal denominator, Long budgetRealised,
                String note) {
            this(item, value, numerator, denominator, budgetRealised, note, null, false, null);
        }

        boolean budgetOverride() {
            return budgetOverrideReason != null;
        }

        /** The same entry with the register's figure (none yet: no value, no publication). */
        Checked withRegister(BigDecimal value, BigDecimal numerator, BigDecimal denominator, Instant publishedAt) {
            return new Checked(item, value, numerator, denominator, budgetRealised, note, budgetOverrideReason, true,
                    publishedAt);
        }

        /** Whether the register's figure in it is the same as in {@code other}. */
        boolean sameFigure(Checked other) {
            return same(value, other.value) && same(numerator, other.numerator)
                    && same(denominator, other.denominator);
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    private EntryCheck() {
    }

    static List<Checked> check(Findings findings, List<RealisationRequests.Entry> entries,
                               List<AgreementViews.ItemView> items, List<Definition> definitions) {
        List<Checked> checked = new ArrayList<>();
        if (entries == null) {
            return checked;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RealisationRequests.Entry entry = entries.get(i);
            String at = "/entries/" + i;
            if (entry == null || entry.item() == null) {
                findings.add(PerformanceProblems.REQUIRED, at + "/item", "Urutan butir PK wajib diisi.");
                continue;
            }
            int item = entry.item();
            if (item < 0 || item >= items.size()) {
                findings.add(PerformanceProblems.ITEM_UNKNOWN, at + "/item", "Perjanjian Kinerja tidak memiliki butir "
                        + item + " (butir 0-" + (items.size() - 1) + ").");
                continue;
            }
            if (!seen.add(item)) {
                findings.add(PerformanceProblems.ENTRY_TWICE, at + "/item", "Butir " + item + " sudah dilaporkan.");
                continue;
            }
            one(findings, at, entry, definitions.get(item)).ifPresent(checked::add);
        }
        return checked;
    }

    /**
     * One entry checked against its item's definition, its violations under {@code at} (the capaian preview checks
     * a typed value with the same rules, at the top of its own request); empty when it is refused.
     */
    static java.util.Optional<Checked> one(Findings findings, String at, RealisationRequests.Entry entry,
                                           Definition definition) {
        int item = entry.item();
        if (definition.fromRegister()) {
            return register(findings, at, entry, item);
        }
        int before = findings.size();
        BigDecimal value = number(findings, at + "/value", entry.value());
        BigDecimal numerator = number(findings, at + "/numerator", entry.numerator());
        BigDecimal denominator = number(findings, at + "/denominator", entry.denominator());
        if (findings.size() > before) {
            return java.util.Optional.empty();
        }
        boolean parts = numerator != null || denominator != null;
        if (parts && definition.kind() != IndicatorKind.PERCENTAGE) {
            findings.add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/numerator", "Pembilang dan penyebut"
                    + " hanya untuk indikator persentase; isi value.");
            return java.util.Optional.empty();
        }
        if (parts && (numerator == null || denominator == null)) {
            findings.add(PerformanceProblems.PERCENTAGE_DEFINITION, at + (numerator == null ? "/numerator"
                    : "/denominator"), "Pembilang dan penyebut harus diisi keduanya.");
            return java.util.Optional.empty();
        }
        if (parts && value != null) {
            findings.add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/value", "Isi value atau pembilang dan"
                    + " penyebut, tidak keduanya.");
            return java.util.Optional.empty();
        }
        if (!parts && definition.aggregation() == Aggregation.RATIO) {
            findings.add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/numerator", "Indikator ini dijumlahkan"
                    + " per triwulan sebagai rasio: isi pembilang dan penyebut.");
            return java.util.Optional.empty();
        }
        if (!parts && value == null) {
            findings.add(PerformanceProblems.REQUIRED, at + "/value", "Nilai realisasi wajib diisi.");
            return java.util.Optional.empty();
        }
        if (parts) {
            if (numerator.signum() < 0 || denominator.signum() < 0) {
                findings.add(PerformanceProblems.REALISATION_INVALID, at + (numerator.signum() < 0 ? "/numerator"
                        : "/denominator"), "Pembilang dan penyebut tidak boleh negatif.");
                return java.util.Optional.empty();
            }
            if (denominator.signum() == 0) {
                findings.add(PerformanceProblems.DENOMINATOR_ZERO, at + "/denominator", "Penyebut 0: persentase"
                        + " tidak dapat dihitung.");
                return java.util.Optional.empty();
            }
            value = Percent.of(numerator, denominator);
        } else if (value.signum() < 0 && !definition.kind().allowsNegative()) {
            findings.add(PerformanceProblems.REALISATION_INVALID, at + "/value", "Realisasi indikator "
                    + definition.kind() + " tidak boleh negatif.");
            return java.util.Optional.empty();
        }
        if (definition.capsAtHundred() && value.compareTo(Percent.HUNDRED) > 0) {
            findings.add(PerformanceProblems.PERCENTAGE_OVER_100, at + (parts ? "/numerator" : "/value"),
                    "Persentase " + value.toPlainString() + " melebihi 100 untuk indikator bersatuan %.");
            return java.util.Optional.empty();
        }
        if (entry.budgetRealised() != null && entry.budgetRealised() < 0) {
            findings.add(PerformanceProblems.BUDGET_NEGATIVE, at + "/budgetRealised", "Realisasi anggaran tidak"
                    + " boleh negatif.");
            return java.util.Optional.empty();
        }
        String note = entry.note() == null || entry.note().isBlank() ? null : entry.note().strip();
        if (note != null && note.length() > 2000) {
            findings.add(PerformanceProblems.TOO_LONG, at + "/note", "Paling banyak 2000 karakter.");
            return java.util.Optional.empty();
        }
        Override override = override(findings, at, entry);
        if (!override.valid()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Checked(item, value, numerator, denominator, entry.budgetRealised(),
                note, override.reason(), false, null));
    }

    /**
     * An entry of an indicator computed from a register: its value comes from welfare-service's figures, so a value,
     * numerator or denominator sent is refused with its pointer; the note (annotation) and budget realised are the
     * submitter's. The figure itself is filled in by the caller.
     */
    private static java.util.Optional<Checked> register(Findings findings, String at,
                                                        RealisationRequests.Entry entry, int item) {
        int before = findings.size();
        for (String[] field : new String[][] {{"value", entry.value()}, {"numerator", entry.numerator()},
                {"denominator", entry.denominator()}}) {
            if (field[1] != null && !field[1].isBlank()) {
                findings.add(PerformanceProblems.REGISTER_VALUE_READ_ONLY, at + "/" + field[0], "Butir " + item
                        + " dihitung dari register welfare-service dan tidak dapat diisi atau ditimpa; tambahkan"
                        + " keterangan pada note.");
            }
        }
        if (entry.budgetRealised() != null && entry.budgetRealised() < 0) {
            findings.add(PerformanceProblems.BUDGET_NEGATIVE, at + "/budgetRealised", "Realisasi anggaran tidak"
                    + " boleh negatif.");
        }
        String note = entry.note() == null || entry.note().isBlank() ? null : entry.note().strip();
        if (note != null && note.length() > 2000) {
            findings.add(PerformanceProblems.TOO_LONG, at + "/note", "Paling banyak 2000 karakter.");
        }
        Override override = override(findings, at, entry);
        if (findings.size() > before || !override.valid()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Checked(item, null, null, null, entry.budgetRealised(), note,
                override.reason(), true, null));
    }

    /** The pagu override of an entry: {@code reason} is null without one; not valid when a finding was added. */
    private record Override(boolean valid, String reason) {
    }

    private static Override override(Findings findings, String at, RealisationRequests.Entry entry) {
        // An explicit override of the pagu needs its reason; a reason without the override would silently
        // become one, so both halves must be there.
        boolean override = Boolean.TRUE.equals(entry.budgetOverride());
        String reason = entry.budgetOverrideReason() == null || entry.budgetOverrideReason().isBlank() ? null
                : entry.budgetOverrideReason().strip();
        if (override && reason == null) {
            findings.add(PerformanceProblems.BUDGET_OVERRIDE_WITHOUT_REASON, at + "/budgetOverrideReason",
                    "Realisasi anggaran melebihi pagu hanya dapat ditandai dengan alasan.");
            return new Override(false, null);
        }
        if (!override && reason != null) {
            findings.add(PerformanceProblems.BUDGET_OVERRIDE_WITHOUT_REASON, at + "/budgetOverride",
                    "Alasan melebihi pagu diisi, tetapi budgetOverride tidak true.");
            return new Override(false, null);
        }
        if (reason != null && reason.length() > 2000) {
            findings.add(PerformanceProblems.TOO_LONG, at + "/budgetOverrideReason", "Paling banyak 2000"
                    + " karakter.");
            return new Override(false, null);
        }
        return new Override(true, reason);
    }

    private static BigDecimal number(Findings findings, String pointer, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            findings.add(PerformanceProblems.VALUE_NOT_NUMBER, pointer, "\"" + abbreviated(text.strip())
                    + "\" bukan angka (gunakan titik sebagai pemisah desimal).");
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
