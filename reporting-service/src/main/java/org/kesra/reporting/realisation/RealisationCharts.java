package org.kesra.reporting.realisation;

import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kesra.reporting.pdf.SvgChart;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * Tabel 2.1's chart as SVG ({@link SvgChart}): SP2D and realised rupiah of each stage side by side, in millions of
 * rupiah; the figures of the report as they are (a misprinted SP2D shows as the tiny bar it is). Null when empty.
 */
final class RealisationCharts {

    static final int WIDTH = 680;
    static final int HEIGHT = 230;

    private RealisationCharts() {
    }

    static String nominal(RealisationReports.PkhReport report, Font font) {
        if (report.stages().isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RealisationReports.StageRow row : report.stages()) {
            String key = "BULAN".equals(row.kind()) ? row.label() : "Tahap " + row.label();
            data.addValue(row.sp2dRupiah() / 1_000_000.0, "SP2D", key);
            data.addValue(row.realisedRupiah() == null ? null : row.realisedRupiah() / 1_000_000.0, "Realisasi", key);
        }
        NumberAxis range = new NumberAxis("Nominal (juta Rp)");
        range.setNumberFormatOverride(new DecimalFormat("#,##0",
                DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN)));
        range.setUpperMargin(0.1);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), range, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        SvgChart.theme(chart, font);
        bars.setSeriesPaint(0, SvgChart.LIGHT);
        bars.setSeriesPaint(1, SvgChart.DARK);
        return SvgChart.svg(chart, WIDTH, HEIGHT);
    }
}
