package org.kesra.welfare.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.FieldChange;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.Member;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import org.kesra.welfare.householdevents.HouseholdEventsFixture;
import tools.jackson.databind.JsonNode;

class EnrolmentIT extends WelfareApiIntegrationBase {

    @Test
    void aFamilyIsEnrolledOncePerPeriodWhicheverMemberIsNamed() {
        HouseholdRegistered card = family();
        Member head = card.members().get(0);
        Member wife = card.members().get(1);

        ApiClient.Response enrolled = enrol("dinsos.operator", "PKH", head.nik(), "2024-01-01", "2024-12-31");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        assertThat(enrolled.body().path("status").asString()).isEqualTo("AKTIF");
        assertThat(enrolled.body().path("kelurahanCode").asString()).isEqualTo(METRO_PUSAT_KELURAHAN);
        assertThat(enrolled.body().path("householdId").asString()).isEqualTo(card.householdId().toString());
        assertThat(enrolled.body().path("enrolledBy").asString()).isEqualTo("dinsos.operator");
        String id = enrolled.body().path("id").asString();
        assertThat(api.get("/api/v1/enrolments/" + id, token("dinsos.verifier")).body().path("nik").asString())
                .isEqualTo(head.nik());
        assertThat(api.get("/api/v1/enrolments/" + id, token("inspektorat.auditor")).body().path("nik").asString())
                .as("auditors and planners read the NIK masked")
                .isEqualTo(head.nik().substring(0, 6) + "******" + head.nik().substring(12));
        assertThat(api.get("/api/v1/enrolments?programme=PKH&size=200", token("bappeda.planner")).body()
                .path("items").findValuesAsString("nik")).doesNotContain(head.nik());

        ApiClient.Response wifeToo = enrol("dinsos.operator", "PKH", wife.nik(), "2024-06-01", null);
        assertThat(wifeToo.status()).isEqualTo(409);
        assertThat(wifeToo.body().path("code").asString()).isEqualTo("WF-SUDAH-TERDAFTAR");
        assertThat(wifeToo.body().path("detail").asString()).contains(card.kkNumber());
        assertThat(enrol("dinsos.admin", "PKH", head.nik(), "2024-12-31", "2025-06-30").status())
                .as("one overlapping day is enough").isEqualTo(409);

        assertThat(enrol("dinsos.operator", "PKH", wife.nik(), "2025-01-01", "2025-12-31").status())
                .as("the next period is another enrolment").isEqualTo(201);
        assertThat(enrol("dinsos.operator", "SEMBAKO", head.nik(), "2024-01-01", null).status())
                .as("another programme").isEqualTo(201);
        assertThat(enrol("dinsos.operator", "PPKS_LAYANAN", head.nik(), "2024-01-01", null).status()).isEqualTo(201);
        assertThat(enrol("dinsos.operator", "PPKS_LAYANAN", wife.nik(), "2024-01-01", null).status())
                .as("a programme for persons counts persons, not families").isEqualTo(201);

        JsonNode page = api.get("/api/v1/enrolments?programme=PKH&kelurahan=" + METRO_PUSAT_KELURAHAN + "&size=200",
                token("dinsos.verifier")).body();
        assertThat(page.path("items").findValuesAsString("nik")).contains(head.nik(), wife.nik());
    }

    @Test
    void enrolmentsThatBreakARuleAreRefusedWithTheFieldAndNothingIsWritten() {
        HouseholdRegistered card = family();
        long before = jdbc.sql("SELECT count(*) FROM enrolment").query(Long.class).single();

        ApiClient.Response unknown = enrol("dinsos.operator", "PKH", "1872014101990001", "2024-01-01", null);
        assertProblem(unknown, 422, "/nik", "tidak ditemukan");
        assertThat(unknown.body().path("code").asString()).isEqualTo("WF-NIK-TIDAK-TERDAFTAR");
        assertProblem(enrol("dinsos.operator", "PKH", "18720112", "2024-01-01", null), 422, "/nik", "16 digit");
        assertProblem(enrol("dinsos.operator", "BANSOS_X", card.members().get(0).nik(), "2024-01-01", null), 422,
                "/programme", "tidak dikenal");
        assertProblem(enrol("dinsos.operator", "PKH", card.members().get(0).nik(), "2024-06-01", "2024-01-31"), 422,
                "/periodEnd", "sebelum awal");
        assertProblem(enrol("dinsos.operator", "PKH", card.members().get(0).nik(), null, null), 422,
                "/periodStart", "wajib");
        assertThat(enrol("dinsos.verifier", "PKH", card.members().get(0).nik(), "2024-01-01", null).status())
                .as("verifiers decide, they do not enrol").isEqualTo(403);
        ApiClient.Response badDate = api.post("/api/v1/enrolments", token("dinsos.operator"),
                "{\"programme\":\"PKH\",\"nik\":\"" + card.members().get(0).nik() + "\",\"periodStart\":\"31-12-2024\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/enrolments?size=0", token("dinsos.operator")).status()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT count(*) FROM enrolment").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anOperatorEndsAnEnrolmentWithAReasonOnceAndBadEndingsAreRefusedByField() {
        HouseholdRegistered card = family();
        String id = enrol("dinsos.operator", "SEMBAKO", card.members().get(0).nik(), "2024-01-01", null).body()
                .path("id").asString();
        String ending = "/api/v1/enrolments/" + id + "/ending";

        assertProblem(api.post(ending, token("dinsos.operator"), "{\"endedOn\":\"2023-12-31\",\"reason\":\" \"}"), 422,
                "/reason", "Alasan");
        assertProblem(api.post(ending, token("dinsos.operator"), "{\"endedOn\":\"2023-12-31\",\"reason\":\"graduasi\"}"),
                422, "/endedOn", "awal periode");
        assertProblem(api.post(ending, token("dinsos.operator"), JSON.writeValueAsString(Map.of("endedOn",
                LocalDate.now().plusDays(1).toString(), "reason", "graduasi"))), 422, "/endedOn", "masa depan");
        assertThat(api.post(ending, token("dinsos.verifier"), "{\"endedOn\":\"2025-06-30\",\"reason\":\"graduasi\"}")
                .status()).as("verifiers decide reviews; operators end enrolments").isEqualTo(403);
        assertThat(api.get("/api/v1/enrolments/" + id, token("dinsos.operator")).body().path("status").asString())
                .as("a refused ending changes nothing").isEqualTo("AKTIF");

        ApiClient.Response ended = api.post(ending, token("dinsos.operator"),
                "{\"endedOn\":\"2025-06-30\",\"reason\":\"graduasi mandiri\"}");
        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(ended.body().path("status").asString()).isEqualTo("BERAKHIR");
        assertThat(ended.body().path("periodEnd").asString()).isEqualTo("2025-06-30");
        assertThat(ended.body().path("endReason").asString()).isEqualTo("graduasi mandiri (dinsos.operator)");

        ApiClient.Response twice = api.post(ending, token("dinsos.admin"),
                "{\"endedOn\":\"2025-07-01\",\"reason\":\"lagi\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("code").asString()).isEqualTo("WF-KEPESERTAAN-BERAKHIR");
        assertThat(api.post("/api/v1/enrolments/" + java.util.UUID.randomUUID() + "/ending", token("dinsos.operator"),
                "{\"endedOn\":\"2025-07-01\",\"reason\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void aDeathOpensAReviewThatAVerifierConfirmsWithAReason() {
        HouseholdRegistered card = family();
        Member head = card.members().get(0);
        String enrolment = enrol("dinsos.operator", "PKH", head.nik(), "2024-01-01", null).body().path("id").asString();
        LocalDate died = LocalDate.now().minusDays(3);

        household.died(card, head, died);
        JsonNode review = awaitReview(enrolment);
        assertThat(review.path("reason").asString()).isEqualTo("MENINGGAL");
        assertThat(review.path("eventDate").asString()).isEqualTo(died.toString());
        assertThat(api.get("/api/v1/enrolments/" + enrolment, token("dinsos.operator")).body().path("status").asString())
                .as("nothing is ended automatically").isEqualTo("DITINJAU");

        String decision = "/api/v1/enrolment-reviews/" + review.path("id").asString() + "/decision";
        assertProblem(api.post(decision, token("dinsos.verifier"), "{\"decision\":\"KONFIRMASI\"}"), 422, "/reason",
                "Alasan");
        assertThat(api.post(decision, token("dinsos.operator"),
                "{\"decision\":\"KONFIRMASI\",\"reason\":\"akta kematian\"}").status()).isEqualTo(403);
        ApiClient.Response confirmed = api.post(decision, token("dinsos.verifier"),
                "{\"decision\":\"KONFIRMASI\",\"reason\":\"akta kematian No. 12/2026\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("status").asString()).isEqualTo("DIKONFIRMASI");
        assertThat(confirmed.body().path("decidedBy").asString()).isEqualTo("dinsos.verifier");
        JsonNode ended = api.get("/api/v1/enrolments/" + enrolment, token("dinsos.operator")).body();
        assertThat(ended.path("status").asString()).isEqualTo("BERAKHIR");
        assertThat(ended.path("periodEnd").asString()).isEqualTo(died.toString());
        assertThat(ended.path("endReason").asString()).isEqualTo("MENINGGAL");

        ApiClient.Response twice = api.post(decision, token("dinsos.admin"),
                "{\"decision\":\"TOLAK\",\"reason\":\"salah catat\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("code").asString()).isEqualTo("WF-SUDAH-DIPUTUSKAN");

        assertProblem(enrol("dinsos.operator", "SEMBAKO", head.nik(), "2026-01-01", null), 422, "/nik", "MENINGGAL");
    }

    @Test
    void aMoveOutOfTheCityOpensAReviewThatMayBeRejected() {
        HouseholdRegistered card = family();
        Member wife = card.members().get(1);
        String enrolment = enrol("dinsos.operator", "PPKS_LAYANAN", wife.nik(), "2025-01-01", null).body()
                .path("id").asString();

        household.movedAway(card, wife, LocalDate.now().minusDays(1));
        JsonNode review = awaitReview(enrolment);
        assertThat(review.path("reason").asString()).isEqualTo("PINDAH_KELUAR_KOTA");

        ApiClient.Response rejected = api.post("/api/v1/enrolment-reviews/" + review.path("id").asString()
                + "/decision", token("dinsos.verifier"), JSON.writeValueAsString(Map.of("decision", "TOLAK",
                "reason", "masih tinggal di Metro, surat pindah dibatalkan")));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrolments/" + enrolment, token("dinsos.operator")).body().path("status").asString())
                .isEqualTo("AKTIF");
    }

    /**
     * Issue 19: the grandfather of a family of seven dies; the family is enrolled in PKH and Sembako under other
     * members' NIKs. Each family enrolment gets a review naming him, with PKH's components before and after (his
     * LANJUT_USIA 600,000 gives way to the SD child the cap of four had left out); his own enrolment gets one too, the
     * individual enrolment of another member none. Confirming his death keeps the family's PKH running.
     */
    @Test
    void aMembersDeathOpensAReviewOnEveryEnrolmentOfTheFamilyWithTheAmountsBeforeAndAfter() {
        HouseholdRegistered card = familyOfSeven();
        Member head = card.members().get(0);
        Member wife = card.members().get(1);
        Member grandfather = card.members().get(5);
        String pkh = enrolled("PKH", head.nik());
        String sembako = enrolled("SEMBAKO", wife.nik());
        String hisOwn = enrolled("PPKS_LAYANAN", grandfather.nik());
        String headsOwn = enrolled("PPKS_LAYANAN", head.nik());
        String componentsOnTheDay = "/api/v1/enrolments/" + pkh + "/pkh-components?tanggal=" + DEATH;
        assertThat(api.get(componentsOnTheDay, token("dinsos.verifier")).body().path("rupiahPerTahap").asLong())
                .isEqualTo(2_850_000);

        household.died(card, grandfather, LocalDate.parse(DEATH));
        JsonNode pkhReview = awaitReview(pkh);
        assertThat(pkhReview.path("reason").asString()).isEqualTo("MENINGGAL");
        assertThat(pkhReview.path("eventDate").asString()).isEqualTo(DEATH);
        assertThat(pkhReview.path("memberPersonId").asString()).isEqualTo(grandfather.personId().toString());
        assertThat(pkhReview.path("memberNik").asString()).isEqualTo(grandfather.nik());
        assertThat(pkhReview.path("nik").asString()).as("the enrolment's named person").isEqualTo(head.nik());
        assertThat(pkhReview.path("amountBefore").asLong()).isEqualTo(2_850_000);
        assertThat(pkhReview.path("amountAfter").asLong()).isEqualTo(2_475_000);
        assertThat(pkhReview.path("amountPer").asString()).isEqualTo("TAHAP");
        assertThat(pkhReview.path("endsOnConfirm").asBoolean(true)).isFalse();
        JsonNode sembakoReview = awaitReview(sembako);
        assertThat(sembakoReview.path("memberPersonId").asString()).isEqualTo(grandfather.personId().toString());
        assertThat(sembakoReview.path("amountBefore").asLong()).as("a flat amount, shown on both sides")
                .isEqualTo(200_000);
        assertThat(sembakoReview.path("amountAfter").asLong()).isEqualTo(200_000);
        assertThat(sembakoReview.path("amountPer").asString()).isEqualTo("BULAN");
        assertThat(awaitReview(hisOwn).path("endsOnConfirm").asBoolean(false)).isTrue();
        for (String enrolment : List.of(pkh, sembako, hisOwn)) {
            assertThat(status(enrolment)).as("nothing is ended automatically").isEqualTo("DITINJAU");
        }
        assertThat(status(headsOwn)).as("another member's own enrolment does not depend on the family")
                .isEqualTo("AKTIF");
        assertThat(reviewsOf(headsOwn)).isEmpty();
        JsonNode masked = reviewsFor("inspektorat.auditor", pkh).get(0);
        assertThat(masked.path("memberNik").asString()).isEqualTo(grandfather.nik().substring(0, 6) + "******"
                + grandfather.nik().substring(12));

        // The registry says it again under a new event id; a later event of the same card shows it was handled.
        household.died(card, grandfather, LocalDate.parse(DEATH));
        Member newborn = HouseholdEventsFixture.member("BAYI", LocalDate.now().minusDays(2), "P", "ANAK");
        household.memberAdded(card, newborn);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE person_id = ?")
                .param(newborn.personId()).query(Long.class).single() == 1);
        assertThat(reviewsOf(pkh)).as("one open review per enrolment, member and change").hasSize(1);

        ApiClient.Response confirmed = api.post("/api/v1/enrolment-reviews/" + pkhReview.path("id").asString()
                + "/decision", token("dinsos.verifier"), JSON.writeValueAsString(Map.of("decision", "KONFIRMASI",
                "reason", "akta kematian kakek")));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().path("status").asString()).isEqualTo("DIKONFIRMASI");
        assertThat(status(pkh)).as("the family's PKH runs on with the amount after").isEqualTo("AKTIF");
        assertThat(api.get(componentsOnTheDay, token("dinsos.verifier")).body().path("rupiahPerTahap").asLong())
                .isEqualTo(2_475_000);
        assertThat(api.post("/api/v1/enrolment-reviews/" + awaitReview(hisOwn).path("id").asString() + "/decision",
                token("dinsos.verifier"), JSON.writeValueAsString(Map.of("decision", "KONFIRMASI",
                        "reason", "akta kematian"))).status()).isEqualTo(200);
        assertThat(status(hisOwn)).as("his own enrolment ends").isEqualTo("BERAKHIR");
    }

    @Test
    void aMemberLeavingTheCardOpensAReviewOfTheFamilysEnrolmentsOnly() {
        HouseholdRegistered card = familyOfSeven();
        Member head = card.members().get(0);
        Member wife = card.members().get(1);
        String pkh = enrolled("PKH", head.nik());
        String herOwn = enrolled("PPKS_LAYANAN", wife.nik());

        household.splitOff(card, wife);
        JsonNode review = awaitReview(pkh);
        assertThat(review.path("reason").asString()).isEqualTo("KELUAR_KK");
        assertThat(review.path("memberPersonId").asString()).isEqualTo(wife.personId().toString());
        assertThat(review.path("amountBefore").asLong()).isEqualTo(2_850_000);
        assertThat(review.path("amountAfter").asLong()).as("her IBU_HAMIL leaves with her")
                .isEqualTo(750_000 + 750_000 + 600_000 + 225_000);
        assertThat(review.path("endsOnConfirm").asBoolean(true)).isFalse();
        assertThat(status(pkh)).isEqualTo("DITINJAU");
        assertThat(reviewsOf(herOwn)).as("she still lives in the city: her own enrolment is not in doubt").isEmpty();
        assertThat(status(herOwn)).isEqualTo("AKTIF");

        ApiClient.Response rejected = api.post("/api/v1/enrolment-reviews/" + review.path("id").asString()
                + "/decision", token("dinsos.verifier"), JSON.writeValueAsString(Map.of("decision", "TOLAK",
                "reason", "pecah KK belum disahkan Dukcapil")));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(status(pkh)).isEqualTo("AKTIF");
    }

    private static final String DEATH = "2026-11-20";

    /**
     * Head, pregnant wife, two children under 7, one at SD, a grandfather over 70 and a grandmother under it: on
     * {@link #DEATH} the cap of four counts IBU_HAMIL, two ANAK_USIA_DINI and LANJUT_USIA (2,850,000 per tahap).
     */
    private HouseholdRegistered familyOfSeven() {
        HouseholdRegistered card = household.register(METRO_PUSAT_KELURAHAN, List.of(
                HouseholdEventsFixture.member("JOKO", LocalDate.of(1985, 1, 1), "L", "KEPALA_KELUARGA"),
                HouseholdEventsFixture.with(HouseholdEventsFixture.member("RINA", LocalDate.of(1990, 2, 2), "P",
                        "ISTRI"), true, false),
                HouseholdEventsFixture.member("DIMAS", LocalDate.of(2016, 3, 10), "L", "ANAK"),
                HouseholdEventsFixture.member("SARI", LocalDate.of(2022, 5, 5), "P", "ANAK"),
                HouseholdEventsFixture.member("BIMO", LocalDate.of(2023, 6, 6), "L", "ANAK"),
                HouseholdEventsFixture.member("SUKARDI", LocalDate.of(1950, 1, 1), "L", "ORANG_TUA"),
                HouseholdEventsFixture.member("PARTINAH", LocalDate.of(1960, 2, 2), "P", "ORANG_TUA")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 7);
        return card;
    }

    private String enrolled(String programme, String nik) {
        ApiClient.Response enrolled = enrol("dinsos.operator", programme, nik, "2026-01-01", null);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        return enrolled.body().path("id").asString();
    }

    private String status(String enrolment) {
        return api.get("/api/v1/enrolments/" + enrolment, token("dinsos.operator")).body().path("status").asString();
    }

    private List<JsonNode> reviewsOf(String enrolment) {
        return reviewsFor("dinsos.verifier", enrolment).stream()
                .filter(review -> review.path("status").asString().equals("TERBUKA")).toList();
    }

    private List<JsonNode> reviewsFor(String user, String enrolment) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/v1/enrolment-reviews?size=200&page=" + page, token(user)).body();
            for (JsonNode review : body.path("items")) {
                if (review.path("enrolmentId").asString().equals(enrolment)) {
                    found.add(review);
                }
            }
            if (body.path("items").size() < 200) {
                return found;
            }
        }
    }

    @Test
    void aCorrectionInTheRegistryReachesTheResidentCopy() {
        HouseholdRegistered card = family();
        Member wife = card.members().get(1);
        household.corrected(card, wife, List.of(new FieldChange("name", "SITI AMINAH", "SITI AMINAH ZAHRA"),
                new FieldChange("birthDate", "1985-08-20", "1985-08-21"), new FieldChange("pregnant", "false", "true"),
                new FieldChange("occupation", "PETANI", "PEDAGANG")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT name FROM resident WHERE person_id = ?").param(wife.personId()).query(String.class).single()
                .equals("SITI AMINAH ZAHRA"));
        assertThat(jdbc.sql("SELECT birth_date FROM resident WHERE person_id = ?").param(wife.personId())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(1985, 8, 21));
        assertThat(jdbc.sql("SELECT pregnant FROM resident WHERE person_id = ?").param(wife.personId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void kecamatanAndKelurahanStaffSeeTheKpmOfTheirRegionOnly() {
        String rejomulyo = "18.72.05.1001";
        String mulyojati = "18.72.03.1001";
        HouseholdRegistered here = registeredIn(rejomulyo);
        HouseholdRegistered there = registeredIn(mulyojati);
        String since = LocalDate.now().minusMonths(1).toString();
        String own = enrol("dinsos.operator", "SEMBAKO", here.members().get(0).nik(), since, null).body().path("id")
                .asString();
        String other = enrol("dinsos.operator", "SEMBAKO", there.members().get(0).nik(), since, null).body().path("id")
                .asString();

        JsonNode listed = api.get("/api/v1/enrolments?programme=SEMBAKO&size=200", token("rejomulyo.operator")).body();
        assertThat(listed.path("items").findValuesAsString("kelurahanCode")).isNotEmpty().containsOnly(rejomulyo);
        assertThat(listed.path("items").findValuesAsString("id")).contains(own).doesNotContain(other);
        assertThat(listed.path("items").findValuesAsString("nik")).allMatch(nik -> nik.contains("******"));
        assertThat(api.get("/api/v1/enrolments?kelurahan=" + mulyojati, token("rejomulyo.operator")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/enrolments/" + other, token("rejomulyo.operator")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/enrolments/" + own, token("rejomulyo.operator")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrolments?programme=SEMBAKO&size=200", token("metrobarat.camat")).body()
                .path("items").findValuesAsString("id")).contains(other).doesNotContain(own);
        assertThat(api.get("/api/v1/enrolments/" + own, token("dinsos.operator")).body().path("nik").asString())
                .as("Dinas Sosial reads the whole NIK").isEqualTo(here.members().get(0).nik());
    }

    @Test
    void theKpmPerProgrammeCountsAFamilyOnceOnTheDatesItsPeriodCoversInsideTheCallersRegion() {
        String rejomulyo = "18.72.05.1001";
        HouseholdRegistered card = registeredIn(rejomulyo);
        LocalDate since = LocalDate.now().minusDays(10);
        long before = kpm("rejomulyo.operator", null, "SEMBAKO");
        long cityBefore = kpm("dinsos.verifier", null, "SEMBAKO");
        long elsewhereBefore = kpm("metrobarat.camat", null, "SEMBAKO");
        assertThat(enrol("dinsos.operator", "SEMBAKO", card.members().get(0).nik(), since.toString(), null).status())
                .isEqualTo(201);
        assertThat(kpm("rejomulyo.operator", null, "SEMBAKO")).isEqualTo(before + 1);
        assertThat(kpm("dinsos.verifier", null, "SEMBAKO")).isEqualTo(cityBefore + 1);
        assertThat(kpm("metrobarat.camat", null, "SEMBAKO")).as("another kecamatan").isEqualTo(elsewhereBefore);
        assertThat(kpm("rejomulyo.operator", since.minusDays(1).toString(), "SEMBAKO"))
                .as("the day before the period began").isLessThanOrEqualTo(before);
        JsonNode report = api.get("/api/v1/enrolments/kpm", token("dinsos.verifier")).body();
        assertThat(report.path("programmes").findValuesAsString("programme")).contains("PKH", "SEMBAKO");
        assertThat(report.path("date").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(api.get("/api/v1/enrolments/kpm?tanggal=kemarin", token("dinsos.verifier")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/enrolments/kpm", token("disnakertrans.monitor")).status()).isEqualTo(403);
    }

    private long kpm(String user, String date, String programme) {
        JsonNode report = api.get("/api/v1/enrolments/kpm" + (date == null ? "" : "?tanggal=" + date), token(user))
                .body();
        for (JsonNode p : report.path("programmes")) {
            if (programme.equals(p.path("programme").asString())) {
                return p.path("kpm").asLong();
            }
        }
        throw new AssertionError("no " + programme + " in " + report);
    }

    private HouseholdRegistered registeredIn(String kelurahan) {
        HouseholdRegistered card = household.registerFamily(kelurahan);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == card.members().size());
        return card;
    }

    @Test
    void aCorrectedKkNumberReachesEveryMembersRow() {
        HouseholdRegistered card = family();
        String corrected = "1872" + card.kkNumber().substring(4, 15) + (card.kkNumber().charAt(15) == '9' ? '8' : '9');
        household.kkNumberCorrected(card, corrected);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM resident WHERE household_id = ? AND kk_number = ?")
                .params(card.householdId(), corrected).query(Long.class).single() == card.members().size());
        assertThat(jdbc.sql("SELECT count(*) FROM resident WHERE kk_number = ?").param(card.kkNumber())
                .query(Long.class).single()).as("no row keeps the mistyped number").isZero();
    }

    @Test
    void pkhComponentsFollowTheMembersTheirAgesAndTheCaps() {
        Member wife = HouseholdEventsFixture.with(HouseholdEventsFixture.member("RINA", LocalDate.of(1990, 2, 2), "P",
                "ISTRI"), true, false);
        Member child = HouseholdEventsFixture.member("DIMAS", LocalDate.of(2018, 3, 10), "L", "ANAK");
        Member grandmother = HouseholdEventsFixture.member("SUMIATI", LocalDate.of(1950, 1, 1), "P", "ORANG_TUA");
        HouseholdRegistered card = household.register(METRO_PUSAT_KELURAHAN, List.of(
                HouseholdEventsFixture.member("JOKO", LocalDate.of(1985, 1, 1), "L", "KEPALA_KELUARGA"), wife, child,
                grandmother));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 4);
        String enrolment = enrol("dinsos.operator", "PKH", card.members().get(0).nik(), "2024-01-01", null).body()
                .path("id").asString();
        String path = "/api/v1/enrolments/" + enrolment + "/pkh-components?tanggal=";

        JsonNode aged6 = api.get(path + "2024-06-01", token("dinsos.verifier")).body();
        assertThat(components(aged6)).containsExactlyInAnyOrder("IBU_HAMIL:RINA", "ANAK_USIA_DINI:DIMAS",
                "LANJUT_USIA:SUMIATI");
        assertThat(aged6.path("rupiahPerTahap").asLong()).isEqualTo(750_000 + 750_000 + 600_000);
        assertThat(aged6.path("rupiahPerYear").asLong()).isEqualTo(3_000_000 + 3_000_000 + 2_400_000);

        JsonNode aged7 = api.get(path + "2025-06-01", token("dinsos.verifier")).body();
        assertThat(components(aged7)).as("the 7th birthday moves Dimas to SD")
                .containsExactlyInAnyOrder("IBU_HAMIL:RINA", "SD:DIMAS", "LANJUT_USIA:SUMIATI");
        assertThat(aged7.path("rupiahPerTahap").asLong()).isEqualTo(750_000 + 225_000 + 600_000);

        for (int year : new int[] {2021, 2022, 2023}) {
            household.memberAdded(card, HouseholdEventsFixture.member("BALITA " + year, LocalDate.of(year, 5, 5), "P",
                    "ANAK"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 7);
        JsonNode capped = api.get(path + "2025-06-01", token("dinsos.verifier")).body();
        assertThat(components(capped)).as("two young children at most, four persons per family, highest amounts first")
                .containsExactlyInAnyOrder("IBU_HAMIL:RINA", "ANAK_USIA_DINI:BALITA 2023", "ANAK_USIA_DINI:BALITA 2022",
                        "LANJUT_USIA:SUMIATI");
        assertThat(capped.path("rupiahPerTahap").asLong()).isEqualTo(750_000 * 3 + 600_000);
        List<String> notes = new java.util.ArrayList<>();
        for (JsonNode component : capped.path("components")) {
            if (!component.path("counted").asBoolean()) {
                notes.add(component.path("name").asString() + ": " + component.path("note").asString());
            }
        }
        assertThat(notes).containsExactlyInAnyOrder("BALITA 2021: Melebihi batas 2 orang untuk komponen ANAK_USIA_DINI.",
                "DIMAS: Melebihi batas 4 komponen per keluarga.");

        ApiClient.Response before2021 = api.get(path + "2020-06-01", token("dinsos.verifier"));
        assertThat(before2021.status()).isEqualTo(422);
        assertThat(before2021.body().path("code").asString()).isEqualTo("WF-NILAI-BELUM-ADA");
        String sembako = enrol("dinsos.operator", "SEMBAKO", card.members().get(0).nik(), "2024-01-01", null).body()
                .path("id").asString();
        assertThat(api.get("/api/v1/enrolments/" + sembako + "/pkh-components", token("dinsos.verifier")).status())
                .isEqualTo(422);
    }

    private static List<String> components(JsonNode result) {
        List<String> counted = new java.util.ArrayList<>();
        for (JsonNode component : result.path("components")) {
            if (component.path("counted").asBoolean()) {
                counted.add(component.path("component").asString() + ":" + component.path("name").asString());
            }
        }
        return counted;
    }

    JsonNode awaitReview(String enrolment) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode review : api.get("/api/v1/enrolment-reviews?status=TERBUKA&size=200",
                    token("dinsos.verifier")).body().path("items")) {
                if (review.path("enrolmentId").asString().equals(enrolment)) {
                    return review;
                }
            }
            return null;
        }, review -> review != null);
    }
}
