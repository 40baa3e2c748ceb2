package org.kesra.reporting.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;

/**
 * The recap's PDF and category sheets on an in-memory recap of the whole city: the figures and the 26 categories in
 * the PDF's text, the same bytes a second apart, an empty period that says so, and page 1 rendered to
 * {@code target/rekap-ppks-page1.png} to be looked at.
 */
class RecapDocumentsTest {

    static PpksRecap.Recap cityRecap(boolean published) {
        List<PpksRecap.Row> kelurahan = new ArrayList<>();
        String[][] places = {{"18.72.01.1001", "Hadimulyo Barat"}, {"18.72.01.1002", "Hadimulyo Timur"},
                {"18.72.02.1001", "Banjarsari"}, {"18.72.02.1002", "Purwosari"}};
        int i = 0;
        for (String[] place : places) {
            i++;
            long terdata = published ? 10L * i : 0;
            long ditangani = published ? 7L * i : 0;
            List<PpksRecap.CategoryFigure> categories = published ? List.of(
                    new PpksRecap.CategoryFigure(4, "AJ", "Anak Jalanan", 3L * i, 2L * i, null),
                    new PpksRecap.CategoryFigure(8, "LUT", "Lanjut Usia Telantar", 7L * i, 5L * i, null)) : List.of();
            kelurahan.add(new PpksRecap.Row(place[0], place[1], 1_000L * i, 3_210L * i, terdata, ditangani,
                    PpksRecap.percent(ditangani, terdata), List.of(
                    new PpksRecap.ProgrammeFigure("BPNT", published ? 250L * i : 0, null),
                    new PpksRecap.ProgrammeFigure("PKH", published ? 120L * i : 0, published ? 90_000_000L * i : null)),
                    published ? UUID.fromString("0190a3c2-0000-7000-8000-00000000000" + i) : null, categories));
        }
        List<String> programmes = List.of("BPNT", "PKH");
        PpksRecap.Row total = PpksRecap.total(kelurahan, programmes);
        List<PpksRecap.Row> kecamatan = new ArrayList<>();
        for (String[] k : new String[][] {{"18.72.01", "Metro Pusat"}, {"18.72.02", "Metro Utara"}}) {
            PpksRecap.Row sum = PpksRecap.total(kelurahan.stream().filter(r -> r.code().startsWith(k[0])).toList(),
                    programmes);
            kecamatan.add(new PpksRecap.Row(k[0], k[1], sum.households(), sum.persons(), sum.ppksTerdata(),
                    sum.ppksDitangani(), sum.ppksDitanganiPersen(), sum.programmes(), null, sum.ppksCategories()));
        }
        Map<String, org.kesra.reporting.welfarefigures.WelfareFigures.Category> reference =
                new java.util.LinkedHashMap<>();
        List<String> csv = List.of("ABT:Anak Balita Telantar", "AT:Anak Telantar", "ABH:Anak Berhadapan dengan Hukum",
                "AJ:Anak Jalanan", "ADK:Anak dengan Kedisabilitasan", "AKTK:Anak Korban Tindak Kekerasan",
                "AMPK:Anak yang Memerlukan Perlindungan Khusus", "LUT:Lanjut Usia Telantar",
                "PD:Penyandang Disabilitas", "TS:Tuna Susila", "GLD:Gelandangan", "PGM:Pengemis", "PML:Pemulung",
                "KM:Kelompok Minoritas", "BWBLP:Bekas Warga Binaan Lembaga Pemasyarakatan",
                "ODHA:Orang dengan HIV/AIDS", "KPN:Korban Penyalahgunaan NAPZA", "KTR:Korban Trafficking",
                "KTK:Korban Tindak Kekerasan", "PMBS:Pekerja Migran Bermasalah Sosial", "KBA:Korban Bencana Alam",
                "KBS:Korban Bencana Sosial", "PRSE:Perempuan Rawan Sosial Ekonomi", "FM:Fakir Miskin",
                "KBSP:Keluarga Bermasalah Sosial Psikologis", "KAT:Komunitas Adat Terpencil");
        for (int n = 0; n < csv.size(); n++) {
            String[] parts = csv.get(n).split(":");
            reference.put(parts[0], new org.kesra.reporting.welfarefigures.WelfareFigures.Category(n + 1, parts[0],
                    parts[1]));
        }
        Instant last = Instant.parse("2026-10-05T02:00:00Z");
        return new PpksRecap.Recap("2026-Q3", "Triwulan III 2026", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30), new PpksRecap.Area("18.72", "Kota Metro", "kota"), published,
                programmes, kelurahan, total,
                List.of(new SourceProgress.Source("household.events", 1_234,
                                UUID.fromString("0190a3c2-0000-7000-8000-0000000000a1"),
                                "household.member.added", last.minusSeconds(3600), Instant.now(), 12L),
                        new SourceProgress.Source("welfare.events", 22,
                                UUID.fromString("0190a3c2-0000-7000-8000-0000000000a2"),
                                "welfare.kelurahan-indicators.published", last, Instant.now(), 5L)),
                List.of("KK dan jiwa terdaftar adalah posisi terkini register, bukan posisi akhir periode."),
                kecamatan, PpksRecap.allCategories(total.ppksCategories(), reference), published);
    }

    @Test
    void pdfCarriesTheFiguresTheCategoriesAndTheDataVersionAndIsReproducible() throws Exception {
        PpksRecap.Recap recap = cityRecap(true);
        byte[] first = RecapPdf.write(recap);
        Thread.sleep(1_100);
        byte[] second = RecapPdf.write(cityRecap(true));
        assertThat(java.util.Arrays.equals(first, second)).as("same bytes a second apart").isTrue();
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("REKAPITULASI PPKS DAN PROGRAM", "Kota Metro", "Triwulan III 2026",
                    "Periode 1 Juli 2026 s.d. 30 September 2026", "versi data: household.events 1234 peristiwa",
                    "Tabel 2 Rekapitulasi per Kecamatan", "Metro Utara", "Lanjut Usia Telantar",
                    "Komunitas Adat Terpencil", "Anak Jalanan", "900.000.000", "12.840", "70%");
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Rekapitulasi PPKS dan Program - Kota Metro - Triwulan III 2026");
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 80);
            assertThat(page.getWidth()).isGreaterThan(page.getHeight()); // A4 landscape
            Files.createDirectories(Path.of("target"));
            ImageIO.write(page, "png", Path.of("target/rekap-ppks-page1.png").toFile());
            for (int p = 1; p < pdf.getNumberOfPages(); p++) {
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(p, 60), "png",
                        Path.of("target/rekap-ppks-page" + (p + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void aPeriodWithoutFiguresGivesAValidPdfThatSaysSo() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(RecapPdf.write(cityRecap(false)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("belum menerbitkan angka PPKS dan KPM untuk Triwulan III 2026",
                    "Komunitas Adat Terpencil").doesNotContain("Grafik PPKS");
        }
    }

    @Test
    void workbookHasTheCategorySheetsWithAll26AndTheKecamatanSubtotals() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RecapWorkbook.write(cityRecap(true))))) {
            Sheet categories = workbook.getSheet("PPKS per Kategori");
            assertThat(categories.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Kategori PPKS");
            assertThat(categories.getRow(4 + 7).getCell(1).getStringCellValue()).isEqualTo("LUT");
            assertThat(categories.getRow(4 + 7).getCell(3).getNumericCellValue()).isEqualTo(70);
            assertThat(categories.getRow(4 + 7).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(categories.getRow(4 + 25).getCell(2).getStringCellValue()).isEqualTo("Komunitas Adat Terpencil");
            assertThat(categories.getRow(4 + 26).getCell(3).getNumericCellValue()).isEqualTo(100);
            assertThat(categories.getPaneInformation().isFreezePane()).isTrue();
            Sheet kecamatan = workbook.getSheet("Rekap Kecamatan");
            assertThat(kecamatan.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Metro Utara");
            assertThat(kecamatan.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(70);
            Sheet perKelurahan = workbook.getSheet("Kategori per Kelurahan");
            assertThat(perKelurahan.getRow(4).getCell(0).getStringCellValue()).isEqualTo("18.72.01.1001");
            assertThat(perKelurahan.getRow(4).getCell(2).getStringCellValue()).isEqualTo("AJ");
            assertThat(perKelurahan.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(3);
        }
    }
}
