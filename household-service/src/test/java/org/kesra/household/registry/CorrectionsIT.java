package org.kesra.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;

/** Corrections need a reason, name only known fields, and leave who/when/before/after/why in the history. */
class CorrectionsIT extends RegistryApiIntegrationBase {

    @Test
    void correctsAPersonsNameAndKeepsBeforeAndAfterWithTheReason() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode wife = member(household, "SITI AMINAH");
        String path = "/api/v1/persons/" + wife.path("id").asString();

        ApiClient.Response corrected = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("name", "Sitti Aminah Rahayu", "reason", "sesuai KTP-el"), etag(wife));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().path("name").asString()).isEqualTo("SITTI AMINAH RAHAYU");
        assertThat(corrected.header("ETag")).isEqualTo("\"1\"");
        JsonNode history = read(path + "/history", KELURAHAN_OPERATOR).body().path("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("DIKOREKSI");
        assertThat(last.path("changedBy").asString()).isEqualTo(KELURAHAN_OPERATOR);
        assertThat(last.path("reason").asString()).isEqualTo("sesuai KTP-el");
        assertThat(last.path("before").path("name").asString()).isEqualTo("SITI AMINAH");
        assertThat(last.path("after").path("name").asString()).isEqualTo("SITTI AMINAH RAHAYU");
        assertThat(last.path("changedAt").asString()).isNotBlank();
        assertThat(MemberOperationsIT.eventOf(household, "household.person.corrected")).isTrue();
    }

    @Test
    void aCorrectedBirthDateKeepsTheNikAndFlagsIt() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode head = member(household, "SUPARMAN");

        ApiClient.Response corrected = call("PATCH", "/api/v1/persons/" + head.path("id").asString(), KELURAHAN_OPERATOR,
                Map.of("birthDate", "1979-05-12", "reason", "akta kelahiran"), etag(head));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().path("nik").asString()).isEqualTo(head.path("nik").asString());
        assertThat(corrected.body().path("nikFlags").get(0).asString()).isEqualTo("TANGGAL_LAHIR_TIDAK_SESUAI");
    }

    @Test
    void refusesACorrectionWithoutReasonWithUnknownFieldsOrWithoutChange() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode head = member(household, "SUPARMAN");
        String path = "/api/v1/persons/" + head.path("id").asString();

        ApiClient.Response noReason = call("PATCH", path, KELURAHAN_OPERATOR, Map.of("name", "Suparman Hadi"), etag(head));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/reason");

        ApiClient.Response unknown = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("salary", 5, "reason", "x"), etag(head));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/salary");

        ApiClient.Response unchanged = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("name", "Suparman", "reason", "x"), etag(head));
        assertThat(unchanged.status()).isEqualTo(400);

        ApiClient.Response invalid = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("nik", "123", "reason", "x"), etag(head));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/nik");
        assertThat(read(path, KELURAHAN_OPERATOR).body().path("version").asInt()).isZero();
    }

    @Test
    void refusesToMakeASecondHeadByCorrection() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode child = member(household, "BAYU SAPUTRA");

        ApiClient.Response response = call("PATCH", "/api/v1/persons/" + child.path("id").asString(), KELURAHAN_OPERATOR,
                Map.of("relationship", "KEPALA_KELUARGA", "reason", "x"), etag(child));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-KEPALA-KELUARGA");
    }

    @Test
    void correctsHouseholdAnswersAndRefusesUnknownCodes() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String path = MemberOperationsIT.path(household);

        ApiClient.Response bad = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("waterSource", "SUMUR_TETANGGA", "reason", "verifikasi"), etag(household));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/waterSource");

        ApiClient.Response kelurahan = call("PATCH", path, KELURAHAN_OPERATOR,
                Map.of("kelurahanCode", GANJAR_AGUNG, "reason", "x"), etag(household));
        assertThat(kelurahan.status()).isEqualTo(400);

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("waterSource", "ledeng");
        patch.put("assets", java.util.List.of("SEPEDA_MOTOR", "LEMARI_ES"));
        patch.put("address", null);
        patch.put("reason", "verifikasi kader dasawisma");
        ApiClient.Response corrected = call("PATCH", path, KELURAHAN_OPERATOR, patch, etag(household));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().path("waterSource").asString()).isEqualTo("LEDENG");
        assertThat(corrected.body().path("address").isNull()).isTrue();
        JsonNode last = lastHistory(path);
        assertThat(last.path("before").path("waterSource").asString()).isEqualTo("SUMUR_BOR_POMPA");
        assertThat(last.path("after").path("assets")).hasSize(2);
    }

    @Test
    void readersWithoutNeedSeeTheNikMaskedEvenInTheHistory() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode head = member(household, "SUPARMAN");
        String nik = head.path("nik").asString();

        JsonNode asMonitor = read("/api/v1/persons/" + head.path("id").asString(), "disnakertrans.monitor").body();
        assertThat(asMonitor.path("nik").asString()).isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12));
        JsonNode history = read("/api/v1/persons/" + head.path("id").asString() + "/history",
                "inspektorat.auditor").body().path("items");
        assertThat(history.get(0).path("after").path("nik").asString()).contains("******");
        JsonNode asVerifier = read("/api/v1/persons/" + head.path("id").asString(), "dinsos.verifier").body();
        assertThat(asVerifier.path("nik").asString()).isEqualTo(nik);
    }

    private JsonNode lastHistory(String path) {
        JsonNode items = read(path + "/history", KELURAHAN_OPERATOR).body().path("items");
        return items.get(items.size() - 1);
    }
}
