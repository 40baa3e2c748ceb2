package org.kesra.reporting.renstra;

import static org.kesra.reporting.workbook.ReportWorkbook.decimal;
import static org.kesra.reporting.workbook.ReportWorkbook.header;
import static org.kesra.reporting.workbook.ReportWorkbook.percent;
import static org.kesra.reporting.workbook.ReportWorkbook.rupiah;
import static org.kesra.reporting.workbook.ReportWorkbook.text;
import static org.kesra.reporting.workbook.ReportWorkbook.widths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.performancefigures.ItemYears;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.kesra.reporting.workbook.WorkbookCharts;
import org.kesra.reporting.workbook.WorkbookStyles;

/**
 * The Renstra progress matrix as an XLSX workbook: sheet *Matriks Renstra* in seed 001 Tabel 6.1's column order
 * (kode, program/kegiatan/sub kegiatan, indikator, satuan, kondisi awal, then per year of the plan target, Rp, the Rp
 * of the level below, realisasi, capaian, realisasi Rp and that of the level below; kondisi akhir target and Rp;
 * penanggung jawab) and *Sumber
 * Data*. Title with unit, plan version and data version, frozen header (and the code/name columns), A4 landscape one
 * page wide, Excel format codes; program and kegiatan rows bold; under the matrix a native clustered bar chart of
 * capaian per indicator and year whose series are the matrix's capaian columns ({@link WorkbookCharts});
 * reproducible bytes ({@link ReportWorkbook}).
 */
public final class RenstraMatrixWorkbook {

    public static final String MEDIA_TYPE = ReportWorkbook.MEDIA_TYPE;
    /** Columns before the years: kode, program/kegiatan, indikator, satuan, kondisi awal. */
    static final int LEADING = 5;
    /** Columns per year: target, Rp, Rp tingkat di bawah, realisasi, capaian, realisasi Rp, of the level below. */
    static final int PER_YEAR = 7;

    private RenstraMatrixWorkbook() {
    }

    /** {@code matriks-renstra-dinsos-2021-2026-v1.xlsx}: report, unit and period. */
    public static String fileName(RenstraMatrixReport.Report report) {
        return RenstraMatrixPdf.baseName(report) + ".xlsx";
    }

    public static byte[] write(RenstraMatrixReport.Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook, WorkbookStyles.Option.WRAPPED_TEXT,
                    WorkbookStyles.Option.DECIMALS);
            String title = RenstraMatrixPdf.title(report);
            matrix(workbook.createSheet("Matriks Renstra"), report, title, styles);
            Sheet sources = workbook.createSheet("Sumber Data");
            int r = start(sources, report, title, styles, ReportWorkbook.SOURCE_COLUMNS);
            ReportWorkbook.sourceRows(sources, r, report.sources(), styles);
            return ReportWorkbook.bytes(workbook, title, report.dataAsOf(), report.plan() == null
                    ? LocalDate.of(2000, 1, 1) : LocalDate.of(report.plan().startYear(), 1, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Renstra matrix workbook", e);
        }
    }

    private static void matrix(XSSFSheet sheet, RenstraMatrixReport.Report report, String title, WorkbookStyles s) {
        List<String> names = new ArrayList<>(List.of("Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja",
                "Satuan", "Kondisi Awal"));
        for (RenstraMatrixReport.YearColumn year : report.years()) {
            String y = year.label() + " (" + year.year() + ")";
            names.addAll(List.of(y + " Target", y + " Rp", y + " Rp tingkat di bawah", y + " Realisasi",
                    y + " Capaian", y + " Realisasi Rp", y + " Realisasi Rp tingkat di bawah"));
        }
        names.addAll(List.of("Kondisi Akhir Target", "Kondisi Akhir Rp", "Perangkat Daerah Penanggung Jawab"));
        int header = start(sheet, report, title, s, names.toArray(String[]::new));
        int r = header;
        sheet.createFreezePane(3, r + 1);
        for (RenstraMatrixReport.MatrixRow row : report.rows()) {
            boolean bold = "PROGRAM".equals(row.level()) || "KEGIATAN".equals(row.level());
            CellStyle textStyle = bold ? s.totalText : s.wrap;
            CellStyle rupiahStyle = bold ? s.totalRupiah : s.rupiah;
            Row out = sheet.createRow(++r);
            text(out, 0, row.firstOfNode() ? row.code() : "", textStyle);
            text(out, 1, row.firstOfNode() ? row.name() : "", textStyle);
            text(out, 2, row.indicator(), s.wrap);
            text(out, 3, row.unitOfMeasure(), s.wrap);
            decimal(out, 4, row.baseline(), s.decimal);
            int c = LEADING;
            for (RenstraMatrixReport.YearCell cell : row.years()) {
                decimal(out, c, cell.target(), s.decimal);
                rupiah(out, c + 1, cell.budget(), rupiahStyle);
                rupiah(out, c + 2, cell.childrenBudget(), rupiahStyle);
                decimal(out, c + 3, cell.realisation(), s.decimal);
                percent(out, c + 4, cell.capaian(), s.percent);
                rupiah(out, c + 5, cell.budgetRealised(), rupiahStyle);
                rupiah(out, c + 6, cell.childrenBudgetRealised(), rupiahStyle);
                c += PER_YEAR;
            }
            decimal(out, c, row.finalTarget(), s.decimal);
            rupiah(out, c + 1, row.finalBudget(), rupiahStyle);
            text(out, c + 2, row.responsibleUnit(), s.wrap);
        }
        int last = r;
        if (report.rows().isEmpty()) {
            sheet.createRow(++r).createCell(0).setCellValue(report.plan() == null
                    ? "Belum ada Renstra unit ini yang diterbitkan." : "Renstra ini belum memuat indikator.");
        }
        r++;
        for (RenstraMatrixReport.YearColumn year : report.years()) {
            sheet.createRow(++r).createCell(0).setCellValue("Tahun " + year.year() + ": " + (year.hasData()
                    ? "realisasi s.d. Triwulan " + ItemYears.roman(year.throughQuarter())
                    + (year.approved() ? "" : " (belum seluruhnya disetujui)") : "belum ada realisasi"));
        }
        for (String note : report.notes()) {
            sheet.createRow(++r).createCell(0).setCellValue("Catatan: " + note);
        }
        int[] width = new int[LEADING + PER_YEAR * report.years().size() + 3];
        int[] leading = {16, 40, 40, 9, 10};
        System.arraycopy(leading, 0, width, 0, LEADING);
        for (int y = 0; y < report.years().size(); y++) {
            int[] year = {10, 16, 16, 11, 10, 16, 16};
            System.arraycopy(year, 0, width, LEADING + y * PER_YEAR, PER_YEAR);
        }
        width[width.length - 3] = 11;
        width[width.length - 2] = 16;
        width[width.length - 1] = 18;
        widths(sheet, width);
        // the PDF's capaian per year: one series per year with realisation, each the capaian column of that year
        List<Integer> capaian = new ArrayList<>();
        for (int y = 0; y < report.years().size(); y++) {
            if (report.years().get(y).hasData()) {
                capaian.add(LEADING + y * PER_YEAR + 4);
            }
        }
        if (!capaian.isEmpty()) {
            WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.CLUSTERED_BAR,
                    sheet.getLastRowNum() + 2, 5, "Capaian Indikator Renstra per Tahun", "Indikator Kinerja",
                    "Capaian (%)", "0%", header, WorkbookCharts.rows(header + 1, last), 2, capaian));
        }
    }

    /** Title and header row; returns the header row's index. */
    private static int start(Sheet sheet, RenstraMatrixReport.Report report, String title, WorkbookStyles s,
                             String... names) {
        int r = ReportWorkbook.title(sheet, s, title, RenstraMatrixPdf.planLine(report) + "; "
                + ReportWorkbook.dataVersion(report.sources()));
        header(sheet, r, s, names);
        return r;
    }
}
