package org.kesra.welfare.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * A programme that excludes another (a cash aid meant for families outside PKH, say): registered in the catalogue
 * with its rule, then seen by verivali (PROGRAM_BERTENTANGAN) and by enrolment (refused).
 */
class ExclusionIT extends WelfareApiIntegrationBase {

    @Test
    void aNewProgrammeAndItsExclusionAreCatalogueDataWithAStartDate() {
        String code = newProgramme();
        ApiClient.Response again = api.post("/api/v1/programmes", token("dinsos.admin"),
                JSON.writeValueAsString(programme(code)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("WF-PROGRAM-SUDAH-ADA");

        assertThat(exclude(code, "PKH", "2020-04-01", null).status()).isEqualTo(201);
        Map<String, Object> lift = exclusion("PKH", "2030-01-01", "Permensos uji: pengecualian dicabut");
        lift.put("excluded", false);
        assertThat(api.post("/api/v1/programmes/" + code + "/exclusions", token("dinsos.admin"),
                JSON.writeValueAsString(lift)).status()).isEqualTo(201);

        assertThat(excludedOn(code, "2020-03-31")).isEmpty();
        assertThat(excludedOn(code, "2021-06-01")).containsExactly("PKH");
        assertThat(excludedOn(code, "2030-01-01")).as("lifted by a later version, the old one kept").isEmpty();
        JsonNode history = api.get("/api/v1/programmes/" + code + "/exclusions", token("inspektorat.auditor")).body();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("recordedBy").asString()).isEqualTo("dinsos.admin");
        assertThat(history.get(1).path("excluded").asBoolean(true)).isFalse();
    }

    @Test
    void badProgrammesAndExclusionsAreRefusedFieldByFieldAndNothingIsWritten() {
        long programmes = count("programme");
        long exclusions = count("programme_exclusion");
        Map<String, Object> lower = programme("bst kecil");
        assertProblem(post("/api/v1/programmes", lower), 422, "/code", "huruf kapital");
        Map<String, Object> unit = programme("BST_SATUAN");
        unit.put("unit", "RUMAH");
        assertProblem(post("/api/v1/programmes", unit), 422, "/unit", "KELUARGA");
        Map<String, Object> undated = programme("BST_TANPA_TANGGAL");
        undated.remove("startedOn");
        assertProblem(post("/api/v1/programmes", undated), 422, "/startedOn", "wajib");
        Map<String, Object> unsourced = programme("BST_TANPA_DASAR");
        unsourced.put("source", " ");
        assertProblem(post("/api/v1/programmes", unsourced), 422, "/source", "Dasar");
        assertThat(api.post("/api/v1/programmes", token("dinsos.operator"),
                JSON.writeValueAsString(programme("BST_OPERATOR"))).status()).isEqualTo(403);

        String code = newProgramme();
        programmes++;
        assertProblem(exclude(code, "BANSOS_X", "2021-01-01", null), 422, "/excludedProgramme", "tidak dikenal");
        assertProblem(exclude(code, code, "2021-01-01", null), 422, "/excludedProgramme", "dirinya sendiri");
        assertProblem(exclude(code, "PKH", null, null), 422, "/validFrom", "wajib");
        assertProblem(exclude(code, "PKH", "2021-01-01", ""), 422, "/source", "Dasar aturan");
        assertThat(api.post("/api/v1/programmes/" + code + "/exclusions", token("dinsos.verifier"),
                JSON.writeValueAsString(exclusion("PKH", "2021-01-01", "uji"))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/programmes/BANSOS_X/exclusions", token("dinsos.admin"),
                JSON.writeValueAsString(exclusion("PKH", "2021-01-01", "uji"))).status()).isEqualTo(404);
        assertThat(exclude(code, "PKH", "2021-01-01", null).status()).isEqualTo(201);
        exclusions++;
        ApiClient.Response twice = exclude(code, "PKH", "2021-01-01", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("code").asString()).isEqualTo("WF-VERSI-SUDAH-ADA");

        assertThat(count("programme")).isEqualTo(programmes);
        assertThat(count("programme_exclusion")).isEqualTo(exclusions);
    }

    @Test
    void aPkhFamilyIsNotEnrolledInAProgrammeThatExcludesPkh() {
        String code = newProgramme();
        assertThat(exclude(code, "PKH", "2020-04-01", null).status()).isEqualTo(201);
        HouseholdRegistered pkh = family();
        assertThat(enrol("dinsos.operator", "PKH", pkh.members().get(0).nik(), "2024-01-01", "2024-12-31").status())
                .isEqualTo(201);

        ApiClient.Response refused = enrol("dinsos.operator", code, pkh.members().get(1).nik(), "2024-07-01", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asString()).isEqualTo("WF-PROGRAM-BERTENTANGAN");
        assertThat(refused.body().path("detail").asString()).contains("PKH").contains("2024-01-01");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE programme_code = ?").param(code)
                .query(Long.class).single()).isZero();

        assertThat(enrol("dinsos.operator", code, pkh.members().get(0).nik(), "2025-01-01", null).status())
                .as("after the PKH period ends").isEqualTo(201);
        HouseholdRegistered other = family();
        assertThat(enrol("dinsos.operator", code, other.members().get(0).nik(), "2024-07-01", null).status())
                .isEqualTo(201);
    }

    @Test
    void verivaliMarksAListedPersonWhoseFamilyIsAKpmOfAnExcludedProgramme() throws IOException {
        String code = newProgramme();
        assertThat(exclude(code, "PKH", "2020-04-01", null).status()).isEqualTo(201);
        HouseholdRegistered pkh = family();
        HouseholdRegistered free = family();
        String since = LocalDate.now().minusMonths(2).toString();
        assertThat(enrol("dinsos.operator", "PKH", pkh.members().get(0).nik(), since, null).status()).isEqualTo(201);

        String list = "nik;nama;tanggal_lahir;kode_kelurahan\n"
                + pkh.members().get(1).nik() + ";Siti Aminah;20-08-1985;" + METRO_PUSAT_KELURAHAN + "\n"
                + free.members().get(0).nik() + ";Suparman;12-05-1980;" + METRO_PUSAT_KELURAHAN + "\n";
        Path file = Files.createTempFile("verivali-", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, list, StandardCharsets.UTF_8);
        ApiClient.Response uploaded = api.upload("/api/v1/verivali?program=" + code, token("dinsos.operator"), file,
                "daftar.csv", Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.body().path("padan").asLong()).isEqualTo(1);
        assertThat(uploaded.body().path("reasons").path("PROGRAM_BERTENTANGAN").asLong()).isEqualTo(1);
        Map<Integer, JsonNode> rows = new HashMap<>();
        for (JsonNode row : api.get("/api/v1/verivali/" + uploaded.body().path("id").asString() + "/rows",
                token("dinsos.verifier")).body().path("items")) {
            rows.put(row.path("rowNo").asInt(), row);
        }
        assertThat(rows.get(2).path("matchStatus").asString()).isEqualTo("TIDAK_PADAN");
        assertThat(rows.get(2).path("reason").asString()).as("a member of a PKH family").isEqualTo("PROGRAM_BERTENTANGAN");
        assertThat(rows.get(2).path("eligible").asBoolean(true)).isFalse();
        assertThat(rows.get(2).path("personId").asString()).isEqualTo(pkh.members().get(1).personId().toString());
        assertThat(rows.get(3).path("matchStatus").asString()).isEqualTo("PADAN");
    }

    private String newProgramme() {
        String code = "BST_" + (System.nanoTime() % 1_000_000_000L);
        ApiClient.Response created = post("/api/v1/programmes", programme(code));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("unit").asString()).isEqualTo("KELUARGA");
        return code;
    }

    private static Map<String, Object> programme(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Bantuan Sosial Tunai (uji)");
        body.put("unit", "KELUARGA");
        body.put("startedOn", "2020-04-01");
        body.put("source", "Kepmensos uji");
        return body;
    }

    private static Map<String, Object> exclusion(String excluded, String validFrom, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("excludedProgramme", excluded);
        body.put("validFrom", validFrom);
        body.put("source", source);
        return body;
    }

    private ApiClient.Response exclude(String code, String excluded, String validFrom, String source) {
        return post("/api/v1/programmes/" + code + "/exclusions",
                exclusion(excluded, validFrom, source == null ? "Kepmensos uji: bukan penerima PKH" : source));
    }

    private ApiClient.Response post(String path, Map<String, Object> body) {
        return api.post(path, token("dinsos.admin"), JSON.writeValueAsString(body));
    }

    private java.util.List<String> excludedOn(String code, String date) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        api.get("/api/v1/programmes/" + code + "?berlakuPada=" + date, token("dinsos.operator")).body()
                .path("excludedProgrammes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
