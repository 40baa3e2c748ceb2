package org.kesra.reporting.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.sources.SourceProgress;

/**
 * What every report workbook (Apache POI XSSF) shares: the sheet's title and header, A4 printing, cells, column
 * widths, the data version as a report prints it, and reproducible bytes. The report's own tables stay with the
 * report.
 *
 * <p>Reproducible: the same report gives the same bytes. A title shows the data version (events applied and the
 * newest event time per topic), never "now" or a lag in seconds; the document's created/modified dates are the data
 * version; and the package's zip entries get a fixed time, since the zip writer stamps them with the clock.
 */
public final class ReportWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Reports print times in the city's zone (WIB). */
    public static final ZoneId CITY = ZoneId.of("Asia/Jakarta");
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    /** Indonesian month names, January first. */
    public static final List<String> MONTHS = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember");
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ReportWorkbook() {
    }

    /**
     * The workbook's bytes, titled {@code title} and dated by the data version: {@code dataAsOf}, or the first
     * midnight of the period when nothing was applied yet.
     */
    public static byte[] bytes(XSSFWorkbook workbook, String title, Instant dataAsOf, LocalDate periodFrom)
            throws IOException {
        Date version = Date.from(Optional.ofNullable(dataAsOf).orElse(periodFrom.atStartOfDay(CITY).toInstant()));
        var core = workbook.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator("Kesra reporting-service");
        core.setCreated(Optional.of(version));
        core.setModified(Optional.of(version));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return fixZipTimes(out.toByteArray());
        }
    }

    /** Title (row 1), {@code subtitle} (row 2) and an empty row; returns the index of the header row. */
    public static int title(Sheet sheet, WorkbookStyles styles, String title, String subtitle) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(styles.title);
        sheet.createRow(1).createCell(0).setCellValue(subtitle);
        return 3;
    }

    /** The column header at {@code headerRow}, frozen, and printed with the title on every page. */
    public static void header(Sheet sheet, int headerRow, WorkbookStyles styles, String... names) {
        Row row = sheet.createRow(headerRow);
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i], styles.header);
        }
        sheet.createFreezePane(0, headerRow + 1);
        printOnA4(sheet, headerRow);
    }

    /**
     * Printed as offices print it: A4 landscape, one page wide, the title and the column header repeated on every
     * page. Without it a printout split the columns over several pages and cut the title.
     */
    private static void printOnA4(Sheet sheet, int headerRow) {
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + (headerRow + 1)));
    }

    /** A text cell; null is written as an empty text; a null style keeps the default. */
    /** The column names of every report's "Sumber Data" sheet. */
    public static final String[] SOURCE_COLUMNS = {"Topik", "Peristiwa diterapkan", "Peristiwa terakhir", "Jenis",
        "Waktu peristiwa terakhir"};

    /** A "Sumber Data" sheet's rows below its header row: each source topic and how far the report has applied it. */
    public static void sourceRows(Sheet sheet, int headerRow, List<SourceProgress.Source> sources,
                                  WorkbookStyles styles) {
        int r = headerRow;
        for (SourceProgress.Source source : sources) {
            Row out = sheet.createRow(++r);
            text(out, 0, source.topic(), null);
            number(out, 1, source.eventsApplied(), styles.count);
            text(out, 2, source.lastEventId() == null ? "" : source.lastEventId().toString(), null);
            text(out, 3, source.lastEventType(), null);
            text(out, 4, source.lastEventTime() == null ? "" : time(source.lastEventTime()), null);
        }
        widths(sheet, 20, 20, 40, 36, 28);
    }

    public static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    public static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Null leaves the cell empty (styled), as it does for {@link #percent} and {@link #rupiah}. */
    public static void decimal(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    /** A percent number (67 = 67 %) as the fraction that {@code 0.00%} shows; null leaves the cell empty. */
    public static void percent(Row row, int column, BigDecimal percent, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (percent != null) {
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
        }
    }

    public static void rupiah(Row row, int column, Long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    /** Column widths in characters, first column first. */
    public static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** The data version as a report prints it: events applied and newest event time per topic. */
    public static String dataVersion(List<SourceProgress.Source> sources) {
        StringBuilder text = new StringBuilder("versi data: ");
        for (int i = 0; i < sources.size(); i++) {
            SourceProgress.Source s = sources.get(i);
            text.append(i == 0 ? "" : ", ").append(s.topic()).append(' ').append(s.eventsApplied())
                    .append(" peristiwa");
            if (s.lastEventTime() != null) {
                text.append(" s.d. ").append(time(s.lastEventTime()));
            }
        }
        return text.toString();
    }

    /** An instant as a report prints it: 7 Desember 2026 09:03:10 WIB. */
    public static String time(Instant instant) {
        ZonedDateTime t = instant.atZone(CITY);
        return String.format("%d %s %d %02d:%02d:%02d WIB", t.getDayOfMonth(), MONTHS.get(t.getMonthValue() - 1),
                t.getYear(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** The same entries, same order and content, each stamped with one fixed time instead of the clock's. */
    private static byte[] fixZipTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream fixed = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(fixed)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ZIP_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return fixed.toByteArray();
    }
}
