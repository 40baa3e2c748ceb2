package org.kesra.reporting.pdf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ReportWorkbook;

/** Figures and dates as the PDF templates print them, Indonesian style (1.234.567,89; 6 Desember 2026). */
public final class ReportText {

    private final DecimalFormat integer = new DecimalFormat("#,##0",
            DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN));
    private final DecimalFormat decimal = new DecimalFormat("#,##0.##",
            DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN));

    private final DecimalFormat fixed = new DecimalFormat("#,##0.00",
            DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN));

    /** 1 Januari 2024; "-" when there is none. */
    public static String longDate(LocalDate date) {
        return date == null ? "-" : date.getDayOfMonth() + " " + ReportWorkbook.MONTHS.get(date.getMonthValue() - 1)
                + " " + date.getYear();
    }

    /** 1.234.567: a count. */
    public String count(long value) {
        return integer.format(value);
    }

    /** 102.855.000 (the column header says Rp); empty when unknown. */
    public String rupiah(Long value) {
        return value == null ? "" : integer.format(value);
    }

    /** 67 or 22,22; empty when unknown. */
    public String number(BigDecimal value) {
        return value == null ? "" : decimal.format(value);
    }

    /** 67% or 22,22%; "-" when there is none. */
    public String percent(BigDecimal value) {
        return value == null ? "-" : decimal.format(value) + "%";
    }

    /** 96,10% or 100,00%: a share always to two places, as budget tables print it; "-" when there is none. */
    public String percentTwoPlaces(BigDecimal value) {
        return value == null ? "-" : fixed.format(value) + "%";
    }

    /** A target with its unit: 100%, 12 dokumen, 70-80%. */
    public String target(BigDecimal target, BigDecimal max, String unit) {
        if (target == null) {
            return "";
        }
        String text = decimal.format(target) + (max == null ? "" : "-" + decimal.format(max));
        return "%".equals(unit) ? text + "%" : text + " " + unit;
    }

    /** A figure in a narrow column: 67% for a percentage, the bare number otherwise (the unit is in the row). */
    public String figure(BigDecimal value, String unit) {
        return value == null ? "" : decimal.format(value) + ("%".equals(unit) ? "%" : "");
    }

    public String date(LocalDate date) {
        return longDate(date);
    }

    /** 8 April 2024 10:00 WIB. */
    public String time(Instant instant) {
        return instant == null ? "-" : ReportWorkbook.time(instant);
    }

    public String source(SourceProgress.Source source) {
        return source.topic() + ": " + integer.format(source.eventsApplied()) + " peristiwa"
                + (source.lastEventTime() == null ? "" : " s.d. " + ReportWorkbook.time(source.lastEventTime()));
    }
}
