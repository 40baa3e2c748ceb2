package org.kesra.reporting.lakip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanNodeRef;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * The LAKIP of Kecamatan Metro Barat for 2022 with seed 004's figures (Bab III): the four IKU of its sasaran with the
 * 2021 and 2022 targets and realisations of Tabel 3.1/3.2, and the ten kegiatan of five programs with their pagu and
 * realised rupiah of section 3.3, fed as performance-service's events through Kafka (plan version, the camat's 2021
 * and 2022 Perjanjian Kinerja, the 2021 fourth-quarter realisation, the 2022 second- and fourth-quarter ones),
 * directly: reporting-service reads events only, and a test of it owns its input (the 2021 quarter as performance-service
 * publishes a historical one, without due date, decision 0005; performance-service's own tests and demo enter seed 004
 * through its API).
 * Checked in JSON, in the XLSX read back with POI and in the PDF's text (PDFBox); the pages are rendered to
 * {@code target/lakip-page*.png} to be looked at.
 *
 * <p>Seed 004's own arithmetic, which the report does not copy: its IKU capaian are right (70/82 = 85,37 %, 63,57/85 =
 * 74,79 %), but section 3.3 prints "Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum" as Rp 11.200.000
 * realised of Rp 11.200.000 "atau 97,32%" (it is 100 %), truncates 95,59 / 88,76 / 98,76 % to 95,5 / 88,7 / 98,7 and
 * rounds 99,61 % up to 100 % twice; its total (Rp 7.514.001.545 budgeted, Rp 7.321.015.384 realised, 97,43 %, "11
 * kegiatan") is not the sum of the ten kegiatan it lists (Rp 7.552.676.345 and Rp 7.359.542.454, 97,44 %): the budget
 * differs by exactly the Rp 38.674.800 of "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan".
 */
public class LakipIT extends ReportingApiIntegrationBase {

    static final String UNIT = "18.72.03";
    static final String PATH = "/api/v1/reports/lakip?unit=" + UNIT + "&tahun=2022";
    static final String SASARAN = "Meningkatnya kualitas pelayanan publik";

    /** An IKU: indicator, unit, 2021 target/realisation/capaian/rating, 2022 the same (capaian as printed). */
    record Iku(String indicator, String unit, String target2021, String value2021, String capaian2021,
               String rating2021, String target2022, String value2022, String capaian2022, String rating2022) {
    }

    static final List<Iku> IKU = List.of(
            new Iku("Prosentase Indeks Kepuasan Masyarakat (IKM)", "indeks", "80", "76", "95", "Sangat Tinggi", "82",
                    "70", "85.37", "Tinggi"),
            new Iku("Tingkat partisipasi masyarakat dalam proses perencanaan pembangunan", "%", "85", "70", "82.35",
                    "Tinggi", "85", "85", "100", "Sangat Tinggi"),
            new Iku("Tingkat partisipasi masyarakat dalam pembangunan melalui ketaatan membayar PBB", "%", "85", "69",
                    "81.18", "Tinggi", "85", "63.57", "74.79", "Sedang"),
            new Iku("Presentase Penanganan Konflik", "%", "100", "100", "100", "Sangat Tinggi", "100", "100", "100",
                    "Sangat Tinggi"));

    /**
     * A kegiatan of section 3.3: program (the national nomenclature's kecamatan codes 7.01.xx; the seed prints no
     * codes), kegiatan, pagu and realised rupiah as printed, and the percentage the seed prints.
     */
    record Kegiatan(String programCode, String program, String code, String name, long budget, long realised,
                    String printed) {
    }

    static final String P1 = "Program Penunjang Urusan Pemerintahan Daerah";
    static final String P2 = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik";
    static final String P3 = "Program Pemberdayaan Masyarakat Desa dan Kelurahan";
    static final String P4 = "Program Koordinasi Ketentraman dan Ketertiban Umum";
    static final String P5 = "Program Penyelenggaraan Urusan Pemerintahan Umum";
    static final List<Kegiatan> KEGIATAN = List.of(
            new Kegiatan("7.01.01", P1, "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat "
                    + "Daerah", 12_897_600L, 12_837_600L, "99.5"),
            new Kegiatan("7.01.01", P1, "7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 4_112_784_533L,
                    3_952_130_660L, "96"),
            new Kegiatan("7.01.01", P1, "7.01.01.2.06", "Administrasi Umum Perangkat Daerah", 250_844_950L,
                    239_771_550L, "95.5"),
            new Kegiatan("7.01.01", P1, "7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",
                    28_904_985L, 25_657_054L, "88.7"),
            new Kegiatan("7.01.01", P1, "7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan "
                    + "Pemerintah Daerah", 86_213_000L, 86_164_540L, "99.9"),
            new Kegiatan("7.01.02", P2, "7.01.02.2.01", "Penyelenggaraan Urusan Pemerintah yang Tidak Dilakukan oleh "
                    + "Unit Kerja Perangkat Daerah yang ada di Kecamatan", 1_281_169_177L, 1_278_650_764L, "99.8"),
            new Kegiatan("7.01.03", P3, "7.01.03.2.02", "Kegiatan Pemberdayaan Kelurahan", 711_144_650L,
                    708_380_720L, "100"),
            new Kegiatan("7.01.03", P3, "7.01.03.2.03", "Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan",
                    38_674_800L, 38_522_500L, "100"),
            new Kegiatan("7.01.04", P4, "7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketentraman dan "
                    + "Ketertiban Umum", 11_200_000L, 11_200_000L, "97.32"),
            new Kegiatan("7.01.05", P5, "7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan "
                    + "Kepala Daerah", 1_018_842_650L, 1_006_227_066L, "98.7"));

    private static boolean sent;

    /** Seed 004 (Kecamatan Metro Barat) as performance-service publishes it, once; also the demo mode's test. */
    @BeforeAll
    public static void seed004() {
        if (sent) {
            return;
        }
        sent = true;
        UUID plan = UUID.randomUUID();
        Instant published = Instant.parse("2021-02-01T02:00:00Z");
        List<PlanNodeRef> iku = List.of(new PlanNodeRef("TUJUAN", null, "Meningkatkan kualitas pelayanan "
                + "administrasi birokrasi"));
        List<UUID> ikuIds = new ArrayList<>();
        List<PlanIndicator> indicators = new ArrayList<>();
        for (Iku i : IKU) {
            UUID id = UUID.randomUUID();
            ikuIds.add(id);
            List<YearTarget> targets = new ArrayList<>();
            for (int year = 2021; year <= 2026; year++) {
                // later years keep the 2022 target, as performance-service's seed plan does: the seed prints no others
                targets.add(new YearTarget(year, year == 2021 ? i.target2021() : i.target2022(), null, null));
            }
            indicators.add(new PlanIndicator(id, "SASARAN", null, SASARAN, i.indicator(), i.unit(), "HIGHER",
                    "%".equals(i.unit()) ? "PERCENTAGE" : "INDEX", "LAST", targets, iku));
        }
        List<UUID> kegiatanIds = new ArrayList<>();
        for (Kegiatan k : KEGIATAN) {
            UUID id = UUID.randomUUID();
            kegiatanIds.add(id);
            indicators.add(new PlanIndicator(id, "KEGIATAN", k.code(), k.name(), "Persentase penyerapan anggaran "
                    + "kegiatan", "bulan", "HIGHER", "MONTHS", "LAST", List.of(new YearTarget(2022, "12", null,
                    k.budget())), List.of(iku.get(0), new PlanNodeRef("SASARAN", null, SASARAN),
                    new PlanNodeRef("PROGRAM", k.programCode(), k.program()))));
        }
        events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, plan, UNIT, new PlanVersionPublished(plan, 1, UNIT,
                "Renstra Kecamatan Metro Barat 2021-2026", 2021, 2026, null, indicators, published));

        UUID agreement2021 = UUID.randomUUID();
        List<AgreementItem> items2021 = new ArrayList<>();
        for (int i = 0; i < IKU.size(); i++) {
            items2021.add(new AgreementItem(i, SASARAN, IKU.get(i).indicator(), IKU.get(i).unit(), "HIGHER",
                    IKU.get(i).target2021(), null, null, ikuIds.get(i)));
        }
        events.performance(EventCatalog.AGREEMENT_AGREED, agreement2021, UNIT, new AgreementAgreed(agreement2021, 1,
                UNIT, 2021, "HEAD", "Camat Metro Barat", null, items2021, Instant.parse("2021-02-10T02:00:00Z")));
        UUID agreement2022 = UUID.randomUUID();
        List<AgreementItem> items2022 = new ArrayList<>();
        for (int i = 0; i < IKU.size(); i++) {
            items2022.add(new AgreementItem(i, SASARAN, IKU.get(i).indicator(), IKU.get(i).unit(), "HIGHER",
                    IKU.get(i).target2022(), null, null, ikuIds.get(i)));
        }
        for (int k = 0; k < KEGIATAN.size(); k++) {
            items2022.add(new AgreementItem(IKU.size() + k, KEGIATAN.get(k).program(), KEGIATAN.get(k).name(),
                    "bulan", "HIGHER", "12", null, KEGIATAN.get(k).budget(), kegiatanIds.get(k)));
        }
        events.performance(EventCatalog.AGREEMENT_AGREED, agreement2022, UNIT, new AgreementAgreed(agreement2022, 1,
                UNIT, 2022, "HEAD", "Camat Metro Barat", null, items2022, Instant.parse("2022-02-10T02:00:00Z")));

        UUID q4of2021 = UUID.randomUUID();
        List<RealisationEntry> entries2021 = new ArrayList<>();
        for (int i = 0; i < IKU.size(); i++) {
            Iku k = IKU.get(i);
            entries2021.add(new RealisationEntry(i, k.indicator(), k.unit(), k.value2021(), null, null,
                    k.target2021(), null, null, null, null, k.capaian2021(), k.value2021(), k.capaian2021(),
                    k.rating2021(), k.rating2021()));
        }
        events.performance(EventCatalog.REALISATION_APPROVED, q4of2021, UNIT, snapshot(q4of2021, 2021, 4,
                agreement2021, entries2021, Instant.parse("2022-01-12T03:00:00Z")));

        // 2022: half of each kegiatan's rupiah in the second quarter, the rest in the fourth; the year's IKU figures
        // are the fourth quarter's year to date
        for (int quarter : new int[] {2, 4}) {
            UUID id = UUID.randomUUID();
            List<RealisationEntry> entries = new ArrayList<>();
            for (int i = 0; i < IKU.size(); i++) {
                Iku k = IKU.get(i);
                String capaian = quarter == 4 ? k.capaian2022() : "50";
                String rating = quarter == 4 ? k.rating2022() : "Sangat Rendah";
                entries.add(new RealisationEntry(i, k.indicator(), k.unit(), k.value2022(), null, null,
                        k.target2022(), null, null, null, null, capaian, quarter == 4 ? k.value2022() : "1", capaian,
                        rating, rating));
            }
            for (int k = 0; k < KEGIATAN.size(); k++) {
                Kegiatan g = KEGIATAN.get(k);
                long half = g.realised() / 2;
                long spent = quarter == 2 ? half : g.realised() - half;
                entries.add(new RealisationEntry(IKU.size() + k, g.name(), "bulan", quarter == 2 ? "6" : "12", null,
                        null, "12", null, g.budget(), spent, BigDecimal.valueOf(spent * 100).divide(BigDecimal
                        .valueOf(g.budget()), 2, RoundingMode.HALF_UP).toPlainString(), "100", "12", "100",
                        "Sangat Tinggi", "Sangat Tinggi"));
            }
            events.performance(EventCatalog.REALISATION_APPROVED, id, UNIT, snapshot(id, 2022, quarter, agreement2022,
                    entries, Instant.parse(quarter == 2 ? "2022-07-11T03:00:00Z" : "2023-01-11T03:00:00Z")));
        }
    }

    static RealisationSnapshot snapshot(UUID id, int year, int quarter, UUID agreement, List<RealisationEntry> entries,
                                        Instant at) {
        // 2021 as performance-service publishes a historical quarter (before its holiday calendar): no due date, no
        // lateness; 2022 with both, as an older platform with that year's calendar would have published it.
        LocalDate due = year == 2021 ? null
                : quarter == 4 ? LocalDate.of(year + 1, 1, 9) : LocalDate.of(year, 3 * quarter + 1, 7);
        return new RealisationSnapshot(id, UNIT, year, quarter, agreement, 1, "APPROVED", 1, 1, due,
                at.minusSeconds(86_400), due == null ? null : 0, null, List.of(), null, null, entries, at);
    }

    private JsonNode report(String token) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(PATH, token).body();
            return body.path("iku").size() == 4 && body.at("/comparison/0/previousCapaian").isNumber()
                    && body.path("budget").size() == 15 && body.at("/budgetTotal/realised").asLong() == 7_359_542_454L;
        });
        return api.get(PATH, token).body();
    }

    @Test
    void seed004IkuTableComesOutAsTheDocumentPrintsItWithTheYearBeforeAndThePlansFinalTarget() {
        JsonNode body = report(token("bappeda.planner"));
        assertThat(body.path("unitName").asString()).isEqualTo("Kecamatan Metro Barat");
        assertThat(body.path("periodLabel").asString()).isEqualTo("Tahun 2022");
        assertThat(body.path("hasData").asBoolean()).isTrue();
        assertThat(body.at("/plan/title").asString()).isEqualTo("Renstra Kecamatan Metro Barat 2021-2026");
        for (int i = 0; i < IKU.size(); i++) {
            Iku k = IKU.get(i);
            JsonNode row = body.path("iku").get(i);
            assertThat(row.path("sasaran").asString()).isEqualTo(SASARAN);
            assertThat(row.path("indicator").asString()).isEqualTo(k.indicator());
            assertThat(row.path("target").decimalValue()).isEqualByComparingTo(k.target2022());
            assertThat(row.path("realisation").decimalValue()).isEqualByComparingTo(k.value2022());
            assertThat(row.path("capaian").decimalValue()).as("printed capaian of " + k.indicator())
                    .isEqualByComparingTo(k.capaian2022());
            // the seed's printed capaian is right: realisation / target, 2 places (higher is better)
            assertThat(new BigDecimal(k.value2022()).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(k.target2022()), 2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(k.capaian2022());
            assertThat(row.path("rating").asString()).isEqualTo(k.rating2022());
            assertThat(row.path("throughQuarter").asInt()).isEqualTo(4);
            JsonNode compared = body.path("comparison").get(i);
            assertThat(compared.path("previousTarget").decimalValue()).isEqualByComparingTo(k.target2021());
            assertThat(compared.path("previousRealisation").decimalValue()).isEqualByComparingTo(k.value2021());
            assertThat(compared.path("previousCapaian").decimalValue()).isEqualByComparingTo(k.capaian2021());
            assertThat(compared.path("realisation").decimalValue()).isEqualByComparingTo(k.value2022());
            assertThat(compared.path("finalTarget").decimalValue()).isEqualByComparingTo(k.target2022());
            assertThat(compared.path("finalYear").asInt()).isEqualTo(2026);
        }
        assertThat(body.path("iku").valueStream().map(r -> r.path("capaian").decimalValue().toPlainString()).toList())
                .containsExactly("85.37", "100", "74.79", "100");
    }

    @Test
    void budgetPerProgramAndKegiatanSumsTheQuartersAndNamesTheSeedsArithmetic() {
        JsonNode body = report(token("bappeda.planner"));
        JsonNode budget = body.path("budget");
        assertThat(budget.get(0).path("level").asString()).isEqualTo("PROGRAM");
        assertThat(budget.get(0).path("name").asString()).isEqualTo(P1);
        assertThat(budget.get(0).path("budget").asLong()).isEqualTo(12_897_600L + 4_112_784_533L + 250_844_950L
                + 28_904_985L + 86_213_000L);
        int row = 0;
        int matchingPrint = 0;
        String program = null;
        for (Kegiatan k : KEGIATAN) {
            if (!k.program().equals(program)) {
                program = k.program();
                assertThat(budget.get(row).path("code").asString()).isEqualTo(k.programCode());
                row++;
            }
            JsonNode line = budget.get(row++);
            assertThat(line.path("level").asString()).isEqualTo("KEGIATAN");
            assertThat(line.path("name").asString()).isEqualTo(k.name());
            assertThat(line.path("budget").asLong()).isEqualTo(k.budget());
            assertThat(line.path("realised").asLong()).as("Q2 + Q4 of " + k.name()).isEqualTo(k.realised());
            BigDecimal shown = line.path("absorption").decimalValue();
            matchingPrint += shown.compareTo(new BigDecimal(k.printed())) == 0 ? 1 : 0;
        }
        assertThat(budget.get(12).path("absorption").decimalValue()).as("Rp 11.200.000 of "
                + "11.200.000, which the seed prints as 97,32%").isEqualByComparingTo("100");
        assertThat(budget.get(3).path("absorption").decimalValue()).as("seed: 95,5").isEqualByComparingTo("95.59");
        assertThat(matchingPrint).as("of the ten printed percentages only 99,8 agrees with the figures to the "
                + "places it gives").isEqualTo(1);
        assertThat(body.at("/budgetTotal/programmes").asInt()).isEqualTo(5);
        assertThat(body.at("/budgetTotal/kegiatan").asInt()).as("the seed says 11 kegiatan and lists 10")
                .isEqualTo(10);
        assertThat(body.at("/budgetTotal/budget").asLong()).as("seed prints Rp 7.514.001.545")
                .isEqualTo(7_552_676_345L).isEqualTo(7_514_001_545L + 38_674_800L);
        assertThat(body.at("/budgetTotal/realised").asLong()).as("seed prints Rp 7.321.015.384")
                .isEqualTo(7_359_542_454L);
        assertThat(body.at("/budgetTotal/absorption").decimalValue()).as("seed prints 97,43%")
                .isEqualByComparingTo("97.44");
    }

    @Test
    void seed004AsXlsxWithIndonesianFormatsOneSheetPerTableAndFrozenHeaders() throws Exception {
        String planner = token("bappeda.planner");
        report(planner);
        HttpResponse<byte[]> file = bytes(PATH + "&format=xlsx", planner, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(LakipWorkbook.MEDIA_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("lakip-18.72.03-2022.xlsx");
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("Capaian IKU", "Perbandingan Tahun",
                    "Realisasi Anggaran", "Sumber Data");
            Sheet iku = workbook.getSheet("Capaian IKU");
            assertThat(iku.getRow(0).getCell(0).getStringCellValue()).contains("LAKIP", "Kecamatan Metro Barat",
                    "Tahun 2022");
            assertThat(iku.getRow(1).getCell(0).getStringCellValue()).contains("1 Januari 2022 s.d. 31 Desember 2022",
                    "performance.events");
            assertThat(iku.getPaneInformation().isFreezePane()).isTrue();
            assertThat(iku.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            Row ikm = iku.getRow(4);
            assertThat(ikm.getCell(4).getNumericCellValue()).isEqualTo(82.0);
            assertThat(ikm.getCell(5).getNumericCellValue()).isEqualTo(70.0);
            assertThat(ikm.getCell(6).getNumericCellValue()).isEqualTo(0.8537);
            assertThat(ikm.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(indonesian.formatCellValue(ikm.getCell(6))).isEqualTo("85,37%");
            assertThat(ikm.getCell(7).getStringCellValue()).isEqualTo("Tinggi");
            assertThat(indonesian.formatCellValue(iku.getRow(6).getCell(5))).isEqualTo("63,57");
            assertThat(indonesian.formatCellValue(iku.getRow(6).getCell(6))).isEqualTo("74,79%");

            Sheet comparison = workbook.getSheet("Perbandingan Tahun");
            assertThat(comparison.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Target 2021");
            assertThat(comparison.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(70.0);
            assertThat(indonesian.formatCellValue(comparison.getRow(5).getCell(6))).isEqualTo("82,35%");
            assertThat(comparison.getRow(4).getCell(11).getStringCellValue()).isEqualTo("2026");

            Sheet budget = workbook.getSheet("Realisasi Anggaran");
            assertThat(budget.getPaneInformation().isFreezePane()).isTrue();
            Row first = budget.getRow(4);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(P1);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("\"Rp\"#,##0");
            Row administration = budget.getRow(6);
            assertThat(indonesian.formatCellValue(administration.getCell(3))).isEqualTo("Rp4.112.784.533");
            assertThat(indonesian.formatCellValue(administration.getCell(4))).isEqualTo("Rp3.952.130.660");
            assertThat(indonesian.formatCellValue(administration.getCell(5))).isEqualTo("96,09%");
            Row total = budget.getRow(4 + 15);
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("Jumlah (5 program, 10 kegiatan)");
            assertThat(indonesian.formatCellValue(total.getCell(3))).isEqualTo("Rp7.552.676.345");
            assertThat(indonesian.formatCellValue(total.getCell(4))).isEqualTo("Rp7.359.542.454");
            assertThat(indonesian.formatCellValue(total.getCell(5))).isEqualTo("97,44%");
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, planner, Map.of("Accept", LakipWorkbook.MEDIA_TYPE));
        assertThat(sha256(again.body())).as("same data, same XLSX bytes").isEqualTo(sha256(file.body()));
    }

    /**
     * The page the PDF is rendered from, as the console's preview: the same tables and charts (inline SVG), as HTML
     * under a policy that loads nothing and runs nothing; the same refusals as the report.
     */
    @Test
    void seed004AsAPreviewPageIsThePdfsOwnPageUnderAPolicyThatRunsNothing() throws Exception {
        String camat = token("metrobarat.camat");
        report(camat);
        HttpResponse<byte[]> page = bytes(PATH + "&format=html", camat, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "sandbox", "frame-ancestors 'none'").doesNotContain("script-src");
        assertThat(page.headers().firstValue("Content-Disposition")).as("shown, not downloaded").isEmpty();
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        // kept to be looked at in a browser (chromium --headless --screenshot target/preview-lakip.html)
        java.nio.file.Files.write(java.nio.file.Path.of("target/preview-lakip.html"), page.body());
        assertThat(html).contains("LAPORAN KINERJA INSTANSI PEMERINTAH (LAKIP) TAHUN 2022",
                "Tabel 3.1 Capaian Indikator Kinerja Utama (IKU) Tahun 2022", "85,37", "74,79", "Grafik 3.1", "<svg")
                .doesNotContain("<script");
        HttpResponse<byte[]> pdf = bytes(PATH + "&format=pdf", camat, Map.of());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Tabel 3.1 Capaian Indikator Kinerja Utama");
        }
        assertThat(bytes(PATH.replace("tahun=2022", "tahun=2030") + "&format=html", camat, Map.of()).statusCode())
                .as("a year outside the plan, as for every format").isEqualTo(400);
        assertThat(bytes(PATH + "&format=html", token("rejomulyo.operator"), Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void seed004AsPdfWithTheTablesChartsAndHeaderAndPagesRendered() throws Exception {
        String camat = token("metrobarat.camat");
        report(camat);
        HttpResponse<byte[]> file = bytes(PATH + "&format=pdf", camat, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("lakip-18.72.03-2022.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("LAPORAN KINERJA INSTANSI PEMERINTAH (LAKIP) TAHUN 2022",
                    "Kecamatan Metro Barat · LAKIP Tahun 2022 · versi data: performance.events",
                    "1 Januari 2022 s.d. 31 Desember 2022", "Renstra Kecamatan Metro Barat 2021-2026",
                    "Tabel 3.1 Capaian Indikator Kinerja Utama (IKU) Tahun 2022",
                    "Prosentase Indeks Kepuasan Masyarakat (IKM) 82 70 85,37 Tinggi",
                    "63,57% 74,79 Sedang", "Tabel 3.2 Perbandingan Realisasi dan Capaian Kinerja Tahun 2021 dengan "
                            + "Tahun 2022", "Target akhir Renstra (2026)", "Grafik 3.1", "Grafik 3.2", "Grafik 3.3",
                    "Tabel 3.3 Realisasi Anggaran per Program dan Kegiatan Tahun 2022", "4.112.784.533",
                    "3.952.130.660", "96,09%", "7.552.676.345", "7.359.542.454", "97,44%",
                    "Jumlah (5 program, 10 kegiatan)", "Halaman 1 dari");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            Files.createDirectories(Path.of("target"));
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                assertThat(image.getWidth()).isGreaterThan(800);
                ImageIO.write(image, "png", Path.of("target", "lakip-page" + (page + 1) + ".png").toFile());
            }
            Files.write(Path.of("target", "lakip.pdf"), file.body());
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, camat, Map.of("Accept", "application/pdf"));
        assertThat(sha256(again.body())).as("same data, same PDF bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void aYearWithoutDataGivesAValidReportThatSaysSo() throws Exception {
        String auditor = token("inspektorat.auditor");
        report(auditor);
        ApiClient.Response answer = api.get("/api/v1/reports/lakip?unit=" + UNIT + "&tahun=2025", auditor);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("hasData").asBoolean()).isFalse();
        assertThat(answer.body().path("iku")).isEmpty();
        assertThat(answer.body().path("budget")).isEmpty();
        assertThat(answer.body().path("notes").valueStream().map(JsonNode::asString).toList())
                .contains("Belum ada Perjanjian Kinerja tahun 2025 yang disepakati untuk unit ini.",
                        "Belum ada realisasi tahun 2025 yang diserahkan; realisasi, capaian dan realisasi anggaran "
                                + "kosong.");
        HttpResponse<byte[]> pdf = bytes("/api/v1/reports/lakip?unit=" + UNIT + "&tahun=2025&format=pdf", auditor,
                Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Belum ada realisasi Tahun 2025 yang diserahkan untuk unit ini");
        }
        HttpResponse<byte[]> xlsx = bytes("/api/v1/reports/lakip?unit=dinsos&tahun=2025&format=xlsx", auditor,
                Map.of());
        assertThat(xlsx.statusCode()).as("an OPD without any event").isEqualTo(200);
    }

    /** A historical quarter (published without a due date) lays out with the deadline "not applicable", not blank. */
    @Test
    void aHistoricalQuartersReportSaysItsDeadlineDoesNotApply() throws Exception {
        String auditor = token("inspektorat.auditor");
        report(auditor);
        String path = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2021&triwulan=4";
        ApiClient.Response answer = api.get(path, auditor);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().findValues("dueDate")).isNotEmpty().allMatch(JsonNode::isNull);
        HttpResponse<byte[]> xlsx = bytes(path + "&format=xlsx", auditor, Map.of());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            DataFormatter text = new DataFormatter(Locale.forLanguageTag("id-ID"));
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(text.formatCellValue(cell)))));
        }
        assertThat(cells).contains("Batas waktu", "Tidak berlaku (data historis)");
        HttpResponse<byte[]> pdf = bytes(path + "&format=pdf", auditor, Map.of());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("batas waktu tidak berlaku (data historis)");
        }
    }

    @Test
    void aYearOutsideThePlanIs400WithAPointerAndBadParametersTooEachWithItsPointer() {
        String planner = token("bappeda.planner");
        report(planner);
        String base = "/api/v1/reports/lakip";
        assertProblem(api.get(base + "?unit=" + UNIT + "&tahun=2030", planner), 400, "RP-PERIODE-DI-LUAR-RENSTRA",
                "/tahun");
        assertProblem(api.get(base + "?unit=" + UNIT, planner), 400, "RP-PARAMETER-TIDAK-SAH", "/tahun");
        assertProblem(api.get(base + "?unit=" + UNIT + "&tahun=22", planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get(base + "?tahun=2022", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/unit");
        assertProblem(api.get(base + "?unit=Kecamatan%20X&tahun=2022", planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/unit");
        assertProblem(api.get(base + "?unit=" + UNIT + "&tahun=2022&format=docx", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
    }

    @Test
    void anUnknownUnitIs404AndOneOutsideTheCallersRegion403WithoutSayingWhetherItExists() {
        String planner = token("bappeda.planner");
        String base = "/api/v1/reports/lakip?tahun=2022&unit=";
        assertProblem(api.get(base + "18.72.09", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.get(base + "dinkes", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        String operator = token("metrobarat.operator");
        ApiClient.Response existing = api.get(base + "18.72.01", operator);
        ApiClient.Response missing = api.get(base + "18.72.01.1999", operator);
        assertProblem(existing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(missing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(existing.body().path("detail").asString()).isEqualTo(missing.body().path("detail").asString());
        assertProblem(api.get(base + "dinsos&format=pdf", operator), 403, "RP-DI-LUAR-WILAYAH", null);
    }

    @Test
    void aReadModelRebuildGivesTheSameLakipBytes() throws Exception {
        // the plan indicators, yearly targets and ratings this report reads are replayed into the new generation
        String planner = token("bappeda.planner");
        String admin = token("platform.admin");
        String rebuilds = "/api/v1/ops/read-model-rebuilds";
        report(planner);
        boolean compared = false;
        for (int attempt = 0; attempt < 3 && !compared; attempt++) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> api.get(
                    rebuilds, admin).body().valueStream().noneMatch(r -> r.path("state").asString().equals("RUNNING")));
            String version = api.get(PATH, planner).body().path("sources").toString().replaceAll(
                    "\"(lagSeconds|lastAppliedAt)\":[^,}]*", "");
            byte[] before = bytes(PATH + "&format=xlsx", planner, Map.of()).body();
            ApiClient.Response started = api.post(rebuilds, admin, "{}");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            String status = rebuilds + "/" + started.body().path("id").asString();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !api.get(status, admin).body().path("state").asString().equals("RUNNING"));
            assertThat(api.get(status, admin).body().path("state").asString()).isEqualTo("COMPLETED");
            byte[] after = bytes(PATH + "&format=xlsx", planner, Map.of()).body();
            String versionAfter = api.get(PATH, planner).body().path("sources").toString().replaceAll(
                    "\"(lagSeconds|lastAppliedAt)\":[^,}]*", "");
            if (version.equals(versionAfter)) {
                assertThat(sha256(after)).as("the rebuilt model's LAKIP").isEqualTo(sha256(before));
                compared = true;
            }
        }
        assertThat(compared).as("no quiet moment on the shared broker in three attempts").isTrue();
        JsonNode body = report(planner);
        assertThat(body.at("/comparison/0/finalYear").asInt()).isEqualTo(2026);
        assertThat(body.at("/iku/2/rating").asString()).isEqualTo("Sedang");
        assertThat(body.at("/budget/0/code").asString()).isEqualTo("7.01.01");
    }
}
