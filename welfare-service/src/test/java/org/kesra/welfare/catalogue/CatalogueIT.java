package org.kesra.welfare.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class CatalogueIT extends WelfareApiIntegrationBase {

    @Test
    void theReferenceTablesAreLoadedWithTheirStartDates() {
        JsonNode pkh = api.get("/api/v1/programmes/PKH?berlakuPada=2024-07-01", token("dinsos.operator")).body();
        assertThat(pkh.path("unit").asString()).isEqualTo("KELUARGA");
        assertThat(amount(pkh, "IBU_HAMIL", "APBN", "TAHUN")).isEqualTo(3_000_000L);
        assertThat(amount(pkh, "IBU_HAMIL", "APBN", "TAHAP")).isEqualTo(750_000L);
        assertThat(amount(pkh, "SMA", "APBN", "TAHAP")).isEqualTo(500_000L);
        assertThat(parameter(pkh, "MAKS_KOMPONEN_PER_KELUARGA")).isEqualTo(4L);
        assertThat(parameter(pkh, "USIA_LANJUT_USIA_MIN")).isEqualTo(70L);

        JsonNode before = api.get("/api/v1/programmes/PKH?berlakuPada=2020-07-01", token("dinsos.operator")).body();
        assertThat(before.path("amounts").isEmpty()).as("the 2021 amounts did not apply in 2020").isTrue();

        JsonNode kube2019 = api.get("/api/v1/programmes/KUBE?berlakuPada=2019-06-30", token("bappeda.planner")).body();
        assertThat(amount(kube2019, "BANTUAN_USAHA", "APBD", "KELOMPOK")).isEqualTo(14_000_000L);
        assertThat(amount(kube2019, "BANTUAN_USAHA", "APBN", "KELOMPOK")).isEqualTo(20_000_000L);

        List<String> codes = api.get("/api/v1/programmes", token("inspektorat.auditor")).body().findValuesAsString("code");
        assertThat(codes).contains("PKH", "SEMBAKO", "KUBE", "RS_RUTILAHU", "PPKS_LAYANAN");
        assertThat(jdbc.sql("SELECT count(*) FROM ppks_category").query(Long.class).single()).isEqualTo(26L);
        assertThat(jdbc.sql("SELECT count(*) FROM psks_category").query(Long.class).single()).isEqualTo(12L);
    }

    @Test
    void aNewAmountIsANewVersionAndTheOldOneStaysReadable() {
        // On a programme of its own: a version added to SEMBAKO would change the amounts other tests read.
        String programme = "UJI_" + System.nanoTime() % 1_000_000_000L;
        ApiClient.Response created = api.post("/api/v1/programmes", token("dinsos.admin"), JSON.writeValueAsString(
                Map.of("code", programme, "name", "Program uji versi nilai", "unit", "KELUARGA",
                        "startedOn", "2020-01-01", "source", "Kepmensos uji")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String component = "UJI_" + System.nanoTime() % 1_000_000;
        assertThat(add(programme, component, "2022-01-01", 100_000).status()).isEqualTo(201);
        ApiClient.Response raised = add(programme, component, "2023-03-01", 150_000);
        assertThat(raised.status()).isEqualTo(201);
        assertThat(raised.body().path("recordedBy").asString()).isEqualTo("dinsos.admin");

        assertThat(amount(inForce(programme, "2022-12-31"), component, "APBN", "BULAN")).isEqualTo(100_000L);
        assertThat(amount(inForce(programme, "2023-03-01"), component, "APBN", "BULAN")).isEqualTo(150_000L);

        ApiClient.Response again = add(programme, component, "2023-03-01", 175_000);
        assertThat(again.status()).as("same start date: a conflict, never an overwrite").isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("WF-VERSI-SUDAH-ADA");
        assertThat(amount(inForce(programme, "2023-06-01"), component, "APBN", "BULAN")).isEqualTo(150_000L);

        JsonNode history = api.get("/api/v1/programmes/" + programme + "/amounts", token("dinsos.verifier")).body();
        List<Long> versions = new ArrayList<>();
        for (JsonNode amount : history) {
            if (amount.path("component").asString().equals(component)) {
                versions.add(amount.path("rupiah").asLong());
            }
        }
        assertThat(versions).containsExactly(100_000L, 150_000L);
    }

    @Test
    void theSembakoIndexFollowsItsHistory() {
        assertThat(amount(inForce("2019-06-01"), "INDEKS", "APBN", "BULAN")).isEqualTo(110_000L);
        assertThat(amount(inForce("2020-02-01"), "INDEKS", "APBN", "BULAN")).isEqualTo(150_000L);
        assertThat(amount(inForce("2021-06-01"), "INDEKS", "APBN", "BULAN")).isEqualTo(200_000L);
    }

    @Test
    void badAmountsAreRefusedFieldByFieldAndNothingIsWritten() {
        long before = jdbc.sql("SELECT count(*) FROM programme_amount").query(Long.class).single();
        assertProblem(post(Map.of("component", "INDEKS", "funding", "APBN", "per", "BULAN", "validFrom", "2030-01-01",
                "rupiah", -5, "source", "uji")), 422, "/rupiah", "negatif");
        assertProblem(post(Map.of("component", "INDEKS", "funding", "APBN", "per", "BULAN", "validFrom", "2030-01-01",
                "rupiah", 1500.5, "source", "uji")), 422, "/rupiah", "bilangan bulat");
        assertProblem(post(Map.of("component", "INDEKS", "funding", "APBN", "per", "BULAN", "validFrom", "2030-01-01",
                "rupiah", 1000)), 422, "/source", "Dasar perubahan");
        assertProblem(post(Map.of("component", "INDEKS", "funding", "HIBAH", "per", "MINGGU", "validFrom", "2030-01-01",
                "rupiah", 1000, "source", "uji")), 422, "/funding", "Sumber dana");
        assertProblem(post(Map.of("component", "indeks baru", "funding", "APBN", "per", "BULAN", "rupiah", 1000,
                "source", "uji")), 422, "/component", "Komponen");

        ApiClient.Response text = api.post("/api/v1/programmes/SEMBAKO/amounts", token("dinsos.admin"),
                "{\"component\":\"INDEKS\",\"funding\":\"APBN\",\"per\":\"BULAN\",\"validFrom\":\"2030-01-01\","
                        + "\"rupiah\":\"dua ratus ribu\",\"source\":\"uji\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.contentType()).startsWith("application/problem+json");

        ApiClient.Response unknown = api.post("/api/v1/programmes/BANSOS_X/amounts", token("dinsos.admin"),
                JSON.writeValueAsString(Map.of("component", "INDEKS", "funding", "APBN", "per", "BULAN",
                        "validFrom", "2030-01-01", "rupiah", 1000, "source", "uji")));
        assertThat(unknown.status()).isEqualTo(404);

        ApiClient.Response operator = api.post("/api/v1/programmes/SEMBAKO/amounts", token("dinsos.operator"),
                JSON.writeValueAsString(Map.of("component", "INDEKS", "funding", "APBN", "per", "BULAN",
                        "validFrom", "2030-01-01", "rupiah", 1000, "source", "uji")));
        assertThat(operator.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/programmes", token("mulyojati.operator")).status())
                .as("a kelurahan operator reads the list of programmes its musyawarah proposals name").isEqualTo(200);
        assertThat(api.get("/api/v1/programmes/PKH", token("mulyojati.operator")).status())
                .as("but not a programme's amounts and rules").isEqualTo(403);
        assertThat(api.get("/api/v1/programmes", token("bappeda.planner")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/programmes", token("disnakertrans.monitor")).status())
                .as("neither a register reader nor a proposer").isEqualTo(403);
        assertThat(api.get("/api/v1/programmes", null).status()).isEqualTo(401);

        assertThat(jdbc.sql("SELECT count(*) FROM programme_amount").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badRequestsToTheReadEndpointsAreProblemDetails() {
        assertThat(problem(api.get("/api/v1/programmes/BANSOS_X", token("dinsos.operator")))).isEqualTo(404);
        assertThat(problem(api.get("/api/v1/programmes/PKH?berlakuPada=kemarin", token("dinsos.operator"))))
                .isEqualTo(400);
        assertThat(problem(api.get("/api/v1/enrolments/00000000-0000-0000-0000-000000000000",
                token("dinsos.operator")))).isEqualTo(404);
        assertThat(problem(api.get("/api/v1/enrolments/bukan-uuid", token("dinsos.operator")))).isEqualTo(400);
        assertThat(problem(api.get("/api/v1/eligibility/123", token("dinsos.verifier")))).isEqualTo(400);
        assertThat(problem(api.get("/api/v1/ppks?size=201", token("dinsos.operator")))).isEqualTo(400);
        assertThat(problem(api.get("/api/v1/psks?page=-1", token("dinsos.operator")))).isEqualTo(400);
        assertThat(problem(api.get("/api/v1/verivali/00000000-0000-0000-0000-000000000000/rows?size=0",
                token("dinsos.operator")))).isEqualTo(400);
        assertThat(problem(api.get("/api/v1/verifications/access-log?size=501", token("inspektorat.auditor"))))
                .isEqualTo(400);
        assertThat(problem(api.get("/api/v1/ppks/indicators?dari=2026-01-01", token("dinsos.operator"))))
                .as("a missing parameter").isEqualTo(400);
    }

    /** The status of an answer that must be an RFC 9457 problem detail with the platform's code. */
    private static int problem(ApiClient.Response response) {
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).isNotBlank();
        return response.status();
    }

    private ApiClient.Response add(String programme, String component, String validFrom, long rupiah) {
        return api.post("/api/v1/programmes/" + programme + "/amounts", token("dinsos.admin"), JSON.writeValueAsString(
                Map.of("component", component, "funding", "APBN", "per", "BULAN", "validFrom", validFrom,
                        "rupiah", rupiah, "source", "Kepmensos uji")));
    }

    private ApiClient.Response post(Map<String, Object> body) {
        return api.post("/api/v1/programmes/SEMBAKO/amounts", token("dinsos.admin"), JSON.writeValueAsString(body));
    }

    private JsonNode inForce(String date) {
        return inForce("SEMBAKO", date);
    }

    private JsonNode inForce(String programme, String date) {
        return api.get("/api/v1/programmes/" + programme + "?berlakuPada=" + date, token("dinsos.operator")).body();
    }

    static Long amount(JsonNode programme, String component, String funding, String per) {
        for (JsonNode amount : programme.path("amounts")) {
            if (amount.path("component").asString().equals(component) && amount.path("funding").asString().equals(funding)
                    && amount.path("per").asString().equals(per)) {
                return amount.path("rupiah").asLong();
            }
        }
        return null;
    }

    static Long parameter(JsonNode programme, String name) {
        for (JsonNode parameter : programme.path("parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter.path("value").asLong();
            }
        }
        return null;
    }
}
