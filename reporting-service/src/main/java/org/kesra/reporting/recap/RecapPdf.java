package org.kesra.reporting.recap;

import java.util.Optional;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.thymeleaf.context.Context;

/**
 * The recap as PDF: the Thymeleaf template {@code templates/ppks-recap.html} on A4 landscape, rendered by the same
 * plumbing as the other reports ({@link ReportPdf}: shipped fonts, charts as vector SVG, reproducible
 * bytes), with the PPKS per region and per category charts of {@link RecapCharts}.
 */
public final class RecapPdf {

    public static final String MEDIA_TYPE = ReportPdf.MEDIA_TYPE;

    private RecapPdf() {
    }

    /** {@code rekap-ppks-18.72.03-2026-Q3.pdf}: report, region and period. */
    public static String fileName(PpksRecap.Recap recap) {
        return "rekap-ppks-" + recap.area().code() + "-" + recap.period() + ".pdf";
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(PpksRecap.Recap recap) {
        Context context = ReportPdf.context();
        context.setVariable("recap", recap);
        context.setVariable("areaName", RecapWorkbook.areaName(recap));
        context.setVariable("dataVersion", ReportWorkbook.dataVersion(recap.sources()));
        context.setVariable("ppksChart", RecapCharts.ppksPerRegion(recap));
        context.setVariable("categoryChart", RecapCharts.ppksPerCategory(recap));
        return ReportPdf.html("ppks-recap", context);
    }

    public static byte[] write(PpksRecap.Recap recap) {
        return ReportPdf.render(html(recap), "Rekapitulasi PPKS dan Program - " + RecapWorkbook.areaName(recap)
                + " - " + recap.periodLabel(), Optional.ofNullable(recap.dataAsOf())
                .orElse(recap.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }
}
