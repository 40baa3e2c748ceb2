package org.kesra.reporting.quarterly;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ChartsReadBack;

/**
 * The PDF and XLSX writers on a report built in memory (no service, no broker): the same report gives the same bytes,
 * the text is there, nothing overflows into a 500 on long texts, an empty report renders. The pages are rendered to
 * {@code target/quarterly-documents-page*.png} to be looked at.
 */
class QuarterlyDocumentsTest {

    static QuarterlyPerformanceReport.Report report(boolean withData) {
        List<QuarterlyPerformanceReport.AgreementRow> agreement = new ArrayList<>();
        List<QuarterlyPerformanceReport.CapaianRow> capaian = new ArrayList<>();
        List<QuarterlyPerformanceReport.CostRow> cost = new ArrayList<>();
        for (int i = 0; i < QuarterlyPerformanceIT.SEED.size(); i++) {
            QuarterlyPerformanceIT.SeedItem s = QuarterlyPerformanceIT.SEED.get(i);
            String no = (i + 1) + ".";
            BigDecimal target = new BigDecimal(s.target());
            BigDecimal value = new BigDecimal(s.value());
            agreement.add(new QuarterlyPerformanceReport.AgreementRow(no, s.sasaran(), s.indicator(), s.unit(), target,
                    null, s.budget()));
            capaian.add(new QuarterlyPerformanceReport.CapaianRow(no, s.sasaran(), s.indicator(), s.unit(), target,
                    null, value, new BigDecimal(s.capaian()), value, new BigDecimal(s.capaian()), ""));
            cost.add(new QuarterlyPerformanceReport.CostRow(no, s.sasaran(), s.indicator(), s.unit(), s.budget(),
                    s.realised(), s.absorption() == null ? null : new BigDecimal(s.absorption()), target, value,
                    new BigDecimal(s.capaian()), s.absorption() == null ? null
                    : new BigDecimal(s.capaian()).subtract(new BigDecimal(s.absorption()))));
        }
        Instant decided = Instant.parse("2024-04-01T05:00:00Z");
        List<QuarterlyPerformanceReport.ChecklistLine> checklist = List.of(
                new QuarterlyPerformanceReport.ChecklistLine("Laporan sudah baik", true),
                new QuarterlyPerformanceReport.ChecklistLine("Laporan kurang baik", false),
                new QuarterlyPerformanceReport.ChecklistLine("Laporan segera diperbaiki", false),
                new QuarterlyPerformanceReport.ChecklistLine("Target dan realisasi diteliti ulang", false),
                new QuarterlyPerformanceReport.ChecklistLine("Capaian diteliti ulang", false),
                new QuarterlyPerformanceReport.ChecklistLine("Lain-lain", false));
        UUID event = UUID.fromString("0190f3a0-0000-7000-8000-000000000001");
        QuarterlyPerformanceReport.Section section = new QuarterlyPerformanceReport.Section("ESELON_IV",
                "Kepala Seksi Pemberdayaan Masyarakat", UUID.fromString("0190f3a0-0000-7000-8000-000000000002"), 1,
                Instant.parse("2024-01-03T01:00:00Z"), event, agreement,
                withData ? new QuarterlyPerformanceReport.RealisationInfo(event, "APPROVED", "Disetujui", 1, 1, 1,
                        LocalDate.of(2024, 4, 5), Instant.parse("2024-04-01T02:00:00Z"), 0, event) : null,
                withData ? capaian : List.of(), withData ? cost : List.of(),
                new QuarterlyPerformanceReport.CostTotal(withData ? 125_715_000 : 0, withData ? 6_555_000 : 0,
                        withData ? new BigDecimal("5.21") : null),
                withData ? "Sub kegiatan dijadwalkan pada triwulan III dan IV." : null,
                withData ? "Koordinasi dengan Camat dan sub bagian keuangan." : null,
                new QuarterlyPerformanceReport.Decision(withData ? "APPROVED" : "BELUM_DINILAI",
                        withData ? "Disetujui" : "Belum dinilai atasan", withData ? decided : null,
                        withData ? checklist : checklist.stream().map(c -> new QuarterlyPerformanceReport
                                .ChecklistLine(c.label(), false)).toList(), null, withData ? event : null),
                withData ? List.of(new QuarterlyPerformanceReport.StepRow("approved", "Disetujui", 1, null, List.of(),
                        decided, event)) : List.of());
        return new QuarterlyPerformanceReport.Report("18.72.03", "Kecamatan Metro Barat", "kecamatan", 2024,
                withData ? 1 : 3, withData ? "2024-Q1" : "2024-Q3", withData ? "Triwulan I 2024" : "Triwulan III 2024",
                withData ? LocalDate.of(2024, 1, 1) : LocalDate.of(2024, 7, 1),
                withData ? LocalDate.of(2024, 3, 31) : LocalDate.of(2024, 9, 30), withData, List.of(section),
                withData ? List.of(new org.kesra.reporting.performancefigures.UnitFindings.Finding(
                        "PF-CEK-JUMLAH-ANGGARAN", "BUDGET_SUM", "Anggaran kegiatan tertulis Rp 2.290.000 tetapi"
                        + " jumlah sub kegiatannya Rp 22.900.000.", null, List.of(
                        new org.kesra.reporting.performancefigures.UnitFindings.Place("RENSTRA", "/api/v1/renstra/x",
                                "/a", "Kegiatan 7.01.03.2.02", "2.290.000")))) : List.of(),
                List.of(new SourceProgress.Source("performance.events", 6, event, "performance.realisation.approved",
                        decided, decided, 42L)), List.of("Catatan uji."));
    }

    @Test
    void theSameReportGivesTheSamePdfBytesWithItsFiguresAsText() throws Exception {
        byte[] first = QuarterlyPdf.write(report(true));
        Thread.sleep(1_100);
        byte[] second = QuarterlyPdf.write(report(true));
        assertThat(second).isEqualTo(first);
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // a cell may wrap a phrase
            assertThat(text).contains("LAPORAN KINERJA TRIWULAN I 2024", "2.700.000", "22,22%", "125.715.000",
                    "5,21%", "Laporan sudah baik", "Efi-", "Temuan Pemeriksaan Konsistensi",
                    "PF-CEK-JUMLAH-ANGGARAN", "Kegiatan 7.01.03.2.02: 2.290.000");
            assertThat(text).doesNotContain("42"); // the lag is an answer's figure, never a file's
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(Path.of("target"));
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 90);
                ImageIO.write(image, "png", Path.of("target", "quarterly-documents-page" + (page + 1) + ".png")
                        .toFile());
            }
        }
    }

    @Test
    void aReportWithoutRealisationRendersAndSaysSo() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(QuarterlyPdf.write(report(false)))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("LAPORAN KINERJA TRIWULAN III 2024",
                    "Belum ada realisasi Triwulan III 2024", "Belum dinilai atasan");
        }
        assertThat(QuarterlyWorkbook.write(report(false))).isEqualTo(QuarterlyWorkbook.write(report(false)));
    }

    @Test
    void theCapaianSheetCarriesANativeBarChartWhoseSeriesAreItsOwnCells() throws Exception {
        byte[] bytes = QuarterlyWorkbook.write(report(true));
        assertThat(QuarterlyWorkbook.write(report(true))).as("reproducible with the chart").isEqualTo(bytes);
        int last = 4 + QuarterlyPerformanceIT.SEED.size();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<ChartsReadBack.Drawn> charts = ChartsReadBack.charts(workbook.getSheet("Tabel 3.1 Capaian"));
            assertThat(charts).hasSize(1);
            ChartsReadBack.Drawn chart = charts.get(0);
            assertThat(chart.type()).isEqualTo("BAR");
            assertThat(chart.title()).isEqualTo("Capaian Kinerja per Indikator - Triwulan I 2024");
            assertThat(chart.valueFormat()).isEqualTo("0%");
            assertThat(chart.series()).isEqualTo(2);
            assertThat(chart.names()).containsExactly("'Tabel 3.1 Capaian'!$H$4", "'Tabel 3.1 Capaian'!$J$4");
            assertThat(chart.categories()).containsOnly("'Tabel 3.1 Capaian'!$B$5:$B$" + last);
            assertThat(chart.values()).containsExactly("'Tabel 3.1 Capaian'!$H$5:$H$" + last,
                    "'Tabel 3.1 Capaian'!$J$5:$J$" + last);
            assertThat(chart.points()).containsOnly(QuarterlyPerformanceIT.SEED.size());
            // the other tables carry none
            assertThat(ChartsReadBack.charts(workbook.getSheet("Perjanjian Kinerja"))).isEmpty();
        }
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(QuarterlyWorkbook.write(report(false))))) {
            assertThat(ChartsReadBack.charts(empty.getSheet("Tabel 3.1 Capaian"))).as("nothing to draw").isEmpty();
        }
    }
}
