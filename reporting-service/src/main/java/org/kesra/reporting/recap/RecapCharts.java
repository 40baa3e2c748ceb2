package org.kesra.reporting.recap;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.pdf.SvgChart;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * The recap's charts, as vector SVG through the quarterly report's drawing ({@link SvgChart#svg}): PPKS terdata
 * and ditangani per kelurahan (or per kecamatan for the city), and per category. They plot the recap's figures only.
 */
final class RecapCharts {

    static final int WIDTH = 1000;
    static final int HEIGHT = 230;
    private static final Color TERDATA = new Color(0x1F, 0x5F, 0x8B);
    private static final Color DITANGANI = new Color(0x9C, 0xC3, 0xDA);

    private RecapCharts() {
    }

    /** Per kecamatan when the recap covers several, else per kelurahan; null when no PPKS was published. */
    static String ppksPerRegion(PpksRecap.Recap recap) {
        Font font = ReportPdf.CHART_FONT;
        if (recap.total().ppksTerdata() == 0) {
            return null;
        }
        List<PpksRecap.Row> rows = recap.kecamatan().size() > 1 ? recap.kecamatan() : recap.kelurahan();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PpksRecap.Row row : rows) {
            data.addValue(row.ppksTerdata(), "PPKS terdata", row.name());
            data.addValue(row.ppksDitangani(), "PPKS ditangani", row.name());
        }
        return SvgChart.svg(chart(data, recap.kecamatan().size() > 1 ? "Kecamatan" : "Kelurahan",
                PlotOrientation.VERTICAL, font), WIDTH, HEIGHT);
    }

    /** The categories with a case; null when none. */
    static String ppksPerCategory(PpksRecap.Recap recap) {
        Font font = ReportPdf.CHART_FONT;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PpksRecap.CategoryFigure c : recap.ppksCategories()) {
            if (c.terdata() > 0) {
                data.addValue(c.terdata(), "PPKS terdata", c.category());
                data.addValue(c.ditangani(), "PPKS ditangani", c.category());
            }
        }
        if (data.getColumnCount() == 0) {
            return null;
        }
        return SvgChart.svg(chart(data, "Kategori PPKS", PlotOrientation.VERTICAL, font), WIDTH, HEIGHT);
    }

    private static JFreeChart chart(DefaultCategoryDataset data, String axis, PlotOrientation orientation,
                                    Font font) {
        NumberAxis range = new NumberAxis("Jumlah PPKS");
        range.setNumberFormatOverride(new DecimalFormat("#,##0",
                DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN)));
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN))));
        bars.setDefaultItemLabelsVisible(true);
        CategoryAxis categories = new CategoryAxis(axis);
        if (data.getColumnCount() > 8) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, range, bars);
        plot.setOrientation(orientation);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        SvgChart.theme(chart, font);
        bars.setSeriesPaint(0, TERDATA);
        bars.setSeriesPaint(1, DITANGANI);
        return chart;
    }
}
