package org.kesra.reporting.recap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * A report period as the agencies name them: a year ({@code 2026}), a quarter ({@code 2026-Q3}, triwulan) or a month
 * ({@code 2026-11}), with its first and last day and its Indonesian label.
 */
public record ReportPeriod(String code, LocalDate from, LocalDate to, String label) {

    private static final List<String> QUARTERS = List.of("I", "II", "III", "IV");
    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    /** Reads {@code period}; 400 with pointer {@code /period} when absent, malformed or outside 2000-2099. */
    public static ReportPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("Periode wajib diisi: tahun (2026), triwulan (2026-Q3) atau bulan (2026-11).");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw invalid("Periode '" + text + "' tidak dikenal; gunakan tahun (2026), triwulan (2026-Q3) atau bulan"
                    + " (2026-11).");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2099) {
            throw invalid("Tahun " + year + " di luar rentang laporan (2000-2099).");
        }
        if (m.group(2) != null) {
            int q = Integer.parseInt(m.group(2));
            LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
            return new ReportPeriod(year + "-Q" + q, from, YearMonth.of(year, 3 * q).atEndOfMonth(),
                    "Triwulan " + QUARTERS.get(q - 1) + " " + year);
        }
        if (m.group(3) != null) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
            return new ReportPeriod(month.toString(), month.atDay(1), month.atEndOfMonth(),
                    ReportWorkbook.MONTHS.get(month.getMonthValue() - 1) + " " + year);
        }
        return new ReportPeriod(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                "Tahun " + year);
    }

    private static RuntimeException invalid(String detail) {
        return ReportingProblems.PARAMETER_INVALID.refuse("Periode laporan tidak sah.",
                List.of(Violation.field("/period", detail)));
    }
}
