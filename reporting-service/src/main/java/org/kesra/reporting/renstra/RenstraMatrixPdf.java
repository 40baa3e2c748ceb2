package org.kesra.reporting.renstra;

import java.time.LocalDate;
import java.util.Optional;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.context.Context;

/**
 * The Renstra progress matrix as PDF, A4 landscape: the template {@code templates/renstra-matrix.html} rendered by
 * {@link ReportPdf} (fonts embedded, reproducible bytes) with a vector chart of capaian per indicator per year
 * ({@link RenstraMatrixCharts}). Tabel 6.1 as the document prints it, then the realisation and capaian per year and
 * the funding realised per year: the page is too narrow for all of it in one table. The header names unit, plan
 * version and data version; nothing comes from the clock.
 */
public final class RenstraMatrixPdf {

    public static final String MEDIA_TYPE = ReportPdf.MEDIA_TYPE;

    private RenstraMatrixPdf() {
    }

    /** {@code matriks-renstra-dinsos-2021-2026-v1}: report, unit and period (plan and its version). */
    static String baseName(RenstraMatrixReport.Report report) {
        return "matriks-renstra-" + report.unitCode() + "-" + report.period()
                + (report.plan() == null ? "" : "-v" + report.plan().version());
    }

    public static String fileName(RenstraMatrixReport.Report report) {
        return baseName(report) + ".pdf";
    }

    static String title(RenstraMatrixReport.Report report) {
        return "Matriks Capaian Renstra - " + report.unitName() + " - " + report.periodLabel();
    }

    /** The plan the report lays out, as its header names it. */
    static String planLine(RenstraMatrixReport.Report report) {
        return report.plan() == null ? "Belum ada Renstra yang diterbitkan" : report.plan().title() + ", periode "
                + report.plan().startYear() + "-" + report.plan().endYear() + ", versi " + report.plan().version();
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(RenstraMatrixReport.Report report) {
        Context context = ReportPdf.context();
        context.setVariable("report", report);
        context.setVariable("planLine", planLine(report));
        context.setVariable("capaianChart", RenstraMatrixCharts.capaian(report, ReportPdf.CHART_FONT));
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(report.sources()));
        return ReportPdf.html("renstra-matrix", context);
    }

    public static byte[] write(RenstraMatrixReport.Report report) {
        LocalDate from = report.plan() == null ? LocalDate.of(2000, 1, 1)
                : LocalDate.of(report.plan().startYear(), 1, 1);
        return ReportPdf.render(html(report), title(report), Optional.ofNullable(report.dataAsOf())
                .orElse(from.atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }
}
