package org.kesra.reporting.lakip;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
 * The LAKIP's charts as SVG ({@link SvgChart}): capaian of each IKU in the year, capaian of each IKU per year (the
 * previous year beside this one), and budget absorption per program. Each draws the figures of the report as they
 * are (performance-service's capaian, the budget table's shares) against the 100 % line; null when nothing to draw.
 */
final class LakipCharts {

    static final int WIDTH = 680;
    static final int HEIGHT = 250;

    private LakipCharts() {
    }

    static String capaian(LakipReport.Report report, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (LakipReport.IkuRow row : report.iku()) {
            data.addValue(value(row.capaian()), "Capaian " + report.year(), "IKU " + row.no().replace(".", ""));
            any |= row.capaian() != null;
        }
        return any ? bars(data, "Indikator Kinerja Utama", "Capaian (%)", font, true) : null;
    }

    static String trend(LakipReport.Report report, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (LakipReport.ComparisonRow row : report.comparison()) {
            String key = "IKU " + row.no().replace(".", "");
            data.addValue(value(row.previousCapaian()), "Tahun " + (report.year() - 1), key);
            data.addValue(value(row.capaian()), "Tahun " + report.year(), key);
            any |= row.previousCapaian() != null || row.capaian() != null;
        }
        return any ? bars(data, "Indikator Kinerja Utama", "Capaian (%)", font, true) : null;
    }

    static String absorption(LakipReport.Report report, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (LakipReport.BudgetRow row : report.budget()) {
            if ("PROGRAM".equals(row.level())) {
                data.addValue(value(row.absorption()), "Penyerapan anggaran", "Program " + row.no());
                any |= row.absorption() != null;
            }
        }
        return any ? bars(data, "Program", "Penyerapan (%)", font, false) : null;
    }

    private static String bars(DefaultCategoryDataset data, String categories, String axis, Font font,
                               boolean legend) {
        NumberAxis range = new NumberAxis(axis);
        range.setNumberFormatOverride(new DecimalFormat("#,##0",
                DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN)));
        range.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN))));
        bars.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categories), range, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        ValueMarker full = new ValueMarker(100, SvgChart.TARGET, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        full.setLabel("100%");
        full.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        full.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(full);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, legend);
        SvgChart.theme(chart, font);
        bars.setSeriesPaint(0, data.getRowCount() > 1 ? SvgChart.LIGHT : SvgChart.DARK);
        bars.setSeriesPaint(1, SvgChart.DARK);
        full.setLabelFont(font.deriveFont(8f));
        full.setLabelPaint(SvgChart.TARGET);
        full.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return SvgChart.svg(chart, WIDTH, HEIGHT);
    }

    private static Double value(BigDecimal percent) {
        return percent == null ? null : percent.doubleValue();
    }
}
