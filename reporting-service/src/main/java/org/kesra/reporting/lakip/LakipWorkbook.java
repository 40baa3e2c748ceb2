package org.kesra.reporting.lakip;

import static org.kesra.reporting.workbook.ReportWorkbook.decimal;
import static org.kesra.reporting.workbook.ReportWorkbook.header;
import static org.kesra.reporting.workbook.ReportWorkbook.number;
import static org.kesra.reporting.workbook.ReportWorkbook.percent;
import static org.kesra.reporting.workbook.ReportWorkbook.rupiah;
import static org.kesra.reporting.workbook.ReportWorkbook.text;
import static org.kesra.reporting.workbook.ReportWorkbook.widths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.pdf.ReportText;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.kesra.reporting.workbook.WorkbookCharts;
import org.kesra.reporting.workbook.WorkbookStyles;

/**
 * The LAKIP as an XLSX workbook, one sheet per table of seed 004 Bab III: capaian IKU, the comparison with the
 * previous year and the plan's final target, the budget realisation per program and kegiatan with its total, and the
 * data sources; native bar charts (capaian per IKU, absorption per programme) under their tables, their series
 * referencing the tables' cells ({@link WorkbookCharts}). Title with unit, period and data version, frozen header,
 * A4 landscape one page wide, Excel format codes ({@code "Rp"#,##0}, {@code 0.00%}, {@code #,##0.00}) that an
 * Indonesian spreadsheet shows as Rp7.552.676.345 and 85,37%; reproducible bytes ({@link ReportWorkbook}).
 */
public final class LakipWorkbook {

    public static final String MEDIA_TYPE = ReportWorkbook.MEDIA_TYPE;

    private LakipWorkbook() {
    }

    /** {@code lakip-18.72.03-2022.xlsx}: report, unit and period. */
    public static String fileName(LakipReport.Report report) {
        return LakipPdf.baseName(report) + ".xlsx";
    }

    public static byte[] write(LakipReport.Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook, WorkbookStyles.Option.WRAPPED_TEXT,
                    WorkbookStyles.Option.DECIMALS);
            String title = LakipPdf.title(report);
            iku(workbook.createSheet("Capaian IKU"), report, title, styles);
            comparison(workbook.createSheet("Perbandingan Tahun"), report, title, styles);
            budget(workbook.createSheet("Realisasi Anggaran"), report, title, styles);
            sources(workbook.createSheet("Sumber Data"), report, title, styles);
            return ReportWorkbook.bytes(workbook, title, report.dataAsOf(), report.periodFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LAKIP workbook", e);
        }
    }

    private static void iku(XSSFSheet sheet, LakipReport.Report report, String title, WorkbookStyles s) {
        int header = start(sheet, report, title, s, "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                "Realisasi", "Capaian", "Predikat", "S.d. triwulan", "Ket");
        int r = header;
        for (LakipReport.IkuRow row : report.iku()) {
            Row out = sheet.createRow(++r);
            text(out, 0, row.no(), s.wrap);
            text(out, 1, row.sasaran(), s.wrap);
            text(out, 2, row.indicator(), s.wrap);
            text(out, 3, row.unitOfMeasure(), s.wrap);
            decimal(out, 4, row.target(), s.decimal);
            decimal(out, 5, row.realisation(), s.decimal);
            percent(out, 6, row.capaian(), s.percent);
            text(out, 7, row.rating(), s.wrap);
            text(out, 8, row.throughQuarter() == null ? "" : "Triwulan " + LakipReport.roman(row.throughQuarter()),
                    s.wrap);
            text(out, 9, row.note(), s.wrap);
        }
        int last = r;
        r = empty(sheet, r, "Belum ada IKU yang disepakati untuk tahun " + report.year() + ".");
        notes(sheet, report, r);
        widths(sheet, 5, 30, 44, 9, 11, 11, 11, 14, 13, 20);
        // the PDF's Grafik 3.1: capaian per IKU (column "No")
        WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.CLUSTERED_BAR,
                sheet.getLastRowNum() + 2, 8, "Capaian Indikator Kinerja Utama Tahun " + report.year(),
                "Indikator Kinerja Utama (No)", "Capaian (%)", "0%", header, WorkbookCharts.rows(header + 1, last),
                0, List.of(6)));
    }

    private static void comparison(Sheet sheet, LakipReport.Report report, String title, WorkbookStyles s) {
        int previous = report.year() - 1;
        int r = start(sheet, report, title, s, "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan",
                "Target " + previous, "Realisasi " + previous, "Capaian " + previous, "Target " + report.year(),
                "Realisasi " + report.year(), "Capaian " + report.year(), "Target akhir Renstra", "Tahun akhir");
        for (LakipReport.ComparisonRow row : report.comparison()) {
            Row out = sheet.createRow(++r);
            text(out, 0, row.no(), s.wrap);
            text(out, 1, row.sasaran(), s.wrap);
            text(out, 2, row.indicator(), s.wrap);
            text(out, 3, row.unitOfMeasure(), s.wrap);
            decimal(out, 4, row.previousTarget(), s.decimal);
            decimal(out, 5, row.previousRealisation(), s.decimal);
            percent(out, 6, row.previousCapaian(), s.percent);
            decimal(out, 7, row.target(), s.decimal);
            decimal(out, 8, row.realisation(), s.decimal);
            percent(out, 9, row.capaian(), s.percent);
            decimal(out, 10, row.finalTarget(), s.decimal);
            if (row.finalYear() != null) {
                text(out, 11, String.valueOf(row.finalYear()), s.wrap);
            }
        }
        r = empty(sheet, r, "Belum ada IKU yang disepakati untuk tahun " + report.year() + ".");
        notes(sheet, report, r);
        widths(sheet, 5, 28, 40, 9, 11, 11, 11, 11, 11, 11, 13, 11);
    }

    private static void budget(XSSFSheet sheet, LakipReport.Report report, String title, WorkbookStyles s) {
        int header = start(sheet, report, title, s, "No", "Kode", "Program/Kegiatan", "Anggaran (Rp)",
                "Realisasi (Rp)", "Penyerapan");
        int r = header;
        List<Integer> programmes = new ArrayList<>();
        for (LakipReport.BudgetRow row : report.budget()) {
            boolean programme = "PROGRAM".equals(row.level());
            Row out = sheet.createRow(++r);
            if (programme) {
                programmes.add(r);
            }
            text(out, 0, row.no(), programme ? s.totalText : s.wrap);
            text(out, 1, row.code(), programme ? s.totalText : s.wrap);
            text(out, 2, row.name(), programme ? s.totalText : s.wrap);
            rupiah(out, 3, row.budget(), programme ? s.totalRupiah : s.rupiah);
            rupiah(out, 4, row.realised(), programme ? s.totalRupiah : s.rupiah);
            percent(out, 5, row.absorption(), programme ? s.totalPercent : s.percent);
        }
        if (!report.budget().isEmpty()) {
            LakipReport.BudgetTotal total = report.budgetTotal();
            Row out = sheet.createRow(++r);
            text(out, 0, "", s.totalText);
            text(out, 1, "", s.totalText);
            text(out, 2, "Jumlah (" + total.programmes() + " program, " + total.kegiatan() + " kegiatan)",
                    s.totalText);
            rupiah(out, 3, total.budget(), s.totalRupiah);
            rupiah(out, 4, total.realised(), s.totalRupiah);
            percent(out, 5, total.absorption(), s.totalPercent);
        }
        r = empty(sheet, r, "Belum ada program/kegiatan beranggaran dalam Perjanjian Kinerja tahun "
                + report.year() + ".");
        notes(sheet, report, r);
        widths(sheet, 6, 14, 60, 20, 20, 12);
        // the PDF's budget absorption chart: the programme rows only, referenced one by one between their kegiatan
        WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.CLUSTERED_BAR,
                sheet.getLastRowNum() + 2, 6, "Penyerapan Anggaran per Program Tahun " + report.year(), "Program",
                "Penyerapan (%)", "0%", header, programmes, 2, List.of(5)));
    }

    private static void sources(Sheet sheet, LakipReport.Report report, String title, WorkbookStyles s) {
        int r = start(sheet, report, title, s, ReportWorkbook.SOURCE_COLUMNS);
        ReportWorkbook.sourceRows(sheet, r, report.sources(), s);
    }

    /** Title, header row frozen and repeated on every printed page; returns the header row's index. */
    private static int start(Sheet sheet, LakipReport.Report report, String title, WorkbookStyles s,
                             String... names) {
        int r = ReportWorkbook.title(sheet, s, title, "Periode " + ReportText.longDate(report.periodFrom())
                + " s.d. " + ReportText.longDate(report.periodTo()) + "; " + ReportWorkbook.dataVersion(
                report.sources()));
        header(sheet, r, s, names);
        return r;
    }

    private static int empty(Sheet sheet, int r, String text) {
        if (r == 3) {
            sheet.createRow(++r).createCell(0).setCellValue(text);
        }
        return r;
    }

    private static void notes(Sheet sheet, LakipReport.Report report, int r) {
        r++;
        for (String note : report.notes()) {
            sheet.createRow(++r).createCell(0).setCellValue("Catatan: " + note);
        }
    }
}
