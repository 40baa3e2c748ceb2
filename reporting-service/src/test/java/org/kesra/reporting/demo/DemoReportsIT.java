package org.kesra.reporting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.ReportingServiceApplication;
import org.kesra.reporting.lakip.LakipIT;
import org.kesra.reporting.quarterly.QuarterlyPerformanceIT;
import org.kesra.reporting.realisation.PkhRealisationIT;
import org.kesra.reporting.renstra.RenstraMatrixIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The launcher's demo mode: the service started with {@code kesra.demo.population} waits until the performance and
 * welfare sources have caught up, then keeps one file of each report for the demo city through the generation use
 * case. The demo's events are fed through Kafka as the report tests feed them: seed 002 for Kecamatan Metro Pusat (as
 * performance-service's demo loads it there), seed 004 for Metro Barat, seed 001's Renstra of Dinas Sosial, seed 001
 * Tabel 2.1 and the Sembako months, and welfare-service's kelurahan figures. Each file is read back (XLSX with POI,
 * PDF text with PDFBox) for the seeds' figures; asking again keeps nothing new.
 *
 * <p>A database of its own and, in the whole suite, a JVM of its own (pom profile {@code demo-mode-it}): the other
 * report tests' cached contexts would otherwise consume these same seeds into their database.
 */
@PlatformInfrastructure(database = "reporting_demo_it")
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.demo.population=true", "kesra.demo.reports.quiet=10s",
                "kesra.demo.reports.poll-interval=500ms"})
class DemoReportsIT extends ReportingApiIntegrationBase {

    static final String METRO_PUSAT = "18.72.01";
    static final String METRO = "18.72.01.1001";
    static final String BANJARSARI = "18.72.02.1001";

    @Autowired
    DemoReports demo;

    @BeforeAll
    static void demoSeeds() {
        QuarterlyPerformanceIT.publishSeed002(METRO_PUSAT, "Renstra Kecamatan Metro Pusat 2021-2026",
                UUID.randomUUID(), UUID.randomUUID());
        LakipIT.seed004();
        RenstraMatrixIT.seed001();
        PkhRealisationIT.feed();
        Instant published = Instant.parse("2026-10-05T03:00:00Z");
        // an older quarter, the newest (Q3 2026) and a period no report period names: the recap takes Q3 2026
        events.published(new KelurahanIndicatorsPublished(METRO, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30),
                3, 1, List.of(new ProgrammeKpm("PKH", 10, null)), published.minusSeconds(86_400 * 400L)));
        events.published(new KelurahanIndicatorsPublished(METRO, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
                12, 9, List.of(new PpksCategoryCount("LUT", 12, 9)),
                List.of(new ProgrammeKpm("PKH", 140, 210_000_000L)), published));
        events.published(new KelurahanIndicatorsPublished(BANJARSARI, LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30), 8, 2, List.of(new PpksCategoryCount("AJ", 8, 2)),
                List.of(new ProgrammeKpm("PKH", 60, null)), published));
        events.published(new KelurahanIndicatorsPublished(BANJARSARI, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 11, 15), 1, 1, List.of(), published.plusSeconds(86_400 * 45L)));
    }

    @Test
    void theDemoKeepsOneFileOfEachReportWithTheSeedsFiguresAndNothingMoreWhenAskedAgain() throws Exception {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> demo.outcomes() != null);
        List<DemoReports.Outcome> outcomes = demo.outcomes();
        assertThat(outcomes).as("quarterly, lakip, renstra, pkh, sembako, recap in two formats").hasSize(12);
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.refusedCode()).as("%s", o.file()).isNull();
            assertThat(o.alreadyKept()).isFalse();
            assertThat(o.generation().state()).as("%s", o.file()).isEqualTo("DONE");
        });

        // In the archive as any kept file: the auditor lists them, requested by the demo's actor
        String auditor = token("inspektorat.auditor");
        JsonNode history = api.get("/api/v1/reports/generations?size=100", auditor).body();
        assertThat(history.path("total").asLong()).isEqualTo(12);
        Map<String, JsonNode> kept = new HashMap<>();
        for (JsonNode item : history.path("items")) {
            assertThat(item.path("state").asString()).isEqualTo("DONE");
            assertThat(item.path("requestedBy").asString()).isEqualTo("demo.platform-admin");
            assertThat(item.path("origin").asString()).isEqualTo("REQUEST");
            kept.put(item.path("type").asString() + "." + item.path("format").asString(), item);
        }
        assertThat(kept.keySet()).containsExactlyInAnyOrder("quarterly.xlsx", "quarterly.pdf", "lakip.xlsx",
                "lakip.pdf", "renstra.xlsx", "renstra.pdf", "pkh.xlsx", "pkh.pdf", "sembako.xlsx", "sembako.pdf",
                "recap.xlsx", "recap.pdf");
        assertThat(kept.get("quarterly.xlsx").path("parameters").toString())
                .isEqualTo("{\"unit\":\"18.72.01\",\"tahun\":\"2024\",\"triwulan\":\"1\"}");
        assertThat(kept.get("lakip.pdf").path("parameters").toString())
                .isEqualTo("{\"unit\":\"18.72.03\",\"tahun\":\"2022\"}");
        assertThat(kept.get("renstra.xlsx").path("parameters").toString())
                .as("the newest version, kept as read").isEqualTo("{\"unit\":\"dinsos\",\"versi\":\"2\"}");
        assertThat(kept.get("pkh.xlsx").path("parameters").toString())
                .isEqualTo("{\"tahun\":\"2021\",\"program\":\"PKH\"}");
        assertThat(kept.get("sembako.xlsx").path("parameters").toString())
                .isEqualTo("{\"tahun\":\"2019\",\"program\":\"SEMBAKO\"}");
        assertThat(kept.get("recap.xlsx").path("parameters").toString())
                .as("the newest period welfare-service published that a report period names")
                .isEqualTo("{\"period\":\"2026-Q3\"}");

        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        // Seed 002, Metro Pusat Q1 2024: 67 % of 100; sub-kegiatan 3 Rp 600.000 of 2.700.000 (22,22 %)
        try (XSSFWorkbook workbook = workbook(kept.get("quarterly.xlsx"), auditor)) {
            Sheet capaian = workbook.getSheet("Tabel 3.1 Capaian");
            assertThat(capaian.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Laporan Kinerja Triwulan - Kecamatan Metro Pusat - Triwulan I 2024");
            Row first = capaian.getRow(4);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(QuarterlyPerformanceIT.SASARAN_1);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(67);
            assertThat(indonesian.formatCellValue(first.getCell(7))).isEqualTo("67,00%");
            Row partisipasi = workbook.getSheet("Tabel 3.2 Cost per Outcome").getRow(6);
            assertThat(indonesian.formatCellValue(partisipasi.getCell(4))).isEqualTo("Rp2.700.000");
            assertThat(indonesian.formatCellValue(partisipasi.getCell(5))).isEqualTo("Rp600.000");
            assertThat(indonesian.formatCellValue(partisipasi.getCell(6))).isEqualTo("22,22%");
        }
        assertThat(pdfText(kept.get("quarterly.pdf"), auditor)).contains("Kecamatan Metro Pusat", "Triwulan I 2024");
        // Seed 004, Metro Barat 2022: IKM 82 target, 70 realised, capaian 85,37 % (Tinggi)
        try (XSSFWorkbook workbook = workbook(kept.get("lakip.xlsx"), auditor)) {
            Sheet iku = workbook.getSheet("Capaian IKU");
            assertThat(iku.getRow(0).getCell(0).getStringCellValue()).contains("LAKIP", "Kecamatan Metro Barat",
                    "Tahun 2022");
            Row ikm = iku.getRow(4);
            assertThat(ikm.getCell(4).getNumericCellValue()).isEqualTo(82.0);
            assertThat(ikm.getCell(5).getNumericCellValue()).isEqualTo(70.0);
            assertThat(indonesian.formatCellValue(ikm.getCell(6))).isEqualTo("85,37%");
            assertThat(ikm.getCell(7).getStringCellValue()).isEqualTo("Tinggi");
        }
        assertThat(pdfText(kept.get("lakip.pdf"), auditor)).contains("Kecamatan Metro Barat", "85,37");
        // Seed 001 Tabel 6.1, Dinas Sosial: program 1.06.02 Rp 463.000.000 planned, Rp 458.159.000 realised in 2021
        try (XSSFWorkbook workbook = workbook(kept.get("renstra.xlsx"), auditor)) {
            Sheet matrix = workbook.getSheet("Matriks Renstra");
            assertThat(matrix.getRow(0).getCell(0).getStringCellValue()).contains("Dinas Sosial",
                    "Renstra 2021-2026 versi 2");
            Row program = matrix.getRow(4);
            assertThat(program.getCell(0).getStringCellValue()).isEqualTo("1.06.02");
            assertThat(indonesian.formatCellValue(program.getCell(6))).isEqualTo("Rp463.000.000");
            assertThat(indonesian.formatCellValue(program.getCell(7))).isEqualTo("Rp458.159.000");
            assertThat(indonesian.formatCellValue(program.getCell(9))).isEqualTo("96,67%");
        }
        assertThat(pdfText(kept.get("renstra.pdf"), auditor)).contains("Dinas Sosial", "1.06.02");
        // Seed 001 Tabel 2.1, 2021: tahap 1 realised Rp 2.767.950.000 beside the misprinted SP2D Rp 2.773.050
        try (XSSFWorkbook workbook = workbook(kept.get("pkh.xlsx"), auditor)) {
            Sheet table = workbook.getSheet("Tabel 2.1 Realisasi");
            assertThat(table.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Laporan Realisasi Program Keluarga Harapan (PKH) Kota Metro - Tahun 2021");
            Row first = table.getRow(4);
            assertThat(indonesian.formatCellValue(first.getCell(3))).isEqualTo("4.069");
            assertThat(indonesian.formatCellValue(first.getCell(4))).isEqualTo("Rp2.773.050");
            assertThat(indonesian.formatCellValue(first.getCell(6))).isEqualTo("Rp2.767.950.000");
            assertThat(indonesian.formatCellValue(table.getRow(5).getCell(6))).isEqualTo("Rp3.143.775.000");
        }
        assertThat(pdfText(kept.get("pkh.pdf"), auditor)).contains("2.767.950.000");
        // Sembako 2019 as seed 001 states it: April to July 5.761 KPM, August 5.891
        try (XSSFWorkbook workbook = workbook(kept.get("sembako.xlsx"), auditor)) {
            Sheet months = workbook.getSheet("KPM per Bulan");
            assertThat(months.getRow(4).getCell(1).getStringCellValue()).isEqualTo("tidak ada penyaluran");
            assertThat(months.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(5_761.0);
            assertThat(months.getRow(11).getCell(3).getNumericCellValue()).isEqualTo(5_891.0);
            assertThat(indonesian.formatCellValue(months.getRow(11).getCell(5))).isEqualTo("Rp648.010.000");
        }
        assertThat(pdfText(kept.get("sembako.pdf"), auditor).replaceAll("\\s+", " "))
                .contains("5.891 5.891 648.010.000", "Grafik Jumlah KPM BPNT/Program Sembako");
        // The city's recap of Q3 2026: Metro 12 PPKS terdata (9 ditangani), Banjarsari 8 (2); city 20
        try (XSSFWorkbook workbook = workbook(kept.get("recap.xlsx"), auditor)) {
            Sheet recap = workbook.getSheet("Rekap Kelurahan");
            assertThat(recap.getRow(0).getCell(0).getStringCellValue()).contains("Kota Metro", "Triwulan III 2026");
            Map<String, Row> rows = new HashMap<>();
            recap.forEach(row -> {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    rows.put(indonesian.formatCellValue(row.getCell(0)), row);
                }
            });
            assertThat(rows.get(METRO).getCell(4).getNumericCellValue()).isEqualTo(12);
            assertThat(rows.get(METRO).getCell(5).getNumericCellValue()).isEqualTo(9);
            assertThat(rows.get(BANJARSARI).getCell(4).getNumericCellValue()).isEqualTo(8);
            Sheet kecamatan = workbook.getSheet("Rekap Kecamatan");
            double terdata = 0;
            for (Row row : kecamatan) {
                if (row.getRowNum() >= 4 && row.getCell(0) != null
                        && indonesian.formatCellValue(row.getCell(0)).matches("18\\.72\\.0[1-5]")) {
                    terdata += row.getCell(4).getNumericCellValue();
                }
            }
            assertThat(terdata).as("PPKS terdata over the kecamatan rows").isEqualTo(20);
        }
        assertThat(pdfText(kept.get("recap.pdf"), auditor)).contains("Triwulan III 2026");

        // Asked again (a restart): the same data version is kept already, so nothing new is made
        List<DemoReports.Outcome> again = demo.generate();
        assertThat(again).hasSize(12).allSatisfy(o -> assertThat(o.alreadyKept()).as("%s", o.file()).isTrue());
        assertThat(again.stream().map(o -> o.generation().id()).toList())
                .containsExactlyElementsOf(outcomes.stream().map(o -> o.generation().id()).toList());
        assertThat(api.get("/api/v1/reports/generations?size=100", auditor).body().path("total").asLong())
                .isEqualTo(12);
    }

    private XSSFWorkbook workbook(JsonNode item, String token) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(file(item, token)));
    }

    private String pdfText(JsonNode item, String token) throws Exception {
        byte[] bytes = file(item, token);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The kept bytes, checked against the SHA-256 the archive lists. */
    private byte[] file(JsonNode item, String token) throws Exception {
        HttpResponse<byte[]> file = bytes("/api/v1/reports/generations/" + item.path("id").asString() + "/file",
                token, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(item.path("sha256").asString());
        return file.body();
    }
}
