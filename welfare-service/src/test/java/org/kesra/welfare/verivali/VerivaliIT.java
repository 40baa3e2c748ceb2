package org.kesra.welfare.verivali;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import org.kesra.welfare.householdevents.HouseholdEventsFixture;
import tools.jackson.databind.JsonNode;

class VerivaliIT extends WelfareApiIntegrationBase {

    /** Only this class registers families here, so matches by name and birth date are this class's own. */
    static final String KARANGREJO = "18.72.02.1003";
    static final String BANJARSARI = "18.72.02.1001";

    @Test
    void everyRowOfARecipientListIsMatchedClassifiedDecidedAndExported() throws IOException {
        HouseholdRegistered a = registered(KARANGREJO);
        HouseholdRegistered b = registered(BANJARSARI);
        household.died(a, a.members().get(1), LocalDate.now().minusDays(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> "MENINGGAL".equals(jdbc.sql(
                "SELECT life_status FROM resident WHERE person_id = ?").param(a.members().get(1).personId())
                .query(String.class).single()));
        String quarter = LocalDate.now().getYear() + "-Q" + ((LocalDate.now().getMonthValue() - 1) / 3 + 1);
        if (jdbc.sql("SELECT count(*) FROM decile_import WHERE period = ?").param(quarter).query(Long.class).single() == 0) {
            ApiClient.Response deciles = api.upload("/api/v1/deciles/" + quarter, token("dinsos.admin"),
                    file("no_kk,desil\n" + a.kkNumber() + ",2\n"), "desil.csv", Map.of());
            assertThat(deciles.status()).as(deciles.text()).isEqualTo(201);
        }
        String head = a.members().get(0).nik();
        String list = "\uFEFFnik;nama;tanggal_lahir;kode_kelurahan\n"
                + head + ";suparman ;12-05-1980;" + KARANGREJO + "\n"                               // row 2: padan
                + a.members().get(2).nik() + ";Joko Widodo;03-03-2012;" + KARANGREJO + "\n"          // 3: name
                + a.members().get(1).nik() + ";Siti Aminah;20-08-1985;" + KARANGREJO + "\n"          // 4: deceased
                + b.members().get(0).nik() + ";Suparman;12-05-1980;" + KARANGREJO + "\n"             // 5: address
                + head + ";Suparman;12-05-1980;" + KARANGREJO + "\n"                                  // 6: twice
                + "12345;Tanpa NIK;01-01-1990;" + KARANGREJO + "\n"                                   // 7: malformed
                + "1872024101990001;Bayu Saputra;03/03/2012;" + KARANGREJO + "\n"                    // 8: wrong NIK
                + "1872024101990002;Orang Lain;01-01-1970;" + KARANGREJO + "\n"                      // 9: unknown
                + "1872024101990003;=HYPERLINK(\"http://x\");01-01-1970;" + KARANGREJO + "\n";      // 10: formula
        ApiClient.Response uploaded = api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"),
                file(list), "daftar-pkh.csv", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode summary = uploaded.body();
        assertThat(summary.path("rows").asInt()).isEqualTo(9);
        assertThat(summary.path("padan").asLong()).isEqualTo(1);
        assertThat(summary.path("tidakPadan").asLong()).isEqualTo(8);
        String id = summary.path("id").asString();

        Map<Integer, JsonNode> rows = new HashMap<>();
        for (JsonNode row : api.get("/api/v1/verivali/" + id + "/rows?size=500", token("dinsos.verifier")).body()
                .path("items")) {
            rows.put(row.path("rowNo").asInt(), row);
        }
        assertThat(rows.get(2).path("matchStatus").asString()).isEqualTo("PADAN");
        assertThat(rows.get(2).path("decile").asInt()).isEqualTo(2);
        assertThat(rows.get(2).path("eligible").asBoolean()).isTrue();
        assertThat(reasons(rows)).containsExactly(null, "NAMA_BERBEDA", "MENINGGAL", "ALAMAT_BERBEDA",
                "TERCANTUM_GANDA", "NIK_TIDAK_VALID", "NIK_BERBEDA", "NIK_TIDAK_DIKENAL", "NIK_TIDAK_DIKENAL");
        assertThat(rows.get(4).path("eligible").asBoolean(true)).as("deceased: not eligible").isFalse();
        assertThat(rows.get(8).path("personId").asString()).as("the likely person behind the wrong NIK")
                .isEqualTo(a.members().get(2).personId().toString());

        String decision = "/api/v1/verivali/" + id + "/rows/4/decision";
        assertProblem(api.post(decision, token("dinsos.verifier"), "{\"decision\":\"DITOLAK\"}"), 422, "/reason",
                "Alasan");
        assertThat(api.post(decision, token("dinsos.operator"),
                "{\"decision\":\"DITOLAK\",\"reason\":\"meninggal\"}").status()).isEqualTo(403);
        ApiClient.Response decided = api.post(decision, token("dinsos.verifier"),
                "{\"decision\":\"DITOLAK\",\"reason\":\"akta kematian, musyawarah kelurahan 12/11\"}");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("decidedBy").asString()).isEqualTo("dinsos.verifier");
        assertThat(api.post(decision, token("dinsos.admin"), "{\"decision\":\"DITERIMA\",\"reason\":\"x\"}").status())
                .isEqualTo(409);

        ApiClient.Response export = api.get("/api/v1/verivali/" + id + "/export.csv", token("dinsos.verifier"));
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFNO,NIK,NAMA,TANGGAL_LAHIR,KODE_KELURAHAN,STATUS_PADAN,KETERANGAN,"
                + "DESIL,KELAYAKAN,KEPUTUSAN,ALASAN_KEPUTUSAN");
        assertThat(lines).hasSize(10);
        assertThat(lines.get(3)).contains("MENINGGAL").contains("TIDAK_LAYAK").contains("DITOLAK");
        assertThat(lines.get(9)).as("a formula is exported as text").contains("'=HYPERLINK");
    }

    @Test
    void anUnmatchedRowIsShownBesideTheClosestResidentsAndTheListIsInTheQueue() throws IOException {
        // Purwosari, and a birth day of this run: no other test registers there, and a rerun's family is not confused
        // with this one's.
        String purwosari = "18.72.02.1002";
        LocalDate born = LocalDate.of(2010, 1, 1).plusDays(System.nanoTime() % 3000);
        LocalDate wifeBorn = born.minusYears(25);
        HouseholdRegistered a = household.register(purwosari, List.of(
                HouseholdEventsFixture.member("SUGENG RIYADI", born.minusYears(30), "L", "KEPALA_KELUARGA"),
                HouseholdEventsFixture.member("SRI WAHYUNINGSIH", wifeBorn, "P", "ISTRI"),
                HouseholdEventsFixture.member("BAYU SAPUTRA", born, "L", "ANAK")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(a.householdId()).query(Long.class).single() == 3);
        java.time.format.DateTimeFormatter dmy = java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu");
        String list = "nik,nama,tanggal_lahir,kode_kelurahan\n"
                + "1872044101990009,Bayu Saputro," + dmy.format(born) + "," + purwosari + "\n"  // row 2: wrong NIK
                + a.members().get(1).nik() + ",Sri Rahayu," + dmy.format(wifeBorn) + "," + purwosari + "\n"; // 3
        ApiClient.Response uploaded = api.upload("/api/v1/verivali?program=PKH", token("dinsos.verifier"),
                file(list), "daftar-kandidat.csv", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String id = uploaded.body().path("id").asString();

        JsonNode answer = api.get("/api/v1/verivali/" + id + "/rows/2/candidates", token("dinsos.verifier")).body();
        assertThat(answer.path("row").path("rowNo").asInt()).isEqualTo(2);
        assertThat(answer.path("row").path("reason").asString()).isEqualTo("NIK_BERBEDA");
        JsonNode wrongNik = answer.path("candidates");
        assertThat(wrongNik.size()).isBetween(1, 5);
        JsonNode first = wrongNik.get(0);
        assertThat(first.path("personId").asString()).as("the son, born the same day in the same kelurahan")
                .isEqualTo(a.members().get(2).personId().toString());
        assertThat(first.path("nik").asString()).isEqualTo(a.members().get(2).nik());
        assertThat(first.path("name").asString()).isEqualTo("BAYU SAPUTRA");
        assertThat(first.path("sameBirthDate").asBoolean()).isTrue();
        assertThat(first.path("sameKelurahan").asBoolean()).isTrue();
        assertThat(first.path("sameNik").asBoolean()).isFalse();
        assertThat(first.path("matchedByList").asBoolean()).isTrue();
        assertThat(first.path("nameSimilarity").asDouble()).isBetween(0.5, 1.0);

        JsonNode otherName = api.get("/api/v1/verivali/" + id + "/rows/3/candidates", token("dinsos.verifier"))
                .body().path("candidates");
        assertThat(otherName.get(0).path("nik").asString()).as("the holder of the NIK, whatever the name")
                .isEqualTo(a.members().get(1).nik());
        assertThat(otherName.get(0).path("sameNik").asBoolean()).isTrue();

        assertThat(api.get("/api/v1/verivali/" + id + "/rows/99/candidates", token("dinsos.verifier")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/verivali/" + id + "/rows/2/candidates", token("bappeda.planner")).status())
                .isEqualTo(403);
        ApiClient.Response withoutPurpose = api.send("GET", "/api/v1/verivali/" + id + "/rows/2/candidates",
                token("dinsos.verifier"), null, Map.of("X-Purpose", ""));
        assertThat(withoutPurpose.status()).as("full NIKs need a purpose").isEqualTo(400);

        JsonNode queue = api.get("/api/v1/verivali?size=5", token("dinsos.verifier")).body();
        assertThat(queue.get(0).path("id").asString()).as("newest first").isEqualTo(id);
        assertThat(queue.get(0).path("fileName").asString()).isEqualTo("daftar-kandidat.csv");
        assertThat(queue.get(0).path("rows").asInt()).isEqualTo(2);
        assertThat(queue.get(0).path("tidakPadan").asLong()).isEqualTo(2);
        assertThat(queue.get(0).path("decided").asLong()).isZero();
        assertThat(queue.get(0).path("uploadedBy").asString()).isEqualTo("dinsos.verifier");
        assertThat(api.get("/api/v1/verivali?size=0", token("dinsos.verifier")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/verivali", token("bappeda.planner")).status()).isEqualTo(403);
    }

    @Test
    void aListWithoutTheRequiredColumnsIsRefusedAndNothingIsStored() throws IOException {
        long before = jdbc.sql("SELECT count(*) FROM verivali_batch").query(Long.class).single();
        ApiClient.Response missing = api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"),
                file("no_kk,alamat\n1872010101100001,Jl. Merdeka\n"), "daftar.csv", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("errors").findValuesAsString("column")).containsExactly("nik", "nama");
        assertThat(api.upload("/api/v1/verivali?program=BANSOS_X", token("dinsos.operator"),
                file("nik,nama\n1872010101100001,A\n"), "daftar.csv", Map.of()).status()).isEqualTo(404);
        assertThat(api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"), file("nik,nama\n"),
                "daftar.csv", Map.of()).status()).isEqualTo(422);
        assertThat(api.upload("/api/v1/verivali?program=PKH", token("bappeda.planner"),
                file("nik,nama\n1872010101100001,A\n"), "daftar.csv", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM verivali_batch").query(Long.class).single()).isEqualTo(before);
        assertThat(api.get("/api/v1/verivali/00000000-0000-0000-0000-000000000000", token("dinsos.operator"))
                .status()).isEqualTo(404);
    }

    @Test
    void anExcelListIsReadLikeACsvAndANikStoredAsANumberIsNeverMatched() throws IOException {
        // Banjarsari: a family of the same names in Karangrejo would make the first test's likely-person match ambiguous.
        HouseholdRegistered a = registered(BANJARSARI);
        Path xlsx = Files.createTempFile("verivali-", ".xlsx");
        xlsx.toFile().deleteOnExit();
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            Sheet sheet = book.createSheet("Daftar KPM");
            String[] header = {"NIK", "Nama", "Tanggal_Lahir", "Kode_Kelurahan"};
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row padan = sheet.createRow(1);
            padan.createCell(0).setCellValue(a.members().get(0).nik());
            padan.createCell(1).setCellValue("Suparman");
            padan.createCell(2).setCellValue(LocalDate.of(1980, 5, 12));
            padan.getCell(2).setCellStyle(date);
            padan.createCell(3).setCellValue(BANJARSARI);
            Row typedAsNumber = sheet.createRow(2);
            typedAsNumber.createCell(0).setCellValue(Double.parseDouble(a.members().get(2).nik()));
            typedAsNumber.createCell(1).setCellValue("Bayu Saputra");
            typedAsNumber.createCell(3).setCellValue(BANJARSARI);
            book.write(out);
        }
        ApiClient.Response uploaded = api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"), xlsx,
                "daftar-pkh.xlsx", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.body().path("rows").asInt()).isEqualTo(2);
        Map<Integer, JsonNode> rows = new HashMap<>();
        for (JsonNode row : api.get("/api/v1/verivali/" + uploaded.body().path("id").asString() + "/rows",
                token("dinsos.verifier")).body().path("items")) {
            rows.put(row.path("rowNo").asInt(), row);
        }
        assertThat(rows.get(2).path("matchStatus").asString()).isEqualTo("PADAN");
        assertThat(rows.get(2).path("birthDate").asString()).isEqualTo("1980-05-12");
        assertThat(rows.get(3).path("reason").asString()).as("Excel keeps 15 digits of a number")
                .isEqualTo("NIK_TIDAK_VALID");

        Path xls = Files.createTempFile("verivali-", ".xls");
        xls.toFile().deleteOnExit();
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1});
        ApiClient.Response old = api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"), xls,
                "daftar-lama.xls", Map.of());
        assertThat(old.status()).isEqualTo(415);
        assertThat(old.body().path("code").asString()).isEqualTo("WF-FORMAT-BERKAS");
    }

    @Test
    void aListOverTheConfiguredSizeIsRefusedWithA413ProblemDetail() throws IOException {
        StringBuilder big = new StringBuilder("nik,nama\n");
        while (big.length() < 3 * 1024 * 1024) {
            big.append("1872010101100001,NAMA PANJANG UNTUK MENGISI BERKAS UJI\n");
        }
        ApiClient.Response tooBig = api.upload("/api/v1/verivali?program=PKH", token("dinsos.operator"),
                file(big.toString()), "besar.csv", Map.of());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
    }

    private HouseholdRegistered registered(String kelurahan) {
        HouseholdRegistered card = household.registerFamily(kelurahan);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == card.members().size());
        return card;
    }

    private static List<String> reasons(Map<Integer, JsonNode> rows) {
        List<String> reasons = new java.util.ArrayList<>();
        for (int row = 2; row <= 10; row++) {
            JsonNode reason = rows.get(row).path("reason");
            reasons.add(reason.isNull() || reason.isMissingNode() ? null : reason.asString());
        }
        return reasons;
    }

    private static Path file(String csv) throws IOException {
        Path file = Files.createTempFile("verivali-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
