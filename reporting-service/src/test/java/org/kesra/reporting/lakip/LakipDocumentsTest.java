package org.kesra.reporting.lakip;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ChartsReadBack;

/**
 * The LAKIP's PDF and XLSX writers on a report built in memory from seed 004's figures (no service, no broker): same
 * bytes a second apart, the figures as text, an empty year renders; every page rendered to
 * {@code target/lakip-documents-page*.png} to be looked at.
 */
class LakipDocumentsTest {

    static LakipReport.Report report(boolean withData) {
        List<LakipReport.IkuRow> iku = new ArrayList<>();
        List<LakipReport.ComparisonRow> comparison = new ArrayList<>();
        UUID event = UUID.fromString("0190f3a0-0000-7000-8000-000000000004");
        for (int i = 0; i < LakipIT.IKU.size(); i++) {
            LakipIT.Iku k = LakipIT.IKU.get(i);
            String no = (i + 1) + ".";
            iku.add(new LakipReport.IkuRow(no, LakipIT.SASARAN, k.indicator(), k.unit(), new BigDecimal(k.target2022()),
                    null, new BigDecimal(k.value2022()), new BigDecimal(k.capaian2022()), k.rating2022(), 4,
                    "APPROVED", event, ""));
            comparison.add(new LakipReport.ComparisonRow(no, LakipIT.SASARAN, k.indicator(), k.unit(),
                    new BigDecimal(k.target2021()), new BigDecimal(k.value2021()), new BigDecimal(k.capaian2021()),
                    new BigDecimal(k.target2022()), new BigDecimal(k.value2022()), new BigDecimal(k.capaian2022()),
                    new BigDecimal(k.target2022()), null, 2026));
        }
        List<LakipReport.BudgetRow> budget = new ArrayList<>();
        String programme = null;
        int p = 0;
        char letter = 'a';
        long budgetTotal = 0;
        long realisedTotal = 0;
        for (LakipIT.Kegiatan k : LakipIT.KEGIATAN) {
            if (!k.program().equals(programme)) {
                programme = k.program();
                p++;
                letter = 'a';
                long b = LakipIT.KEGIATAN.stream().filter(x -> x.program().equals(k.program()))
                        .mapToLong(LakipIT.Kegiatan::budget).sum();
                long r = LakipIT.KEGIATAN.stream().filter(x -> x.program().equals(k.program()))
                        .mapToLong(LakipIT.Kegiatan::realised).sum();
                budget.add(new LakipReport.BudgetRow("PROGRAM", String.valueOf(p), k.programCode(), k.program(), b,
                        r, share(r, b)));
            }
            budget.add(new LakipReport.BudgetRow("KEGIATAN", p + "." + letter++, k.code(), k.name(), k.budget(),
                    k.realised(), share(k.realised(), k.budget())));
            budgetTotal += k.budget();
            realisedTotal += k.realised();
        }
        Instant at = Instant.parse("2023-01-11T03:00:00Z");
        return new LakipReport.Report("18.72.03", "Kecamatan Metro Barat", "kecamatan", withData ? 2022 : 2025,
                withData ? "2022" : "2025", withData ? "Tahun 2022" : "Tahun 2025",
                LocalDate.of(withData ? 2022 : 2025, 1, 1), LocalDate.of(withData ? 2022 : 2025, 12, 31), withData,
                new LakipReport.Plan(UUID.fromString("0190f3a0-0000-7000-8000-000000000005"), 1,
                        "Renstra Kecamatan Metro Barat 2021-2026", 2021, 2026),
                withData ? iku : List.of(), withData ? comparison : List.of(), withData ? budget : List.of(),
                withData ? new LakipReport.BudgetTotal(5, 10, budgetTotal, realisedTotal,
                        share(realisedTotal, budgetTotal)) : new LakipReport.BudgetTotal(0, 0, 0, 0, null),
                List.of(new SourceProgress.Source("performance.events", 6, event, "performance.realisation.approved",
                        at, at, 42L)), List.of("Catatan uji."));
    }

    private static BigDecimal share(long realised, long budget) {
        return BigDecimal.valueOf(realised * 100).divide(BigDecimal.valueOf(budget), 2, RoundingMode.HALF_UP);
    }

    @Test
    void theSameReportGivesTheSameBytesWithItsFiguresAsTextAndEveryPageRendered() throws Exception {
        byte[] first = LakipPdf.write(report(true));
        Thread.sleep(1_100);
        assertThat(LakipPdf.write(report(true))).isEqualTo(first);
        assertThat(LakipWorkbook.write(report(true))).isEqualTo(LakipWorkbook.write(report(true)));
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("85,37 Tinggi", "96,09%", "96,10%", "97,44%", "7.552.676.345",
                    "Grafik 3.1 Capaian per Indikator Kinerja Utama");
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(Path.of("target"));
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 90);
                ImageIO.write(image, "png", Path.of("target", "lakip-documents-page" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void anEmptyYearRendersAndSaysSo() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(LakipPdf.write(report(false)))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Belum ada realisasi Tahun 2025", "Belum ada IKU yang disepakati untuk Tahun 2025");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void capaianPerIkuAndAbsorptionPerProgrammeAreNativeChartsOfTheTablesCells() throws Exception {
        byte[] bytes = LakipWorkbook.write(report(true));
        int lastIku = 4 + LakipIT.IKU.size();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<ChartsReadBack.Drawn> iku = ChartsReadBack.charts(workbook.getSheet("Capaian IKU"));
            assertThat(iku).hasSize(1);
            assertThat(iku.get(0).type()).isEqualTo("BAR");
            assertThat(iku.get(0).title()).isEqualTo("Capaian Indikator Kinerja Utama Tahun 2022");
            assertThat(iku.get(0).names()).containsExactly("'Capaian IKU'!$G$4");
            assertThat(iku.get(0).categories()).containsExactly("'Capaian IKU'!$A$5:$A$" + lastIku);
            assertThat(iku.get(0).values()).containsExactly("'Capaian IKU'!$G$5:$G$" + lastIku);

            // the programme rows lie between their kegiatan: referenced one by one, as a union
            List<String> programmeRows = new ArrayList<>();
            Sheet budget = workbook.getSheet("Realisasi Anggaran");
            for (int r = 4; r <= budget.getLastRowNum(); r++) {
                String code = budget.getRow(r) == null || budget.getRow(r).getCell(1) == null ? ""
                        : budget.getRow(r).getCell(1).getStringCellValue();
                if (LakipIT.KEGIATAN.stream().anyMatch(k -> k.programCode().equals(code))) {
                    programmeRows.add("'Realisasi Anggaran'!$F$" + (r + 1));
                }
            }
            long programmes = LakipIT.KEGIATAN.stream().map(LakipIT.Kegiatan::program).distinct().count();
            assertThat(programmeRows).hasSize((int) programmes).hasSizeGreaterThan(1);
            List<ChartsReadBack.Drawn> absorption = ChartsReadBack.charts(budget);
            assertThat(absorption).hasSize(1);
            assertThat(absorption.get(0).title()).isEqualTo("Penyerapan Anggaran per Program Tahun 2022");
            assertThat(absorption.get(0).series()).isEqualTo(1);
            assertThat(absorption.get(0).values()).containsExactly("(" + String.join(",", programmeRows) + ")");
            assertThat(absorption.get(0).categories().get(0)).startsWith("('Realisasi Anggaran'!$C$");
            assertThat(absorption.get(0).points()).containsExactly((int) programmes);
        }
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(LakipWorkbook.write(report(false))))) {
            assertThat(ChartsReadBack.charts(empty.getSheet("Capaian IKU"))).isEmpty();
            assertThat(ChartsReadBack.charts(empty.getSheet("Realisasi Anggaran"))).isEmpty();
        }
    }
}
