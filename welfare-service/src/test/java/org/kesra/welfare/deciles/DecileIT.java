package org.kesra.welfare.deciles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class DecileIT extends WelfareApiIntegrationBase {

    static final java.util.Map<String, String> PURPOSE = java.util.Map.of("X-Purpose", "pengujian otomatis");

    @Test
    void aQuarterlyListDecidesEligibilityByTheProgrammesDecileLimit() throws IOException {
        HouseholdRegistered poor = family();
        HouseholdRegistered middle = family();
        String period = period();
        // Semicolons and a byte-order mark, as Excel saves a CSV in Indonesian settings.
        ApiClient.Response uploaded = upload(period, "\uFEFFno_kk;desil\n" + poor.kkNumber() + ";3\n"
                + middle.kkNumber() + ";5\n");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.body().path("rows").asInt()).isEqualTo(2);
        String date = uploaded.body().path("periodFrom").asString();

        JsonNode poorAnswer = api.send("GET", "/api/v1/eligibility/" + poor.members().get(1).nik() + "?tanggal=" + date,
                token("dinsos.verifier"), null, PURPOSE).body();
        assertThat(poorAnswer.path("decile").asInt()).isEqualTo(3);
        assertThat(poorAnswer.path("period").asString()).isEqualTo(period);
        assertThat(eligible(poorAnswer, "PKH")).isTrue();
        assertThat(eligible(poorAnswer, "SEMBAKO")).isTrue();
        JsonNode middleAnswer = api.send("GET", "/api/v1/eligibility/" + middle.members().get(0).nik() + "?tanggal=" + date,
                token("dinsos.verifier"), null, PURPOSE).body();
        assertThat(eligible(middleAnswer, "PKH")).as("decile 5 is above PKH's 4").isFalse();
        assertThat(eligible(middleAnswer, "SEMBAKO")).as("and within Sembako's 5").isTrue();

        JsonNode unlisted = api.send("GET", "/api/v1/eligibility/" + family().members().get(0).nik() + "?tanggal=" + date,
                token("dinsos.verifier"), null, PURPOSE).body();
        assertThat(unlisted.path("programmes").get(0).path("eligible").isNull()).isTrue();
        assertThat(unlisted.path("programmes").get(0).path("reason").asString()).contains("tidak ada dalam daftar");

        // The same question with the NIK in the body (the console's way: nothing personal in a URL), logged as such.
        ApiClient.Response posted = api.send("POST", "/api/v1/eligibility/checks", token("dinsos.verifier"),
                "{\"nik\":\"" + poor.members().get(1).nik() + "\",\"tanggal\":\"" + date + "\"}", PURPOSE);
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo(poorAnswer);
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_access WHERE endpoint = ? AND ? = ANY (niks)")
                .param("POST /api/v1/eligibility/checks").param(poor.members().get(1).nik()).query(Long.class)
                .single()).isEqualTo(1);
        ApiClient.Response badNik = api.send("POST", "/api/v1/eligibility/checks", token("dinsos.verifier"),
                "{\"nik\":\"18720\"}", PURPOSE);
        assertThat(badNik.status()).isEqualTo(400);
        assertThat(badNik.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/nik");
        assertThat(api.send("POST", "/api/v1/eligibility/checks", token("dinsos.verifier"),
                "{\"nik\":\"" + poor.members().get(1).nik() + "\"}", java.util.Map.of()).status())
                .as("no declared purpose").isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/eligibility/checks", token("bappeda.planner"),
                "{\"nik\":\"" + poor.members().get(1).nik() + "\"}", PURPOSE).status()).isEqualTo(403);

        ApiClient.Response again = upload(period, "no_kk,desil\n" + poor.kkNumber() + ",1\n");
        assertThat(again.status()).as("a quarter's list is never overwritten").isEqualTo(409);
        assertThat(api.send("GET", "/api/v1/eligibility/" + poor.members().get(0).nik() + "?tanggal=" + date,
                token("dinsos.verifier"), null, PURPOSE).body().path("decile").asInt()).isEqualTo(3);
    }

    @Test
    void aListWithBadRowsIsRefusedRowByRowAndNothingIsStored() throws IOException {
        String period = period();
        ApiClient.Response refused = upload(period, "no_kk,desil\n1872010101100001,3\n18720101,4\n"
                + "1872010101100001,2\n1872010101100002,11\n");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.size()).isEqualTo(3);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("column").asString()).isEqualTo("no_kk");
        assertThat(errors.get(1).path("detail").asString()).contains("baris 2");
        assertThat(errors.get(2).path("column").asString()).isEqualTo("desil");
        assertThat(jdbc.sql("SELECT count(*) FROM decile_import WHERE period = ?").param(period).query(Long.class)
                .single()).isZero();

        ApiClient.Response noColumns = upload(period, "kk,nilai\n1872010101100001,3\n");
        assertThat(noColumns.status()).isEqualTo(422);
        assertThat(noColumns.body().path("code").asString()).isEqualTo("WF-KOLOM-KURANG");
        assertThat(noColumns.body().path("errors").findValuesAsString("column")).containsExactly("no_kk", "desil");
        assertThat(noColumns.body().path("errors").get(0).path("row").asInt()).as("the header row").isEqualTo(1);
        assertThat(upload("2025-Q5", "no_kk,desil\n1872010101100001,3\n").status()).isEqualTo(400);
        assertThat(upload(period, "no_kk,desil\n").status()).isEqualTo(422);
        assertThat(api.upload("/api/v1/deciles/" + period, token("dinsos.operator"), file("no_kk,desil\n"), "desil.csv",
                java.util.Map.of()).status()).as("only admins load the national lists").isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/eligibility/1872019999990001", token("dinsos.verifier"), null, PURPOSE)
                .status()).isEqualTo(404);
    }

    @Test
    void aListSavedFromExcelIsReadAndAKkTypedAsANumberIsRefused() throws IOException {
        HouseholdRegistered poor = family();
        String period = period();
        ApiClient.Response typedAsNumber = api.upload("/api/v1/deciles/" + period, token("dinsos.admin"),
                workbook(poor.kkNumber(), true), "desil.xlsx", java.util.Map.of());
        assertThat(typedAsNumber.status()).isEqualTo(422);
        assertThat(typedAsNumber.body().path("errors").get(0).path("detail").asString()).contains("sebagai angka");
        assertThat(typedAsNumber.body().path("errors").get(0).path("row").asInt()).isEqualTo(2);

        ApiClient.Response uploaded = api.upload("/api/v1/deciles/" + period, token("dinsos.admin"),
                workbook(poor.kkNumber(), false), "desil.xlsx", java.util.Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(api.send("GET", "/api/v1/eligibility/" + poor.members().get(0).nik() + "?tanggal="
                + uploaded.body().path("periodFrom").asString(), token("dinsos.verifier"), null, PURPOSE).body()
                .path("decile").asInt())
                .isEqualTo(2);
    }

    /** A DTSEN extract as Excel writes it: the KK as text (or, wrongly, as a number), the decile as a number. */
    private static Path workbook(String kk, boolean kkAsNumber) throws IOException {
        Path file = Files.createTempFile("desil-", ".xlsx");
        file.toFile().deleteOnExit();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var sheet = book.createSheet("DTSEN");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("NO_KK");
            header.createCell(1).setCellValue("DESIL");
            var row = sheet.createRow(1);
            if (kkAsNumber) {
                row.createCell(0).setCellValue(Double.parseDouble(kk));
            } else {
                row.createCell(0).setCellValue(kk);
            }
            row.createCell(1).setCellValue(2);
            book.write(out);
        }
        return file;
    }

    /** A quarter no other run of this class has used on this database. */
    private static String period() {
        return (2100 + ThreadLocalRandom.current().nextInt(800)) + "-Q" + (1 + ThreadLocalRandom.current().nextInt(4));
    }

    private ApiClient.Response upload(String period, String csv) throws IOException {
        return api.upload("/api/v1/deciles/" + period, token("dinsos.admin"), file(csv), "desil.csv", java.util.Map.of());
    }

    private static Path file(String csv) throws IOException {
        Path file = Files.createTempFile("desil-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private static boolean eligible(JsonNode answer, String programme) {
        for (JsonNode entry : answer.path("programmes")) {
            if (entry.path("programme").asString().equals(programme)) {
                return entry.path("eligible").asBoolean();
            }
        }
        throw new AssertionError("no " + programme + " in " + answer);
    }
}
