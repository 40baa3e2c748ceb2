package org.kesra.reporting.recap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kesra.reporting.workbook.ReportPdfRenderer;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * The recap as PDF: the Thymeleaf template {@code templates/ppks-recap.html} on A4 landscape, rendered by the same
 * plumbing as the quarterly report ({@link ReportPdfRenderer}: shipped fonts, charts as vector SVG, reproducible
 * bytes), with the PPKS per region and per category charts of {@link RecapCharts}.
 */
public final class RecapPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private RecapPdf() {
    }

    /** {@code rekap-ppks-18.72.03-2026-Q3.pdf}: report, region and period. */
    public static String fileName(PpksRecap.Recap recap) {
        return "rekap-ppks-" + recap.area().code() + "-" + recap.period() + ".pdf";
    }

    /** The page as XHTML, exactly what the PDF is rendered from. */
    public static String html(PpksRecap.Recap recap, ReportPdfRenderer renderer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("recap", recap);
        variables.put("areaName", RecapWorkbook.areaName(recap));
        variables.put("dataVersion", ReportWorkbook.dataVersion(recap.sources()));
        variables.put("ppksChart", RecapCharts.ppksPerRegion(recap, renderer));
        variables.put("categoryChart", RecapCharts.ppksPerCategory(recap, renderer));
        return renderer.page("ppks-recap", variables);
    }

    public static byte[] write(PpksRecap.Recap recap, ReportPdfRenderer renderer) {
        return renderer.render(html(recap, renderer), "Rekapitulasi PPKS dan Program - " + RecapWorkbook.areaName(recap)
                + " - " + recap.periodLabel(), Optional.ofNullable(recap.dataAsOf())
                .orElse(recap.periodFrom().atStartOfDay(ReportWorkbook.CITY).toInstant()));
    }
}
