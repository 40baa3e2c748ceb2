package org.kesra.reporting.quarterly;

import java.awt.Font;
import java.time.Instant;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.kesra.reporting.workbook.ReportPdfRenderer;
import org.springframework.stereotype.Component;

/** The quarterly report's PDF rendering and chart drawing, offered to the other reports (the recap). */
@Component
class QuarterlyPdfRenderer implements ReportPdfRenderer {

    @Override
    public String page(String template, Map<String, Object> variables) {
        return QuarterlyPdf.page(template, variables);
    }

    @Override
    public byte[] render(String html, String title, Instant dataVersion) {
        return QuarterlyPdf.render(html, title, dataVersion);
    }

    @Override
    public Font chartFont() {
        return QuarterlyPdf.chartFont();
    }

    @Override
    public String svg(JFreeChart chart, int width, int height) {
        return CapaianChart.svg(chart, width, height);
    }
}
