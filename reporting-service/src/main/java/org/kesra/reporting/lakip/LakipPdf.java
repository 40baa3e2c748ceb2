package org.kesra.reporting.lakip;

import java.util.Optional;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.context.Context;

/**
 * The LAKIP as PDF: the template {@code templates/lakip.html} rendered by {@link ReportPdf} (fonts embedded,
 * reproducible bytes) with three vector charts ({@link LakipCharts}): capaian per IKU, capaian per year, budget
 * absorption per program. The header names unit, period and data version; nothing comes from the clock.
 */
public final class LakipPdf {

    public static final String MEDIA_TYPE = ReportPdf.MEDIA_TYPE;

    private LakipPdf() {
    }

    /** {@code lakip-18.72.03-2022}: report, unit and period, without extension. */
    static String baseName(LakipReport.Report report) {
        return "lakip-" + report.unitCode() + "-" + report.period();
    }

    public static String fileName(LakipReport.Report report) {
        return baseName(report) + ".pdf";
    }

    static String title(LakipReport.Report report) {
        return "Laporan Kinerja Instansi Pemerintah (LAKIP) - " + report.unitName() + " - " + report.periodLabel();
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(LakipReport.Report report) {
        Context context = ReportPdf.context();
        context.setVariable("report", report);
        context.setVariable("capaianChart", LakipCharts.capaian(report, ReportPdf.CHART_FONT));
        context.setVariable("trendChart", LakipCharts.trend(report, ReportPdf.CHART_FONT));
        context.setVariable("budgetChart", LakipCharts.absorption(report, ReportPdf.CHART_FONT));
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return ReportPdf.html("lakip", context);
    }

    public static byte[] write(LakipReport.Report report) {
        return ReportPdf.render(html(report), title(report), Optional.ofNullable(report.dataAsOf())
                .orElse(report.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }
}
