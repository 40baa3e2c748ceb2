package org.kesra.reporting.recap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.sources.SourceProgress;

/**
 * The recap as an XLSX workbook (Apache POI XSSF): one sheet per table (kelurahan recap, KPM per programme, data
 * sources), a title with the region and period and the data version, a frozen header row, Indonesian number formats.
 *
 * <p>Number formats are stored as Excel format codes ({@code #,##0}, {@code "Rp"#,##0}, {@code 0.00%}); the file
 * format keeps the separators locale-neutral and a spreadsheet in an Indonesian locale shows 1.234.567 and 45,50%.
 * Writing {@code #.##0} literally would not group at all in Excel.
 *
 * <p>Reproducible: the same recap gives the same bytes. The title shows the data version (events applied and the
 * newest event time per topic), never "now" or a lag in seconds; the document's created/modified dates are the data
 * version; and the package's zip entries get a fixed time, since the zip writer stamps them with the clock.
 */
public final class RecapWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId CITY = ZoneId.of("Asia/Jakarta");
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private RecapWorkbook() {
    }

    /** File name that says report, region and period: {@code rekap-ppks-18.72.03-2026-Q3.xlsx}. */
    public static String fileName(PpksRecap.Recap recap) {
        return "rekap-ppks-" + recap.area().code() + "-" + recap.period() + ".xlsx";
    }

    public static byte[] write(PpksRecap.Recap recap) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String title = "Rekapitulasi PPKS dan Program - " + areaName(recap) + " - " + recap.periodLabel();
            writeRecap(workbook.createSheet("Rekap Kelurahan"), recap, title, styles);
            writeProgrammes(workbook.createSheet("KPM per Program"), recap, title, styles);
            writeSources(workbook.createSheet("Sumber Data"), recap, title, styles);

            Date version = Date.from(Optional.ofNullable(recap.dataAsOf())
                    .orElse(recap.periodFrom().atStartOfDay(CITY).toInstant()));
            var core = workbook.getProperties().getCoreProperties();
            core.setTitle(title);
            core.setCreator("Kesra reporting-service");
            core.setCreated(Optional.of(version));
            core.setModified(Optional.of(version));
            workbook.write(out);
            return fixZipTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recap workbook", e);
        }
    }

    private static String areaName(PpksRecap.Recap recap) {
        return ("kota".equals(recap.area().level()) ? "" : "Kecamatan ") + recap.area().name();
    }

    /** Title, data version and an empty row; returns the index of the header row. */
    private static int title(Sheet sheet, PpksRecap.Recap recap, String title, Styles styles) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(styles.title);
        sheet.createRow(1).createCell(0).setCellValue("Periode " + recap.periodFrom() + " s.d. " + recap.periodTo()
                + "; " + dataVersion(recap.sources()));
        return 3;
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
        return String.format("%d %s %d %02d:%02d:%02d WIB", t.getDayOfMonth(),
                ReportPeriod.MONTHS.get(t.getMonthValue() - 1), t.getYear(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    private static void writeRecap(Sheet sheet, PpksRecap.Recap recap, String title, Styles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet.createRow(r), styles, "Kode", "Kelurahan", "KK terdaftar", "Jiwa terdaftar", "PPKS terdata",
                "PPKS ditangani", "% ditangani");
        sheet.createFreezePane(0, r + 1);
        printOnA4(sheet, r);
        for (PpksRecap.Row row : recap.kelurahan()) {
            recapRow(sheet.createRow(++r), row, styles, false);
        }
        recapRow(sheet.createRow(++r), recap.total(), styles, true);
        r++;
        for (String note : recap.notes()) {
            sheet.createRow(++r).createCell(0).setCellValue("Catatan: " + note);
        }
        widths(sheet, 16, 24, 14, 14, 14, 16, 14);
    }

    private static void recapRow(Row out, PpksRecap.Row row, Styles styles, boolean total) {
        text(out, 0, row.code() == null ? "" : row.code(), total ? styles.totalText : null);
        text(out, 1, row.name(), total ? styles.totalText : null);
        number(out, 2, row.households(), total ? styles.totalCount : styles.count);
        number(out, 3, row.persons(), total ? styles.totalCount : styles.count);
        number(out, 4, row.ppksTerdata(), total ? styles.totalCount : styles.count);
        number(out, 5, row.ppksDitangani(), total ? styles.totalCount : styles.count);
        BigDecimal percent = row.ppksDitanganiPersen();
        Cell cell = out.createCell(6);
        cell.setCellStyle(total ? styles.totalPercent : styles.percent);
        if (percent != null) {
            cell.setCellValue(percent.movePointLeft(2).doubleValue());
        }
    }

    private static void writeProgrammes(Sheet sheet, PpksRecap.Recap recap, String title, Styles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet.createRow(r), styles, "Kode", "Kelurahan", "Program", "KPM", "Realisasi (Rp)");
        sheet.createFreezePane(0, r + 1);
        printOnA4(sheet, r);
        for (PpksRecap.Row row : recap.kelurahan()) {
            for (PpksRecap.ProgrammeFigure p : row.programmes()) {
                programmeRow(sheet.createRow(++r), row.code(), row.name(), p, styles, false);
            }
        }
        for (PpksRecap.ProgrammeFigure p : recap.total().programmes()) {
            programmeRow(sheet.createRow(++r), "", "Jumlah", p, styles, true);
        }
        if (recap.programmes().isEmpty()) {
            sheet.createRow(++r).createCell(0).setCellValue("Tidak ada KPM yang diterbitkan untuk periode ini.");
        }
        widths(sheet, 16, 24, 16, 12, 20);
    }

    private static void programmeRow(Row out, String code, String name, PpksRecap.ProgrammeFigure p, Styles styles,
                                     boolean total) {
        text(out, 0, code, total ? styles.totalText : null);
        text(out, 1, name, total ? styles.totalText : null);
        text(out, 2, p.programme(), total ? styles.totalText : null);
        number(out, 3, p.kpm(), total ? styles.totalCount : styles.count);
        Cell rupiah = out.createCell(4);
        rupiah.setCellStyle(total ? styles.totalRupiah : styles.rupiah);
        if (p.realisedRupiah() != null) {
            rupiah.setCellValue(p.realisedRupiah());
        }
    }

    private static void writeSources(Sheet sheet, PpksRecap.Recap recap, String title, Styles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet.createRow(r), styles, "Topik", "Peristiwa diterapkan", "Peristiwa terakhir", "Jenis",
                "Waktu peristiwa terakhir");
        sheet.createFreezePane(0, r + 1);
        printOnA4(sheet, r);
        for (SourceProgress.Source s : recap.sources()) {
            Row out = sheet.createRow(++r);
            text(out, 0, s.topic(), null);
            number(out, 1, s.eventsApplied(), styles.count);
            text(out, 2, s.lastEventId() == null ? "" : s.lastEventId().toString(), null);
            text(out, 3, s.lastEventType() == null ? "" : s.lastEventType(), null);
            text(out, 4, s.lastEventTime() == null ? "" : time(s.lastEventTime()), null);
        }
        widths(sheet, 20, 20, 40, 36, 28);
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

    private static void header(Row row, Styles styles, String... names) {
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i], styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** The same entries, same order and content, each stamped with one fixed time instead of the clock's. */
    public static byte[] fixZipTimes(byte[] zip) throws IOException {
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

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle count;
        final CellStyle rupiah;
        final CellStyle percent;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalRupiah;
        final CellStyle totalPercent;

        Styles(XSSFWorkbook workbook) {
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
            short countFormat = workbook.createDataFormat().getFormat("#,##0");
            short rupiahFormat = workbook.createDataFormat().getFormat("\"Rp\"#,##0");
            short percentFormat = workbook.createDataFormat().getFormat("0.00%");
            count = formatted(workbook, countFormat, null);
            rupiah = formatted(workbook, rupiahFormat, null);
            percent = formatted(workbook, percentFormat, null);
            totalText = formatted(workbook, (short) 0, bold);
            totalCount = formatted(workbook, countFormat, bold);
            totalRupiah = formatted(workbook, rupiahFormat, bold);
            totalPercent = formatted(workbook, percentFormat, bold);
        }

        private static CellStyle formatted(XSSFWorkbook workbook, short format, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            if (font != null) {
                style.setFont(font);
                style.setBorderTop(BorderStyle.THIN);
            }
            return style;
        }
    }
}
