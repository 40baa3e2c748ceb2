package org.kesra.reporting.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native spreadsheet charts (Apache POI XDDF) under a report's table, their series referencing the table's own cells
 * (category labels, values and the series names from the header), so a chart follows a figure corrected in the sheet
 * and an auditor sees where each bar comes from. The values cached in the chart are read from those cells when it is
 * written, as a spreadsheet would; nothing is copied into the chart that is not in a cell.
 *
 * <p>Rows that are not next to each other (a LAKIP's programme rows between their kegiatan) are referenced as a
 * union, {@code ('Sheet'!$F$5,'Sheet'!$F$9)}, as Excel writes a chart of a non-contiguous selection. Every chart is
 * anchored to cells and built in the same order from the same data, so the chart parts, their ids and with them the
 * workbook's bytes depend only on the report.
 */
public final class WorkbookCharts {

    /** Rows a chart is tall, columns it is wide (at the report's column widths about 16 x 9 cm). */
    public static final int HEIGHT_ROWS = 20;

    /** How the values are drawn. */
    public enum Kind {
        /** Vertical bars side by side, one colour per series. */
        CLUSTERED_BAR,
        /** A line per series with markers; an empty cell is a gap, not zero. */
        LINE
    }

    /**
     * One chart: its place ({@code firstRow} below the table, {@code columns} wide), the titles as the reader sees
     * them, the value axis format ({@code 0%} for fractions written with {@code 0.00%}), the rows of the table that
     * are plotted, the column of the category labels and one series per value column (its name the header cell).
     */
    public record Chart(Kind kind, int firstRow, int columns, String title, String categoryAxis, String valueAxis,
                        String valueFormat, int headerRow, List<Integer> rows, int categoryColumn,
                        List<Integer> valueColumns) {
    }

    private WorkbookCharts() {
    }

    /** Draws the chart on the sheet of its table; nothing when it has no row to plot. Returns the row below it. */
    public static int draw(XSSFSheet sheet, Chart spec) {
        if (spec.rows().isEmpty()) {
            return spec.firstRow();
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, spec.firstRow(), spec.columns(),
                spec.firstRow() + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        chart.setAutoTitleDeleted(false);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        categories.setTitle(spec.categoryAxis());
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(spec.valueAxis());
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        // bars between the ticks: POI's default (midCat) cuts the first and last bar in half
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        values.setNumberFormat(spec.valueFormat());

        XDDFCategoryDataSource labels = categories(sheet, spec.rows(), spec.categoryColumn());
        XDDFChartData data = chart.createData(spec.kind() == Kind.LINE ? ChartTypes.LINE : ChartTypes.BAR,
                categories, values);
        data.setVaryColors(false);
        for (int column : spec.valueColumns()) {
            XDDFChartData.Series series = data.addSeries(labels, numbers(sheet, spec.rows(), column));
            Cell name = sheet.getRow(spec.headerRow()).getCell(column);
            series.setTitle(name.getStringCellValue(), new CellReference(sheet.getSheetName(), spec.headerRow(),
                    column, true, true));
            if (series instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
            }
        }
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
            bars.setBarGrouping(BarGrouping.CLUSTERED);
        }
        chart.plot(data);
        // the axis' own format: linked to the cells, Excel would print Rp1.608.018.750 on an axis titled "juta Rp"
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
        return spec.firstRow() + HEIGHT_ROWS + 1;
    }

    /** The indexes {@code from} to {@code to}, both included: the rows of a contiguous table body. */
    public static List<Integer> rows(int from, int to) {
        List<Integer> rows = new ArrayList<>();
        for (int r = from; r <= to; r++) {
            rows.add(r);
        }
        return rows;
    }

    private static XDDFCategoryDataSource categories(XSSFSheet sheet, List<Integer> rows, int column) {
        if (contiguous(rows)) {
            return XDDFDataSourcesFactory.fromStringCellRange(sheet, range(rows, column));
        }
        String[] labels = rows.stream().map(r -> text(sheet.getRow(r), column)).toArray(String[]::new);
        return XDDFDataSourcesFactory.fromArray(labels, union(sheet, rows, column));
    }

    private static XDDFNumericalDataSource<Double> numbers(XSSFSheet sheet, List<Integer> rows, int column) {
        if (contiguous(rows)) {
            return XDDFDataSourcesFactory.fromNumericCellRange(sheet, range(rows, column));
        }
        Double[] numbers = rows.stream().map(r -> number(sheet.getRow(r), column)).toArray(Double[]::new);
        return XDDFDataSourcesFactory.fromArray(numbers, union(sheet, rows, column));
    }

    private static boolean contiguous(List<Integer> rows) {
        return rows.get(rows.size() - 1) - rows.get(0) == rows.size() - 1;
    }

    private static CellRangeAddress range(List<Integer> rows, int column) {
        return new CellRangeAddress(rows.get(0), rows.get(rows.size() - 1), column, column);
    }

    /** {@code ('Realisasi Anggaran'!$F$5,'Realisasi Anggaran'!$F$9)}. */
    private static String union(XSSFSheet sheet, List<Integer> rows, int column) {
        return rows.stream().map(r -> new CellReference(sheet.getSheetName(), r, column, true, true)
                .formatAsString()).collect(Collectors.joining(",", "(", ")"));
    }

    private static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static Double number(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.NUMERIC ? null : cell.getNumericCellValue();
    }
}
