package org.kesra.reporting.workbook;

import java.util.EnumSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of a report workbook: a big bold title, a grey bold header with a line below, and figures as Excel
 * format codes ({@code #,##0}, {@code #,##0.00}, {@code "Rp"#,##0}, {@code 0.00%}) that a spreadsheet in an
 * Indonesian locale shows as 1.234.567, Rp102.855.000 and 45,50%; a total row is bold with a line above. Writing
 * {@code #.##0} literally would not group at all in Excel.
 *
 * <p>A workbook gets only the styles its {@link Option}s ask for, always created in the same order: every style
 * created is written to the file, so a style a workbook never uses would still change its bytes.
 */
public final class WorkbookStyles {

    /** What a workbook needs beyond the title, header, count, rupiah, percent and bold total text styles. */
    public enum Option {
        /** Long texts: a {@link #wrap} style, and every cell (header included) aligned to the top of its row. */
        WRAPPED_TEXT,
        /** Figures with two decimals: {@link #decimal}. */
        DECIMALS,
        /** Bold total counts: {@link #totalCount}. */
        TOTAL_COUNTS
    }

    public final CellStyle title;
    public final CellStyle header;
    /** Wrapped, top-aligned text; null without {@link Option#WRAPPED_TEXT}. */
    public final CellStyle wrap;
    public final CellStyle count;
    /** Null without {@link Option#DECIMALS}. */
    public final CellStyle decimal;
    public final CellStyle rupiah;
    public final CellStyle percent;
    public final CellStyle totalText;
    /** Null without {@link Option#TOTAL_COUNTS}. */
    public final CellStyle totalCount;
    public final CellStyle totalRupiah;
    public final CellStyle totalPercent;

    private final boolean top;

    public WorkbookStyles(XSSFWorkbook workbook, Option... options) {
        Set<Option> wanted = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.of(options[0], options);
        top = wanted.contains(Option.WRAPPED_TEXT);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        title = workbook.createCellStyle();
        title.setFont(big);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        if (top) {
            header.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
        } else {
            wrap = null;
        }
        short countFormat = workbook.createDataFormat().getFormat("#,##0");
        short decimalFormat = wanted.contains(Option.DECIMALS)
                ? workbook.createDataFormat().getFormat("#,##0.00") : -1;
        short rupiahFormat = workbook.createDataFormat().getFormat("\"Rp\"#,##0");
        short percentFormat = workbook.createDataFormat().getFormat("0.00%");
        count = formatted(workbook, countFormat, null);
        decimal = wanted.contains(Option.DECIMALS) ? formatted(workbook, decimalFormat, null) : null;
        rupiah = formatted(workbook, rupiahFormat, null);
        percent = formatted(workbook, percentFormat, null);
        totalText = formatted(workbook, (short) 0, bold);
        totalCount = wanted.contains(Option.TOTAL_COUNTS) ? formatted(workbook, countFormat, bold) : null;
        totalRupiah = formatted(workbook, rupiahFormat, bold);
        totalPercent = formatted(workbook, percentFormat, bold);
    }

    private CellStyle formatted(XSSFWorkbook workbook, short format, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        if (top) {
            style.setVerticalAlignment(VerticalAlignment.TOP);
        }
        if (font != null) {
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }
}
