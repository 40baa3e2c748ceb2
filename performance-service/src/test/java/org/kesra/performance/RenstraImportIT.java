package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;
import static org.kesra.performance.RenstraMatrixFiles.FIRST_DATA_ROW;
import static org.kesra.performance.RenstraMatrixFiles.indexOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Import of seed 001 Tabel 6.1 (Dinas Sosial's Renstra matrix) from XLSX and CSV through
 * {@code POST /api/v1/performance/units/{unit}/plans/import}, read back through {@code GET /api/v1/renstra/{id}};
 * every bad input refused with its code and row/column pointer and nothing written. Periods after the seed's
 * 2021-2026 (which other tests store for dinsos): one plan per unit and year.
 */
class RenstraImportIT extends PerformanceApiTest {

    private static final String IMPORT = "/api/v1/performance/units/dinsos/plans/import";

    @TempDir
    Path dir;

    @Test
    void seed001Tabel61AsXlsxWithAMergedTwoRowHeaderBecomesThePlanWithCodesNormalisedAndEveryYearsTargetAndRp() {
        Path file = RenstraMatrixFiles.xlsx(dir, RenstraMatrixFiles.header(RenstraMatrixFiles::seedGroup),
                RenstraMatrixFiles.seedRows());
        ApiClient.Response imported = upload(ADMIN, file, "tabel-6.1.xlsx", "startYear=2027&endYear=2032", Map.of());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.header("location")).isEqualTo("/api/v1/renstra/" + imported.body().path("id").asString());
        assertThat(imported.body().path("version").asInt()).isEqualTo(1);

        JsonNode plan = get("inspektorat.auditor", "/api/v1/renstra/" + imported.body().path("id").asString()).body();
        assertSeedTree(plan, 2027);
        assertThat(plan.path("title").asString()).isEqualTo("Renstra Dinas Sosial 2027-2032");
        // "Tahun 1" is the period's first year; "Kondisi akhir" its last.
        JsonNode finance = plan.at("/tujuan/0/children/0/children/0/children/1/indicators/0/targets");
        assertThat(finance.get(0).path("budget").asLong()).isEqualTo(2_637_458_000L);
        assertThat(finance.get(4).path("budget").asLong()).isEqualTo(377_600_000L);
        assertThat(finance.get(5).path("year").asInt()).isEqualTo(2032);
        assertThat(finance.get(5).path("budget").asLong()).isEqualTo(387_600_000L);
        assertThat(plan.path("checks").findValuesAsString("code")).as("the seed's own budget mismatch, reported")
                .contains("X.XX.01.2.02");
    }

    @Test
    void theSameMatrixAsCsvWithYearsForGroupsIsImportedAndAgainAsANewVersionWithItsReason() {
        Path file = RenstraMatrixFiles.csv(dir, "tabel-6.1.csv",
                RenstraMatrixFiles.header(i -> Integer.toString(2033 + i)), RenstraMatrixFiles.seedRows());
        ApiClient.Response imported = upload(ADMIN, file, "tabel-6.1.csv", "startYear=2033&endYear=2038", Map.of());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        String id = imported.body().path("id").asString();
        assertSeedTree(get(PLANNER, "/api/v1/renstra/" + id).body(), 2033);

        assertProblem(upload(ADMIN, file, "tabel-6.1.csv", "startYear=2033&endYear=2038", Map.of()), 400,
                "PF-ISIAN-WAJIB", "/reason");
        assertThat(get(PLANNER, "/api/v1/renstra/" + id).body().path("latestVersion").asInt())
                .as("refused revision writes nothing").isEqualTo(1);

        ApiClient.Response revised = upload(ADMIN, file, "tabel-6.1.csv",
                "startYear=2033&endYear=2038&reason=Penyesuaian%20Renja%202034", Map.of("If-Match", "\"1\""));
        assertThat(revised.status()).as(revised.text()).isEqualTo(201);
        assertThat(revised.body().path("version").asInt()).isEqualTo(2);
        assertThat(revised.body().path("reason").asString()).isEqualTo("Penyesuaian Renja 2034");
        assertThat(revised.header("location")).isEqualTo("/api/v1/renstra/" + id + "/versions/2");
        assertSeedTree(get(PLANNER, "/api/v1/renstra/" + id).body(), 2033);

        assertProblem(upload(ADMIN, file, "tabel-6.1.csv", "startYear=2033&endYear=2038&reason=lagi",
                Map.of("If-Match", "\"1\"")), 412, "PF-RENSTRA-BERUBAH", null);
    }

    @Test
    void aMissingYearColumnIsRefusedWithItsColumnAndNothingIsWritten() {
        Path file = RenstraMatrixFiles.xlsx(dir, RenstraMatrixFiles.header(i -> i == 2 ? "Catatan"
                : RenstraMatrixFiles.seedGroup(i)), RenstraMatrixFiles.seedRows());
        ApiClient.Response refused = upload(ADMIN, file, "tabel-6.1.xlsx", "startYear=2039&endYear=2044", Map.of());
        assertProblem(refused, 400, "PF-KOLOM-TAHUN-TIDAK-ADA", "/columns/target2041");
        assertProblem(refused, 400, "PF-KOLOM-TAHUN-TIDAK-ADA", "/columns/rp2041");
        assertThat(refused.text()).contains("Kolom target tahun 2041 tidak ada");
        assertNothingWritten();
    }

    @Test
    void aCodeInNeitherNomenclatureFormIsRefusedWithItsRow() {
        assertRowRefused(rows -> rows.get(indexOf(rows, "X.XX.01.2.01.01"))[0] = "X.XX.01.2.1.01",
                "PF-KODE-NOMENKLATUR-TIDAK-SAH", "X.XX.01.2.1.01", "kode", "bukan bentuk nomenklatur");
    }

    @Test
    void aSubKegiatanOutsideItsKegiatanIsRefusedByThePlanRulesAndSaidAsItsRow() {
        assertRowRefused(rows -> rows.get(indexOf(rows, "X.XX.01.2.01.02"))[0] = "X.XX.01.2.09.02",
                "PF-KODE-TIDAK-SESUAI-INDUK", "X.XX.01.2.09.02", "kode", "tidak berada di bawah kode induknya");
    }

    @Test
    void aTargetThatIsNotANumberIsRefusedWithItsRowAndYear() {
        assertRowRefused(rows -> rows.get(indexOf(rows, "X.XX.01.2.01.02"))[6] = "seratus persen",
                "PF-NILAI-BUKAN-ANGKA", "X.XX.01.2.01.02", "target2040", "bukan angka");
    }

    @Test
    void aNegativeRpIsRefusedByThePlanRulesAndSaidAsItsRowAndYear() {
        assertRowRefused(rows -> rows.get(indexOf(rows, "X.XX.01.2.02.01"))[5] = "-2.305.258.000",
                "PF-ANGGARAN-NEGATIF", "X.XX.01.2.02.01", "rp2039", "tidak boleh negatif");
    }

    @Test
    void anotherResponsibleUnitIsRefusedWithItsRow() {
        assertRowRefused(rows -> rows.get(indexOf(rows, "1.06.02.2.03.04"))[16] = "Dinas Kesehatan",
                "PF-PENANGGUNG-JAWAB-TIDAK-SESUAI", "1.06.02.2.03.04", "penanggungJawab", "bukan Dinas Sosial");
    }

    @Test
    void anEmptyFileAHeaderWithoutRowsAndAFileOfAnotherTypeAreRefused() throws IOException {
        Path empty = Files.write(dir.resolve("kosong.csv"), new byte[0]);
        assertProblem(upload(ADMIN, empty, "kosong.csv", "startYear=2039&endYear=2044", Map.of()), 400,
                "PF-BERKAS-KOSONG", "/file");
        Path headerOnly = RenstraMatrixFiles.csv(dir, "judul.csv", RenstraMatrixFiles.header(
                RenstraMatrixFiles::seedGroup), List.of());
        assertProblem(upload(ADMIN, headerOnly, "judul.csv", "startYear=2039&endYear=2044", Map.of()), 400,
                "PF-BERKAS-KOSONG", "/rows");
        // An old binary .xls (OLE2) renamed .xlsx: judged by its content, not its name.
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Path xls = Files.write(dir.resolve("lama.xlsx"), ole2);
        assertProblem(upload(ADMIN, xls, "lama.xlsx", "startYear=2039&endYear=2044", Map.of()), 415,
                "PF-BERKAS-JENIS-TIDAK-DIDUKUNG", "/file");
        Path pdf = Files.write(dir.resolve("tabel.pdf"), "%PDF-1.4\n%bukan matriks\n".getBytes(StandardCharsets.US_ASCII));
        assertProblem(upload(ADMIN, pdf, "tabel.pdf", "startYear=2039&endYear=2044", Map.of()), 415,
                "PF-BERKAS-JENIS-TIDAK-DIDUKUNG", "/file");
        Path damaged = Files.write(dir.resolve("rusak.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertProblem(upload(ADMIN, damaged, "rusak.xlsx", "startYear=2039&endYear=2044", Map.of()), 400,
                "PF-BERKAS-TIDAK-TERBACA", "/file");
        assertNothingWritten();
    }

    @Test
    void onlyAPlannerOfTheUnitOrAnAdminImports() {
        Path file = RenstraMatrixFiles.xlsx(dir, RenstraMatrixFiles.header(RenstraMatrixFiles::seedGroup),
                RenstraMatrixFiles.seedRows());
        ApiClient.Response operator = upload("dinsos.operator", file, "tabel-6.1.xlsx", "startYear=2039&endYear=2044",
                Map.of());
        assertThat(operator.status()).as("not a planner").isEqualTo(403);
        assertProblem(upload(PLANNER, file, "tabel-6.1.xlsx", "startYear=2039&endYear=2044", Map.of()), 403,
                "PF-UNIT-BUKAN-WEWENANG", "/unit");
        assertProblem(api.upload("/api/v1/performance/units/18.72.02/plans/import?startYear=2039&endYear=2044",
                token(PLANNER), file, "tabel-6.1.xlsx", Map.of()), 403, "PF-UNIT-BUKAN-WEWENANG", "/unit");
        assertThat(plansOf("18.72.02")).isZero();
        assertNothingWritten();
    }

    /** The seed's rows broken by {@code breakIt}, as XLSX and as CSV: refused at the broken row, nothing written. */
    private void assertRowRefused(Consumer<List<String[]>> breakIt, String code, String codeOfRow, String column,
                                  String message) {
        List<String[]> rows = RenstraMatrixFiles.seedRows();
        breakIt.accept(rows);
        int row = FIRST_DATA_ROW + indexOf(rows, codeOfRow);
        String pointer = "/rows/" + row + "/" + column;
        Path xlsx = RenstraMatrixFiles.xlsx(dir, RenstraMatrixFiles.header(RenstraMatrixFiles::seedGroup), rows);
        ApiClient.Response refused = upload(ADMIN, xlsx, "tabel-6.1.xlsx", "startYear=2039&endYear=2044", Map.of());
        assertProblem(refused, 400, code, pointer);
        assertThat(refused.body().path("errors").toString()).as(refused.text()).contains(message);
        Path csv = RenstraMatrixFiles.csv(dir, "tabel-6.1.csv",
                RenstraMatrixFiles.header(i -> Integer.toString(2039 + i)), rows);
        assertProblem(upload(ADMIN, csv, "tabel-6.1.csv", "startYear=2039&endYear=2044", Map.of()), 400, code,
                pointer);
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(jdbc.sql("SELECT count(*) FROM renstra_plan WHERE unit_code = 'dinsos' AND start_year = 2039")
                .query(Long.class).single()).as("a refused import leaves nothing").isZero();
    }

    /** The tree of {@link RenstraMatrixFiles#seedRows()} for a plan starting in {@code firstYear}. */
    private static void assertSeedTree(JsonNode plan, int firstYear) {
        JsonNode tujuan = plan.at("/tujuan/0");
        assertThat(tujuan.path("name").asString()).isEqualTo("Meningkatkan kesejahteraan sosial masyarakat");
        JsonNode sasaran = tujuan.at("/children/0");
        assertThat(sasaran.path("level").asString()).isEqualTo("SASARAN");
        assertThat(sasaran.path("name").asString())
                .isEqualTo("Meningkatnya penanganan pemerlu pelayanan kesejahteraan sosial");
        JsonNode iku = sasaran.at("/indicators/0");
        assertThat(iku.path("kind").asString()).isEqualTo("PERCENTAGE");
        assertThat(iku.path("unitOfMeasure").asString()).isEqualTo("%");
        assertThat(iku.path("baseline").decimalValue()).isEqualByComparingTo("81.79");
        assertThat(iku.at("/targets/0/year").asInt()).isEqualTo(firstYear);
        assertThat(iku.at("/targets/0/target").decimalValue()).isEqualByComparingTo("85.3");
        assertThat(iku.at("/targets/5/target").decimalValue()).isEqualByComparingTo("100");
        assertThat(iku.at("/targets/0/budget").isMissingNode() || iku.at("/targets/0/budget").isNull()).isTrue();
        assertThat(sasaran.path("children").findValuesAsString("code")).as("codes normalised, in the seed's order")
                .containsExactly("X.XX.01", "X.XX.01.2.01", "X.XX.01.2.01.0001", "X.XX.01.2.01.0002",
                        "X.XX.01.2.01.0003", "X.XX.01.2.02", "X.XX.01.2.02.0001", "X.XX.01.2.02.0002", "1.06.02",
                        "1.06.02.2.03", "1.06.02.2.03.0001", "1.06.02.2.03.0004");
        JsonNode planning = sasaran.at("/children/0/children/0/indicators/0/targets");
        assertThat(planning).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(planning.get(i).path("year").asInt()).isEqualTo(firstYear + i);
            assertThat(planning.get(i).path("target").decimalValue()).isEqualByComparingTo("100");
            assertThat(planning.get(i).path("budget").asLong()).isEqualTo(24_000_000L);
        }
        JsonNode social = sasaran.at("/children/1");
        assertThat(social.at("/indicators/0/baseline").decimalValue()).isEqualByComparingTo("50");
        assertThat(social.at("/indicators/0/targets/4/budget").asLong()).isEqualTo(563_000_000L);
        JsonNode finalYear = social.at("/indicators/0/targets/5/budget");
        assertThat(finalYear.isMissingNode() || finalYear.isNull()).as("'-' is no budget").isTrue();
        JsonNode workers = social.at("/children/0/children/0/indicators/0");
        assertThat(workers.path("kind").asString()).isEqualTo("COUNT");
        assertThat(workers.path("unitOfMeasure").asString()).isEqualTo("orang");
        assertThat(workers.at("/targets/2/budget").asLong()).isEqualTo(125_000_000L);
        JsonNode karangTaruna = social.at("/children/0/children/1/indicators/0");
        assertThat(karangTaruna.path("unitOfMeasure").asString()).isEqualTo("Org");
        assertThat(karangTaruna.at("/targets/5/target").decimalValue()).isEqualByComparingTo("210");
    }

    private ApiClient.Response upload(String user, Path file, String fileName, String query,
                                      Map<String, String> headers) {
        return api.upload(IMPORT + "?" + query, token(user), file, fileName, headers);
    }
}
