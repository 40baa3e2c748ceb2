package org.kesra.reporting.workbook;

import java.awt.Font;
import java.time.Instant;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * How the service renders a report page to PDF and draws its charts, for reports other than the one whose package
 * holds the rendering (the quarterly report's {@code QuarterlyPdf}): an interface here, so that the recap uses that
 * rendering without its package depending on {@code quarterly}, which depends on the recap's {@code ReportPeriod}.
 */
public interface ReportPdfRenderer {

    /** A template of {@code templates/} filled with the variables (Indonesian locale; {@code fmt} formats figures). */
    String page(String template, Map<String, Object> variables);

    /** Well-formed XHTML as PDF: shipped fonts, SVG as vectors, reproducible bytes (document dates = data version). */
    byte[] render(String html, String title, Instant dataVersion);

    /** The report font, for charts drawn as outlines. */
    Font chartFont();

    /** A chart as an SVG element of the given canvas size, text drawn as outlines. */
    String svg(JFreeChart chart, int width, int height);
}
