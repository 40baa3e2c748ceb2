package org.kesra.reporting.realisation;

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
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.contracts.welfare.BenefitPaymentsRecorded;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.SourceEventsFixture;
import org.kesra.reporting.workbook.ChartsReadBack;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001 Tabel 2.1 ("Laporan Realisasi Program Keluarga Harapan (PKH) Kota Metro", 2016-2021) fed as welfare
 * events, row by row as the document prints it, including its one misprint: 2021 tahap 1 SP2D "2.773.050" (three
 * zeros lost; the realisation beside it is Rp 2.767.950.000). welfare-service's own seed migration corrects it with a
 * note and its API refuses a realisation above SP2D, so here the event carries the figure as printed and the report
 * must name it rather than hide or fix it. The Sembako months are those seed 001's text states (April 2018: 5.886
 * KPM; 2019: April to July 5.761, August 5.891).
 */
public class PkhRealisationIT extends ReportingApiIntegrationBase {

    /** Tabel 2.1 as seed 001 prints it: tahun, tahap/bulan, SP2D KPM, SP2D nominal, realisasi KPM, nominal. */
    static final String TABLE_2_1 = """
            2016	1	1.931	1.608.018.750	1.931	1.608.018.750
            2016	2	1.918	657.730.000	1.918	657.730.000
            2016	3	1.913	665.482.500	1.913	665.482.500
            2016	4	1.903	655.565.000	1.903	655.565.000
            2016	4.1 Saturasi	703	187.149.877	703	187.149.877
            2017	1	2.585	1.292.500.000	2.585	1.292.500.000
            2017	2	2.585	1.292.500.000	2.585	1.292.500.000
            2017	3	2.583	1.291.500.000	2.583	1.291.500.000
            2017	4	2.543	996.390.000	2.543	996.390.000
            2018	1	4.896	2.448.000.000	4.835	2.417.400.000
            2018	2	4.876	2.438.000.000	4.774	2.387.045.800
            2018	3	4.865	2.432.500.000	4.760	2.379.958.000
            2018	4	4.608	1.236.678.750	4.554	1.213.731.400
            2019	1	4.585	5.748.400.000	4.553	5.709.300.000
            2019	2	4.569	3.242.000.000	4.539	3.222.650.000
            2019	3	4.522	3.461.900.000	4.493	3.443.150.000
            2019	4	4.442	2.422.175.000	4.348	2.368.275.000
            2020	1	4.154	3.103.300.000	4.147	3.098.900.000
            2020	2	4.249	3.105.450.000	4.239	3.099.475.000
            2020	APRIL	4.350	1.052.347.000	4.325	1.047.683.000
            2020	MEI	4.367	1.055.576.000	4.342	1.050.912.000
            2020	JUNI	4.367	1.039.908.000	4.342	1.035.203.000
            2020	JULI	4.298	1.026.554.000	4.290	1.025.097.000
            2020	AGUSTUS	4.304	1.028.854.000	4.304	1.027.197.000
            2020	SEPTEMBER	4.126	1.003.893.000	4.119	1.002.386.000
            2020	4	4.120	2.963.525.000	4.115	2.959.875.000
            2021	1	4.069	2.773.050	4.062	2.767.950.000
            2021	2	4.723	3.257.250.000	4.544	3.143.775.000
            """;
    static final List<String> MONTHS = List.of("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI",
            "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER");
    static final String PATH = "/api/v1/reports/pkh-realisation?tahun=";
    private static boolean fed;

    /** Once per run: the 28 rows, one payment list for 2019 tahap 4, and the Sembako months. */
    public static synchronized void feed() {
        if (fed) {
            return;
        }
        for (String line : TABLE_2_1.strip().split("\n")) {
            String[] f = line.strip().split("\t");
            int year = Integer.parseInt(f[0]);
            String label = f[1].toUpperCase(Locale.ROOT);
            int month = MONTHS.indexOf(label);
            String kind = label.contains("SATURASI") ? "SATURASI" : month >= 0 ? "BULAN" : "TAHAP";
            LocalDate start;
            LocalDate end;
            if (month >= 0) {
                start = LocalDate.of(year, month + 1, 1);
                end = start.plusMonths(1).minusDays(1);
            } else {
                int stage = Integer.parseInt(label.substring(0, 1));
                start = LocalDate.of(year, stage * 3 - 2, 1).plusDays(label.contains("SATURASI") ? 14 : 0);
                end = LocalDate.of(year, stage * 3, 1).plusMonths(1).minusDays(1);
            }
            opened(new BenefitCycleOpened(UUID.randomUUID(), "PKH", year, label, kind, start, end, figure(f[2]),
                    figure(f[3]), figure(f[4]), figure(f[5]), Instant.parse("2026-12-01T00:00:00Z")));
        }
        // a round without a reported realisation, realised through its payment list; two list events, the later
        // with the totals after it, arriving out of order: the one with more rows stays
        UUID listed = UUID.randomUUID();
        opened(new BenefitCycleOpened(listed, "PKH", 2022, "1", "TAHAP", LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 3, 31), 3, 2_250_000, null, null, Instant.parse("2026-12-01T00:00:00Z")));
        paid(new BenefitPaymentsRecorded(listed, "PKH", 2022, "1", 2, 1_500_000, 1, 3,
                Instant.parse("2026-12-01T00:02:00Z")));
        paid(new BenefitPaymentsRecorded(listed, "PKH", 2022, "1", 1, 750_000, 0, 1,
                Instant.parse("2026-12-01T00:01:00Z")));
        sembako(2018, 4, 5_886, 110_000);
        for (int month = 4; month <= 7; month++) {
            sembako(2019, month, 5_761, 110_000);
        }
        sembako(2019, 8, 5_891, 110_000);
        fed = true;
    }

    private static void sembako(int year, int month, long kpm, long index) {
        LocalDate start = LocalDate.of(year, month, 1);
        opened(new BenefitCycleOpened(UUID.randomUUID(), "SEMBAKO", year, MONTHS.get(month - 1), "BULAN", start,
                start.plusMonths(1).minusDays(1), kpm, kpm * index, kpm, kpm * index,
                Instant.parse("2026-12-01T00:00:00Z")));
    }

    private static void opened(BenefitCycleOpened round) {
        events.send(SourceEventsFixture.WELFARE, "welfare", UUID.randomUUID(), EventCatalog.BENEFIT_CYCLE_OPENED,
                round.cycleId().toString(), round.programme(), round);
    }

    private static void paid(BenefitPaymentsRecorded totals) {
        events.send(SourceEventsFixture.WELFARE, "welfare", UUID.randomUUID(), EventCatalog.BENEFIT_PAYMENTS_RECORDED,
                totals.cycleId().toString(), totals.programme(), totals);
    }

    /** "1.608.018.750" as the seed prints it. */
    private static long figure(String printed) {
        return Long.parseLong(printed.replace(".", ""));
    }

    private JsonNode report(String token, int year) {
        feed();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode y2022 = api.get(PATH + "2022", token).body();
            JsonNode sembako = api.get("/api/v1/reports/sembako-monthly?tahun=2019", token).body();
            return y2022.at("/stages/0/realisedKpm").asLong() == 2
                    && api.get(PATH + "2021", token).body().path("stages").size() == 2
                    && api.get(PATH + "2016", token).body().path("stages").size() == 5
                    && sembako.at("/months/7/realisedKpm").asLong() == 5_891;
        });
        return api.get(PATH + year, token).body();
    }

    @Test
    void seed001Table21ComesOutRowByRowWithItsSumsAndPercentNominal() {
        JsonNode body = report(token("bappeda.planner"), 2018);
        assertThat(body.path("programme").asString()).isEqualTo("PKH");
        assertThat(body.path("periodLabel").asString()).isEqualTo("Tahun 2018");
        JsonNode stages = body.path("stages");
        assertThat(stages.size()).isEqualTo(4);
        JsonNode second = stages.get(1);
        assertThat(second.path("label").asString()).isEqualTo("2");
        assertThat(second.path("sp2dKpm").asLong()).isEqualTo(4_876);
        assertThat(second.path("sp2dRupiah").asLong()).isEqualTo(2_438_000_000L);
        assertThat(second.path("realisedKpm").asLong()).isEqualTo(4_774);
        assertThat(second.path("realisedRupiah").asLong()).isEqualTo(2_387_045_800L);
        assertThat(second.path("realisationSource").asString()).isEqualTo("LAPORAN");
        assertThat(second.path("nominalPercent").decimalValue()).as("2.387.045.800 / 2.438.000.000")
                .isEqualByComparingTo("97.91");
        assertThat(second.path("cycleEventId").asString()).isNotEmpty();
        JsonNode total = body.path("total");
        assertThat(total.path("sp2dRupiah").asLong())
                .isEqualTo(2_448_000_000L + 2_438_000_000L + 2_432_500_000L + 1_236_678_750L);
        assertThat(total.path("realisedRupiah").asLong())
                .isEqualTo(2_417_400_000L + 2_387_045_800L + 2_379_958_000L + 1_213_731_400L);
        assertThat(total.path("sp2dKpm").asLong()).as("KPM-tahap").isEqualTo(4_896 + 4_876 + 4_865 + 4_608);
        assertThat(total.path("nominalPercent").decimalValue()).as("8.398.135.200 / 8.555.178.750 = 98,164...")
                .isEqualByComparingTo("98.16");
        assertThat(body.path("findings")).isEmpty();

        JsonNode y2016 = api.get(PATH + "2016", token("bappeda.planner")).body();
        assertThat(y2016.path("stages").valueStream().map(s -> s.path("label").asString()).toList())
                .containsExactly("1", "2", "3", "4", "4.1 SATURASI");
        assertThat(y2016.at("/stages/4/kind").asString()).isEqualTo("SATURASI");
        assertThat(y2016.at("/total/nominalPercent").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode y2020 = api.get(PATH + "2020", token("dinsos.operator")).body();
        assertThat(y2020.path("stages").valueStream().map(s -> s.path("label").asString()).toList())
                .as("welfare-service's order: by period").containsExactly("1", "2", "APRIL", "MEI", "JUNI", "JULI",
                        "AGUSTUS", "SEPTEMBER", "4");
        assertThat(y2020.at("/stages/6/nominalPercent").decimalValue()).as("1.027.197.000 / 1.028.854.000")
                .isEqualByComparingTo("99.84");
    }

    @Test
    void theSeedsMisprintedSp2dOf2021IsNamedNotHiddenOrCorrected() {
        JsonNode body = report(token("bappeda.planner"), 2021);
        JsonNode first = body.at("/stages/0");
        assertThat(first.path("sp2dRupiah").asLong()).as("as printed").isEqualTo(2_773_050L);
        assertThat(first.path("realisedRupiah").asLong()).isEqualTo(2_767_950_000L);
        assertThat(first.path("nominalPercent").decimalValue()).isEqualByComparingTo("99816.09");
        List<String> codes = body.path("findings").valueStream().map(f -> f.path("code").asString()).toList();
        assertThat(codes).containsExactly("REALISASI_NOMINAL_MELEBIHI_SP2D");
        JsonNode finding = body.at("/findings/0");
        assertThat(finding.path("stage").asString()).isEqualTo("1");
        assertThat(finding.path("message").asString()).contains("Tahap 1", "Rp 2.767.950.000",
                "SP2D Rp 2.773.050", "Rp 681 per KPM", "Rp 681.425 per KPM", "salah tulis");
        assertThat(body.path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(n -> n.contains("1 temuan") && n.contains("tidak dikoreksi"));
        assertThat(body.at("/stages/1/nominalPercent").decimalValue()).as("tahap 2 is fine: 3.143.775.000 / "
                + "3.257.250.000").isEqualByComparingTo("96.52");
    }

    @Test
    void aRoundWithoutReportedRealisationShowsItsPaymentListsLatestTotals() {
        JsonNode body = report(token("bappeda.planner"), 2022);
        JsonNode round = body.at("/stages/0");
        assertThat(round.path("realisationSource").asString()).isEqualTo("DAFTAR_BAYAR");
        assertThat(round.path("realisedKpm").asLong()).as("the event with 3 rows, not the late one with 1")
                .isEqualTo(2);
        assertThat(round.path("realisedRupiah").asLong()).isEqualTo(1_500_000);
        assertThat(round.path("unpaidKpm").asLong()).isEqualTo(1);
        assertThat(round.path("nominalPercent").decimalValue()).isEqualByComparingTo("66.67");
    }

    @Test
    void sembakoMonthsWithoutARoundAreShownAsSuchNotAsZero() throws Exception {
        String planner = token("bappeda.planner");
        report(planner, 2019);
        JsonNode body = api.get("/api/v1/reports/sembako-monthly?tahun=2019", planner).body();
        assertThat(body.path("programme").asString()).isEqualTo("SEMBAKO");
        JsonNode months = body.path("months");
        assertThat(months.size()).isEqualTo(12);
        assertThat(months.get(0).path("name").asString()).isEqualTo("Januari");
        assertThat(months.get(0).path("hasRound").asBoolean()).isFalse();
        assertThat(months.get(0).path("realisedKpm").isNull()).as("no round: not zero").isTrue();
        List<Long> kpm = new ArrayList<>();
        for (int m = 3; m <= 7; m++) {
            assertThat(months.get(m).path("hasRound").asBoolean()).isTrue();
            kpm.add(months.get(m).path("realisedKpm").asLong());
        }
        assertThat(kpm).as("seed 001: April to July 5.761, August 5.891").containsExactly(5_761L, 5_761L, 5_761L,
                5_761L, 5_891L);
        assertThat(months.get(8).path("hasRound").asBoolean()).isFalse();
        assertThat(body.path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(n -> n.startsWith("7 bulan tanpa penyaluran"));

        HttpResponse<byte[]> file = bytes("/api/v1/reports/sembako-monthly?tahun=2019&format=xlsx", planner,
                Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("kpm-bulanan-sembako-2019.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheet("KPM per Bulan");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("BPNT/Program Sembako",
                    "Tahun 2019");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Januari");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("tidak ada penyaluran");
            assertThat(sheet.getRow(4).getCell(3)).as("no figure, not 0").isNull();
            assertThat(sheet.getRow(11).getCell(3).getNumericCellValue()).isEqualTo(5_891.0);
            assertThat(new DataFormatter(Locale.forLanguageTag("id-ID")).formatCellValue(sheet.getRow(11).getCell(5)))
                    .isEqualTo("Rp648.010.000");
            List<ChartsReadBack.Drawn> charts = ChartsReadBack.charts(sheet);
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).type()).isEqualTo("LINE");
            assertThat(charts.get(0).values()).containsExactly("'KPM per Bulan'!$C$5:$C$16",
                    "'KPM per Bulan'!$D$5:$D$16");
        }
        JsonNode y2018 = api.get("/api/v1/reports/sembako-monthly?tahun=2018", planner).body();
        assertThat(y2018.at("/months/3/sp2dKpm").asLong()).isEqualTo(5_886);

        HttpResponse<byte[]> pdf = bytes("/api/v1/reports/sembako-monthly?tahun=2019", planner,
                Map.of("Accept", "application/pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("kpm-bulanan-sembako-2019.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(
                    "JUMLAH KPM BPNT/PROGRAM SEMBAKO PER BULAN KOTA METRO", "Januari tidak ada penyaluran",
                    "Juli JULI 5.761 5.761", "Agustus AGUSTUS 5.891 5.891 648.010.000 648.010.000",
                    "Grafik Jumlah KPM BPNT/Program Sembako per Bulan Tahun 2019");
        }
        assertProblem(api.get("/api/v1/reports/sembako-monthly?tahun=2019&format=docx", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
    }

    @Test
    void table21AsXlsxWithIndonesianFormatsFrozenHeaderAndTheFindingsSheet() throws Exception {
        String planner = token("bappeda.planner");
        report(planner, 2021);
        HttpResponse<byte[]> file = bytes(PATH + "2021&format=xlsx", planner, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(RealisationWorkbook.MEDIA_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("realisasi-pkh-2021.xlsx");
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Tabel 2.1 Realisasi", "Temuan", "Sumber Data");
            Sheet table = workbook.getSheet("Tabel 2.1 Realisasi");
            assertThat(table.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Laporan Realisasi Program Keluarga Harapan (PKH) Kota Metro - Tahun 2021");
            assertThat(table.getRow(1).getCell(0).getStringCellValue()).contains("1 Januari 2021 s.d. 31 Desember 2021",
                    "welfare.events");
            assertThat(table.getPaneInformation().isFreezePane()).isTrue();
            assertThat(table.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            Row second = table.getRow(5);
            assertThat(second.getCell(3).getNumericCellValue()).isEqualTo(4_723.0);
            assertThat(indonesian.formatCellValue(second.getCell(3))).isEqualTo("4.723");
            assertThat(indonesian.formatCellValue(second.getCell(4))).isEqualTo("Rp3.257.250.000");
            assertThat(indonesian.formatCellValue(second.getCell(6))).isEqualTo("Rp3.143.775.000");
            assertThat(second.getCell(7).getNumericCellValue()).isEqualTo(0.9652);
            assertThat(indonesian.formatCellValue(second.getCell(7))).isEqualTo("96,52%");
            assertThat(indonesian.formatCellValue(table.getRow(4).getCell(4))).as("as printed").isEqualTo("Rp2.773.050");
            Row total = table.getRow(6);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Jumlah (2 tahap)");
            assertThat(indonesian.formatCellValue(total.getCell(6))).isEqualTo("Rp5.911.725.000");
            Sheet findings = workbook.getSheet("Temuan");
            assertThat(findings.getRow(4).getCell(0).getStringCellValue()).isEqualTo("REALISASI_NOMINAL_MELEBIHI_SP2D");
            assertThat(findings.getRow(4).getCell(2).getStringCellValue()).contains("salah tulis");
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH + "2021", planner, Map.of("Accept", RealisationWorkbook.MEDIA_TYPE));
        assertThat(sha256(again.body())).as("same data, same XLSX bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void table21AsPdfWithTableChartFindingsAndHeaderRendered() throws Exception {
        String auditor = token("inspektorat.auditor");
        report(auditor, 2021);
        HttpResponse<byte[]> file = bytes(PATH + "2021&format=pdf", auditor, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("realisasi-pkh-2021.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("LAPORAN REALISASI PROGRAM KELUARGA HARAPAN (PKH) KOTA METRO",
                    "Dinas Sosial Kota Metro · Realisasi PKH Tahun 2021 · versi data: welfare.events",
                    "Tabel 2.1 Laporan Realisasi Program Keluarga Harapan (PKH) Kota Metro Tahun 2021",
                    "Tahap 1 4.069 2.773.050 4.062 2.767.950.000", "Tahap 2 4.723 3.257.250.000 4.544 "
                            + "3.143.775.000 96,52%", "Jumlah (2 tahap)", "Grafik 2.1", "Temuan", "salah tulis",
                    "Halaman 1 dari");
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(Path.of("target"));
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                assertThat(image.getWidth()).isGreaterThan(800);
                ImageIO.write(image, "png", Path.of("target", "pkh-realisation-page" + (page + 1) + ".png").toFile());
            }
            Files.write(Path.of("target", "pkh-realisation.pdf"), file.body());
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH + "2021", auditor, Map.of("Accept", "application/pdf"));
        assertThat(sha256(again.body())).as("same data, same PDF bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void aYearWithoutRoundsGivesAValidReportThatSaysSo() throws Exception {
        String planner = token("bappeda.planner");
        report(planner, 2015);
        JsonNode body = api.get(PATH + "2015", planner).body();
        assertThat(body.path("hasData").asBoolean()).isFalse();
        assertThat(body.path("stages")).isEmpty();
        assertThat(body.path("total").path("nominalPercent").isNull()).isTrue();
        assertThat(body.path("notes").valueStream().map(JsonNode::asString).toList())
                .contains("Belum ada tahap penyaluran PKH tahun 2015 yang diterbitkan welfare-service.");
        HttpResponse<byte[]> pdf = bytes(PATH + "2015&format=pdf", planner, Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Belum ada tahap penyaluran PKH Tahun 2015 yang diterbitkan");
        }
        assertThat(bytes(PATH + "2015&format=xlsx", planner, Map.of()).statusCode()).isEqualTo(200);
        JsonNode sembako = api.get("/api/v1/reports/sembako-monthly?tahun=2015", planner).body();
        assertThat(sembako.path("hasData").asBoolean()).isFalse();
        assertThat(sembako.path("months").valueStream().noneMatch(m -> m.path("hasRound").asBoolean())).isTrue();
    }

    @Test
    void badParametersAre400WithPointersAnUnknownProgramme404AndRegionalStaff403() {
        String planner = token("bappeda.planner");
        assertProblem(api.get("/api/v1/reports/pkh-realisation", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/tahun");
        assertProblem(api.get(PATH + "18", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/tahun");
        assertProblem(api.get(PATH + "2018&format=docx", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.get(PATH + "2018&program=pkh%20lama", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/program");
        assertProblem(api.get("/api/v1/reports/sembako-monthly?tahun=abcd", planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get(PATH + "2018&program=BANSOS_X", planner), 404, "RP-PROGRAM-TIDAK-DIKENAL", null);
        assertProblem(api.get("/api/v1/reports/sembako-monthly?tahun=2018&program=BANSOS_X", planner), 404,
                "RP-PROGRAM-TIDAK-DIKENAL", null);
        ApiClient.Response regional = api.get(PATH + "2018", token("metrobarat.operator"));
        assertThat(regional.status()).as("city-level report: not for kecamatan staff").isEqualTo(403);
        assertThat(api.get("/api/v1/reports/sembako-monthly?tahun=2018", token("metrobarat.camat")).status())
                .isEqualTo(403);
    }

    @Test
    void aReadModelRebuildGivesTheSameTable21Bytes() throws Exception {
        String planner = token("bappeda.planner");
        String admin = token("platform.admin");
        String rebuilds = "/api/v1/ops/read-model-rebuilds";
        report(planner, 2021);
        boolean compared = false;
        for (int attempt = 0; attempt < 3 && !compared; attempt++) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> api.get(
                    rebuilds, admin).body().valueStream().noneMatch(r -> r.path("state").asString().equals("RUNNING")));
            String version = api.get(PATH + "2021", planner).body().path("sources").toString().replaceAll(
                    "\"(lagSeconds|lastAppliedAt)\":[^,}]*", "");
            byte[] before = bytes(PATH + "2021&format=pdf", planner, Map.of()).body();
            byte[] beforeXlsx = bytes("/api/v1/reports/sembako-monthly?tahun=2019&format=xlsx", planner, Map.of())
                    .body();
            ApiClient.Response started = api.post(rebuilds, admin, "{}");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            String status = rebuilds + "/" + started.body().path("id").asString();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !api.get(status, admin).body().path("state").asString().equals("RUNNING"));
            assertThat(api.get(status, admin).body().path("state").asString()).isEqualTo("COMPLETED");
            byte[] after = bytes(PATH + "2021&format=pdf", planner, Map.of()).body();
            byte[] afterXlsx = bytes("/api/v1/reports/sembako-monthly?tahun=2019&format=xlsx", planner, Map.of())
                    .body();
            String versionAfter = api.get(PATH + "2021", planner).body().path("sources").toString().replaceAll(
                    "\"(lagSeconds|lastAppliedAt)\":[^,}]*", "");
            if (version.equals(versionAfter)) {
                assertThat(sha256(after)).as("the rebuilt model's Tabel 2.1 PDF").isEqualTo(sha256(before));
                assertThat(sha256(afterXlsx)).as("the rebuilt model's Sembako XLSX").isEqualTo(sha256(beforeXlsx));
                compared = true;
            }
        }
        assertThat(compared).as("no quiet moment on the shared broker in three attempts").isTrue();
        assertThat(report(planner, 2022).at("/stages/0/realisedKpm").asLong()).as("the replay keeps the fuller list")
                .isEqualTo(2);
    }
}
