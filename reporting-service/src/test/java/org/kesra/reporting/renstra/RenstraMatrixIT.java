package org.kesra.reporting.renstra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The Renstra progress matrix of Dinas Sosial with a part of seed 001 Tabel 6.1 (Renstra 2021-2026): Program
 * Pemberdayaan Sosial (1.06.02) with its two kegiatan (2.02, 2.03) and three sub kegiatan, with the document's codes,
 * indicators, targets and Rp of years 1-5 (2021-2025) and of the kondisi akhir (2026), fed as performance-service's
 * events through Kafka: plan version 1 and a version 2, the Kepala Dinas's 2021 and 2022 Perjanjian Kinerja taking
 * over the plan's indicators, and realisations of 2021 (second and fourth quarter, approved) and 2022 (second quarter,
 * approved). The realisation figures are made up for the test: the seed has no realisation of these rows.
 *
 * <p>Seed 001's own arithmetic, which the report shows beside and does not correct: the program's Rp of year 1
 * (Rp 463.000.000) is not the sum of its two kegiatan (Rp 25.000.000 + Rp 433.159.000 = Rp 458.159.000), and each
 * kegiatan's is not the sum of its sub kegiatan (Rp 1.186.300; Rp 77.000.000 + Rp 53.000.000 = Rp 130.000.000).
 */
public class RenstraMatrixIT extends ReportingApiIntegrationBase {

    static final String UNIT = "dinsos";
    static final String PATH = "/api/v1/reports/renstra-matrix?unit=" + UNIT;
    static final String TUJUAN = "Meningkatkan kesejahteraan sosial masyarakat";
    static final String SASARAN = "Meningkatnya penanganan pemerlu pelayanan kesejahteraan sosial";
    static final String PROGRAM = "Program Pemberdayaan Sosial";
    static final String K202 = "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota";
    static final String K203 = "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten / Kota";

    /** A Tabel 6.1 row: level, code, name, indicator, unit, kondisi awal, targets 2021-2026 (null: "-"), Rp. */
    record Line(String level, String code, String name, String indicator, String unit, String baseline,
                String[] targets, Long[] budgets) {
        UUID id() {
            return UUID.nameUUIDFromBytes(("renstra-matrix-it:" + code).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final List<Line> LINES = List.of(
            new Line("PROGRAM", "1.06.02", PROGRAM, "Persentase Potensi Sumber Kesejahteraan Sosial (PSKS) yang "
                    + "memiliki kompetensi sesuai dengan bidang", "%", "50",
                    new String[] {"60", "70", "80", "90", "100", "100"},
                    new Long[] {463_000_000L, 486_000_000L, 510_000_000L, 536_000_000L, 563_000_000L, null}),
            new Line("KEGIATAN", "1.06.02.2.02", K202, "Persentase penerbitan izin pengumpulan sumbangan", "%", "0",
                    new String[] {"10", "20", "30", "40", "50", "50"},
                    new Long[] {25_000_000L, 30_000_000L, 40_000_000L, 50_000_000L, 60_000_000L, null}),
            new Line("SUB_KEGIATAN", "1.06.02.2.02.01", "Koordinasi dan Sinkronisasi Penerbitan Izin Undian Gratis "
                    + "Berhadiah dan Pengumpulan Uang atau Barang", "jumlah peserta sosialisasi PUB dan UGB", "org", null,
                    new String[] {null, "50", "65", "70", "80", "80"},
                    new Long[] {1_186_300L, 25_000_000L, 40_000_000L, 50_000_000L, 60_000_000L, 65_000_000L}),
            new Line("KEGIATAN", "1.06.02.2.03", K203, "Persentase PSKS yang mendapatkan pelatihan dan "
                    + "pengembangan kapasitas", "%", "50", new String[] {"60", "70", "80", "90", "100", "100"},
                    new Long[] {433_159_000L, 442_020_000L, 448_880_000L, 458_740_000L, 467_600_000L, null}),
            new Line("SUB_KEGIATAN", "1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat "
                    + "Kewenangan Kabupaten / Kota", "Jumlah Pekerja Sosial Masyarakat yang mendapatkan peningkatan "
                    + "kapasitas", "orang", null, new String[] {"30", "30", "30", "30", "30", "30"},
                    new Long[] {77_000_000L, 81_000_000L, 125_000_000L, 132_000_000L, 138_000_000L, 145_000_000L}),
            new Line("SUB_KEGIATAN", "1.06.02.2.03.02", "Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial "
                    + "Kecamatan Kewenangan Kabupaten / Kota", "Jumlah Tenaga Kesejahteraan Sosial yang mendapatkan "
                    + "Peningkatan Kapasitas", "org", null, new String[] {"5", "5", "5", "5", "5", "5"},
                    new Long[] {53_000_000L, 56_000_000L, 58_000_000L, 62_000_000L, 65_000_000L, 68_000_000L}));

    /** Made-up realisation per line: year-to-date value and capaian, rupiah realised per quarter sent. */
    record Figure(String value, String capaian, String rating, long[] rupiah) {
    }

    // 2021: second and fourth quarter (the fourth's year-to-date figures are the year's); rupiah of each quarter
    static final List<Figure> YEAR_2021 = List.of(
            new Figure("58", "96.67", "Tinggi", new long[] {200_000_000L, 244_000_000L}),
            new Figure("10", "100", "Sangat Tinggi", new long[] {10_000_000L, 14_000_000L}),
            new Figure("45", null, null, new long[] {0L, 1_186_300L}),
            new Figure("55", "91.67", "Tinggi", new long[] {200_000_000L, 220_000_000L}),
            new Figure("30", "100", "Sangat Tinggi", new long[] {35_000_000L, 40_000_000L}),
            new Figure("4", "80", "Sedang", new long[] {25_000_000L, 25_000_000L}));
    // 2022: second quarter only
    static final List<Figure> YEAR_2022 = List.of(
            new Figure("35", "50", "Sangat Rendah", new long[] {230_000_000L}),
            new Figure("10", "50", "Sangat Rendah", new long[] {12_000_000L}),
            new Figure("20", "40", "Sangat Rendah", new long[] {9_000_000L}),
            new Figure("40", "57.14", "Rendah", new long[] {210_000_000L}),
            new Figure("15", "50", "Sangat Rendah", new long[] {40_000_000L}),
            new Figure("2", "40", "Sangat Rendah", new long[] {26_000_000L}));

    private static boolean sent;

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("renstra-matrix-it:" + name).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    public static void seed001() {
        if (sent) {
            return;
        }
        sent = true;
        UUID plan = id("plan");
        List<PlanNodeRef> above = List.of(new PlanNodeRef("TUJUAN", null, TUJUAN),
                new PlanNodeRef("SASARAN", null, SASARAN));
        for (int version = 1; version <= 2; version++) {
            List<PlanIndicator> indicators = new ArrayList<>();
            for (Line line : LINES) {
                List<YearTarget> targets = new ArrayList<>();
                for (int y = 0; y < 6; y++) {
                    // version 2 revises one figure, so that the version used can be told from the matrix
                    String target = version == 2 && y == 3 && line.code().equals("1.06.02.2.03.01") ? "35"
                            : line.targets()[y];
                    targets.add(new YearTarget(2021 + y, target, null, line.budgets()[y]));
                }
                List<PlanNodeRef> ancestors = new ArrayList<>(above);
                if (!line.level().equals("PROGRAM")) {
                    ancestors.add(new PlanNodeRef("PROGRAM", "1.06.02", PROGRAM));
                }
                if (line.level().equals("SUB_KEGIATAN")) {
                    String kegiatan = line.code().substring(0, 12);
                    ancestors.add(new PlanNodeRef("KEGIATAN", kegiatan, kegiatan.endsWith("2.02") ? K202 : K203));
                }
                indicators.add(new PlanIndicator(line.id(), line.level(), line.code(), line.name(), line.indicator(),
                        line.unit(), "HIGHER", "%".equals(line.unit()) ? "PERCENTAGE" : "COUNT", "LAST", targets,
                        ancestors, line.baseline()));
            }
            events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, plan, UNIT, new PlanVersionPublished(plan,
                    version, UNIT, "Renstra Dinas Sosial Kota Metro 2021-2026", 2021, 2026,
                    version == 1 ? null : "Penyesuaian target 2024", indicators,
                    Instant.parse(version == 1 ? "2021-03-01T02:00:00Z" : "2023-06-01T02:00:00Z")));
        }
        year(2021, YEAR_2021, new int[] {2, 4});
        year(2022, YEAR_2022, new int[] {2});
    }

    private static void year(int year, List<Figure> figures, int[] quarters) {
        UUID agreement = id("agreement-" + year);
        List<AgreementItem> items = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            Line line = LINES.get(i);
            items.add(new AgreementItem(i, SASARAN, line.indicator(), line.unit(), "HIGHER",
                    line.targets()[year - 2021], null, line.budgets()[year - 2021], line.id()));
        }
        events.performance(EventCatalog.AGREEMENT_AGREED, agreement, UNIT, new AgreementAgreed(agreement, 1, UNIT,
                year, "HEAD", "Kepala Dinas Sosial", null, items, Instant.parse(year + "-02-10T02:00:00Z")));
        for (int q = 0; q < quarters.length; q++) {
            int quarter = quarters[q];
            boolean last = q == quarters.length - 1;
            List<RealisationEntry> entries = new ArrayList<>();
            for (int i = 0; i < LINES.size(); i++) {
                Line line = LINES.get(i);
                Figure f = figures.get(i);
                long spent = f.rupiah()[q];
                Long budget = line.budgets()[year - 2021];
                String value = last ? f.value() : "1";
                String capaian = last ? f.capaian() : (f.capaian() == null ? null : "1");
                String rating = last ? f.rating() : (f.rating() == null ? null : "Sangat Rendah");
                entries.add(new RealisationEntry(i, line.indicator(), line.unit(), value, null, null,
                        line.targets()[year - 2021], null, budget, spent, BigDecimal.valueOf(spent * 100).divide(
                        BigDecimal.valueOf(budget), 2, RoundingMode.HALF_UP).toPlainString(), capaian, value, capaian,
                        rating, rating));
            }
            UUID id = id("realisation-" + year + "-" + quarter);
            LocalDate due = quarter == 4 ? LocalDate.of(year + 1, 1, 9) : LocalDate.of(year, 3 * quarter + 1, 7);
            Instant at = due.atStartOfDay().plusDays(1).toInstant(java.time.ZoneOffset.UTC);
            events.performance(EventCatalog.REALISATION_APPROVED, id, UNIT, new RealisationSnapshot(id, UNIT, year,
                    quarter, agreement, 1, "APPROVED", 1, 1, due, at.minusSeconds(86_400), 0, null, List.of(), null,
                    null, entries, at));
        }
    }

    private JsonNode report(String token) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(PATH, token).body();
            return body.at("/plan/version").asInt() == 2 && body.path("rows").size() == 6
                    && body.at("/years/0/throughQuarter").asInt() == 4 && body.at("/years/1/hasData").asBoolean()
                    && body.at("/rows/0/years/0/budgetRealised").asLong() == 444_000_000L;
        });
        return api.get(PATH, token).body();
    }

    @Test
    void seed001Tabel61WithTheRealisationAndCapaianOfTwoYearsAndTheSumsOfTheLevelBelow() {
        JsonNode body = report(token("bappeda.planner"));
        assertThat(body.path("unitName").asString()).isEqualTo("Dinas Sosial");
        assertThat(body.at("/plan/title").asString()).isEqualTo("Renstra Dinas Sosial Kota Metro 2021-2026");
        assertThat(body.at("/plan/startYear").asInt()).isEqualTo(2021);
        assertThat(body.at("/plan/endYear").asInt()).isEqualTo(2026);
        assertThat(body.path("availableVersions").valueStream().map(JsonNode::asInt).toList()).containsExactly(2, 1);
        assertThat(body.path("years").valueStream().map(y -> y.path("label").asString()).toList())
                .containsExactly("Tahun 1", "Tahun 2", "Tahun 3", "Tahun 4", "Tahun 5", "Kondisi akhir");
        assertThat(body.at("/years/1/throughQuarter").asInt()).isEqualTo(2);
        assertThat(body.at("/years/2/hasData").asBoolean()).isFalse();

        JsonNode program = body.at("/rows/0");
        assertThat(program.path("level").asString()).isEqualTo("PROGRAM");
        assertThat(program.path("code").asString()).isEqualTo("1.06.02");
        assertThat(program.path("responsibleUnit").asString()).isEqualTo("Dinas Sosial");
        assertThat(program.path("baseline").decimalValue()).as("kondisi awal 50%").isEqualByComparingTo("50");
        JsonNode y1 = program.at("/years/0");
        assertThat(y1.path("target").decimalValue()).isEqualByComparingTo("60");
        assertThat(y1.path("budget").asLong()).as("the document's own Rp").isEqualTo(463_000_000L);
        assertThat(y1.path("childrenBudget").asLong()).as("its two kegiatan, Rp 25.000.000 + Rp 433.159.000")
                .isEqualTo(458_159_000L);
        assertThat(y1.path("realisation").decimalValue()).isEqualByComparingTo("58");
        assertThat(y1.path("capaian").decimalValue()).isEqualByComparingTo("96.67");
        assertThat(y1.path("rating").asString()).isEqualTo("Tinggi");
        assertThat(y1.path("budgetRealised").asLong()).as("both quarters summed").isEqualTo(444_000_000L);
        assertThat(y1.path("childrenBudgetRealised").asLong()).isEqualTo(24_000_000L + 420_000_000L);
        assertThat(program.at("/years/4/budget").asLong()).isEqualTo(563_000_000L);
        assertThat(program.path("finalTarget").decimalValue()).isEqualByComparingTo("100");
        assertThat(program.path("finalBudget").isNull()).as("Tabel 6.1 prints '-'").isTrue();

        JsonNode year2 = program.at("/years/1");
        assertThat(year2.path("realisation").decimalValue()).as("2022 through the second quarter")
                .isEqualByComparingTo("35");
        assertThat(year2.path("capaian").decimalValue()).isEqualByComparingTo("50");
        assertThat(year2.path("throughQuarter").asInt()).isEqualTo(2);
        JsonNode empty = program.at("/years/2");
        assertThat(empty.path("target").decimalValue()).isEqualByComparingTo("80");
        assertThat(empty.path("budget").asLong()).isEqualTo(510_000_000L);
        assertThat(empty.path("realisation").isNull()).isTrue();
        assertThat(empty.path("capaian").isNull()).isTrue();

        JsonNode kegiatan = body.at("/rows/3");
        assertThat(kegiatan.path("code").asString()).isEqualTo("1.06.02.2.03");
        assertThat(kegiatan.at("/years/0/budget").asLong()).isEqualTo(433_159_000L);
        assertThat(kegiatan.at("/years/0/childrenBudget").asLong()).as("Rp 77.000.000 + Rp 53.000.000")
                .isEqualTo(130_000_000L);
        assertThat(kegiatan.at("/years/0/childrenBudgetRealised").asLong()).isEqualTo(125_000_000L);
        JsonNode sub = body.at("/rows/2");
        assertThat(sub.path("level").asString()).isEqualTo("SUB_KEGIATAN");
        assertThat(sub.at("/years/0/target").isNull()).as("Tabel 6.1 prints '-' for year 1").isTrue();
        assertThat(sub.path("baseline").isNull()).as("Tabel 6.1 prints '-' as kondisi awal").isTrue();
        assertThat(body.at("/rows/1/baseline").decimalValue()).isEqualByComparingTo("0");
        assertThat(sub.at("/years/0/budget").asLong()).isEqualTo(1_186_300L);
        assertThat(sub.at("/years/0/capaian").isNull()).as("no ratio without a target").isTrue();
        assertThat(sub.at("/years/0/childrenBudget").isNull()).isTrue();
        assertThat(sub.path("finalTarget").decimalValue()).isEqualByComparingTo("80");
        assertThat(sub.path("finalBudget").asLong()).isEqualTo(65_000_000L);
        assertThat(body.at("/rows/4/years/3/target").decimalValue()).as("version 2's revised 2024 target")
                .isEqualByComparingTo("35");
        assertThat(body.path("notes").valueStream().map(JsonNode::asString).toList())
                .contains("Tahun 2023: belum ada realisasi indikator Renstra ini yang diterbitkan.")
                .anyMatch(n -> n.startsWith("Tahun 2022: Realisasi Kepala Dinas Sosial baru sampai Triwulan II"));
        assertThat(body.path("sources").get(0).path("topic").asString()).isEqualTo("performance.events");
        assertThat(body.path("sources").get(0).has("lagSeconds")).isTrue();
    }

    @Test
    void anOlderVersionIsChosenWithVersiAndAnUnknownOneIs404WithItsPointer() {
        String planner = token("bappeda.planner");
        report(planner);
        JsonNode first = api.get(PATH + "&versi=1", planner).body();
        assertThat(first.at("/plan/version").asInt()).isEqualTo(1);
        assertThat(first.at("/rows/4/years/3/target").decimalValue()).isEqualByComparingTo("30");
        assertThat(first.at("/rows/0/years/0/realisation").decimalValue()).isEqualByComparingTo("58");
        assertThat(first.path("notes").valueStream().map(JsonNode::asString).toList())
                .contains("Matriks ini memakai versi 1 Renstra; versi terbaru adalah 2.");
        assertProblem(api.get(PATH + "&versi=7", planner), 404, "RP-VERSI-RENSTRA-TIDAK-DIKENAL", "/versi");
        assertProblem(api.get(PATH + "&versi=dua", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/versi");
        assertProblem(api.get(PATH + "&versi=0", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/versi");
    }

    @Test
    void seed001AsXlsxWithIndonesianFormatsFrozenHeaderAndSourceSheet() throws Exception {
        String planner = token("bappeda.planner");
        report(planner);
        HttpResponse<byte[]> file = bytes(PATH + "&format=xlsx", planner, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(RenstraMatrixWorkbook.MEDIA_TYPE);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("matriks-renstra-dinsos-2021-2026-v2.xlsx");
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("Matriks Renstra");
            assertThat(workbook.getSheetName(1)).isEqualTo("Sumber Data");
            Sheet matrix = workbook.getSheet("Matriks Renstra");
            assertThat(matrix.getRow(0).getCell(0).getStringCellValue()).contains("Matriks Capaian Renstra",
                    "Dinas Sosial", "Renstra 2021-2026 versi 2");
            assertThat(matrix.getRow(1).getCell(0).getStringCellValue())
                    .contains("Renstra Dinas Sosial Kota Metro 2021-2026, periode 2021-2026, versi 2",
                            "performance.events");
            assertThat(matrix.getPaneInformation().isFreezePane()).isTrue();
            assertThat(matrix.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(matrix.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 3);
            Row header = matrix.getRow(3);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Tahun 1 (2021) Target");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Tahun 1 (2021) Capaian");
            int last = 5 + 7 * 6;
            assertThat(header.getCell(last).getStringCellValue()).isEqualTo("Kondisi Akhir Target");
            assertThat(header.getCell(last + 2).getStringCellValue()).isEqualTo("Perangkat Daerah Penanggung Jawab");
            Row program = matrix.getRow(4);
            assertThat(program.getCell(0).getStringCellValue()).isEqualTo("1.06.02");
            assertThat(program.getCell(1).getStringCellValue()).isEqualTo(PROGRAM);
            assertThat(program.getCell(4).getNumericCellValue()).as("kondisi awal").isEqualTo(50.0);
            assertThat(program.getCell(5).getNumericCellValue()).isEqualTo(60.0);
            assertThat(program.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("\"Rp\"#,##0");
            assertThat(indonesian.formatCellValue(program.getCell(6))).isEqualTo("Rp463.000.000");
            assertThat(indonesian.formatCellValue(program.getCell(7))).isEqualTo("Rp458.159.000");
            assertThat(program.getCell(8).getNumericCellValue()).isEqualTo(58.0);
            assertThat(program.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(indonesian.formatCellValue(program.getCell(9))).isEqualTo("96,67%");
            assertThat(indonesian.formatCellValue(program.getCell(10))).isEqualTo("Rp444.000.000");
            assertThat(indonesian.formatCellValue(program.getCell(5 + 7 + 4))).as("2022 capaian").isEqualTo("50,00%");
            assertThat(indonesian.formatCellValue(program.getCell(5 + 14 + 3))).as("2023 realisasi: none").isEmpty();
            assertThat(program.getCell(last).getNumericCellValue()).isEqualTo(100.0);
            assertThat(program.getCell(last + 2).getStringCellValue()).isEqualTo("Dinas Sosial");
            Row sub = matrix.getRow(6);
            assertThat(sub.getCell(2).getStringCellValue()).isEqualTo("jumlah peserta sosialisasi PUB dan UGB");
            assertThat(indonesian.formatCellValue(sub.getCell(6))).isEqualTo("Rp1.186.300");
            assertThat(indonesian.formatCellValue(sub.getCell(last + 1))).isEqualTo("Rp65.000.000");
            Sheet sources = workbook.getSheet("Sumber Data");
            assertThat(sources.getRow(4).getCell(0).getStringCellValue()).isEqualTo("performance.events");
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, planner, Map.of("Accept", RenstraMatrixWorkbook.MEDIA_TYPE));
        assertThat(sha256(again.body())).as("same data, same XLSX bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void seed001AsPdfInLandscapeWithTheTablesTheChartAndThePlanVersion() throws Exception {
        String admin = token("dinsos.admin");
        report(admin);
        HttpResponse<byte[]> file = bytes(PATH + "&format=pdf", admin, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("matriks-renstra-dinsos-2021-2026-v2.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            PDPage first = pdf.getPage(0);
            assertThat(first.getMediaBox().getWidth()).as("A4 landscape").isGreaterThan(first.getMediaBox()
                    .getHeight());
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("MATRIKS RENCANA PROGRAM, KEGIATAN, SUB KEGIATAN, PENDANAAN DAN CAPAIANNYA",
                    "Dinas Sosial · Matriks Capaian Renstra · Renstra 2021-2026 versi 2 · versi data: "
                            + "performance.events",
                    "Renstra Dinas Sosial Kota Metro 2021-2026, periode 2021-2026, versi 2",
                    "Tabel 6.1 Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan", "Kondisi Akhir (2026)",
                    "1.06.02", PROGRAM, "50% 60% 463.000.000", "Σ 458.159.000", "1.186.300", "433.159.000",
                    "Σ 130.000.000", "Tabel 6.1a Realisasi dan Capaian Kinerja per Tahun", "2021 (s.d. Tw IV)",
                    "2022 (s.d. Tw II)", "96,67%", "Grafik 6.1 Capaian per Indikator per Tahun",
                    "Tabel 6.1b Pendanaan dan Realisasinya per Tahun", "444.000.000",
                    "Tahun 2023: belum ada realisasi", "Halaman 1 dari");
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
                assertThat(image.getWidth()).isGreaterThan(image.getHeight());
                ImageIO.write(image, "png", Path.of("target", "renstra-matrix-page" + (page + 1) + ".png").toFile());
            }
            Files.write(Path.of("target", "renstra-matrix.pdf"), file.body());
        }
        Thread.sleep(1_100);
        HttpResponse<byte[]> again = bytes(PATH, admin, Map.of("Accept", "application/pdf"));
        assertThat(sha256(again.body())).as("same data, same PDF bytes").isEqualTo(sha256(file.body()));
    }

    @Test
    void aUnitWithoutPlanGivesAValidEmptyReportThatSaysSo() throws Exception {
        String auditor = token("inspektorat.auditor");
        ApiClient.Response answer = api.get("/api/v1/reports/renstra-matrix?unit=diskominfo", auditor);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("plan").isNull()).isTrue();
        assertThat(answer.body().path("rows")).isEmpty();
        assertThat(answer.body().path("hasData").asBoolean()).isFalse();
        assertThat(answer.body().path("notes").valueStream().map(JsonNode::asString).toList())
                .contains("Belum ada Renstra unit ini yang diterbitkan performance-service; matriks kosong.");
        HttpResponse<byte[]> pdf = bytes("/api/v1/reports/renstra-matrix?unit=diskominfo&format=pdf", auditor,
                Map.of());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("matriks-renstra-diskominfo-tanpa-renstra.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Belum ada Renstra unit ini yang diterbitkan performance-service");
        }
        HttpResponse<byte[]> xlsx = bytes("/api/v1/reports/renstra-matrix?unit=diskominfo&format=xlsx", auditor,
                Map.of());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Matriks Renstra").getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("Belum ada Renstra unit ini yang diterbitkan.");
        }
        assertProblem(api.get("/api/v1/reports/renstra-matrix?unit=diskominfo&versi=1", auditor), 404,
                "RP-VERSI-RENSTRA-TIDAK-DIKENAL", "/versi");
    }

    @Test
    void badParametersAre400AnUnknownUnit404AndOneOutsideTheCallersRegion403WithoutSayingWhetherItExists() {
        String planner = token("bappeda.planner");
        String base = "/api/v1/reports/renstra-matrix";
        assertProblem(api.get(base, planner), 400, "RP-PARAMETER-TIDAK-SAH", "/unit");
        assertProblem(api.get(base + "?unit=Dinas%20Sosial", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/unit");
        assertProblem(api.get(base + "?unit=dinsos&format=docx", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.get(base + "?unit=dinkes", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.get(base + "?unit=18.72.09", planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        String operator = token("metrobarat.operator");
        ApiClient.Response existing = api.get(base + "?unit=18.72.01", operator);
        ApiClient.Response missing = api.get(base + "?unit=18.72.01.1999", operator);
        assertProblem(existing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(missing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(existing.body().path("detail").asString()).isEqualTo(missing.body().path("detail").asString());
        assertProblem(api.get(base + "?unit=dinsos&format=pdf", operator), 403, "RP-DI-LUAR-WILAYAH", null);
        ApiClient.Response own = api.get(base + "?unit=18.72.03", operator);
        assertThat(own.status()).as("the operator's own kecamatan").isEqualTo(200);
    }

    @Test
    void aReadModelRebuildGivesTheSameMatrixBytes() throws Exception {
        // the plan versions, indicators, targets and the realisations this report reads are replayed
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
            byte[] xlsxBefore = bytes(PATH + "&format=xlsx", planner, Map.of()).body();
            byte[] pdfBefore = bytes(PATH + "&format=pdf", planner, Map.of()).body();
            ApiClient.Response started = api.post(rebuilds, admin, "{}");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            String status = rebuilds + "/" + started.body().path("id").asString();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !api.get(status, admin).body().path("state").asString().equals("RUNNING"));
            assertThat(api.get(status, admin).body().path("state").asString()).isEqualTo("COMPLETED");
            byte[] xlsxAfter = bytes(PATH + "&format=xlsx", planner, Map.of()).body();
            byte[] pdfAfter = bytes(PATH + "&format=pdf", planner, Map.of()).body();
            String versionAfter = api.get(PATH, planner).body().path("sources").toString().replaceAll(
                    "\"(lagSeconds|lastAppliedAt)\":[^,}]*", "");
            if (version.equals(versionAfter)) {
                assertThat(sha256(xlsxAfter)).as("the rebuilt model's matrix XLSX").isEqualTo(sha256(xlsxBefore));
                assertThat(sha256(pdfAfter)).as("the rebuilt model's matrix PDF").isEqualTo(sha256(pdfBefore));
                compared = true;
            }
        }
        assertThat(compared).as("no quiet moment on the shared broker in three attempts").isTrue();
        JsonNode body = report(planner);
        assertThat(body.at("/rows/0/years/0/childrenBudget").asLong()).isEqualTo(458_159_000L);
        assertThat(body.at("/rows/0/years/0/rating").asString()).isEqualTo("Tinggi");
    }
}
