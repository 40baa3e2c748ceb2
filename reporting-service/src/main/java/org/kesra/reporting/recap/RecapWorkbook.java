package org.kesra.reporting.recap;

import static org.kesra.reporting.workbook.ReportWorkbook.header;
import static org.kesra.reporting.workbook.ReportWorkbook.number;
import static org.kesra.reporting.workbook.ReportWorkbook.percent;
import static org.kesra.reporting.workbook.ReportWorkbook.rupiah;
import static org.kesra.reporting.workbook.ReportWorkbook.text;
import static org.kesra.reporting.workbook.ReportWorkbook.widths;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.kesra.reporting.workbook.WorkbookStyles;

/**
 * The recap as an XLSX workbook: one sheet per table (kelurahan recap, kecamatan subtotals, PPKS per category of the
 * area and per kelurahan, KPM per programme, data sources), a title with
 * the region and period and the data version, a frozen header row, Indonesian number formats. Styles, printing and
 * the reproducible bytes (same recap, same bytes) come from {@link ReportWorkbook} and {@link WorkbookStyles}.
 */
public final class RecapWorkbook {

    public static final String MEDIA_TYPE = ReportWorkbook.MEDIA_TYPE;

    private RecapWorkbook() {
    }

    /** File name that says report, region and period: {@code rekap-ppks-18.72.03-2026-Q3.xlsx}. */
    public static String fileName(PpksRecap.Recap recap) {
        return "rekap-ppks-" + recap.area().code() + "-" + recap.period() + ".xlsx";
    }

    public static byte[] write(PpksRecap.Recap recap) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook, WorkbookStyles.Option.TOTAL_COUNTS);
            String title = "Rekapitulasi PPKS dan Program - " + areaName(recap) + " - " + recap.periodLabel();
            writeRecap(workbook.createSheet("Rekap Kelurahan"), recap, title, styles);
            writeKecamatan(workbook.createSheet("Rekap Kecamatan"), recap, title, styles);
            writeCategories(workbook.createSheet("PPKS per Kategori"), recap, title, styles);
            writeCategoriesPerKelurahan(workbook.createSheet("Kategori per Kelurahan"), recap, title, styles);
            writeProgrammes(workbook.createSheet("KPM per Program"), recap, title, styles);
            writeSources(workbook.createSheet("Sumber Data"), recap, title, styles);
            return ReportWorkbook.bytes(workbook, title, recap.dataAsOf(), recap.periodFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recap workbook", e);
        }
    }

    static String areaName(PpksRecap.Recap recap) {
        return ("kota".equals(recap.area().level()) ? "" : "Kecamatan ") + recap.area().name();
    }

    /** Title, data version and an empty row; returns the index of the header row. */
    private static int title(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        return ReportWorkbook.title(sheet, styles, title, "Periode " + recap.periodFrom() + " s.d. "
                + recap.periodTo() + "; " + ReportWorkbook.dataVersion(recap.sources()));
    }

    private static void writeRecap(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, "Kode", "Kelurahan", "KK terdaftar", "Jiwa terdaftar", "PPKS terdata",
                "PPKS ditangani", "% ditangani");
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

    private static void recapRow(Row out, PpksRecap.Row row, WorkbookStyles styles, boolean total) {
        text(out, 0, row.code(), total ? styles.totalText : null);
        text(out, 1, row.name(), total ? styles.totalText : null);
        number(out, 2, row.households(), total ? styles.totalCount : styles.count);
        number(out, 3, row.persons(), total ? styles.totalCount : styles.count);
        number(out, 4, row.ppksTerdata(), total ? styles.totalCount : styles.count);
        number(out, 5, row.ppksDitangani(), total ? styles.totalCount : styles.count);
        percent(out, 6, row.ppksDitanganiPersen(), total ? styles.totalPercent : styles.percent);
    }

    private static void writeKecamatan(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, "Kode", "Kecamatan", "KK terdaftar", "Jiwa terdaftar", "PPKS terdata",
                "PPKS ditangani", "% ditangani");
        for (PpksRecap.Row row : recap.kecamatan()) {
            recapRow(sheet.createRow(++r), row, styles, false);
        }
        recapRow(sheet.createRow(++r), recap.total(), styles, true);
        widths(sheet, 16, 24, 14, 14, 14, 16, 14);
    }

    private static void writeCategories(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, "No", "Kode", "Kategori PPKS", "Terdata", "Ditangani", "% ditangani");
        long terdata = 0;
        long ditangani = 0;
        for (PpksRecap.CategoryFigure c : recap.ppksCategories()) {
            Row out = sheet.createRow(++r);
            if (c.no() > 0) {
                number(out, 0, c.no(), styles.count);
            }
            text(out, 1, c.category(), null);
            text(out, 2, c.name(), null);
            number(out, 3, c.terdata(), styles.count);
            number(out, 4, c.ditangani(), styles.count);
            percent(out, 5, c.ditanganiPersen(), styles.percent);
            terdata += c.terdata();
            ditangani += c.ditangani();
        }
        Row total = sheet.createRow(++r);
        text(total, 0, "", styles.totalText);
        text(total, 1, "", styles.totalText);
        text(total, 2, "Jumlah menurut kategori", styles.totalText);
        number(total, 3, terdata, styles.totalCount);
        number(total, 4, ditangani, styles.totalCount);
        percent(total, 5, PpksRecap.percent(ditangani, terdata), styles.totalPercent);
        r++;
        if (!recap.categoriesPublished()) {
            sheet.createRow(++r).createCell(0).setCellValue(recap.figuresPublished()
                    ? "Catatan: sebagian angka diterbitkan tanpa rincian kategori PPKS (lihat Rekap Kelurahan)."
                    : "Catatan: belum ada angka PPKS yang diterbitkan untuk periode ini.");
        }
        sheet.createRow(++r).createCell(0).setCellValue("Catatan: satu PPKS dapat tercatat pada beberapa kategori.");
        widths(sheet, 6, 10, 60, 12, 12, 14);
    }

    private static void writeCategoriesPerKelurahan(Sheet sheet, PpksRecap.Recap recap, String title,
                                                    WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, "Kode", "Kelurahan", "Kategori", "Kategori PPKS", "Terdata", "Ditangani",
                "% ditangani");
        boolean any = false;
        for (PpksRecap.Row row : recap.kelurahan()) {
            for (PpksRecap.CategoryFigure c : row.ppksCategories()) {
                Row out = sheet.createRow(++r);
                text(out, 0, row.code(), null);
                text(out, 1, row.name(), null);
                text(out, 2, c.category(), null);
                text(out, 3, c.name(), null);
                number(out, 4, c.terdata(), styles.count);
                number(out, 5, c.ditangani(), styles.count);
                percent(out, 6, c.ditanganiPersen(), styles.percent);
                any = true;
            }
        }
        if (!any) {
            sheet.createRow(++r).createCell(0).setCellValue("Tidak ada PPKS per kategori yang diterbitkan untuk "
                    + "periode ini.");
        }
        widths(sheet, 16, 24, 10, 50, 12, 12, 14);
    }

    private static void writeProgrammes(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, "Kode", "Kelurahan", "Program", "KPM", "Realisasi (Rp)");
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

    private static void programmeRow(Row out, String code, String name, PpksRecap.ProgrammeFigure p,
                                     WorkbookStyles styles, boolean total) {
        text(out, 0, code, total ? styles.totalText : null);
        text(out, 1, name, total ? styles.totalText : null);
        text(out, 2, p.programme(), total ? styles.totalText : null);
        number(out, 3, p.kpm(), total ? styles.totalCount : styles.count);
        rupiah(out, 4, p.realisedRupiah(), total ? styles.totalRupiah : styles.rupiah);
    }

    private static void writeSources(Sheet sheet, PpksRecap.Recap recap, String title, WorkbookStyles styles) {
        int r = title(sheet, recap, title, styles);
        header(sheet, r, styles, ReportWorkbook.SOURCE_COLUMNS);
        ReportWorkbook.sourceRows(sheet, r, recap.sources(), styles);
    }
}
