package org.kesra.reporting.quarterly;

import static org.kesra.reporting.workbook.ReportWorkbook.decimal;
import static org.kesra.reporting.workbook.ReportWorkbook.header;
import static org.kesra.reporting.workbook.ReportWorkbook.number;
import static org.kesra.reporting.workbook.ReportWorkbook.percent;
import static org.kesra.reporting.workbook.ReportWorkbook.rupiah;
import static org.kesra.reporting.workbook.ReportWorkbook.text;
import static org.kesra.reporting.workbook.ReportWorkbook.widths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.performancefigures.UnitFindings;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.kesra.reporting.workbook.WorkbookCharts;
import org.kesra.reporting.workbook.WorkbookStyles;

/**
 * The quarterly performance report as an XLSX workbook (Apache POI XSSF), one sheet per table of seed 002: the
 * Perjanjian Kinerja, Tabel 3.1 (capaian), Tabel 3.2 (cost per outcome), the follow-up plan with the superior's
 * decision and checklist, the review history, and the data sources; under Tabel 3.1 a native bar chart of capaian
 * per indicator whose series reference the table's cells ({@link WorkbookCharts}). Each sheet is one flat table (a
 * Jabatan column says which agreement a row belongs to) under a title with the unit, period and data version, its
 * header frozen, printed on A4 landscape one page wide with title and header repeated.
 *
 * <p>Percentages arrive as percent numbers (67 = 67 %) and are written as fractions with {@code 0.00%}, rupiah as
 * {@code "Rp"#,##0}, other figures {@code #,##0.00}: Excel format codes, which a spreadsheet in an Indonesian locale
 * shows as Rp102.855.000 and 22,22%. Styles, printing and the reproducible bytes (no clock anywhere, document dates
 * are the data version, zip entry times fixed) come from {@link ReportWorkbook} and {@link WorkbookStyles}.
 */
public final class QuarterlyWorkbook {

    /** What a quarter without a due date shows: one entered from signed documents, before the holiday calendar. */
    static final String HISTORICAL = "Tidak berlaku (data historis)";


    public static final String MEDIA_TYPE = ReportWorkbook.MEDIA_TYPE;

    private QuarterlyWorkbook() {
    }

    /** {@code laporan-kinerja-triwulan-18.72.03-2024-Q1.xlsx}: report, unit and period. */
    public static String fileName(QuarterlyPerformanceReport.Report report) {
        return QuarterlyPdf.baseName(report) + ".xlsx";
    }

    public static byte[] write(QuarterlyPerformanceReport.Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(workbook, WorkbookStyles.Option.WRAPPED_TEXT,
                    WorkbookStyles.Option.DECIMALS);
            String title = "Laporan Kinerja Triwulan - " + report.unitName() + " - " + report.periodLabel();
            agreement(workbook.createSheet("Perjanjian Kinerja"), report, title, styles);
            capaian(workbook.createSheet("Tabel 3.1 Capaian"), report, title, styles);
            cost(workbook.createSheet("Tabel 3.2 Cost per Outcome"), report, title, styles);
            followUp(workbook.createSheet("Tindak Lanjut dan Tanggapan"), report, title, styles);
            history(workbook.createSheet("Riwayat Penilaian"), report, title, styles);
            findings(workbook.createSheet("Temuan Konsistensi"), report, title, styles);
            sources(workbook.createSheet("Sumber Data"), report, title, styles);
            return ReportWorkbook.bytes(workbook, title, report.dataAsOf(), report.periodFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarterly performance workbook", e);
        }
    }

    private static void agreement(Sheet sheet, QuarterlyPerformanceReport.Report report, String title,
                                  WorkbookStyles s) {
        int r = start(sheet, report, title, s, "Jabatan", "No", "Sasaran", "Indikator Kinerja", "Target",
                "Target maks.", "Satuan", "Anggaran (Rp)");
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            for (QuarterlyPerformanceReport.AgreementRow row : section.agreement()) {
                Row out = sheet.createRow(++r);
                text(out, 0, position(section), s.wrap);
                text(out, 1, row.no(), s.wrap);
                text(out, 2, row.sasaran(), s.wrap);
                text(out, 3, row.indicator(), s.wrap);
                decimal(out, 4, row.target(), s.decimal);
                decimal(out, 5, row.targetMax(), s.decimal);
                text(out, 6, row.unitOfMeasure(), s.wrap);
                rupiah(out, 7, row.budget(), s.rupiah);
            }
        }
        r = empty(sheet, r, "Belum ada Perjanjian Kinerja yang disepakati.");
        notes(sheet, report, r);
        widths(sheet, 24, 6, 40, 44, 12, 12, 10, 18);
    }

    private static void capaian(XSSFSheet sheet, QuarterlyPerformanceReport.Report report, String title,
                                WorkbookStyles s) {
        int header = start(sheet, report, title, s, "Jabatan", "No", "Sasaran", "Indikator", "Satuan", "Target",
                "Realisasi", "Capaian", "Realisasi s.d. triwulan", "Capaian s.d. triwulan", "Ket");
        int r = header;
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            for (QuarterlyPerformanceReport.CapaianRow row : section.capaian()) {
                Row out = sheet.createRow(++r);
                text(out, 0, position(section), s.wrap);
                text(out, 1, row.no(), s.wrap);
                text(out, 2, row.sasaran(), s.wrap);
                text(out, 3, row.indicator(), s.wrap);
                text(out, 4, row.unitOfMeasure(), s.wrap);
                decimal(out, 5, row.target(), s.decimal);
                decimal(out, 6, row.value(), s.decimal);
                percent(out, 7, row.capaian(), s.percent);
                decimal(out, 8, row.yearToDateValue(), s.decimal);
                percent(out, 9, row.yearToDateCapaian(), s.percent);
                text(out, 10, row.note(), s.wrap);
            }
        }
        int last = r;
        r = empty(sheet, r, "Belum ada realisasi " + report.periodLabel() + " yang diserahkan.");
        notes(sheet, report, r);
        widths(sheet, 24, 6, 36, 40, 10, 12, 12, 12, 14, 14, 18);
        // the PDF's Grafik 3.1: capaian of the quarter and year to date per butir (column "No")
        WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.CLUSTERED_BAR,
                sheet.getLastRowNum() + 2, 8, "Capaian Kinerja per Indikator - " + report.periodLabel(),
                "Butir Perjanjian Kinerja (No)", "Capaian (%)", "0%", header,
                WorkbookCharts.rows(header + 1, last), 1, List.of(7, 9)));
    }

    private static void cost(Sheet sheet, QuarterlyPerformanceReport.Report report, String title, WorkbookStyles s) {
        int r = start(sheet, report, title, s, "Jabatan", "No", "Sasaran/Kegiatan", "Indikator Kinerja",
                "Pagu (Rp)", "Realisasi (Rp)", "Capaian anggaran", "Target (T)", "Realisasi (R)",
                "Capaian kinerja", "Efisiensi (poin)");
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            if (section.cost().isEmpty()) {
                continue;
            }
            for (QuarterlyPerformanceReport.CostRow row : section.cost()) {
                Row out = sheet.createRow(++r);
                text(out, 0, position(section), s.wrap);
                text(out, 1, row.no(), s.wrap);
                text(out, 2, row.sasaran(), s.wrap);
                text(out, 3, row.indicator(), s.wrap);
                rupiah(out, 4, row.budget(), s.rupiah);
                rupiah(out, 5, row.budgetRealised(), s.rupiah);
                percent(out, 6, row.budgetAbsorption(), s.percent);
                decimal(out, 7, row.target(), s.decimal);
                decimal(out, 8, row.value(), s.decimal);
                percent(out, 9, row.capaian(), s.percent);
                decimal(out, 10, row.efficiency(), s.decimal);
            }
            Row total = sheet.createRow(++r);
            text(total, 0, position(section), s.totalText);
            text(total, 1, "", s.totalText);
            text(total, 2, "Jumlah", s.totalText);
            text(total, 3, "", s.totalText);
            rupiah(total, 4, section.costTotal().budget(), s.totalRupiah);
            rupiah(total, 5, section.costTotal().budgetRealised(), s.totalRupiah);
            percent(total, 6, section.costTotal().absorption(), s.totalPercent);
        }
        r = empty(sheet, r, "Belum ada realisasi " + report.periodLabel() + " yang diserahkan.");
        notes(sheet, report, r);
        widths(sheet, 24, 6, 36, 40, 18, 18, 12, 12, 12, 12, 10);
    }

    private static void followUp(Sheet sheet, QuarterlyPerformanceReport.Report report, String title,
                                 WorkbookStyles s) {
        int r = start(sheet, report, title, s, "Jabatan", "Butir", "Isi");
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            String position = position(section);
            QuarterlyPerformanceReport.RealisationInfo info = section.realisation();
            r = line(sheet, r, position, "Status realisasi", info == null ? "Belum diserahkan"
                    : info.statusLabel() + " (versi ditampilkan " + info.shownVersion() + ", terbaru "
                    + info.latestVersion() + ")", s);
            if (info != null) {
                // performance-service publishes no due date for a historical quarter (entered from signed documents)
                r = line(sheet, r, position, "Batas waktu", info.dueDate() == null ? HISTORICAL
                        : QuarterlyPdf.date(info.dueDate()), s);
                r = line(sheet, r, position, "Diserahkan", info.submittedAt() == null ? "-"
                        : ReportWorkbook.time(info.submittedAt()), s);
                r = line(sheet, r, position, "Terlambat (hari kerja)", info.workingDaysLate() == null ? "-"
                        : Integer.toString(info.workingDaysLate()), s);
            }
            r = line(sheet, r, position, "Hambatan", nullToDash(section.obstacles()), s);
            r = line(sheet, r, position, "Rencana tindak lanjut", nullToDash(section.followUp()), s);
            r = line(sheet, r, position, "Tanggapan atasan langsung", section.decision().label()
                    + (section.decision().decidedAt() == null ? "" : " (" + ReportWorkbook.time(
                    section.decision().decidedAt()) + ")"), s);
            for (QuarterlyPerformanceReport.ChecklistLine check : section.decision().checklist()) {
                r = line(sheet, r, position, "", (check.ticked() ? "[x] " : "[ ] ") + check.label(), s);
            }
            r = line(sheet, r, position, "Catatan atasan", nullToDash(section.decision().reason()), s);
        }
        r = empty(sheet, r, "Belum ada Perjanjian Kinerja atau realisasi untuk periode ini.");
        notes(sheet, report, r);
        widths(sheet, 24, 26, 90);
    }

    /** performance-service's consistency findings, each with the places that disagree and the figures they state. */
    private static void findings(Sheet sheet, QuarterlyPerformanceReport.Report report, String title,
                                 WorkbookStyles s) {
        int r = start(sheet, report, title, s, "No", "Kode", "Temuan", "Tempat", "Angka tertulis");
        int no = 0;
        for (UnitFindings.Finding finding : report.findings()) {
            no++;
            for (int p = 0; p < Math.max(1, finding.places().size()); p++) {
                UnitFindings.Place place = finding.places().isEmpty() ? null : finding.places().get(p);
                Row out = sheet.createRow(++r);
                text(out, 0, p == 0 ? no + "." : "", s.wrap);
                text(out, 1, p == 0 ? finding.code() : "", s.wrap);
                text(out, 2, p == 0 ? finding.message() : "", s.wrap);
                text(out, 3, place == null ? "" : place.label(), s.wrap);
                text(out, 4, place == null || place.value() == null ? "" : place.value(), s.wrap);
            }
        }
        if (report.findings().isEmpty()) {
            text(sheet.createRow(++r), 0, "Tidak ada temuan konsistensi yang diterbitkan untuk periode ini.", s.wrap);
        }
        notes(sheet, report, r);
        widths(sheet, 6, 30, 70, 40, 16);
    }

    private static void history(Sheet sheet, QuarterlyPerformanceReport.Report report, String title, WorkbookStyles s) {
        int r = start(sheet, report, title, s, "Jabatan", "Langkah", "Versi", "Waktu", "Checklist", "Alasan",
                "Peristiwa");
        for (QuarterlyPerformanceReport.Section section : report.sections()) {
            for (QuarterlyPerformanceReport.StepRow step : section.history()) {
                Row out = sheet.createRow(++r);
                text(out, 0, position(section), s.wrap);
                text(out, 1, step.label(), s.wrap);
                number(out, 2, step.version(), s.count);
                text(out, 3, ReportWorkbook.time(step.at()), s.wrap);
                text(out, 4, String.join("; ", step.checklist()), s.wrap);
                text(out, 5, step.reason() == null ? "" : step.reason(), s.wrap);
                text(out, 6, step.eventId().toString(), s.wrap);
            }
        }
        r = empty(sheet, r, "Belum ada langkah penilaian.");
        widths(sheet, 24, 16, 8, 26, 36, 36, 38);
    }

    private static void sources(Sheet sheet, QuarterlyPerformanceReport.Report report, String title, WorkbookStyles s) {
        int r = start(sheet, report, title, s, ReportWorkbook.SOURCE_COLUMNS);
        ReportWorkbook.sourceRows(sheet, r, report.sources(), s);
    }

    /** Title, header row frozen and repeated on every printed page; returns the header row's index. */
    private static int start(Sheet sheet, QuarterlyPerformanceReport.Report report, String title, WorkbookStyles s,
                             String... names) {
        int r = ReportWorkbook.title(sheet, s, title, "Periode " + QuarterlyPdf.date(report.periodFrom()) + " s.d. "
                + QuarterlyPdf.date(report.periodTo()) + "; " + ReportWorkbook.dataVersion(report.sources()));
        header(sheet, r, s, names);
        return r;
    }

    private static int empty(Sheet sheet, int r, String text) {
        if (r == 3) {
            sheet.createRow(++r).createCell(0).setCellValue(text);
        }
        return r;
    }

    private static void notes(Sheet sheet, QuarterlyPerformanceReport.Report report, int r) {
        r++;
        for (String note : report.notes()) {
            sheet.createRow(++r).createCell(0).setCellValue("Catatan: " + note);
        }
    }

    private static int line(Sheet sheet, int r, String position, String label, String value, WorkbookStyles s) {
        Row out = sheet.createRow(++r);
        text(out, 0, position, s.wrap);
        text(out, 1, label, s.wrap);
        text(out, 2, value, s.wrap);
        return r;
    }

    static String position(QuarterlyPerformanceReport.Section section) {
        return section.positionTitle() == null ? "(Perjanjian Kinerja belum diterima)" : section.positionTitle();
    }

    private static String nullToDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
