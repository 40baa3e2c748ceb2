package org.kesra.reporting.realisation;

import java.util.Locale;
import java.util.Optional;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.context.Context;

/**
 * The realisation reports as PDF, each a template rendered by {@link ReportPdf} (fonts embedded, reproducible bytes)
 * with its chart ({@link RealisationCharts}): Tabel 2.1 ({@code templates/pkh-realisation.html}, the nominal chart)
 * and the monthly KPM series ({@code templates/sembako-monthly.html}, the KPM lines). The header names programme,
 * period and data version; nothing comes from the clock.
 */
public final class RealisationPdf {

    public static final String MEDIA_TYPE = ReportPdf.MEDIA_TYPE;

    private RealisationPdf() {
    }

    /** {@code realisasi-pkh-2018}: report, programme and period, without extension. */
    static String baseName(RealisationReports.PkhReport report) {
        return "realisasi-" + report.programme().toLowerCase(Locale.ROOT) + "-" + report.period();
    }

    public static String fileName(RealisationReports.PkhReport report) {
        return baseName(report) + ".pdf";
    }

    static String programmeName(String programme) {
        return switch (programme) {
            case RealisationReports.PKH -> "Program Keluarga Harapan (PKH)";
            case RealisationReports.SEMBAKO -> "BPNT/Program Sembako";
            default -> "Program " + programme;
        };
    }

    static String title(RealisationReports.PkhReport report) {
        return "Laporan Realisasi " + programmeName(report.programme()) + " Kota Metro - " + report.periodLabel();
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(RealisationReports.PkhReport report) {
        Context context = ReportPdf.context();
        context.setVariable("report", report);
        context.setVariable("programmeName", programmeName(report.programme()));
        context.setVariable("nominalChart", RealisationCharts.nominal(report, ReportPdf.CHART_FONT));
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return ReportPdf.html("pkh-realisation", context);
    }

    /** {@code kpm-bulanan-sembako-2019.pdf}: report, programme and period, as the workbook is named. */
    public static String fileName(RealisationReports.MonthlyReport report) {
        return baseName(report) + ".pdf";
    }

    static String baseName(RealisationReports.MonthlyReport report) {
        return "kpm-bulanan-" + report.programme().toLowerCase(Locale.ROOT) + "-" + report.period();
    }

    /** The monthly series' page as XHTML, exactly what its PDF is rendered from. */
    public static String html(RealisationReports.MonthlyReport report) {
        Context context = ReportPdf.context();
        context.setVariable("report", report);
        context.setVariable("programmeName", programmeName(report.programme()));
        context.setVariable("title", RealisationWorkbook.monthlyTitle(report));
        context.setVariable("kpmChart", RealisationCharts.monthly(report, ReportPdf.CHART_FONT));
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return ReportPdf.html("sembako-monthly", context);
    }

    public static byte[] write(RealisationReports.MonthlyReport report) {
        return ReportPdf.render(html(report), RealisationWorkbook.monthlyTitle(report), Optional.ofNullable(
                report.dataAsOf()).orElse(report.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }

    public static byte[] write(RealisationReports.PkhReport report) {
        return ReportPdf.render(html(report), title(report), Optional.ofNullable(report.dataAsOf())
                .orElse(report.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }
}
