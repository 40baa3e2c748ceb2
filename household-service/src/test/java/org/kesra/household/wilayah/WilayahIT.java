package org.kesra.household.wilayah;

import org.kesra.household.registry.RegistryApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;

/** The region tree from the reference data, and the RW, RT and dasawisma groups of a kelurahan. */
class WilayahIT extends RegistryApiIntegrationBase {

    @Test
    void theTreeHasTheFiveKecamatanAndTwentyTwoKelurahanOfKotaMetro() {
        JsonNode tree = api.get("/api/v1/wilayah", token("dinsos.operator")).body();

        assertThat(tree.findValuesAsString("level").stream().filter("kecamatan"::equals)).hasSize(5);
        assertThat(tree.findValuesAsString("level").stream().filter("kelurahan"::equals)).hasSize(22);
        assertThat(tree.findValuesAsString("code")).contains("18.72.05.1001");
    }

    @Test
    void managesRwRtAndDasawismaOfItsOwnKelurahan() {
        String rw = String.valueOf(100 + (int) (Math.random() * 800));
        ApiClient.Response addedRw = call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw", KELURAHAN_OPERATOR,
                Map.of("number", rw), null);
        assertThat(addedRw.status()).isEqualTo(201);
        String padded = String.format("%03d", Integer.parseInt(rw));
        assertThat(addedRw.body().path("rw").asString()).isEqualTo(padded);

        assertThat(call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw", KELURAHAN_OPERATOR, Map.of("number", rw), null)
                .status()).isEqualTo(409);
        ApiClient.Response addedRt = call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw/" + rw + "/rt",
                KELURAHAN_OPERATOR, Map.of("number", "4"), null);
        assertThat(addedRt.status()).isEqualTo(201);
        assertThat(addedRt.body().path("rt").get(0).asString()).isEqualTo("004");

        ApiClient.Response dasawisma = call("POST", "/api/v1/wilayah/" + MULYOJATI + "/dasawisma", KELURAHAN_OPERATOR,
                Map.of("rw", rw, "rt", "4", "name", "Dasawisma Melati " + rw), null);
        assertThat(dasawisma.status()).isEqualTo(201);
        Map<String, Object> family = family(MULYOJATI);
        family.put("rw", rw);
        family.put("rt", "4");
        family.put("dasawismaId", dasawisma.body().path("id").asString());
        assertThat(registered(KELURAHAN_OPERATOR, family).path("dasawismaId").asString())
                .isEqualTo(dasawisma.body().path("id").asString());
    }

    @Test
    void refusesBadUnitsAndForeignKelurahan() {
        assertThat(call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw", KELURAHAN_OPERATOR, Map.of("number", "0"), null)
                .status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw/999/rt", KELURAHAN_OPERATOR,
                Map.of("number", "1"), null).status()).isEqualTo(404);
        ApiClient.Response noRt = call("POST", "/api/v1/wilayah/" + MULYOJATI + "/dasawisma", KELURAHAN_OPERATOR,
                Map.of("rw", "998", "rt", "9", "name", "Mawar"), null);
        assertThat(noRt.status()).isEqualTo(400);
        assertThat(noRt.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/rt");
        assertThat(call("POST", "/api/v1/wilayah/" + REJOMULYO + "/rw", KELURAHAN_OPERATOR, Map.of("number", "1"), null)
                .status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/wilayah/" + MULYOJATI + "/rw", "disnakertrans.monitor",
                Map.of("number", "1"), null).status()).isEqualTo(403);
    }

    @Test
    void aDasawismaOfAnotherKelurahanCannotBeUsed() {
        ApiClient.Response rw = call("POST", "/api/v1/wilayah/" + REJOMULYO + "/rw", "rejomulyo.operator",
                Map.of("number", String.valueOf(100 + (int) (Math.random() * 800))), null);
        String number = rw.body().path("rw").asString();
        call("POST", "/api/v1/wilayah/" + REJOMULYO + "/rw/" + number + "/rt", "rejomulyo.operator",
                Map.of("number", "1"), null);
        JsonNode dasawisma = call("POST", "/api/v1/wilayah/" + REJOMULYO + "/dasawisma", "rejomulyo.operator",
                Map.of("rw", number, "rt", "1", "name", "Anggrek " + number), null).body();
        Map<String, Object> family = family(MULYOJATI);
        family.put("dasawismaId", dasawisma.path("id").asString());

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/dasawismaId");
    }
}
