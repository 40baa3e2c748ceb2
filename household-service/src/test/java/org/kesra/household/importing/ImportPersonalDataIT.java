package org.kesra.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The import answers carry NIKs too (a problem's value and message, the duplicate-review queue): a full reader declares
 * a purpose and each answer is logged with the NIKs it showed; a masked reader reads them masked (issue 20).
 */
class ImportPersonalDataIT extends ImportApiIntegrationBase {

    private static final String MONITOR = "disnakertrans.monitor";

    @Autowired
    JdbcClient jdbc;

    @Test
    void problemReportsShowingFullNiksAreLoggedWithTheirPurpose() {
        String nik = registeredNik("Ada Lebih Dulu", LocalDate.of(1971, 3, 9));
        String id = refusedImportOf(nik);

        ApiClient.Response page = read("/api/v1/household-imports/" + id + "/problems", OPERATOR);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.body().path("items").findValuesAsString("value")).contains(nik);
        ApiClient.Response csv = read("/api/v1/household-imports/" + id + "/problems.csv", OPERATOR);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(nik);

        for (String endpoint : List.of("GET /api/v1/household-imports/{id}/problems",
                "GET /api/v1/household-imports/{id}/problems.csv")) {
            List<String> purposes = jdbc.sql("SELECT purpose FROM personal_data_access WHERE endpoint = ? AND actor = ?"
                            + " AND ? = ANY(niks)").params(endpoint, OPERATOR, nik).query(String.class).list();
            assertThat(purposes).as(endpoint).containsExactly(PURPOSE);
        }
    }

    @Test
    void theDuplicateReviewQueueShowingFullNiksIsLoggedWithItsPurpose() {
        registered(OPERATOR, household(MULYOJATI, List.of(
                person("Harjo Wiyono", LocalDate.of(1966, 11, 21), "L", "KEPALA_KELUARGA"))));
        String otherNik = nik(LocalDate.of(1966, 11, 21), "L");
        JsonNode done = imported(OPERATOR, csv(HEADER, List.of(row(kk(), MULYOJATI, "1", otherNik, "Hardjo  Wijono",
                LocalDate.of(1966, 11, 21), "L", "KEPALA_KELUARGA"))), null);
        assertThat(done.path("reviewItems").asLong()).isEqualTo(1);

        ApiClient.Response reviews = read("/api/v1/household-imports/reviews?importId=" + done.path("id").asString(),
                OPERATOR);
        assertThat(reviews.status()).as(reviews.text()).isEqualTo(200);
        JsonNode review = reviews.body().path("items").get(0);
        String registeredNik = review.path("otherNik").asString();
        assertThat(review.path("nik").asString()).isEqualTo(otherNik);

        List<String> logged = jdbc.sql("SELECT array_to_string(niks, ',') FROM personal_data_access WHERE endpoint = ?"
                        + " AND actor = ? AND purpose = ? AND ? = ANY(niks)")
                .params("GET /api/v1/household-imports/reviews", OPERATOR, PURPOSE, otherNik).query(String.class).list();
        assertThat(logged).hasSize(1);
        assertThat(List.of(logged.get(0).split(","))).contains(otherNik, registeredNik);
    }

    @Test
    void importAnswersShowingFullNiksNeedAPurpose() {
        String id = refusedImportOf(registeredNik("Tanpa Tujuan", LocalDate.of(1972, 4, 10)));
        long logged = importReadsBy(OPERATOR);

        for (String path : List.of("/api/v1/household-imports/" + id + "/problems",
                "/api/v1/household-imports/" + id + "/problems.csv", "/api/v1/household-imports/reviews")) {
            ApiClient.Response refused = api.get(path, token(OPERATOR));
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body().path("code").asString()).as(path).isEqualTo("HH-TUJUAN-WAJIB");
        }
        assertThat(importReadsBy(OPERATOR)).as("nothing was shown, nothing logged").isEqualTo(logged);
    }

    @Test
    void aMonitorReadsTheNiksOfProblemReportsMaskedWithoutPurpose() {
        String nik = registeredNik("Dibaca Tersamar", LocalDate.of(1973, 5, 11));
        String id = refusedImportOf(nik);

        ApiClient.Response page = api.get("/api/v1/household-imports/" + id + "/problems", token(MONITOR));
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.body().path("items").findValuesAsString("value")).contains(masked(nik));
        assertThat(page.text()).doesNotContain(nik).doesNotContainPattern("[0-9]{16}");
        ApiClient.Response csv = api.get("/api/v1/household-imports/" + id + "/problems.csv", token(MONITOR));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(masked(nik)).doesNotContainPattern("[0-9]{16}");
        assertThat(importReadsBy(MONITOR)).as("nothing in full was shown").isZero();
    }

    private String registeredNik(String name, LocalDate birth) {
        return registered(OPERATOR, household(MULYOJATI, List.of(person(name, birth, "L", "KEPALA_KELUARGA"))))
                .path("members").get(0).path("nik").asString();
    }

    /** An import refused because its one row's NIK is already registered; answers the import's id. */
    private String refusedImportOf(String registeredNik) {
        JsonNode done = imported(OPERATOR, csv(HEADER, List.of(row(kk(), MULYOJATI, "1", registeredNik, "Orang Lain",
                LocalDate.of(1980, 1, 1), "L", "KEPALA_KELUARGA"))), null);
        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        return done.path("id").asString();
    }

    private long importReadsBy(String actor) {
        return jdbc.sql("SELECT count(*) FROM personal_data_access WHERE actor = ? AND endpoint LIKE"
                + " 'GET /api/v1/household-imports%'").param(actor).query(Long.class).single();
    }

    private static String masked(String nik) {
        return nik.substring(0, 6) + "******" + nik.substring(12);
    }
}
