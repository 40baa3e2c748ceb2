package org.kesra.reporting.renstra;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
 * The matrix's chart as SVG ({@link SvgChart}): capaian of each indicator (numbered as in the tables) per year of
 * the plan that has realisation, as performance-service published it, against the 100 % line; null when no capaian.
 */
final class RenstraMatrixCharts {

    static final int WIDTH = 1000;
    static final int HEIGHT = 260;
    /** Shades from light to dark, one per year shown (the newest darkest). */
    private static final Color[] YEARS = {new Color(0xC9, 0xDD, 0xEA), SvgChart.LIGHT, new Color(0x5E, 0x94, 0xB8),
        SvgChart.DARK, new Color(0x12, 0x3A, 0x56), new Color(0x08, 0x22, 0x33)};

    private RenstraMatrixCharts() {
    }

    static String capaian(RenstraMatrixReport.Report report, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int no = 0;
        boolean any = false;
        for (RenstraMatrixReport.MatrixRow row : report.rows()) {
            no++;
            if (row.years().stream().noneMatch(c -> c.capaian() != null)) {
                continue;
            }
            for (RenstraMatrixReport.YearCell cell : row.years()) {
                if (report.years().stream().anyMatch(y -> y.year() == cell.year() && y.hasData())) {
                    data.addValue(cell.capaian() == null ? null : cell.capaian().doubleValue(),
                            String.valueOf(cell.year()), "No. " + no);
                    any |= cell.capaian() != null;
                }
            }
        }
        if (!any) {
            return null;
        }
        NumberAxis range = new NumberAxis("Capaian (%)");
        range.setNumberFormatOverride(new DecimalFormat("#,##0",
                DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN)));
        range.setUpperMargin(0.15);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        bars.setMaximumBarWidth(0.06);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN))));
        bars.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Indikator (nomor sesuai tabel)"), range, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setOutlineVisible(false);
        ValueMarker full = new ValueMarker(100, SvgChart.TARGET, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        full.setLabel("100%");
        full.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        full.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(full);
        JFreeChart chart = new JFreeChart(null, font.deriveFont(11f), plot, true);
        SvgChart.theme(chart, font);
        int series = data.getRowCount();
        for (int s = 0; s < series; s++) {
            // light to dark, the newest year darkest, whatever the number of years shown
            int shade = series == 1 ? 3 : Math.round(s * (YEARS.length - 1f) / (series - 1));
            bars.setSeriesPaint(s, YEARS[shade]);
        }
        bars.setDefaultItemLabelFont(font.deriveFont(7f));
        full.setLabelFont(font.deriveFont(8f));
        full.setLabelPaint(SvgChart.TARGET);
        full.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return SvgChart.svg(chart, WIDTH, HEIGHT);
    }
}
