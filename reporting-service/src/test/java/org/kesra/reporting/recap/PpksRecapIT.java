package org.kesra.reporting.recap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.SourceEventsFixture;
import tools.jackson.databind.JsonNode;

/**
 * The PPKS and programme recap from events fed through Kafka: figures as JSON and as XLSX read back with POI, the
 * same bytes for the same data, a redelivered event applied once, and the refusals a caller gets.
 */
class PpksRecapIT extends ReportingApiIntegrationBase {

    private static final String BANJARSARI = "18.72.02.1001";
    private static final String PURWOSARI = "18.72.02.1002";
    private static final String KARANGREJO = "18.72.02.1003";
    private static final LocalDate Q2_FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate Q2_TO = LocalDate.of(2025, 6, 30);

    @Test
    void recapOfAKecamatanFromHouseholdAndWelfareEventsAsJsonAndXlsx() throws Exception {
        // Banjarsari: two families of three, one member dies -> 2 KK, 5 jiwa.
        HouseholdRegistered first = events.register(BANJARSARI, 3);
        events.register(BANJARSARI, 3);
        events.died(first, first.members().get(2));
        // Purwosari: a family of two gains a member and moves to Karangrejo -> Purwosari 0, Karangrejo 1 KK, 3 jiwa.
        HouseholdRegistered moving = events.register(PURWOSARI, 2);
        events.memberAdded(moving, SourceEventsFixture.member("BAYI", LocalDate.of(2025, 5, 1), "P", "ANAK"));
        events.relocated(moving, KARANGREJO);
        // welfare: Banjarsari published twice (the later replaces), then an older publication arrives late (ignored).
        Instant published = Instant.now();
        events.published(new KelurahanIndicatorsPublished(BANJARSARI, Q2_FROM, Q2_TO, 7, 5,
                List.of(new ProgrammeKpm("PKH", 1_400, null)), published.minusSeconds(60)));
        events.published(new KelurahanIndicatorsPublished(BANJARSARI, Q2_FROM, Q2_TO, 8, 6,
                List.of(new PpksCategoryCount("AJ", 3, 3), new PpksCategoryCount("LUT", 6, 4)),
                List.of(new ProgrammeKpm("PKH", 1_500, 2_250_000_000L), new ProgrammeKpm("BPNT", 2_000, null)),
                published));
        events.published(new KelurahanIndicatorsPublished(KARANGREJO, Q2_FROM, Q2_TO, 4, 1,
                List.of(new ProgrammeKpm("PKH", 100, 150_000_000L)), published));
        UUID late = events.published(new KelurahanIndicatorsPublished(BANJARSARI, Q2_FROM, Q2_TO, 99, 99,
                List.of(new ProgrammeKpm("PKH", 9, 9L)), published.minusSeconds(3600)));

        String path = "/api/v1/reports/ppks-recap?period=2025-Q2&kecamatan=18.72.02";
        String planner = token("bappeda.planner");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(path, planner).body();
            return row(body, BANJARSARI).path("persons").asLong() == 5
                    && row(body, KARANGREJO).path("persons").asLong() == 3
                    && row(body, PURWOSARI).path("households").asLong() == 0
                    && body.path("sources").get(1).path("lastEventId").asString().equals(late.toString());
        });

        ApiClient.Response answer = api.get(path, planner);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.path("area").path("name").asString()).isEqualTo("Metro Utara");
        assertThat(body.path("periodLabel").asString()).isEqualTo("Triwulan II 2025");
        assertThat(body.path("figuresPublished").asBoolean()).isTrue();
        assertThat(body.path("kelurahan")).hasSize(4);
        assertThat(body.path("programmes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("BPNT", "PKH");
        JsonNode banjarsari = row(body, BANJARSARI);
        assertThat(banjarsari.path("households").asLong()).isEqualTo(2);
        assertThat(banjarsari.path("ppksTerdata").asLong()).isEqualTo(8);
        assertThat(banjarsari.path("ppksDitangani").asLong()).isEqualTo(6);
        assertThat(banjarsari.path("ppksDitanganiPersen").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(banjarsari.path("programmes").get(1).path("kpm").asLong()).isEqualTo(1_500);
        JsonNode total = body.path("total");
        assertThat(total.path("households").asLong()).isEqualTo(3);
        assertThat(total.path("persons").asLong()).isEqualTo(8);
        assertThat(total.path("ppksTerdata").asLong()).isEqualTo(12);
        assertThat(total.path("ppksDitangani").asLong()).isEqualTo(7);
        assertThat(total.path("ppksDitanganiPersen").decimalValue()).isEqualByComparingTo("58.33");
        assertThat(total.path("programmes").get(0).path("kpm").asLong()).isEqualTo(2_000);
        assertThat(total.path("programmes").get(0).path("realisedRupiah").isNull()).isTrue();
        assertThat(total.path("programmes").get(1).path("kpm").asLong()).isEqualTo(1_600);
        assertThat(total.path("programmes").get(1).path("realisedRupiah").asLong()).isEqualTo(2_400_000_000L);
        // PPKS per Permensos category as published (a case may count in two); Karangrejo's publication carried none.
        assertThat(banjarsari.path("ppksCategories").valueStream().map(c -> c.path("category").asString() + " "
                + c.path("terdata").asLong() + "/" + c.path("ditangani").asLong()).toList())
                .containsExactly("AJ 3/3", "LUT 6/4");
        assertThat(body.path("ppksCategories")).hasSize(26);
        JsonNode lut = body.path("ppksCategories").get(7);
        assertThat(lut.path("category").asString()).isEqualTo("LUT");
        assertThat(lut.path("name").asString()).isEqualTo("Lanjut Usia Telantar");
        assertThat(lut.path("terdata").asLong()).isEqualTo(6);
        assertThat(lut.path("ditanganiPersen").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(body.path("ppksCategories").get(0).path("terdata").asLong()).isZero();
        assertThat(body.path("categoriesPublished").asBoolean()).isFalse();
        assertThat(body.path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(n -> n.contains(KARANGREJO) && n.contains("tanpa rincian kategori"));
        assertThat(body.path("kecamatan")).hasSize(1);
        assertThat(body.path("kecamatan").get(0).path("ppksTerdata").asLong()).isEqualTo(12);
        JsonNode household = body.path("sources").get(0);
        assertThat(household.path("topic").asString()).isEqualTo("household.events");
        assertThat(household.path("eventsApplied").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(household.path("lagSeconds").isNumber()).isTrue();

        // The same figures as a workbook, by format and by Accept; read back with POI.
        HttpResponse<byte[]> file = bytes(path + "&format=xlsx", planner, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(RecapWorkbook.MEDIA_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("rekap-ppks-18.72.02-2025-Q2.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            Sheet categories = workbook.getSheet("PPKS per Kategori");
            assertThat(categories.getPaneInformation().isFreezePane()).isTrue();
            Row lutRow = categories.getRow(4 + 7);
            assertThat(lutRow.getCell(1).getStringCellValue()).isEqualTo("LUT");
            assertThat(lutRow.getCell(3).getNumericCellValue()).isEqualTo(6);
            assertThat(lutRow.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(lutRow.getCell(5).getNumericCellValue()).isEqualTo(0.6667);
            assertThat(workbook.getSheet("Kategori per Kelurahan").getRow(5).getCell(2).getStringCellValue())
                    .isEqualTo("LUT");
            Sheet recap = workbook.getSheet("Rekap Kelurahan");
            assertThat(recap.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Rekapitulasi PPKS dan Program - Kecamatan Metro Utara - Triwulan II 2025");
            assertThat(recap.getRow(1).getCell(0).getStringCellValue()).contains("versi data: household.events");
            assertThat(recap.getPaneInformation().isFreezePane()).isTrue();
            assertThat(recap.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(recap.getRow(3).getCell(4).getStringCellValue()).isEqualTo("PPKS terdata");
            Row banjarsariRow = recap.getRow(4);
            assertThat(banjarsariRow.getCell(0).getStringCellValue()).isEqualTo(BANJARSARI);
            assertThat(banjarsariRow.getCell(1).getStringCellValue()).isEqualTo("Banjarsari");
            assertThat(banjarsariRow.getCell(3).getNumericCellValue()).isEqualTo(5);
            assertThat(banjarsariRow.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(banjarsariRow.getCell(6).getNumericCellValue()).isEqualTo(0.75);
            assertThat(banjarsariRow.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            Row totalRow = recap.getRow(8);
            assertThat(totalRow.getCell(1).getStringCellValue()).isEqualTo("Jumlah");
            assertThat(totalRow.getCell(4).getNumericCellValue()).isEqualTo(12);
            assertThat(totalRow.getCell(6).getNumericCellValue()).isEqualTo(0.5833);
            Sheet kpm = workbook.getSheet("KPM per Program");
            Row pkhTotal = kpm.getRow(kpm.getLastRowNum());
            assertThat(pkhTotal.getCell(2).getStringCellValue()).isEqualTo("PKH");
            assertThat(pkhTotal.getCell(3).getNumericCellValue()).isEqualTo(1_600);
            assertThat(pkhTotal.getCell(4).getNumericCellValue()).isEqualTo(2_400_000_000d);
            assertThat(pkhTotal.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("\"Rp\"#,##0");
            assertThat(workbook.getSheet("Sumber Data").getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("household.events");
        }
        // The same recap as PDF (format or Accept): the figures in its text, A4 landscape, same bytes twice.
        HttpResponse<byte[]> pdf = bytes(path + "&format=pdf", planner, Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("rekap-ppks-18.72.02-2025-Q2.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("REKAPITULASI PPKS DAN PROGRAM", "Kecamatan Metro Utara · Triwulan II 2025",
                    "Periode 1 April 2025 s.d. 30 Juni 2025", "versi data: household.events", "Banjarsari",
                    "Lanjut Usia Telantar", "66,67%", "58,33%", "2.400.000.000", "Grafik PPKS per Kategori");
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 80);
            assertThat(page.getWidth()).as("A4 landscape").isGreaterThan(page.getHeight());
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            javax.imageio.ImageIO.write(page, "png", java.nio.file.Path.of("target/rekap-ppks-it-page1.png")
                    .toFile());
        }
        HttpResponse<byte[]> pdfByAccept = bytes(path, planner, Map.of("Accept", "application/pdf"));
        assertThat(pdfByAccept.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(sha256(pdfByAccept.body())).isEqualTo(sha256(pdf.body()));
        HttpResponse<byte[]> byAccept = bytes(path, planner, Map.of("Accept", RecapWorkbook.MEDIA_TYPE));
        assertThat(byAccept.headers().firstValue("Content-Type")).hasValue(RecapWorkbook.MEDIA_TYPE);
        // Same data, same bytes, even generated seconds apart (the zip writer would stamp the clock's time).
        Thread.sleep(2_100);
        assertThat(sha256(bytes(path + "&format=xlsx", planner, Map.of()).body())).isEqualTo(sha256(file.body()))
                .isEqualTo(sha256(byAccept.body()));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String yosodadi = "18.72.04.1001";
        HouseholdRegistered card = new HouseholdRegistered(UUID.randomUUID(), "1872040000000001", yosodadi, "001",
                "001", List.of(SourceEventsFixture.member("KEPALA", LocalDate.of(1970, 1, 1), "L", "KEPALA_KELUARGA")),
                "API", Instant.now());
        String auditor = token("inspektorat.auditor");
        String path = "/api/v1/reports/ppks-recap?period=2025&kecamatan=18.72.04";
        long before = api.get(path, auditor).body().path("sources").get(0).path("eventsApplied").asLong();
        UUID id = UUID.randomUUID();
        events.send(SourceEventsFixture.HOUSEHOLD, "household", id, EventCatalog.HOUSEHOLD_REGISTERED,
                card.householdId().toString(), yosodadi, card);
        events.send(SourceEventsFixture.HOUSEHOLD, "household", id, EventCatalog.HOUSEHOLD_REGISTERED,
                card.householdId().toString(), yosodadi, card);
        // A later event of the same card (same partition, so handled after both copies) marks the end.
        UUID marker = events.household(EventCatalog.MEMBER_ADDED, card.householdId(), yosodadi,
                new org.kesra.contracts.household.MemberAdded(card.householdId(), card.kkNumber(), yosodadi,
                        SourceEventsFixture.member("ANAK", LocalDate.of(2010, 2, 2), "P", "ANAK"), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                api.get(path, auditor).body().path("sources").get(0).path("lastEventId").asString()
                        .equals(marker.toString()));
        JsonNode body = api.get(path, auditor).body();
        assertThat(body.path("sources").get(0).path("eventsApplied").asLong()).isEqualTo(before + 2);
        assertThat(row(body, yosodadi).path("households").asLong()).isEqualTo(1);
        assertThat(row(body, yosodadi).path("persons").asLong()).isEqualTo(2);
    }

    @Test
    void aPeriodWithoutPublishedFiguresIsAValidReportThatSaysSo() {
        ApiClient.Response answer = api.get("/api/v1/reports/ppks-recap?period=2019-07&kecamatan=18.72.01",
                token("dinsos.operator"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().path("figuresPublished").asBoolean()).isFalse();
        assertThat(answer.body().path("periodLabel").asString()).isEqualTo("Juli 2019");
        assertThat(answer.body().path("total").path("ppksTerdata").asLong()).isZero();
        assertThat(answer.body().path("notes").get(0).asString()).contains("belum menerbitkan");
        assertThat(answer.body().path("ppksCategories")).hasSize(26);
        HttpResponse<byte[]> pdf = bytes("/api/v1/reports/ppks-recap?period=2019-07&kecamatan=18.72.01&format=pdf",
                token("dinsos.operator"), Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("belum menerbitkan angka PPKS dan KPM untuk Juli 2019", "Kecamatan Metro Pusat");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badInputGetsAProblemDetail() {
        String operator = token("dinsos.operator");
        assertProblem(api.get("/api/v1/reports/ppks-recap?period=2025-Q1&kecamatan=18.72.09", operator), 404,
                "RP-WILAYAH-TIDAK-DIKENAL", null);
        assertProblem(api.get("/api/v1/reports/ppks-recap?period=2025-Q5&kecamatan=18.72.01", operator), 400,
                "RP-PARAMETER-TIDAK-SAH", "/period");
        assertProblem(api.get("/api/v1/reports/ppks-recap?kecamatan=18.72.01", operator), 400,
                "RP-PARAMETER-TIDAK-SAH", "/period");
        assertProblem(api.get("/api/v1/reports/ppks-recap?period=2025&kecamatan=metro", operator), 400,
                "RP-PARAMETER-TIDAK-SAH", "/kecamatan");
        assertProblem(api.get("/api/v1/reports/ppks-recap?period=2025&format=docx", operator), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
    }

    @Test
    void regionalStaffReadOnlyTheirRegionAndLearnNothingOutsideIt() {
        String metroBarat = token("metrobarat.operator");
        ApiClient.Response outside = api.get("/api/v1/reports/ppks-recap?period=2025-Q2&kecamatan=18.72.02",
                metroBarat);
        assertProblem(outside, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(outside.text()).doesNotContain("Metro Utara").doesNotContain("Banjarsari");
        // An unknown kecamatan outside the region is the same 403: existence is not told either.
        assertProblem(api.get("/api/v1/reports/ppks-recap?period=2025-Q2&kecamatan=18.72.09", metroBarat), 403,
                "RP-DI-LUAR-WILAYAH", null);
        // Without a kecamatan: their own; a kelurahan operator asking for their kecamatan sees their kelurahan only.
        ApiClient.Response own = api.get("/api/v1/reports/ppks-recap?period=2025-Q2", metroBarat);
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.body().path("area").path("code").asString()).isEqualTo("18.72.03");
        ApiClient.Response kelurahan = api.get("/api/v1/reports/ppks-recap?period=2025-Q2&kecamatan=18.72.03",
                token("mulyojati.operator"));
        assertThat(kelurahan.status()).as(kelurahan.text()).isEqualTo(200);
        assertThat(kelurahan.body().path("kelurahan")).hasSize(1);
        assertThat(kelurahan.body().path("kelurahan").get(0).path("code").asString()).isEqualTo("18.72.03.1001");
    }

    private static JsonNode row(JsonNode body, String code) {
        for (JsonNode row : body.path("kelurahan")) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + body);
    }
}
