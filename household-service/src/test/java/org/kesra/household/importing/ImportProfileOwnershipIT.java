package org.kesra.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Mapping profiles have an owner: only the owner's staff or a Dinas Sosial admin change them, city-wide ones only an
 * admin, and every saved version can be read back.
 */
class ImportProfileOwnershipIT extends ImportApiIntegrationBase {

    private static final String PATH = "/api/v1/household-imports/profiles/";

    @Test
    void anotherKelurahanCannotOverwriteAProfileAndEveryVersionIsKept() {
        ApiClient.Response created = save("rejomulyo.operator", "kader-rejomulyo", columns("No KK", "NIK"), null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.body().path("ownerKind").asString()).isEqualTo("WILAYAH");
        assertThat(created.body().path("owner").asString()).isEqualTo(REJOMULYO);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);

        // The NIK and KK headers swapped, by the operator of another kelurahan and of another kecamatan.
        for (String stranger : new String[] {KELURAHAN_OPERATOR, "metrobarat.operator"}) {
            ApiClient.Response refused = save(stranger, "kader-rejomulyo", columns("NIK", "No KK"), null);
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("code").asString()).isEqualTo("HH-PROFIL-BUKAN-MILIK");
            assertThat(refused.body().path("detail").asString()).contains(REJOMULYO);
        }
        JsonNode unchanged = profile("kader-rejomulyo");
        assertThat(unchanged.path("columns").path("No KK").asString()).isEqualTo("kk_number");
        assertThat(unchanged.path("updatedBy").asString()).isEqualTo("rejomulyo.operator");

        ApiClient.Response changed = save("rejomulyo.operator", "kader-rejomulyo", columns("Nomor KK", "NIK"), null);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);
        ApiClient.Response byAdmin = save("dinsos.admin", "kader-rejomulyo", columns("Nomor KK", "No. NIK"), null);
        assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(200);
        assertThat(byAdmin.body().path("owner").asString()).as("an admin's change keeps the owner").isEqualTo(REJOMULYO);

        ApiClient.Response versions = api.get(PATH + "kader-rejomulyo/versions", token("mulyojati.operator"));
        assertThat(versions.status()).as(versions.text()).isEqualTo(200);
        assertThat(versions.body()).hasSize(3);
        assertThat(versions.body().get(0).path("version").asInt()).isEqualTo(3);
        assertThat(versions.body().get(0).path("savedBy").asString()).isEqualTo("dinsos.admin");
        assertThat(versions.body().get(2).path("version").asInt()).isEqualTo(1);
        assertThat(versions.body().get(2).path("columns").path("No KK").asString()).isEqualTo("kk_number");
        assertThat(versions.body().get(2).path("savedBy").asString()).isEqualTo("rejomulyo.operator");
        assertThat(api.get(PATH + "tidak-ada/versions", token(OPERATOR)).status()).isEqualTo(404);
    }

    @Test
    void cityWideProfilesAreChangedByDinasSosialAdminsOnly() {
        ApiClient.Response notAdmin = save(OPERATOR, "formulir-kota", columns("No KK", "NIK"), true);
        assertThat(notAdmin.status()).as(notAdmin.text()).isEqualTo(403);
        assertThat(notAdmin.body().path("code").asString()).isEqualTo("HH-PROFIL-KOTA");

        ApiClient.Response created = save("dinsos.admin", "formulir-kota", columns("No KK", "NIK"), true);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.body().path("ownerKind").asString()).isEqualTo("KOTA");

        for (String staff : new String[] {OPERATOR, "rejomulyo.operator", "metrobarat.operator"}) {
            ApiClient.Response refused = save(staff, "formulir-kota", columns("NIK", "No KK"), null);
            assertThat(refused.status()).as(staff + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.body().path("code").asString()).isEqualTo("HH-PROFIL-BUKAN-MILIK");
        }
        assertThat(profile("formulir-kota").path("columns").path("No KK").asString()).isEqualTo("kk_number");
    }

    @Test
    void cityLevelStaffSaveProfilesOwnedByTheirAgency() {
        ApiClient.Response created = save(OPERATOR, "formulir-dinsos", columns("No KK", "NIK"), null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.body().path("ownerKind").asString()).isEqualTo("OPD");
        assertThat(created.body().path("owner").asString()).isEqualTo("dinsos");

        assertThat(save(KELURAHAN_OPERATOR, "formulir-dinsos", columns("NIK", "No KK"), null).status()).isEqualTo(403);
        assertThat(save("dinsos.admin", "formulir-dinsos", columns("Nomor KK", "NIK"), null).status()).isEqualTo(200);
        ApiClient.Response again = save(OPERATOR, "formulir-dinsos", columns("No. KK", "NIK"), null);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().path("version").asInt()).isEqualTo(3);
    }

    private ApiClient.Response save(String user, String name, Map<String, String> columns, Boolean cityWide) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", "Formulir kader");
        body.put("columns", columns);
        if (cityWide != null) {
            body.put("cityWide", cityWide);
        }
        return call("PUT", PATH + name, user, body, null);
    }

    private JsonNode profile(String name) {
        JsonNode all = api.get(PATH.substring(0, PATH.length() - 1), token(OPERATOR)).body();
        for (JsonNode profile : all) {
            if (name.equals(profile.path("name").asString())) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + name + " in " + all);
    }

    /** The required columns, the KK number and the NIK under the headers given. */
    private static Map<String, String> columns(String kkHeader, String nikHeader) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(kkHeader, "kk_number");
        columns.put(nikHeader, "nik");
        columns.put("Kode Kelurahan", "kelurahan_code");
        columns.put("RW", "rw");
        columns.put("RT", "rt");
        columns.put("Nama", "name");
        columns.put("Tgl Lahir", "birth_date");
        columns.put("JK", "sex");
        columns.put("Hubungan", "relationship");
        return columns;
    }
}
