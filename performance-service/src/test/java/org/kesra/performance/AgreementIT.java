package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Perjanjian Kinerja: drafted, changed in place, agreed and frozen, changed again only as a revision with a reason. */
class AgreementIT extends PerformanceApiTest {

    /** Kelurahan Metro: this class's plans and agreements. */
    static final String UNIT = "18.72.01.1001";
    /** Kelurahan Yosomulyo: refused agreements name it; none may be stored. */
    static final String REFUSED_UNIT = "18.72.01.1005";

    private static ObjectNode agreement(String unit, int year, String title, String renstraIndicatorId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", unit);
        body.put("year", year);
        body.put("position", "HEAD");
        body.put("positionTitle", title);
        ArrayNode items = body.putArray("items");
        ObjectNode ppks = items.addObject();
        ppks.put("sasaran", "Meningkatnya penanganan PPKS");
        ppks.put("indicator", "Persentase PPKS yang ditangani");
        ppks.put("unitOfMeasure", "%");
        ppks.put("direction", "HIGHER");
        ppks.put("target", 70);
        ppks.put("budget", 1_000_000L);
        if (renstraIndicatorId != null) {
            ppks.put("renstraIndicatorId", renstraIndicatorId);
        }
        ObjectNode ikm = items.addObject();
        ikm.put("sasaran", "Meningkatnya kualitas pelayanan publik");
        ikm.put("indicator", "Indeks Kepuasan Masyarakat");
        ikm.put("unitOfMeasure", "indeks");
        ikm.put("direction", "HIGHER");
        ikm.put("target", 82);
        return body;
    }

    @Test
    void anAgreementIsDraftedAgreedFrozenAndRevisedWithAReason() {
        ApiClient.Response plan = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small(UNIT, 2022, 2026));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        String indicatorId = plan.body().at("/tujuan/0/children/0/indicators/0/id").asString();

        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", agreement(UNIT, 2022, "Lurah Metro", indicatorId));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
        String id = drafted.body().path("id").asString();
        assertThat(drafted.body().path("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.body().at("/items/0/renstraIndicatorId").asString()).isEqualTo(indicatorId);
        String path = "/api/v1/agreements/" + id;

        ObjectNode change = JSON.createObjectNode();
        change.set("items", agreement(UNIT, 2022, "Lurah Metro", indicatorId).get("items").deepCopy());
        ((ObjectNode) change.at("/items/1")).put("target", 83);
        ApiClient.Response edited = send("PUT", path, "\"1\"", change);
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.body().path("revision").asInt()).as("a draft is edited in place").isEqualTo(1);
        assertThat(edited.body().at("/items/1/target").decimalValue()).isEqualByComparingTo("83");

        assertProblem(send("POST", path + "/agreement", null, null), 428, "KESRA-IF-MATCH-WAJIB", null);
        ApiClient.Response agreed = send("POST", path + "/agreement", "\"1\"", null);
        assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
        assertThat(agreed.body().path("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.body().path("agreedBy").asString()).isEqualTo(ADMIN);
        assertProblem(send("POST", path + "/agreement", "\"1\"", null), 422, "PF-PK-SUDAH-DISEPAKATI", null);

        ((ObjectNode) change.at("/items/1")).put("target", 85);
        assertProblem(send("PUT", path, "\"1\"", change), 400, "PF-ISIAN-WAJIB", "/reason");
        change.put("reason", "Target IKM disesuaikan dengan RKPD perubahan");
        ApiClient.Response revised = send("PUT", path, "\"1\"", change);
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");
        assertThat(revised.body().path("revision").asInt()).isEqualTo(2);
        assertThat(revised.body().path("status").asString()).isEqualTo("DRAFT");
        assertThat(revised.body().path("reason").asString()).startsWith("Target IKM");

        JsonNode frozen = get("inspektorat.auditor", path + "/revisions/1")
                .body();
        assertThat(frozen.path("status").asString()).isEqualTo("AGREED");
        assertThat(frozen.at("/items/1/target").decimalValue()).as("the agreed revision is as agreed")
                .isEqualByComparingTo("83");
        assertThat(frozen.path("latestRevision").asInt()).isEqualTo(2);
        assertProblem(send("PUT", path, "\"1\"", change), 412, "PF-PK-BERUBAH", null);
        assertProblem(get(ADMIN, path + "/revisions/3"), 404, "PF-REVISI-PK-TIDAK-DITEMUKAN", null);

        assertProblem(post(ADMIN, "/api/v1/agreements", agreement(UNIT, 2022, "lurah metro", null)), 409,
                "PF-PK-SUDAH-ADA", "/positionTitle");
        JsonNode listed = get(PLANNER, "/api/v1/agreements?unit=" + UNIT
                + "&tahun=2022").body();
        assertThat(listed.path("items").findValuesAsString("id")).containsExactly(id);
        assertThat(get("rejomulyo.operator", path).status()).as("outside the region: not found").isEqualTo(404);
        assertThat(get("mulyojati.operator", "/api/v1/agreements?unit=" + UNIT).status()).isEqualTo(404);
    }

    @Test
    void badAgreementsAreRefusedWithTheirCodeAndNothingIsStored() {
        assertRefused(a -> a.put("position", "BUPATI"), 400, "PF-JABATAN-TIDAK-DIKENAL", "/position");
        assertRefused(a -> a.put("unit", "kecamatan-metro-barat"), 400, "PF-UNIT-TIDAK-DIKENAL", "/unit");
        assertRefused(a -> a.remove("items"), 400, "PF-ISIAN-WAJIB", "/items");
        assertRefused(a -> ((ObjectNode) a.at("/items/1")).put("budget", -1), 400, "PF-ANGGARAN-NEGATIF",
                "/items/1/budget");
        assertRefused(a -> ((ObjectNode) a.at("/items/0")).put("direction", "UP"), 400, "PF-ARAH-TIDAK-DIKENAL",
                "/items/0/direction");
        assertRefused(a -> ((ObjectNode) a.at("/items/0")).put("target", -3), 400, "PF-NILAI-TIDAK-SAH",
                "/items/0/target");
        assertRefused(a -> ((ObjectNode) a.at("/items/0")).put("direction", "RANGE"), 400,
                "PF-RENTANG-TARGET-TIDAK-SAH", "/items/0/targetMax");
        assertRefused(a -> ((ObjectNode) a.at("/items/0")).put("renstraIndicatorId",
                java.util.UUID.randomUUID().toString()), 400, "PF-INDIKATOR-RENSTRA-TIDAK-SESUAI",
                "/items/0/renstraIndicatorId");
        assertProblem(post(PLANNER, "/api/v1/agreements", agreement(REFUSED_UNIT, 2022, "Lurah", null)), 403,
                "PF-UNIT-BUKAN-WEWENANG", "/unit");
        assertThat(post("metrobarat.camat", "/api/v1/agreements", agreement(REFUSED_UNIT, 2022, "Lurah", null))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM agreement WHERE unit_code = ?").param(REFUSED_UNIT)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRenstraIndicatorOfAnotherUnitCannotBeTakenOver() {
        ApiClient.Response plan = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small("18.72.01.1004", 2022, 2026));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        String foreign = plan.body().at("/tujuan/0/children/0/indicators/0/id").asString();
        assertProblem(post(ADMIN, "/api/v1/agreements", agreement(REFUSED_UNIT, 2022, "Lurah", foreign)), 400,
                "PF-INDIKATOR-RENSTRA-TIDAK-SESUAI", "/items/0/renstraIndicatorId");
        assertProblem(post(ADMIN, "/api/v1/agreements", agreement("18.72.01.1004", 2021, "Lurah", foreign)), 400,
                "PF-INDIKATOR-RENSTRA-TIDAK-SESUAI", "/items/0/renstraIndicatorId");
        ApiClient.Response own = post(ADMIN, "/api/v1/agreements", agreement("18.72.01.1004", 2024, "Lurah", foreign));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
    }

    private void assertRefused(Consumer<ObjectNode> breakIt, int status, String code, String pointer) {
        ObjectNode body = agreement(REFUSED_UNIT, 2022, "Lurah Yosomulyo", null);
        breakIt.accept(body);
        assertProblem(post(ADMIN, "/api/v1/agreements", body), status, code, pointer);
    }

    private ApiClient.Response send(String method, String path, String ifMatch, JsonNode body) {
        return api.send(method, path, token(ADMIN), body == null ? null : JSON.writeValueAsString(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
