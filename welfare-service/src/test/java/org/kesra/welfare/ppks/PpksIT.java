package org.kesra.welfare.ppks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class PpksIT extends WelfareApiIntegrationBase {

    /** A kelurahan no other test uses, so that its indicator counts only this class's cases. */
    static final String TEJOSARI = "18.72.04.1002";

    @Test
    void aCaseIsRecordedServedAndClosedAndCountsInTheIndicator() {
        HouseholdRegistered card = family();
        String nik = card.members().get(2).nik();
        LocalDate found = LocalDate.now().minusDays(20);
        ApiClient.Response registered = register(nik, found, List.of("AJ", "FM"), TEJOSARI);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        JsonNode ppks = registered.body();
        assertThat(ppks.path("status").asString()).isEqualTo("TERDATA");
        assertThat(ppks.path("inRegistry").asBoolean()).isTrue();
        assertThat(ppks.path("categories").findValuesAsString("name")).containsExactly("Anak Jalanan", "Fakir Miskin");
        String id = ppks.path("id").asString();

        ApiClient.Response outsider = register("3171014101990001", found, List.of("PGM"), TEJOSARI);
        assertThat(outsider.status()).as("someone from outside the city is still a case").isEqualTo(201);
        assertThat(outsider.body().path("inRegistry").asBoolean()).isFalse();

        ApiClient.Response served = api.post("/api/v1/ppks/" + id + "/services", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("servedOn", found.plusDays(2).toString(), "kind", "rujukan panti",
                        "provider", "TKSK Metro Utara")));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body().path("status").asString()).isEqualTo("DITANGANI");
        assertThat(served.body().path("services").get(0).path("recordedBy").asString()).isEqualTo("dinsos.operator");

        JsonNode indicator = api.get("/api/v1/ppks/indicators?dari=" + found.minusDays(1) + "&sampai="
                + LocalDate.now(), token("bappeda.planner")).body();
        JsonNode tejosari = null;
        for (JsonNode row : indicator.path("kelurahan")) {
            if (row.path("kelurahanCode").asString().equals(TEJOSARI)) {
                tejosari = row;
            }
        }
        assertThat(tejosari).isNotNull();
        assertThat(tejosari.path("terdata").asLong()).isEqualTo(2);
        assertThat(tejosari.path("ditangani").asLong()).isEqualTo(1);
        assertThat(tejosari.path("persenDitangani").asDouble()).isEqualTo(50.0);
        assertThat(indicator.path("kelurahan").size()).isEqualTo(22);

        ApiClient.Response closed = api.post("/api/v1/ppks/" + id + "/closing", token("dinsos.admin"),
                JSON.writeValueAsString(Map.of("closedOn", LocalDate.now().toString(), "reason", "kembali ke keluarga")));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("status").asString()).isEqualTo("DITUTUP");
        ApiClient.Response lateService = api.post("/api/v1/ppks/" + id + "/services", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("servedOn", LocalDate.now().toString(), "kind", "x", "provider", "y")));
        assertThat(lateService.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/ppks/" + id + "/closing", token("dinsos.admin"),
                JSON.writeValueAsString(Map.of("closedOn", LocalDate.now().toString(), "reason", "lagi"))).status())
                .isEqualTo(409);

        JsonNode forPlanner = api.get("/api/v1/ppks/" + id, token("bappeda.planner")).body();
        assertThat(forPlanner.path("nik").asString()).as("planners read the NIK masked")
                .isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12));
        JsonNode page = api.get("/api/v1/ppks?kelurahan=" + TEJOSARI + "&kategori=AJ", token("dinsos.verifier"))
                .body();
        assertThat(page.path("items").findValuesAsString("nik")).containsExactly(nik);
    }

    @Test
    void theTwentySixCategoriesAreOfferedInTheRegulationsOrder() {
        ApiClient.Response categories = api.get("/api/v1/ppks/categories", token("dinsos.operator"));
        assertThat(categories.status()).isEqualTo(200);
        assertThat(categories.body().size()).isEqualTo(26);
        assertThat(categories.body().findValuesAsString("abbrev")).contains("AJ", "FM", "PGM");
        assertThat(categories.body().findValuesAsString("name")).contains("Anak Jalanan", "Fakir Miskin");
        assertThat(api.get("/api/v1/ppks/categories", token("rejomulyo.operator")).status())
                .as("whoever reads cases reads their categories").isEqualTo(200);
    }

    @Test
    void badCasesAndServicesAreRefusedFieldByFieldAndNothingIsWritten() {
        long before = jdbc.sql("SELECT count(*) FROM ppks_case").query(Long.class).single();
        LocalDate found = LocalDate.now().minusDays(5);
        assertProblem(register("1872014101990002", found, List.of("AJ", "XYZ"), TEJOSARI), 422, "/categories/1",
                "26 kategori");
        assertProblem(register("1872014101990002", found, List.of(), TEJOSARI), 422, "/categories", "minimal satu");
        assertProblem(register("18720141019", found, List.of("AJ"), TEJOSARI), 422, "/nik", "16 digit");
        assertProblem(register("1872014101990002", found, List.of("AJ"), "18.72.09.9999"), 422, "/kelurahanCode",
                "tidak dikenal");
        assertProblem(register("1872014101990002", LocalDate.now().plusDays(1), List.of("AJ"), TEJOSARI), 422,
                "/foundOn", "masa depan");
        assertThat(api.post("/api/v1/ppks", token("bappeda.planner"), JSON.writeValueAsString(
                body("1872014101990002", found, List.of("AJ"), TEJOSARI))).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM ppks_case").query(Long.class).single()).isEqualTo(before);

        String id = register("1872014101990003", found, List.of("LUT"), TEJOSARI).body().path("id").asString();
        assertProblem(api.post("/api/v1/ppks/" + id + "/services", token("dinsos.operator"), JSON.writeValueAsString(
                Map.of("servedOn", found.minusDays(1).toString(), "kind", "x", "provider", "y"))), 422, "/servedOn",
                "sebelum tanggal ditemukan");
        assertProblem(api.post("/api/v1/ppks/" + id + "/services", token("dinsos.operator"), JSON.writeValueAsString(
                Map.of("servedOn", found.toString()))), 422, "/provider", "wajib");
        assertProblem(api.post("/api/v1/ppks/" + id + "/closing", token("dinsos.operator"), JSON.writeValueAsString(
                Map.of("closedOn", found.toString()))), 422, "/reason", "Alasan");
        assertThat(jdbc.sql("SELECT count(*) FROM ppks_service WHERE case_id = ?::uuid").param(id).query(Long.class)
                .single()).isZero();
        assertThat(api.post("/api/v1/ppks/00000000-0000-0000-0000-000000000000/services", token("dinsos.operator"),
                "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ppks/indicators?dari=2026-12-31&sampai=2026-01-01", token("dinsos.operator"))
                .status()).isEqualTo(400);
    }

    @Test
    void psksPersonsAndOrganisationsAreKeptPerKelurahanUntilDeactivated() {
        Map<String, Object> tksk = new LinkedHashMap<>(Map.of("category", "TKSK", "kind", "ORANG",
                "name", "Sri Wahyuni", "nik", "1872045506800001", "kelurahanCode", TEJOSARI,
                "activeSince", "2022-01-01"));
        ApiClient.Response person = api.post("/api/v1/psks", token("dinsos.operator"), JSON.writeValueAsString(tksk));
        assertThat(person.status()).as(person.text()).isEqualTo(201);
        assertThat(person.body().path("categoryName").asString()).isEqualTo("Tenaga Kesejahteraan Sosial Kecamatan");
        ApiClient.Response organisation = api.post("/api/v1/psks", token("dinsos.operator"), JSON.writeValueAsString(
                Map.of("category", "KT", "kind", "LEMBAGA", "name", "Karang Taruna Tunas Muda",
                        "kelurahanCode", TEJOSARI, "activeSince", "2019-05-01")));
        assertThat(organisation.status()).isEqualTo(201);

        Map<String, Object> noNik = new LinkedHashMap<>(tksk);
        noNik.remove("nik");
        assertProblem(api.post("/api/v1/psks", token("dinsos.operator"), JSON.writeValueAsString(noNik)), 422, "/nik",
                "perorangan");
        Map<String, Object> unknown = new LinkedHashMap<>(tksk);
        unknown.put("category", "RT");
        assertProblem(api.post("/api/v1/psks", token("dinsos.operator"), JSON.writeValueAsString(unknown)), 422,
                "/category", "12 kategori");
        Map<String, Object> nikForOrganisation = new LinkedHashMap<>(Map.of("category", "LKS", "kind", "LEMBAGA",
                "name", "LKS Harapan", "nik", "1872045506800002", "kelurahanCode", TEJOSARI,
                "activeSince", "2019-05-01"));
        assertProblem(api.post("/api/v1/psks", token("dinsos.operator"), JSON.writeValueAsString(nikForOrganisation)),
                422, "/nik", "Lembaga");

        // the 12 categories of reference/psks-categories.csv in the regulation's order, for forms and filters
        JsonNode categories = api.get("/api/v1/psks/categories", token("dinsos.operator")).body();
        assertThat(categories.size()).isEqualTo(12);
        assertThat(categories.get(0).path("abbrev").asString()).isEqualTo("PSP");
        assertThat(categories.get(0).path("name").asString()).isEqualTo("Pekerja Sosial Profesional");
        assertThat(categories.get(10).path("abbrev").asString()).isEqualTo("TKSK");
        assertThat(api.get("/api/v1/psks/categories", token("rejomulyo.operator")).status()).isEqualTo(403);
        JsonNode forAuditor = api.get("/api/v1/psks?kelurahan=" + TEJOSARI + "&kategori=TKSK",
                token("inspektorat.auditor")).body();
        assertThat(forAuditor.path("items").findValuesAsString("nik")).containsExactly("187204******0001");

        String id = organisation.body().path("id").asString();
        assertProblem(api.post("/api/v1/psks/" + id + "/deactivation", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("deactivatedOn", LocalDate.now().toString()))), 422, "/reason", "Alasan");
        ApiClient.Response off = api.post("/api/v1/psks/" + id + "/deactivation", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("deactivatedOn", LocalDate.now().toString(), "reason", "bubar")));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().path("status").asString()).isEqualTo("NONAKTIF");
        assertThat(api.post("/api/v1/psks/" + id + "/deactivation", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("deactivatedOn", LocalDate.now().toString(), "reason", "lagi")))
                .status()).isEqualTo(409);
        assertThat(api.get("/api/v1/psks?kelurahan=" + TEJOSARI + "&status=AKTIF", token("dinsos.operator")).body()
                .path("items").findValuesAsString("name")).contains("Sri Wahyuni").doesNotContain("Karang Taruna Tunas Muda");
    }

    @Test
    void kecamatanAndKelurahanStaffReadThePpksOfTheirRegionOnlyWithMaskedNiks() {
        String rejomulyo = "18.72.05.1001";
        String mulyojati = "18.72.03.1001";
        LocalDate found = LocalDate.now().minusDays(3);
        String inRejomulyo = register("1872054101990007", found, List.of("PGM"), rejomulyo).body().path("id").asString();
        String inMulyojati = register("1872034101990008", found, List.of("PGM"), mulyojati).body().path("id").asString();

        JsonNode own = api.get("/api/v1/ppks?size=200", token("rejomulyo.operator")).body();
        assertThat(own.path("items").findValuesAsString("kelurahanCode")).isNotEmpty().containsOnly(rejomulyo);
        assertThat(own.path("items").findValuesAsString("id")).contains(inRejomulyo).doesNotContain(inMulyojati);
        assertThat(own.path("items").findValuesAsString("nik")).as("masked for kelurahan staff")
                .allMatch(nik -> nik.contains("******"));
        ApiClient.Response outside = api.get("/api/v1/ppks?kelurahan=" + mulyojati, token("rejomulyo.operator"));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().path("code").asString()).isEqualTo("WF-DI-LUAR-WILAYAH");
        assertThat(api.get("/api/v1/ppks/" + inMulyojati, token("rejomulyo.operator")).status())
                .as("a case outside the region is not found").isEqualTo(404);
        JsonNode one = api.get("/api/v1/ppks/" + inRejomulyo, token("rejomulyo.operator")).body();
        assertThat(one.path("nik").asString()).isEqualTo("187205******0007");

        // The camat of Metro Barat sees the kecamatan's kelurahan, Mulyojati among them, and nothing of Metro Timur.
        JsonNode kecamatan = api.get("/api/v1/ppks?size=200", token("metrobarat.camat")).body();
        assertThat(kecamatan.path("items").findValuesAsString("kelurahanCode")).isNotEmpty()
                .allMatch(code -> code.startsWith("18.72.03."));
        assertThat(kecamatan.path("items").findValuesAsString("id")).contains(inMulyojati).doesNotContain(inRejomulyo);
        assertThat(api.get("/api/v1/ppks?kelurahan=" + mulyojati, token("metrobarat.operator")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/ppks/" + inRejomulyo + "/services", token("rejomulyo.operator"),
                JSON.writeValueAsString(Map.of("servedOn", found.toString(), "kind", "x", "provider", "y"))).status())
                .as("reading is not recording").isEqualTo(403);
    }

    private ApiClient.Response register(String nik, LocalDate found, List<String> categories, String kelurahan) {
        return api.post("/api/v1/ppks", token("dinsos.operator"),
                JSON.writeValueAsString(body(nik, found, categories, kelurahan)));
    }

    private static Map<String, Object> body(String nik, LocalDate found, List<String> categories, String kelurahan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nik", nik);
        body.put("name", "Budi Santoso");
        body.put("kelurahanCode", kelurahan);
        body.put("foundOn", found.toString());
        body.put("foundAt", "Taman Merdeka, Metro Pusat");
        body.put("categories", categories);
        return body;
    }
}
