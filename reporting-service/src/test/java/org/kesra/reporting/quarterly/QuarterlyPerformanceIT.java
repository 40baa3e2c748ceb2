package org.kesra.reporting.quarterly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.UnitFindingsPublished;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * The Laporan Kinerja Triwulan of Kecamatan Metro Barat for Q1 2024 with seed 002's figures (the Kasi Pemberdayaan
 * Masyarakat's Perjanjian Kinerja: two sasaran at 100 % and eight sub-kegiatan with their pagu; 67 % and 0 %
 * realised, Rp 600.000 of 2.700.000 and Rp 5.955.000 of 5.955.000 spent), fed as performance-service's events through
 * Kafka: submitted, returned with the seed's checklist, submitted again and approved. Checked in JSON, in the XLSX
 * read back with POI and in the PDF's text extracted with PDFBox; page 1 is rendered to
 * {@code target/quarterly-performance-page1.png} to be looked at. Bad input: one test per rule.
 */
public class QuarterlyPerformanceIT extends ReportingApiIntegrationBase {

    static final String UNIT = "18.72.03";
    static final String PATH = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2024&triwulan=1";
    static final UUID AGREEMENT = UUID.randomUUID();
    static final UUID REALISATION = UUID.randomUUID();
    public static final String SASARAN_1 = "Meningkatnya Fasilitasi Koordinasi Kegiatan Pemberdayaan Desa";
    static final String SASARAN_2 = "Meningkatnya Fasilitasi Pemberdayaan dan Kesejahteraan Keluarga Tingkat "
            + "Kecamatan dan Kelurahan";

    /** Seed 002's items: sasaran, indicator, unit, target, pagu, realised value, realised rupiah. */
    record SeedItem(String sasaran, String indicator, String unit, String target, Long budget, String value,
                    Long realised, String absorption, String capaian) {
    }

    static final List<SeedItem> SEED = List.of(
            new SeedItem(SASARAN_1, "Persentase Fasilitasi Kegiatan Pemberdayaan Desa", "%", "100", null, "67",
                    null, null, "67"),
            new SeedItem(SASARAN_2, "Persentase Fasilitasi Pemberdayaan dan Kesejahteraan Keluarga Tingkat "
                    + "Kecamatan dan Kelurahan", "%", "100", null, "0", null, null, "0"),
            new SeedItem("Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
                    "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan "
                            + "Pembangunan di Desa", "lembaga", "1", 2_700_000L, "1", 600_000L, "22.22", "100"),
            new SeedItem("Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang Dilakukan oleh "
                    + "Pemerintah dan Swasta di Wilayah Kerja Kecamatan", "Jumlah Dokumen Sinkronisasi Program Kerja "
                    + "dan Kegiatan Pemberdayaan Masyarakat", "dokumen", "1", 5_955_000L, "1", 5_955_000L, "100",
                    "100"),
            new SeedItem("Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
                    "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
                    "laporan", "1", 94_160_000L, "0", 0L, "0", "0"),
            new SeedItem("Pembentukan dan Penumbuhan Karakter Keluarga Melalui Peningkatan Kesadaran Masyarakat akan "
                    + "Pentingnya Penghayatan dan Pengamalan Pancasila dalam Semua Aspek Kehidupan Bermasyarakat, "
                    + "Berbangsa, dan Bernegara", "Jumlah Keluarga yang Mengikuti Pembentukan dan Penumbuhan "
                    + "Karakter Keluarga", "keluarga", "50", 12_150_000L, "0", 0L, "0", "0"),
            new SeedItem("Peningkatan Ketahanan Pangan Keluarga", "Jumlah Keluarga yang Mengikuti Peningkatan "
                    + "Ketahanan Pangan Keluarga", "keluarga", "50", 2_750_000L, "0", 0L, "0", "0"),
            new SeedItem("Penumbuhan Kesadaran Keluarga dalam Peningkatan Derajat Kesehatan Keluarga dan Lingkungan "
                    + "dengan Menerapkan Perilaku Hidup Bersih dan Sehat", "Jumlah Keluarga yang Mengikuti "
                    + "Penumbuhan Kesadaran Keluarga (PHBS)", "keluarga", "50", 2_500_000L, "0", 0L, "0", "0"),
            new SeedItem("Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga Melalui Kehidupan "
                    + "Berkoperasi dan Pengembangan Ekonomi Lainnya", "Jumlah Keluarga yang Mengikuti Penumbuhan "
                    + "Kesadaran Berkoperasi", "keluarga", "50", 2_750_000L, "0", 0L, "0", "0"),
            new SeedItem("Penumbuhan Kesadaran Keluarga dalam Peningkatan Kualitas Kelestarian Lingkungan Hidup",
                    "Jumlah Keluarga yang Mengikuti Penumbuhan Kesadaran Kelestarian Lingkungan Hidup", "keluarga",
                    "50", 2_750_000L, "0", 0L, "0", "0"));

    private static boolean sent;

    /** The plan, the agreement and the realisation's review, as performance-service publishes them (once). */
    @BeforeAll
    public static void seed002() {
        if (sent) {
            return;
        }
        sent = true;
        publishSeed002(UNIT, "Renstra Kecamatan Metro Barat 2021-2026", AGREEMENT, REALISATION);
    }

    /**
     * Seed 002's plan, Perjanjian Kinerja 2024 and Q1 realisation (submitted, returned with the checklist, submitted,
     * approved) as performance-service publishes them, for {@code unit}; also the demo mode's test (Metro Pusat).
     */
    public static void publishSeed002(String unit, String planTitle, UUID agreement, UUID realisation) {
        Instant start = Instant.parse("2024-01-02T01:00:00Z");
        UUID plan = UUID.randomUUID();
        events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, plan, unit, new PlanVersionPublished(plan, 1, unit,
                planTitle, 2021, 2026, null, List.of(new PlanIndicator(
                UUID.randomUUID(), "SASARAN", "1", SASARAN_1, SEED.get(0).indicator(), "%", "HIGHER", "PERCENTAGE",
                "LAST", List.of(new YearTarget(2024, "100", null, 102_855_000L)))), start));
        List<AgreementItem> items = new ArrayList<>();
        for (int i = 0; i < SEED.size(); i++) {
            SeedItem s = SEED.get(i);
            items.add(new AgreementItem(i, s.sasaran(), s.indicator(), s.unit(), "HIGHER", s.target(), null,
                    s.budget(), null));
        }
        events.performance(EventCatalog.AGREEMENT_AGREED, agreement, unit, new AgreementAgreed(agreement, 1, unit,
                2024, "ESELON_IV", "Kepala Seksi Pemberdayaan Masyarakat", null, items,
                start.plusSeconds(86_400)));
        Instant submitted = Instant.parse("2024-04-01T02:00:00Z");
        events.performance(EventCatalog.REALISATION_SUBMITTED, realisation, unit,
                snapshot(unit, agreement, realisation, "SUBMITTED", null, null, List.of(), "67", submitted));
        events.performance(EventCatalog.REALISATION_RETURNED, realisation, unit,
                snapshot(unit, agreement, realisation, "RETURNED", null, "Lampirkan daftar hadir musyawarah",
                        List.of("RECHECK_CAPAIAN", "OTHER"), "67", submitted.plusSeconds(3_600)));
        events.performance(EventCatalog.REALISATION_SUBMITTED, realisation, unit,
                snapshot(unit, agreement, realisation, "SUBMITTED", null, null, List.of(), "67",
                        submitted.plusSeconds(7_200)));
        events.performance(EventCatalog.REALISATION_APPROVED, realisation, unit,
                snapshot(unit, agreement, realisation, "APPROVED", 1, null, List.of(), "67",
                        submitted.plusSeconds(10_800)));
    }

    static RealisationSnapshot snapshot(String status, Integer approved, String reason, List<String> checklist,
                                        String first, Instant at) {
        return snapshot(UNIT, AGREEMENT, REALISATION, status, approved, reason, checklist, first, at);
    }

    static RealisationSnapshot snapshot(String unit, UUID agreement, UUID realisation, String status,
                                        Integer approved, String reason, List<String> checklist, String first,
                                        Instant at) {
        List<RealisationEntry> entries = new ArrayList<>();
        for (int i = 0; i < SEED.size(); i++) {
            SeedItem s = SEED.get(i);
            String value = i == 0 ? first : s.value();
            // efficiency as performance-service publishes it (its decision 0004): capaian minus absorption
            String efficiency = s.absorption() == null ? null
                    : new java.math.BigDecimal(s.capaian()).subtract(new java.math.BigDecimal(s.absorption()))
                    .toPlainString();
            entries.add(new RealisationEntry(i, s.indicator(), s.unit(), value, null, null, s.target(), null,
                    s.budget(), s.realised(), s.absorption(), s.capaian(), value, s.capaian(), null, null,
                    efficiency));
        }
        return new RealisationSnapshot(realisation, unit, 2024, 1, agreement, 1, status, 1, approved,
                LocalDate.of(2024, 4, 5), Instant.parse("2024-04-01T02:00:00Z"), 0, reason, checklist,
                "Sub kegiatan 1.c dan 2.a-2.e dijadwalkan pada triwulan III dan IV sesuai time schedule.",
                "Koordinasi dengan Camat, sub bagian keuangan dan seksi pemerintahan; jejaring dengan pendamping "
                        + "desa dan TKSK.", entries, at);
    }

    private JsonNode approvedReport(String token) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(PATH, token).body();
            return body.path("sections").size() == 1
                    && body.at("/sections/0/decision/status").asString().equals("APPROVED");
        });
        return api.get(PATH, token).body();
    }

    @Test
    void seed002QuarterOneAsJsonWithTheFiguresPerformanceServicePublished() {
        JsonNode body = approvedReport(token("bappeda.planner"));
        assertThat(body.path("unitName").asString()).isEqualTo("Kecamatan Metro Barat");
        assertThat(body.path("periodLabel").asString()).isEqualTo("Triwulan I 2024");
        assertThat(body.path("hasData").asBoolean()).isTrue();
        JsonNode section = body.path("sections").get(0);
        assertThat(section.path("positionTitle").asString()).isEqualTo("Kepala Seksi Pemberdayaan Masyarakat");
        assertThat(section.path("agreement")).hasSize(10);
        assertThat(section.at("/capaian/0/capaian").decimalValue()).isEqualByComparingTo("67");
        assertThat(section.at("/capaian/0/sasaran").asString()).isEqualTo(SASARAN_1);
        assertThat(section.at("/capaian/1/capaian").decimalValue()).isEqualByComparingTo("0");
        assertThat(section.at("/cost/2/budget").asLong()).isEqualTo(2_700_000);
        assertThat(section.at("/cost/2/budgetRealised").asLong()).isEqualTo(600_000);
        assertThat(section.at("/cost/2/budgetAbsorption").decimalValue()).isEqualByComparingTo("22.22");
        assertThat(section.at("/cost/2/efficiency").decimalValue()).as("Tabel 3.2 efisiensi as published: 100 - 22.22")
                .isEqualByComparingTo("77.78");
        assertThat(section.at("/cost/0/efficiency").isNull()).as("no budget capaian, no efficiency").isTrue();
        assertThat(section.at("/costTotal/budget").asLong()).isEqualTo(125_715_000);
        assertThat(section.at("/costTotal/budgetRealised").asLong()).isEqualTo(6_555_000);
        assertThat(section.at("/costTotal/absorption").decimalValue()).isEqualByComparingTo("5.21");
        assertThat(section.at("/decision/checklist/0/label").asString()).isEqualTo("Laporan sudah baik");
        assertThat(section.at("/decision/checklist/0/ticked").asBoolean()).isTrue();
        assertThat(section.path("history")).hasSize(4);
        assertThat(section.at("/history/1/label").asString()).isEqualTo("Dikembalikan");
        assertThat(section.at("/history/1/checklist").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Capaian diteliti ulang", "Lain-lain");
        assertThat(section.at("/realisation/shownVersion").asInt()).isEqualTo(1);
        JsonNode source = body.path("sources").get(0);
        assertThat(source.path("topic").asString()).isEqualTo("performance.events");
        assertThat(source.path("eventsApplied").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(source.path("lagSeconds").isNumber()).isTrue();
    }

    @Test
    void seed002QuarterOneAsXlsxWithIndonesianFormatsAndTheSameBytesTwice() throws Exception {
        String planner = token("bappeda.planner");
        approvedReport(planner);
        HttpResponse<byte[]> file = bytes(PATH + "&format=xlsx", planner, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(QuarterlyWorkbook.MEDIA_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("laporan-kinerja-triwulan-18.72.03-2024-Q1.xlsx");
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getNumberOfSheets()).as("six tables and the findings").isEqualTo(7);
            Sheet capaian = workbook.getSheet("Tabel 3.1 Capaian");
            assertThat(capaian.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Laporan Kinerja Triwulan - Kecamatan Metro Barat - Triwulan I 2024");
            assertThat(capaian.getRow(1).getCell(0).getStringCellValue()).contains("versi data: performance.events");
            assertThat(capaian.getPaneInformation().isFreezePane()).isTrue();
            assertThat(capaian.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            Row first = capaian.getRow(4);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("1.");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(SASARAN_1);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(100);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(67);
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(0.67);
            assertThat(indonesian.formatCellValue(first.getCell(7))).isEqualTo("67,00%");
            assertThat(capaian.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(capaian.getPrintSetup().getLandscape()).isTrue();

            Sheet cost = workbook.getSheet("Tabel 3.2 Cost per Outcome");
            Row partisipasi = cost.getRow(6);
            assertThat(partisipasi.getCell(1).getStringCellValue()).isEqualTo("3.");
            assertThat(partisipasi.getCell(4).getNumericCellValue()).isEqualTo(2_700_000);
            assertThat(partisipasi.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("\"Rp\"#,##0");
            assertThat(indonesian.formatCellValue(partisipasi.getCell(4))).isEqualTo("Rp2.700.000");
            assertThat(partisipasi.getCell(5).getNumericCellValue()).isEqualTo(600_000);
            assertThat(partisipasi.getCell(6).getNumericCellValue()).isEqualTo(0.2222);
            assertThat(indonesian.formatCellValue(partisipasi.getCell(6))).isEqualTo("22,22%");
            assertThat(partisipasi.getCell(10).getNumericCellValue()).as("efisiensi, points").isEqualTo(77.78);
            assertThat(indonesian.formatCellValue(partisipasi.getCell(10))).isEqualTo("77,78");
            Row total = cost.getRow(14);
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("Jumlah");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(125_715_000);
            assertThat(indonesian.formatCellValue(total.getCell(4))).isEqualTo("Rp125.715.000");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(6_555_000);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(0.0521);

            Sheet followUp = workbook.getSheet("Tindak Lanjut dan Tanggapan");
            List<String> lines = new ArrayList<>();
            followUp.forEach(row -> lines.add(row.getCell(row.getLastCellNum() - 1) == null ? ""
                    : indonesian.formatCellValue(row.getCell(row.getLastCellNum() - 1))));
            assertThat(lines).contains("[x] Laporan sudah baik", "[ ] Capaian diteliti ulang");
            assertThat(workbook.getSheet("Riwayat Penilaian").getRow(5).getCell(4).getStringCellValue())
                    .isEqualTo("Capaian diteliti ulang; Lain-lain");
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, planner, Map.of("Accept", QuarterlyWorkbook.MEDIA_TYPE));
        assertThat(sha256(again.body())).isEqualTo(sha256(file.body()));
    }

    @Test
    void seed002QuarterOneAsPdfWithEmbeddedFontsTheSameBytesTwiceAndPageOneRendered() throws Exception {
        String camat = token("metrobarat.camat");
        approvedReport(camat);
        HttpResponse<byte[]> file = bytes(PATH + "&format=pdf", camat, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("laporan-kinerja-triwulan-18.72.03-2024-Q1.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // a cell may wrap a phrase
            assertThat(text).contains("LAPORAN KINERJA TRIWULAN I 2024", "Kecamatan Metro Barat",
                    "1 Januari 2024 s.d. 31 Maret 2024", "Kepala Seksi Pemberdayaan Masyarakat",
                    "Tabel 3.1 Capaian Kinerja Triwulan I 2024", "Tabel 3.2 Cost per Outcome", "67%", "22,22%",
                    "77,78", "2.700.000", "600.000", "5.955.000", "94.160.000", "125.715.000", "6.555.000", "5,21%",
                    "Laporan sudah baik", "Capaian diteliti ulang", "Lampirkan daftar hadir musyawarah",
                    "Rencana Tindak Lanjut", "versi data: performance.events", "Halaman 1 dari");
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNotNull();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSansCondensed");
                }
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(Path.of("target"));
            for (int page = 0; page < Math.min(pdf.getNumberOfPages(), 3); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                assertThat(image.getWidth()).isGreaterThan(800);
                ImageIO.write(image, "png", Path.of("target", "quarterly-performance-page" + (page + 1) + ".png")
                        .toFile());
            }
            Files.write(Path.of("target", "quarterly-performance.pdf"), file.body());
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, camat, Map.of("Accept", "application/pdf"));
        assertThat(sha256(again.body())).as("same data, same PDF bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void aPeriodWithoutRealisationGivesAValidReportThatSaysSo() throws Exception {
        String auditor = token("inspektorat.auditor");
        approvedReport(auditor); // the agreement is there; the third quarter has nothing yet
        String path = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2024&triwulan=3";
        ApiClient.Response answer = api.get(path, auditor);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("hasData").asBoolean()).isFalse();
        assertThat(answer.body().at("/sections/0/capaian")).isEmpty();
        assertThat(answer.body().at("/sections/0/decision/status").asString()).isEqualTo("BELUM_DINILAI");
        assertThat(answer.body().path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(note -> note.startsWith("Belum ada realisasi Triwulan III 2024"));
        HttpResponse<byte[]> pdf = bytes(path + "&format=pdf", auditor, Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("LAPORAN KINERJA TRIWULAN III 2024",
                    "Belum ada realisasi Triwulan III 2024 yang diserahkan");
        }
        HttpResponse<byte[]> xlsx = bytes(path + "&format=xlsx", auditor, Map.of());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Tabel 3.1 Capaian").getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("Belum ada realisasi Triwulan III 2024 yang diserahkan.");
        }
        ApiClient.Response nothing = api.get("/api/v1/reports/quarterly-performance?unit=dinsos&tahun=2025"
                + "&triwulan=2", auditor);
        assertThat(nothing.status()).as("an OPD without any event").isEqualTo(200);
        assertThat(nothing.body().path("unitName").asString()).isEqualTo("Dinas Sosial");
        assertThat(nothing.body().path("sections")).isEmpty();
    }

    @Test
    void aRedeliveredStepIsAppliedOnceAndALateOlderStepDoesNotOverwriteTheApproval() {
        String kelurahan = "18.72.03.1001";
        UUID realisation = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        Instant at = Instant.parse("2024-07-02T02:00:00Z");
        List<RealisationEntry> entries = List.of(new RealisationEntry(0, "Persentase PPKS yang ditangani", "%", "85",
                "85", "100", "70", null, 1_000_000L, 250_000L, "25", "121.43", "85", "121.43"));
        java.util.function.BiFunction<String, Instant, RealisationSnapshot> step = (status, time) ->
                new RealisationSnapshot(realisation, kelurahan, 2024, 2, agreement, 1, status, 1,
                        status.equals("APPROVED") ? 1 : null, LocalDate.of(2024, 7, 5), at, 0,
                        status.equals("RETURNED") ? "dikirim ulang" : null,
                        status.equals("RETURNED") ? List.of("REPORT_TO_FIX") : List.of(), null, null, entries, time);
        UUID submitted = UUID.randomUUID();
        RealisationSnapshot first = step.apply("SUBMITTED", at);
        events.send("performance.events", "performance", submitted, EventCatalog.REALISATION_SUBMITTED,
                realisation.toString(), kelurahan, first);
        events.performance(EventCatalog.REALISATION_APPROVED, realisation, kelurahan,
                step.apply("APPROVED", at.plusSeconds(600)));
        events.send("performance.events", "performance", submitted, EventCatalog.REALISATION_SUBMITTED,
                realisation.toString(), kelurahan, first); // redelivery: same event id
        events.performance(EventCatalog.REALISATION_RETURNED, realisation, kelurahan,
                step.apply("RETURNED", at.plusSeconds(300))); // re-driven late: older than the approval

        String path = "/api/v1/reports/quarterly-performance?unit=" + kelurahan + "&tahun=2024&triwulan=2";
        String camat = token("metrobarat.camat");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(path, camat).body().at("/sections/0/history").size() == 3);
        JsonNode section = api.get(path, camat).body().path("sections").get(0);
        assertThat(section.at("/history").valueStream().map(s -> s.path("label").asString()).toList())
                .as("in time order, the redelivered submission once").containsExactly("Diserahkan", "Dikembalikan",
                        "Disetujui");
        assertThat(section.at("/realisation/status").asString()).isEqualTo("APPROVED");
        assertThat(section.at("/decision/status").asString()).isEqualTo("APPROVED");
        assertThat(section.at("/capaian/0/capaian").decimalValue()).isEqualByComparingTo("121.43");
        assertThat(section.path("positionTitle").isNull()).as("its agreement event has not arrived").isTrue();
    }

    /**
     * performance-service's consistency findings appear as it published them: the newest snapshot of the unit's year
     * replaces the earlier one (an older one arriving late changes nothing), and the quarter's report lists the plan
     * and agreement findings and its own quarter's, not another quarter's; the workbook has them in their own sheet.
     */
    @Test
    void theUnitsPublishedFindingsAreListedNewestSnapshotOnly() throws Exception {
        String planner = token("bappeda.planner");
        approvedReport(planner);
        Instant at = Instant.parse("2024-04-08T03:00:00Z");
        UnitFindingsPublished.Place stated = new UnitFindingsPublished.Place("RENSTRA", "/api/v1/renstra/p/versions/1",
                "/tujuan/0/children/0/children/1/indicators/0/targets/0/budget", "Kegiatan 7.01.03.2.02 (Tabel 2.2)",
                "2.290.000");
        UnitFindingsPublished.Place summed = new UnitFindingsPublished.Place("RENSTRA", "/api/v1/renstra/p/versions/1",
                "/tujuan/0/children/0/children/1/children", "Jumlah 5 sub kegiatan", "22.900.000");
        UnitFindingsPublished.Finding budgetSum = new UnitFindingsPublished.Finding("PF-CEK-JUMLAH-ANGGARAN",
                "BUDGET_SUM", "Anggaran kegiatan 7.01.03.2.02 tertulis Rp 2.290.000 tetapi jumlah sub kegiatannya"
                + " Rp 22.900.000.", null, List.of(stated, summed));
        UnitFindingsPublished.Finding missingQ1 = new UnitFindingsPublished.Finding("PF-CEK-REALISASI-BELUM-ADA",
                "REALISATION_MISSING", "Butir 3 belum diisi pada Triwulan I.", 1, List.of());
        UnitFindingsPublished.Finding missingQ2 = new UnitFindingsPublished.Finding("PF-CEK-REALISASI-BELUM-ADA",
                "REALISATION_MISSING", "Butir 4 belum diisi pada Triwulan II.", 2, List.of());
        events.performance(EventCatalog.UNIT_FINDINGS_PUBLISHED, UNIT, UNIT,
                new UnitFindingsPublished(UNIT, 2024, List.of(budgetSum, missingQ1, missingQ2), at));
        events.performance(EventCatalog.UNIT_FINDINGS_PUBLISHED, UNIT, UNIT,
                new UnitFindingsPublished(UNIT, 2024, List.of(), at.minusSeconds(60)));
        UnitFindingsPublished.Finding inOtherYear = new UnitFindingsPublished.Finding("PF-CEK-TARGET-TAHUN-KOSONG",
                "TARGET_YEAR_MISSING", "Indikator tanpa target 2025.", null, List.of());
        events.performance(EventCatalog.UNIT_FINDINGS_PUBLISHED, UNIT, UNIT,
                new UnitFindingsPublished(UNIT, 2025, List.of(inOtherYear), at.plusSeconds(60)));
        // The three share a key, so they are applied in order: once 2025's is there, the late one has been seen.
        String year2025 = PATH.replace("tahun=2024", "tahun=2025");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(year2025, planner).body().path("findings").size() == 1);
        JsonNode body = api.get(PATH, planner).body();
        assertThat(body.at("/findings/0/code").asString()).isEqualTo("PF-CEK-JUMLAH-ANGGARAN");
        assertThat(body.at("/findings/0/places/0/value").asString()).isEqualTo("2.290.000");
        assertThat(body.at("/findings/0/places/1/value").asString()).isEqualTo("22.900.000");
        assertThat(body.at("/findings/1/quarter").asInt()).as("Q1's own; Q2's is left to its report").isEqualTo(1);

        HttpResponse<byte[]> file = bytes(PATH + "&format=xlsx", planner, Map.of());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheet("Temuan Konsistensi");
            assertThat(sheet).isNotNull();
            List<String> cells = new ArrayList<>();
            sheet.forEach(row -> row.forEach(cell -> cells.add(new DataFormatter().formatCellValue(cell))));
            assertThat(cells).contains("PF-CEK-JUMLAH-ANGGARAN", "Kegiatan 7.01.03.2.02 (Tabel 2.2)", "2.290.000",
                    "22.900.000", "PF-CEK-REALISASI-BELUM-ADA").doesNotContain("Butir 4 belum diisi pada Triwulan II.");
        }

        // the documents were corrected: the next snapshot is empty, and so is the list
        events.performance(EventCatalog.UNIT_FINDINGS_PUBLISHED, UNIT, UNIT,
                new UnitFindingsPublished(UNIT, 2024, List.of(), at.plusSeconds(3_600)));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(PATH, planner).body().path("findings").isEmpty());
    }

    @Test
    void aYearOutsideTheUnitsRenstraIs400AtTahun() {
        String planner = token("bappeda.planner");
        approvedReport(planner); // the plan 2021-2026 has arrived
        assertProblem(api.get("/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2019&triwulan=1",
                planner), 400, "RP-PERIODE-DI-LUAR-RENSTRA", "/tahun");
    }

    @Test
    void malformedParametersAre400WithAPointerEach() {
        String planner = token("bappeda.planner");
        String base = "/api/v1/reports/quarterly-performance";
        assertProblem(api.get(base + "?unit=18.72.03&triwulan=1", planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get(base + "?unit=18.72.03&tahun=24&triwulan=1", planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get(base + "?unit=18.72.03&tahun=2024&triwulan=5", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/triwulan");
        assertProblem(api.get(base + "?tahun=2024&triwulan=1", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/unit");
        assertProblem(api.get(base + "?unit=Dinas%20Sosial&tahun=2024&triwulan=1", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/unit");
        assertProblem(api.get(base + "?unit=18.72.03&tahun=2024&triwulan=1&format=docx", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
    }

    @Test
    void anUnknownUnitIs404() {
        String planner = token("bappeda.planner");
        String base = "/api/v1/reports/quarterly-performance?tahun=2024&triwulan=1&unit=";
        assertProblem(api.get(base + "18.72.09", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.get(base + "18.72.03.1999", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.get(base + "dinkes", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
    }

    @Test
    void aUnitOutsideTheCallersRegionIs403WithoutSayingWhetherItExists() {
        String operator = token("metrobarat.operator");
        String base = "/api/v1/reports/quarterly-performance?tahun=2024&triwulan=1&unit=";
        ApiClient.Response existing = api.get(base + "18.72.01", operator);
        ApiClient.Response missing = api.get(base + "18.72.01.1999", operator);
        assertProblem(existing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(missing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(existing.body().path("detail").asString()).isEqualTo(missing.body().path("detail").asString());
        assertProblem(api.get(base + "dinsos", operator), 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(api.get(base + "18.72.03&format=pdf", token("mulyojati.operator")), 403,
                "RP-DI-LUAR-WILAYAH", null);
        assertThat(api.get(base + "18.72.03.1001", token("mulyojati.operator")).status())
                .as("a kelurahan operator reads its own kelurahan").isEqualTo(200);
    }
}
