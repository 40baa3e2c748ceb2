package org.kesra.reporting.quarterly;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kesra.reporting.pdf.SvgChart;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * The chart of capaian per indicator (Tabel 3.1's capaian of the quarter and year to date, against the 100 % line),
 * drawn as SVG by {@link SvgChart} (vectors, text as outlines of the report font, bytes depending only on the data).
 */
final class CapaianChart {

    static final int WIDTH = 680;
    static final int HEIGHT = 260;
    private static final Locale INDONESIAN = ReportWorkbook.INDONESIAN;

    private CapaianChart() {
    }

    /** The SVG element as text (no XML declaration), or null when no row has a capaian to draw. */
    static String svg(List<QuarterlyPerformanceReport.CapaianRow> rows, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (QuarterlyPerformanceReport.CapaianRow row : rows) {
            String no = row.no().replace(".", "");
            data.addValue(value(row.capaian()), "Capaian triwulan", no);
            data.addValue(value(row.yearToDateCapaian()), "Capaian s.d. triwulan", no);
            any |= row.capaian() != null || row.yearToDateCapaian() != null;
        }
        if (!any) {
            return null;
        }
        NumberAxis range = new NumberAxis("Capaian (%)");
        DecimalFormat percent = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(INDONESIAN));
        range.setNumberFormatOverride(percent);
        range.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x1F, 0x5F, 0x8B));
        bars.setSeriesPaint(1, new Color(0x9C, 0xC3, 0xDA));
        bars.setItemMargin(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(INDONESIAN))));
        bars.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Butir Perjanjian Kinerja"), range, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        plot.setOutlineVisible(false);
        ValueMarker target = new ValueMarker(100, new Color(0xB0, 0x30, 0x30), new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        target.setLabel("Target 100%");
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        SvgChart.theme(chart, font);
        bars.setSeriesPaint(0, SvgChart.DARK);
        bars.setSeriesPaint(1, SvgChart.LIGHT);
        target.setLabelFont(font.deriveFont(8f));
        target.setLabelPaint(SvgChart.TARGET);
        target.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return SvgChart.svg(chart, WIDTH, HEIGHT);
    }

    private static Double value(BigDecimal percent) {
        return percent == null ? null : percent.doubleValue();
    }
}
