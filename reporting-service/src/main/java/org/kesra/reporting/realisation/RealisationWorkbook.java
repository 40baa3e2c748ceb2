package org.kesra.reporting.realisation;

import static org.kesra.reporting.workbook.ReportWorkbook.header;
import static org.kesra.reporting.workbook.ReportWorkbook.number;
import static org.kesra.reporting.workbook.ReportWorkbook.percent;
import static org.kesra.reporting.workbook.ReportWorkbook.rupiah;
import static org.kesra.reporting.workbook.ReportWorkbook.text;
import static org.kesra.reporting.workbook.ReportWorkbook.widths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kesra.reporting.pdf.ReportText;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.kesra.reporting.workbook.WorkbookCharts;
import org.kesra.reporting.workbook.WorkbookStyles;

/**
 * The two realisation reports as XLSX: Tabel 2.1 (one row per stage and the year's sum), its findings and the data
 * sources; and the monthly KPM series. Title with programme, period and data version, frozen header, formats
 * {@code #,##0}, {@code "Rp"#,##0}, {@code 0.00%}; under each table a native chart whose series reference its cells
 * ({@link WorkbookCharts}): SP2D against realised rupiah per stage (bars), SP2D and realised KPM per month (lines);
 * reproducible bytes ({@link ReportWorkbook}).
 */
public final class RealisationWorkbook {

    public static final String MEDIA_TYPE = ReportWorkbook.MEDIA_TYPE;

    private RealisationWorkbook() {
    }

    /** {@code realisasi-pkh-2018.xlsx}: report, programme and period. */
    public static String fileName(RealisationReports.PkhReport report) {
        return RealisationPdf.baseName(report) + ".xlsx";
    }

    /** {@code kpm-bulanan-sembako-2020.xlsx}. */
    public static String fileName(RealisationReports.MonthlyReport report) {
        return RealisationPdf.baseName(report) + ".xlsx";
    }

    public static byte[] write(RealisationReports.PkhReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles s = new WorkbookStyles(workbook, WorkbookStyles.Option.WRAPPED_TEXT,
                    WorkbookStyles.Option.TOTAL_COUNTS);
            String title = RealisationPdf.title(report);
            XSSFSheet sheet = workbook.createSheet("Tabel 2.1 Realisasi");
            int header = start(sheet, title, report.periodFrom(), report.periodTo(), report.sources(), s, "No",
                    "Tahap/Bulan", "Jenis", "SP2D Jml KPM", "SP2D Nominal", "Realisasi Jml KPM", "Realisasi Nominal",
                    "% Nominal", "Sumber realisasi", "Daftar bayar KPM", "Daftar bayar nominal");
            int r = header;
            for (RealisationReports.StageRow row : report.stages()) {
                Row out = sheet.createRow(++r);
                number(out, 0, row.no(), s.count);
                text(out, 1, row.label(), s.wrap);
                text(out, 2, row.kind(), s.wrap);
                number(out, 3, row.sp2dKpm(), s.count);
                rupiah(out, 4, row.sp2dRupiah(), s.rupiah);
                count(out, 5, row.realisedKpm(), s.count);
                rupiah(out, 6, row.realisedRupiah(), s.rupiah);
                percent(out, 7, row.nominalPercent(), s.percent);
                text(out, 8, source(row.realisationSource()), s.wrap);
                count(out, 9, row.paidKpm(), s.count);
                rupiah(out, 10, row.paidRupiah(), s.rupiah);
            }
            if (report.stages().isEmpty()) {
                sheet.createRow(++r).createCell(0).setCellValue("Belum ada tahap penyaluran " + report.programme()
                        + " " + report.periodLabel().toLowerCase(java.util.Locale.ROOT) + ".");
            } else {
                RealisationReports.Total t = report.total();
                Row out = sheet.createRow(++r);
                text(out, 0, "", s.totalText);
                text(out, 1, "Jumlah (" + t.stages() + " tahap)", s.totalText);
                text(out, 2, "", s.totalText);
                number(out, 3, t.sp2dKpm(), s.totalCount);
                rupiah(out, 4, t.sp2dRupiah(), s.totalRupiah);
                number(out, 5, t.realisedKpm(), s.totalCount);
                rupiah(out, 6, t.realisedRupiah(), s.totalRupiah);
                percent(out, 7, t.nominalPercent(), s.totalPercent);
            }
            notes(sheet, r, report.notes());
            widths(sheet, 5, 16, 10, 13, 18, 13, 18, 11, 16, 13, 18);
            // the PDF's Grafik 2.1: SP2D and realised rupiah per stage, the stage rows without the year's sum
            WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.CLUSTERED_BAR,
                    sheet.getLastRowNum() + 2, 8, "Nominal SP2D dan Realisasi " + report.programme() + " per Tahap "
                    + report.year(), "Tahap/Bulan", "Nominal (juta Rp)", "#,##0,,", header,
                    WorkbookCharts.rows(header + 1, header + report.stages().size()), 1, List.of(4, 6)));

            Sheet found = workbook.createSheet("Temuan");
            r = start(found, title, report.periodFrom(), report.periodTo(), report.sources(), s, "Kode",
                    "Tahap/Bulan", "Keterangan");
            for (RealisationReports.Finding finding : report.findings()) {
                Row out = found.createRow(++r);
                text(out, 0, finding.code(), s.wrap);
                text(out, 1, finding.stage(), s.wrap);
                text(out, 2, finding.message(), s.wrap);
            }
            if (report.findings().isEmpty()) {
                found.createRow(++r).createCell(0).setCellValue("Tidak ada temuan: angka yang diterbitkan konsisten.");
            }
            widths(found, 34, 16, 100);
            sources(workbook, title, report.periodFrom(), report.periodTo(), report.sources(), s);
            return ReportWorkbook.bytes(workbook, title, report.dataAsOf(), report.periodFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realisation workbook", e);
        }
    }

    public static byte[] write(RealisationReports.MonthlyReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            WorkbookStyles s = new WorkbookStyles(workbook, WorkbookStyles.Option.WRAPPED_TEXT);
            String title = monthlyTitle(report);
            XSSFSheet sheet = workbook.createSheet("KPM per Bulan");
            int header = start(sheet, title, report.periodFrom(), report.periodTo(), report.sources(), s, "Bulan",
                    "Penyaluran", "SP2D Jml KPM", "Realisasi Jml KPM", "SP2D Nominal", "Realisasi Nominal",
                    "Sumber realisasi");
            int r = header;
            for (RealisationReports.MonthRow row : report.months()) {
                Row out = sheet.createRow(++r);
                text(out, 0, row.name(), s.wrap);
                if (!row.hasRound()) {
                    text(out, 1, "tidak ada penyaluran", s.wrap);
                    continue;
                }
                text(out, 1, row.labels(), s.wrap);
                count(out, 2, row.sp2dKpm(), s.count);
                count(out, 3, row.realisedKpm(), s.count);
                rupiah(out, 4, row.sp2dRupiah(), s.rupiah);
                rupiah(out, 5, row.realisedRupiah(), s.rupiah);
                text(out, 6, source(row.realisationSource()), s.wrap);
            }
            notes(sheet, r, report.notes());
            for (RealisationReports.Finding finding : report.findings()) {
                sheet.createRow(sheet.getLastRowNum() + 1).createCell(0).setCellValue("Temuan: " + finding.message());
            }
            widths(sheet, 14, 22, 14, 16, 18, 18, 16);
            if (report.hasData()) {
                // the twelve months as lines; a month without a round has empty cells and shows as a gap, not zero
                WorkbookCharts.draw(sheet, new WorkbookCharts.Chart(WorkbookCharts.Kind.LINE,
                        sheet.getLastRowNum() + 2, 7, monthlyChartTitle(report), "Bulan", "Jumlah KPM", "#,##0",
                        header, WorkbookCharts.rows(header + 1, header + report.months().size()), 0,
                        List.of(2, 3)));
            }
            sources(workbook, title, report.periodFrom(), report.periodTo(), report.sources(), s);
            return ReportWorkbook.bytes(workbook, title, report.dataAsOf(), report.periodFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the monthly KPM workbook", e);
        }
    }

    static String monthlyTitle(RealisationReports.MonthlyReport report) {
        return "Jumlah KPM " + RealisationPdf.programmeName(report.programme()) + " per Bulan - Kota Metro - "
                + report.periodLabel();
    }

    static String monthlyChartTitle(RealisationReports.MonthlyReport report) {
        return "Jumlah KPM " + RealisationPdf.programmeName(report.programme()) + " per Bulan Tahun " + report.year();
    }

    static String source(String source) {
        if (source == null) {
            return "belum ada realisasi";
        }
        return switch (source) {
            case RealisationReports.REPORTED -> "laporan tahap";
            case RealisationReports.PAYMENT_LISTS -> "daftar bayar";
            default -> source;
        };
    }

    private static void count(Row row, int column, Long value, org.apache.poi.ss.usermodel.CellStyle style) {
        if (value != null) {
            number(row, column, value, style);
        }
    }

    private static void sources(XSSFWorkbook workbook, String title, LocalDate from, LocalDate to,
                                List<SourceProgress.Source> sources, WorkbookStyles s) {
        Sheet sheet = workbook.createSheet("Sumber Data");
        int r = start(sheet, title, from, to, sources, s, ReportWorkbook.SOURCE_COLUMNS);
        ReportWorkbook.sourceRows(sheet, r, sources, s);
    }

    private static int start(Sheet sheet, String title, LocalDate from, LocalDate to,
                             List<SourceProgress.Source> sources, WorkbookStyles s, String... names) {
        int r = ReportWorkbook.title(sheet, s, title, "Periode " + ReportText.longDate(from) + " s.d. "
                + ReportText.longDate(to) + "; " + ReportWorkbook.dataVersion(sources));
        header(sheet, r, s, names);
        return r;
    }

    private static void notes(Sheet sheet, int r, List<String> notes) {
        r++;
        for (String note : notes) {
            sheet.createRow(++r).createCell(0).setCellValue("Catatan: " + note);
        }
    }

}
