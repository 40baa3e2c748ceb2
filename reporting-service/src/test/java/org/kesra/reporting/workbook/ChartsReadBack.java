package org.kesra.reporting.workbook;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;

/**
 * A workbook's charts as read back with POI (the sheet's drawing, its charts, their data): what a spreadsheet would
 * draw and from which cells, for the report tests to assert.
 */
public final class ChartsReadBack {

    /**
     * One chart: {@code type} BAR or LINE, its title, the value axis' number format (null when it takes the cells'
     * format instead), and per series the formula of
     * its name, categories and values (e.g. {@code 'Capaian IKU'!$G$5:$G$9}) and how many values it caches.
     */
    public record Drawn(String type, String title, String valueFormat, List<String> names, List<String> categories,
                        List<String> values, List<Integer> points) {

        public int series() {
            return values.size();
        }
    }

    private ChartsReadBack() {
    }

    public static List<Drawn> charts(Sheet sheet) {
        XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
        if (drawing == null) {
            return List.of();
        }
        List<Drawn> drawn = new ArrayList<>();
        for (XSSFChart chart : drawing.getCharts()) {
            CTPlotArea plot = chart.getCTChart().getPlotArea();
            for (XDDFChartData data : chart.getChartSeries()) {
                String type = data instanceof XDDFBarChartData ? "BAR"
                        : data instanceof XDDFLineChartData ? "LINE" : data.getClass().getSimpleName();
                List<String> names = new ArrayList<>();
                List<CTSerTx> texts = new ArrayList<>();
                plot.getBarChartList().forEach(c -> c.getSerList().forEach(s -> texts.add(s.getTx())));
                plot.getLineChartList().forEach(c -> c.getSerList().forEach(s -> texts.add(s.getTx())));
                texts.forEach(t -> names.add(t == null || t.getStrRef() == null ? null : t.getStrRef().getF()));
                List<String> categories = new ArrayList<>();
                List<String> values = new ArrayList<>();
                List<Integer> points = new ArrayList<>();
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    XDDFChartData.Series series = data.getSeries(i);
                    categories.add(series.getCategoryData().getDataRangeReference());
                    values.add(series.getValuesData().getDataRangeReference());
                    points.add(series.getValuesData().getPointCount());
                }
                var axis = plot.getValAxArray(0);
                String format = axis.getNumFmt() == null || axis.getNumFmt().getSourceLinked()
                        ? null : axis.getNumFmt().getFormatCode();
                drawn.add(new Drawn(type, chart.getTitleText().getString(), format, names, categories, values,
                        points));
            }
        }
        return drawn;
    }
}
