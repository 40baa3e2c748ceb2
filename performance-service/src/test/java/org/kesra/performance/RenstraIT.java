package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Storing, reading, listing and revising Renstra plans, with who may do it and every rule of the input. */
class RenstraIT extends PerformanceApiTest {

    /** Margorejo: every refused plan of this class names it, and none may be stored. */
    static final String REFUSED_UNIT = "18.72.05.1002";

    @Test
    void aPlannerStoresThePlanOfTheirOwnAgencyOnlyAndAdminsAnyUnits() {
        ApiClient.Response own = post(PLANNER, "/api/v1/renstra", RenstraFixtures.small("bappeda", 2025, 2029));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        assertThat(own.body().path("createdBy").asString()).isEqualTo("bappeda.planner");

        ApiClient.Response otherAgency = post(PLANNER, "/api/v1/renstra",
                RenstraFixtures.small("disdukcapil", 2025, 2029));
        assertProblem(otherAgency, 403, "PF-UNIT-BUKAN-WEWENANG", "/unit");
        ApiClient.Response region = post(PLANNER, "/api/v1/renstra", RenstraFixtures.small("18.72.02", 2025, 2029));
        assertProblem(region, 403, "PF-UNIT-BUKAN-WEWENANG", "/unit");
        assertThat(plansOf("disdukcapil")).isZero();

        ApiClient.Response byAdmin = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("disdukcapil", 2025, 2029));
        assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(201);

        ApiClient.Response operator = post("metrobarat.operator", "/api/v1/renstra",
                RenstraFixtures.small("18.72.03.1004", 2025, 2029));
        assertThat(operator.status()).isEqualTo(403);
        assertThat(plansOf("18.72.03.1004")).isZero();
    }

    @Test
    void regionalStaffReadTheirRegionsPlansAndNothingTellsThemOfOthers() {
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("18.72.03.1002", 2025, 2029));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().path("id").asString();

        assertThat(get("metrobarat.operator", "/api/v1/renstra/" + id).status()).isEqualTo(200);
        assertThat(get("metrobarat.camat", "/api/v1/renstra/" + id + "/versions/1").status()).isEqualTo(200);
        assertThat(get("disnakertrans.monitor", "/api/v1/renstra/" + id).status()).isEqualTo(200);
        JsonNode listed = get("metrobarat.operator", "/api/v1/renstra?unit=18.72.03.1002").body();
        assertThat(listed.path("items").findValuesAsString("id")).containsExactly(id);

        ApiClient.Response otherKelurahan = get("mulyojati.operator", "/api/v1/renstra/" + id);
        ApiClient.Response otherKecamatan = get("rejomulyo.operator", "/api/v1/renstra/" + id);
        ApiClient.Response nonexistent = get("rejomulyo.operator", "/api/v1/renstra/" + UUID.randomUUID());
        for (ApiClient.Response refused : new ApiClient.Response[] {otherKelurahan, otherKecamatan, nonexistent}) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body().path("code").asString()).isEqualTo("PF-RENSTRA-TIDAK-DITEMUKAN");
            assertThat(refused.body().path("title").asString())
                    .isEqualTo(nonexistent.body().path("title").asString());
        }
        assertProblem(get("rejomulyo.operator", "/api/v1/renstra?unit=18.72.03.1002"), 404,
                "PF-UNIT-TIDAK-DITEMUKAN", "/unit");
        assertProblem(get("rejomulyo.operator", "/api/v1/renstra?unit=18.72.99"), 404, "PF-UNIT-TIDAK-DITEMUKAN",
                "/unit");
        JsonNode own = get("rejomulyo.operator", "/api/v1/renstra").body();
        assertThat(own.path("items").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void listsAUnitsPlansPageByPage() {
        String unit = "18.72.04.1001";
        for (int start : new int[] {2015, 2021, 2027}) {
            ApiClient.Response created = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small(unit, start, start + 5));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        JsonNode first = get("inspektorat.auditor", "/api/v1/renstra?unit=" + unit + "&size=2").body();
        assertThat(first.path("totalItems").asLong()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("startYear").asInt()).isEqualTo(2027);
        assertThat(first.path("items").get(1).path("startYear").asInt()).isEqualTo(2021);
        JsonNode second = get("inspektorat.auditor", "/api/v1/renstra?unit=" + unit + "&size=2&page=1").body();
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("startYear").asInt()).isEqualTo(2015);
        assertProblem(get(PLANNER, "/api/v1/renstra?size=0"), 400, "KESRA-VALIDATION", "/size");
    }

    @Test
    void aRevisionIsANewVersionWithAReasonAndTheOldVersionStaysReadable() {
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("18.72.04.1002", 2025, 2029));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().path("id").asString();
        ObjectNode revision = JSON.createObjectNode();
        revision.put("title", "Renstra Tejosari 2025-2029 (perubahan)");
        revision.put("reason", "Penyesuaian target setelah evaluasi paruh waktu");
        ObjectNode tree = RenstraFixtures.small("18.72.04.1002", 2025, 2029);
        ((ObjectNode) RenstraFixtures.smallSasaranIndicator(tree).at("/targets/4")).put("target", 90);
        revision.set("tujuan", tree.get("tujuan"));

        assertProblem(api.post("/api/v1/renstra/" + id + "/versions", token(ADMIN), JSON.writeValueAsString(revision)),
                428, "KESRA-IF-MATCH-WAJIB", null);
        ApiClient.Response revised = revise(id, "\"1\"", revision);
        assertThat(revised.status()).as(revised.text()).isEqualTo(201);
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");
        assertThat(revised.body().path("version").asInt()).isEqualTo(2);
        assertThat(revised.body().path("reason").asString()).startsWith("Penyesuaian target");

        JsonNode latest = get("inspektorat.auditor", "/api/v1/renstra/" + id).body();
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.at("/tujuan/0/children/0/indicators/0/targets/4/target").decimalValue())
                .isEqualByComparingTo("90");
        assertThat(latest.path("versions").size()).isEqualTo(2);
        assertThat(latest.at("/versions/0/reason").isNull()).as("version 1 has no reason").isTrue();
        assertThat(latest.at("/versions/1/reason").asString()).startsWith("Penyesuaian target");
        JsonNode old = get("inspektorat.auditor", "/api/v1/renstra/" + id + "/versions/1").body();
        assertThat(old.path("version").asInt()).isEqualTo(1);
        assertThat(old.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(old.path("title").asString()).isEqualTo(created.body().path("title").asString());
        assertThat(old.at("/tujuan/0/children/0/indicators/0/targets/4/target").decimalValue())
                .isEqualByComparingTo("70");
        assertThat(old.path("tujuan")).isEqualTo(created.body().path("tujuan"));

        assertProblem(revise(id, "\"1\"", revision), 412, "PF-RENSTRA-BERUBAH", null);
        assertProblem(get(ADMIN, "/api/v1/renstra/" + id + "/versions/3"), 404, "PF-VERSI-TIDAK-DITEMUKAN", null);
        revision.remove("reason");
        assertProblem(revise(id, "\"2\"", revision), 400, "PF-ISIAN-WAJIB", "/reason");
        revision.put("reason", "Tahun di luar periode");
        ((ObjectNode) revision.at("/tujuan/0/sasaran/0/indicators/0/targets/0")).put("year", 2030);
        assertProblem(revise(id, "\"2\"", revision), 400, "PF-TAHUN-DI-LUAR-PERIODE",
                "/tujuan/0/sasaran/0/indicators/0/targets/0/year");
        assertThat(jdbc.sql("SELECT count(*) FROM renstra_version WHERE plan_id = ?::uuid").param(id)
                .query(Long.class).single()).as("refused revisions leave nothing").isEqualTo(2);
        assertProblem(revise(UUID.randomUUID().toString(), "\"1\"", revision), 404, "PF-RENSTRA-TIDAK-DITEMUKAN",
                null);
    }

    @Test
    void aUnitHasOnePlanForAnyYear() {
        assertThat(post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("18.72.05.1003", 2025, 2029)).status())
                .isEqualTo(201);
        assertProblem(post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("18.72.05.1003", 2027, 2031)), 409,
                "PF-PERIODE-TUMPANG-TINDIH", "/startYear");
        assertThat(plansOf("18.72.05.1003")).isEqualTo(1);
    }

    @Test
    void unknownUnitIsRefused() {
        assertRefused(p -> p.put("unit", "18.72.09"), 400, "PF-UNIT-TIDAK-DIKENAL", "/unit");
        assertRefused(p -> p.remove("unit"), 400, "PF-ISIAN-WAJIB", "/unit");
    }

    @Test
    void aPeriodMustRunForwardAndAtMostSixYears() {
        assertRefused(p -> p.put("endYear", 2024), 400, "PF-PERIODE-TIDAK-SAH", "/endYear");
        assertRefused(p -> p.put("endYear", 2031), 400, "PF-PERIODE-TIDAK-SAH", "/endYear");
        assertRefused(p -> p.remove("startYear"), 400, "PF-ISIAN-WAJIB", "/startYear");
    }

    @Test
    void everyYearOfThePeriodNeedsATargetAndNoYearOutsideIt() {
        String targets = "/tujuan/0/sasaran/0/indicators/0/targets";
        assertRefused(p -> ((tools.jackson.databind.node.ArrayNode) p.at(targets)).remove(2), 400,
                "PF-TARGET-TAHUN-KOSONG", targets);
        assertRefused(p -> ((ObjectNode) p.at(targets + "/4")).put("year", 2030), 400, "PF-TAHUN-DI-LUAR-PERIODE",
                targets + "/4/year");
        assertRefused(p -> ((ObjectNode) p.at(targets + "/4")).put("year", 2025), 400, "PF-TAHUN-GANDA",
                targets + "/4/year");
        assertRefused(p -> ((ObjectNode) p.at(targets + "/1")).remove("target"), 400, "PF-ISIAN-WAJIB",
                targets + "/1/target");
    }

    @Test
    void budgetsAndValuesAreNotNegative() {
        String sub = "/tujuan/0/sasaran/0/program/0/kegiatan/0/subKegiatan/0/indicators/0";
        assertRefused(p -> ((ObjectNode) p.at(sub + "/targets/3")).put("budget", -1), 400, "PF-ANGGARAN-NEGATIF",
                sub + "/targets/3/budget");
        assertRefused(p -> ((ObjectNode) p.at(sub + "/targets/0")).put("target", -5), 400, "PF-NILAI-TIDAK-SAH",
                sub + "/targets/0/target");
        assertRefused(p -> ((ObjectNode) p.at(sub)).put("baseline", -1), 400, "PF-NILAI-TIDAK-SAH", sub + "/baseline");
        assertRefused(p -> ((ObjectNode) p.at(sub + "/targets/0")).put("target", new java.math.BigDecimal("1.23456")),
                400, "PF-NILAI-TIDAK-SAH", sub + "/targets/0/target");
    }

    @Test
    void enumeratedFieldsTakeOnlyTheirValues() {
        String indicator = "/tujuan/0/sasaran/0/indicators/0";
        assertRefused(p -> ((ObjectNode) p.at(indicator)).put("direction", "SIDEWAYS"), 400, "PF-ARAH-TIDAK-DIKENAL",
                indicator + "/direction");
        assertRefused(p -> ((ObjectNode) p.at(indicator)).put("kind", "PERSEN"), 400, "PF-JENIS-TIDAK-DIKENAL",
                indicator + "/kind");
        assertRefused(p -> ((ObjectNode) p.at(indicator)).put("aggregation", "MEDIAN"), 400,
                "PF-AGREGASI-TIDAK-DIKENAL", indicator + "/aggregation");
        assertRefused(p -> ((ObjectNode) p.at(indicator)).put("source", "GUESSED"), 400, "PF-SUMBER-TIDAK-DIKENAL",
                indicator + "/source");
        assertRefused(p -> ((ObjectNode) p.at(indicator)).remove("direction"), 400, "PF-ISIAN-WAJIB",
                indicator + "/direction");
    }

    @Test
    void percentagesNameNumeratorAndDenominatorAndRangesBothBounds() {
        String indicator = "/tujuan/0/sasaran/0/indicators/0";
        assertRefused(p -> ((ObjectNode) p.at(indicator)).remove("denominatorDefinition"), 400,
                "PF-DEFINISI-PERSENTASE", indicator + "/denominatorDefinition");
        String sub = "/tujuan/0/sasaran/0/program/0/kegiatan/0/subKegiatan/0/indicators/0";
        assertRefused(p -> ((ObjectNode) p.at(sub)).put("aggregation", "RATIO"), 400, "PF-DEFINISI-PERSENTASE",
                sub + "/aggregation");
        assertRefused(p -> ((ObjectNode) p.at(indicator)).put("direction", "RANGE"), 400,
                "PF-RENTANG-TARGET-TIDAK-SAH", indicator + "/targets/0/targetMax");
        assertRefused(p -> ((ObjectNode) p.at(indicator + "/targets/0")).put("targetMax", 90), 400,
                "PF-RENTANG-TARGET-TIDAK-SAH", indicator + "/targets/0/targetMax");
    }

    @Test
    void aRangeIndicatorWithBothBoundsIsStored() {
        ObjectNode plan = RenstraFixtures.small("18.72.05.1004", 2025, 2026);
        ObjectNode indicator = RenstraFixtures.smallSasaranIndicator(plan);
        indicator.put("direction", "RANGE");
        for (JsonNode target : indicator.path("targets")) {
            ((ObjectNode) target).put("target", 60);
            ((ObjectNode) target).put("targetMax", 80);
        }
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", plan);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode stored = created.body().at("/tujuan/0/children/0/indicators/0");
        assertThat(stored.path("direction").asString()).isEqualTo("RANGE");
        assertThat(stored.at("/targets/1/targetMax").decimalValue()).isEqualByComparingTo("80");
        String capaian = "/api/v1/renstra/" + created.body().path("id").asString() + "/versions/1/indicators/"
                + stored.path("id").asString() + "/capaian?tahun=2025&realisasi=";
        assertThat(get(PLANNER, capaian + "70").body().path("capaian").decimalValue()).isEqualByComparingTo("100");
        assertThat(get(PLANNER, capaian + "45").body().path("capaian").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(get(PLANNER, capaian + "90").body().path("capaian").decimalValue()).isEqualByComparingTo("87.50");
    }

    @Test
    void nomenclatureCodesInEitherFormOnceAndInsideTheirParent() {
        String kegiatan = "/tujuan/0/sasaran/0/program/0/kegiatan/0";
        assertRefused(p -> ((ObjectNode) p.at(kegiatan + "/subKegiatan/0")).put("code", "1.06.04.2.01.001"), 400,
                "PF-KODE-NOMENKLATUR-TIDAK-SAH", kegiatan + "/subKegiatan/0/code");
        assertRefused(p -> ((ObjectNode) p.at(kegiatan)).put("code", "1.6.4.2.1"), 400,
                "PF-KODE-NOMENKLATUR-TIDAK-SAH", kegiatan + "/code");
        assertRefused(p -> ((ObjectNode) p.at("/tujuan/0/sasaran/0/program/0")).remove("code"), 400,
                "PF-ISIAN-WAJIB", "/tujuan/0/sasaran/0/program/0/code");
        assertRefused(p -> ((ObjectNode) p.at(kegiatan + "/subKegiatan/0")).put("code", "1.06.05.2.02.0001"), 400,
                "PF-KODE-TIDAK-SESUAI-INDUK", kegiatan + "/subKegiatan/0/code");
        assertRefused(p -> {
            ObjectNode twin = ((ObjectNode) p.at(kegiatan + "/subKegiatan/0")).deepCopy();
            twin.put("code", "1.06.04.2.01.01"); // the same sub-kegiatan in the older 2-digit form
            ((tools.jackson.databind.node.ArrayNode) p.at(kegiatan + "/subKegiatan")).add(twin);
        }, 400, "PF-KODE-GANDA", kegiatan + "/subKegiatan/1/code");
    }

    @Test
    void malformedJsonIsA400NeverA500() {
        ApiClient.Response response = api.post("/api/v1/renstra", token(ADMIN),
                "{\"unit\":\"" + REFUSED_UNIT + "\",\"startYear\":\"dua ribu\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        ApiClient.Response emptyTree = api.post("/api/v1/renstra", token(ADMIN), JSON.writeValueAsString(Map.of(
                "unit", REFUSED_UNIT, "title", "x", "startYear", 2025, "endYear", 2026)));
        assertProblem(emptyTree, 400, "PF-ISIAN-WAJIB", "/tujuan");
        assertThat(plansOf(REFUSED_UNIT)).isZero();
    }

    @Test
    void everyViolationIsListedAndTheCodeIsTheFirsts() {
        ObjectNode plan = RenstraFixtures.small(REFUSED_UNIT, 2025, 2029);
        ((ObjectNode) plan.at("/tujuan/0/sasaran/0/indicators/0")).put("kind", "PERSEN");
        ((ObjectNode) plan.at("/tujuan/0/sasaran/0/program/0/kegiatan/0/subKegiatan/0/indicators/0/targets/0"))
                .put("budget", -5);
        ApiClient.Response response = post(ADMIN, "/api/v1/renstra", plan);
        assertProblem(response, 400, "PF-JENIS-TIDAK-DIKENAL", "/tujuan/0/sasaran/0/indicators/0/kind");
        assertThat(response.body().path("errors").findValuesAsString("pointer")).contains(
                "/tujuan/0/sasaran/0/program/0/kegiatan/0/subKegiatan/0/indicators/0/targets/0/budget");
        assertThat(plansOf(REFUSED_UNIT)).isZero();
    }

    private ApiClient.Response revise(String id, String ifMatch, JsonNode body) {
        return api.send("POST", "/api/v1/renstra/" + id + "/versions", token(ADMIN), JSON.writeValueAsString(body),
                Map.of("If-Match", ifMatch));
    }

    /** A valid small plan of {@link #REFUSED_UNIT}, broken by {@code breakIt}: refused, and nothing stored. */
    private void assertRefused(Consumer<ObjectNode> breakIt, int status, String code, String pointer) {
        ObjectNode plan = RenstraFixtures.small(REFUSED_UNIT, 2025, 2029);
        breakIt.accept(plan);
        assertProblem(post(ADMIN, "/api/v1/renstra", plan), status, code, pointer);
        assertThat(plansOf(REFUSED_UNIT)).as("a refused plan leaves nothing").isZero();
    }

    static void assertProblem(ApiClient.Response response, int status, String code, String pointer) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).as(response.text()).isEqualTo(code);
        assertThat(response.body().path("type").asString()).isEqualTo("urn:kesra:problem:" + code);
        if (pointer != null) {
            assertThat(response.body().path("errors").findValuesAsString("pointer")).as(response.text())
                    .contains(pointer);
        }
    }
}
