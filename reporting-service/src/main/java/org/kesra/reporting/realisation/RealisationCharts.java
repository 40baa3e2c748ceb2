package org.kesra.reporting.realisation;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.kesra.reporting.pdf.SvgChart;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * The realisation reports' charts as SVG ({@link SvgChart}), null when there is nothing to draw. Tabel 2.1: SP2D and
 * realised rupiah of each stage side by side, in millions of rupiah; the figures of the report as they are (a
 * misprinted SP2D shows as the tiny bar it is). The monthly series: SP2D and realised KPM per month as lines, a month
 * without a round a gap (not a drop to zero).
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

    static String monthly(RealisationReports.MonthlyReport report, Font font) {
        if (!report.hasData()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RealisationReports.MonthRow row : report.months()) {
            String month = row.name().substring(0, 3);
            data.addValue(row.sp2dKpm(), "SP2D", month);
            data.addValue(row.realisedKpm(), "Realisasi", month);
        }
        NumberAxis range = new NumberAxis("Jumlah KPM");
        range.setNumberFormatOverride(new DecimalFormat("#,##0",
                DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN)));
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.1);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Bulan " + report.year()), range, lines);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        SvgChart.theme(chart, font);
        lines.setSeriesPaint(0, SvgChart.LIGHT);
        lines.setSeriesPaint(1, SvgChart.DARK);
        lines.setSeriesStroke(0, new BasicStroke(2.4f));
        lines.setSeriesStroke(1, new BasicStroke(1.4f));
        return SvgChart.svg(chart, WIDTH, HEIGHT);
    }
}
