package org.kesra.reporting.quarterly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.pdf.ReportText;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.context.Context;

/**
 * The quarterly performance report as PDF: the Thymeleaf template {@code templates/quarterly-performance.html}
 * rendered by {@link ReportPdf} (openhtmltopdf, fonts embedded, reproducible bytes), with the capaian chart as inline
 * SVG. Nothing in the page comes from the clock: the header names the data version, not a lag or "printed at".
 */
public final class QuarterlyPdf {

    public static final String MEDIA_TYPE = ReportPdf.MEDIA_TYPE;

    private QuarterlyPdf() {
    }

    /** {@code laporan-kinerja-triwulan-18.72.03-2024-Q1}: report, unit and period, without extension. */
    static String baseName(QuarterlyPerformanceReport.Report report) {
        return "laporan-kinerja-triwulan-" + report.unitCode() + "-" + report.period();
    }

    public static String fileName(QuarterlyPerformanceReport.Report report) {
        return baseName(report) + ".pdf";
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(QuarterlyPerformanceReport.Report report) {
        Context context = ReportPdf.context();
        context.setVariable("report", report);
        List<String> charts = new ArrayList<>();
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            charts.add(CapaianChart.svg(section.capaian(), ReportPdf.CHART_FONT));
        }
        context.setVariable("charts", charts);
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return ReportPdf.html("quarterly-performance", context);
    }

    public static byte[] write(QuarterlyPerformanceReport.Report report) {
        return ReportPdf.render(html(report), "Laporan Kinerja Triwulan - " + report.unitName() + " - "
                + report.periodLabel(), Optional.ofNullable(report.dataAsOf())
                .orElse(report.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }

    /** 1 Januari 2024. */
    static String date(LocalDate date) {
        return ReportText.longDate(date);
    }
}
