package org.kesra.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import tools.jackson.databind.JsonNode;

/** Changes to a household's members and place, each with its rules, its history and its event. */
class MemberOperationsIT extends RegistryApiIntegrationBase {

    static final String OPERATOR = KELURAHAN_OPERATOR;
    static final String KECAMATAN_OPERATOR = "metrobarat.operator";

    @Test
    void addsAMemberAndMovesTheHouseholdsVersion() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> baby = person("Nadia Putri", LocalDate.now().minusMonths(2), "P", "ANAK");
        baby.put("reason", "kelahiran");

        ApiClient.Response added = call("POST", path(household) + "/members", OPERATOR, baby, etag(household));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("members")).hasSize(4);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventOf(household, "household.member.added")).isTrue();
    }

    @Test
    void refusesAChangeWithoutIfMatchOrWithAStaleOne() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> baby = person("Nadia Putri", LocalDate.now().minusMonths(2), "P", "ANAK");

        ApiClient.Response missing = call("POST", path(household) + "/members", OPERATOR, baby, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.body().path("code").asString()).isEqualTo("KESRA-IF-MATCH-WAJIB");

        call("POST", path(household) + "/members", OPERATOR, baby, etag(household));
        Map<String, Object> twin = person("Nadia Putra", LocalDate.now().minusMonths(2), "L", "ANAK");
        ApiClient.Response stale = call("POST", path(household) + "/members", OPERATOR, twin, etag(household));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("code").asString()).isEqualTo("HH-VERSI-BERUBAH");
        assertThat(read(path(household), OPERATOR).body().path("members")).hasSize(4);
    }

    @Test
    void refusesASecondLivingHead() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> head = person("Joko", LocalDate.of(1960, 1, 1), "L", "KEPALA_KELUARGA");

        ApiClient.Response response = call("POST", path(household) + "/members", OPERATOR, head, etag(household));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-KEPALA-KELUARGA");
    }

    @Test
    void refusesToAddSomeoneAlreadyOnAnotherCard() {
        Map<String, Object> other = family(MULYOJATI);
        registered(OPERATOR, other);
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> duplicate = new LinkedHashMap<>(RegistrationIT.memberAt(other, 2));
        duplicate.put("relationship", "FAMILI_LAIN");

        ApiClient.Response response = call("POST", path(household) + "/members", OPERATOR, duplicate, etag(household));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-NIK-TERDAFTAR");
        assertThat(response.body().path("detail").asString()).contains("pindah anggota");
    }

    @Test
    void removesAMemberButNeverTheHeadWhileOthersLiveThere() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        JsonNode head = member(household, "SUPARMAN");
        JsonNode child = member(household, "BAYU SAPUTRA");

        ApiClient.Response headOut = call("POST", path(household) + "/members/" + head.path("id").asString() + "/removal",
                OPERATOR, Map.of("reason", "keliru"), etag(household));
        assertThat(headOut.status()).isEqualTo(409);

        ApiClient.Response noReason = call("POST", path(household) + "/members/" + child.path("id").asString()
                + "/removal", OPERATOR, Map.of(), etag(household));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/reason");

        ApiClient.Response removed = call("POST", path(household) + "/members/" + child.path("id").asString()
                + "/removal", OPERATOR, Map.of("reason", "tercatat ganda"), etag(household));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("members")).hasSize(2);
        JsonNode person = read("/api/v1/persons/" + child.path("id").asString(), OPERATOR).body();
        assertThat(person.path("householdId").isNull()).isTrue();
    }

    @Test
    void movesAMemberToAnotherHousehold() {
        JsonNode from = registered(OPERATOR, family(MULYOJATI));
        JsonNode to = registered(OPERATOR, family(MULYOJATI));
        JsonNode child = member(from, "BAYU SAPUTRA");

        ApiClient.Response moved = call("POST", path(from) + "/members/" + child.path("id").asString() + "/move",
                OPERATOR, Map.of("toHouseholdId", to.path("id").asString(), "relationship", "FAMILI_LAIN",
                        "reason", "ikut kerabat"), etag(from));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("id").asString()).isEqualTo(to.path("id").asString());
        JsonNode arrived = null;
        for (JsonNode m : moved.body().path("members")) {
            if (m.path("id").asString().equals(child.path("id").asString())) {
                arrived = m;
            }
        }
        assertThat(arrived).as("the moved child is on the target card").isNotNull();
        assertThat(arrived.path("relationship").asString()).isEqualTo("FAMILI_LAIN");
        assertThat(moved.body().path("members")).hasSize(4);
        assertThat(read(path(from), OPERATOR).body().path("members")).hasSize(2);
        assertThat(eventOf(to, "household.member.moved")).isTrue();
    }

    @Test
    void splitsAMemberIntoANewCardAsItsHead() {
        JsonNode from = registered(OPERATOR, family(MULYOJATI));
        JsonNode child = member(from, "BAYU SAPUTRA");
        Map<String, Object> newCard = new LinkedHashMap<>(family(GANJAR_AGUNG));
        newCard.remove("members");

        // Ganjar Agung is outside the Mulyojati operator's kelurahan: the Metro Barat kecamatan operator covers both.
        ApiClient.Response split = call("POST", path(from) + "/members/" + child.path("id").asString() + "/move",
                KECAMATAN_OPERATOR, Map.of("newHousehold", newCard, "reason", "pecah KK: menikah"), etag(from));

        assertThat(split.status()).isEqualTo(200);
        assertThat(split.body().path("kelurahanCode").asString()).isEqualTo(GANJAR_AGUNG);
        assertThat(split.body().path("members")).hasSize(1);
        assertThat(split.body().path("members").get(0).path("relationship").asString()).isEqualTo("KEPALA_KELUARGA");
        assertThat(split.body().path("members").get(0).path("kelurahanCode").asString()).isEqualTo(GANJAR_AGUNG);
    }

    @Test
    void dissolvesACardWhoseLastMemberMovesOut() {
        JsonNode single = registered(OPERATOR, household(MULYOJATI,
                List.of(person("Mbah Sastro", LocalDate.of(1940, 2, 2), "L", "KEPALA_KELUARGA"))));
        JsonNode to = registered(OPERATOR, family(MULYOJATI));

        call("POST", path(single) + "/members/" + single.path("members").get(0).path("id").asString() + "/move",
                OPERATOR, Map.of("toHouseholdId", to.path("id").asString(), "relationship", "ORANG_TUA",
                        "reason", "ikut anak"), etag(single));

        assertThat(read(path(single), OPERATOR).body().path("status").asString()).isEqualTo("BUBAR");
    }

    @Test
    void changesTheHeadAndTheFormerHeadsRelationship() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        JsonNode wife = member(household, "SITI AMINAH");

        ApiClient.Response changed = call("POST", path(household) + "/head", OPERATOR,
                Map.of("personId", wife.path("id").asString(), "formerHeadRelationship", "SUAMI",
                        "reason", "suami bekerja di luar negeri"), etag(household));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(member(changed.body(), "SITI AMINAH").path("relationship").asString()).isEqualTo("KEPALA_KELUARGA");
        assertThat(member(changed.body(), "SUPARMAN").path("relationship").asString()).isEqualTo("SUAMI");
    }

    @Test
    void relocatesWithinTheKelurahanAndToAnotherOneWithANewCard() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> sameKelurahan = new LinkedHashMap<>(Map.of("kelurahanCode", MULYOJATI, "rw", "5", "rt", "2",
                "address", "Jl. Merpati 2", "reason", "pindah rumah"));
        ApiClient.Response moved = call("POST", path(household) + "/relocation", OPERATOR, sameKelurahan, etag(household));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("rw").asString()).isEqualTo("005");

        Map<String, Object> otherKelurahan = new LinkedHashMap<>(Map.of("kelurahanCode", GANJAR_AGUNG, "rw", "1",
                "rt", "1", "reason", "pindah rumah"));
        ApiClient.Response sameOperator = call("POST", path(household) + "/relocation", OPERATOR, otherKelurahan,
                etag(moved.body()));
        assertThat(sameOperator.status()).as("Ganjar Agung is outside the kelurahan operator's region").isEqualTo(403);
        ApiClient.Response withoutNewCard = call("POST", path(household) + "/relocation", KECAMATAN_OPERATOR,
                otherKelurahan, etag(moved.body()));
        assertThat(withoutNewCard.status()).isEqualTo(400);
        assertThat(withoutNewCard.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/newKkNumber");

        otherKelurahan.put("newKkNumber", kk());
        ApiClient.Response relocated = call("POST", path(household) + "/relocation", KECAMATAN_OPERATOR, otherKelurahan,
                etag(moved.body()));
        assertThat(relocated.status()).isEqualTo(200);
        assertThat(relocated.body().path("kkNumber").asString()).isEqualTo(otherKelurahan.get("newKkNumber"));
        assertThat(relocated.body().path("members").get(0).path("kelurahanCode").asString()).isEqualTo(GANJAR_AGUNG);
        assertThat(eventOf(household, "household.household.relocated")).isTrue();
    }

    @Test
    void refusesToRelocateOutsideTheCallersRegion() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        Map<String, Object> relocation = Map.of("kelurahanCode", REJOMULYO, "rw", "1", "rt", "1", "newKkNumber", kk(),
                "reason", "pindah");

        ApiClient.Response response = call("POST", path(household) + "/relocation", OPERATOR, relocation,
                etag(household));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-DI-LUAR-WILAYAH");
    }

    @Test
    void recordsADeathOnceAndAnnouncesIt() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        JsonNode head = member(household, "SUPARMAN");
        String path = "/api/v1/persons/" + head.path("id").asString();

        ApiClient.Response beforeBirth = call("POST", path + "/death", OPERATOR,
                Map.of("dateOfDeath", "1970-01-01", "reason", "surat kematian"), etag(head));
        assertThat(beforeBirth.status()).isEqualTo(400);
        assertThat(beforeBirth.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/dateOfDeath");

        ApiClient.Response died = call("POST", path + "/death", OPERATOR,
                Map.of("dateOfDeath", LocalDate.now().minusDays(2).toString(), "reason", "surat kematian kelurahan"),
                etag(head));
        assertThat(died.status()).isEqualTo(200);
        assertThat(died.body().path("lifeStatus").asString()).isEqualTo("MENINGGAL");

        ApiClient.Response again = call("POST", path + "/death", OPERATOR,
                Map.of("dateOfDeath", LocalDate.now().toString(), "reason", "lagi"), etag(died.body()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(eventOf(household, "household.person.died")).isTrue();

        // The dead head no longer counts: the wife can become head.
        JsonNode after = read(path(household), OPERATOR).body();
        ApiClient.Response newHead = call("POST", path(household) + "/head", OPERATOR,
                Map.of("personId", member(after, "SITI AMINAH").path("id").asString(), "reason", "kepala meninggal"),
                etag(after));
        assertThat(newHead.status()).isEqualTo(200);
    }

    @Test
    void recordsAMoveOutOfTheCity() {
        JsonNode household = registered(OPERATOR, family(MULYOJATI));
        JsonNode child = member(household, "BAYU SAPUTRA");

        ApiClient.Response noDestination = call("POST", "/api/v1/persons/" + child.path("id").asString() + "/move-away",
                OPERATOR, Map.of("movedOn", LocalDate.now().toString(), "reason", "kuliah"), etag(child));
        assertThat(noDestination.status()).isEqualTo(400);

        ApiClient.Response moved = call("POST", "/api/v1/persons/" + child.path("id").asString() + "/move-away",
                OPERATOR, Map.of("movedOn", LocalDate.now().toString(), "destination", "Kota Bandar Lampung",
                        "reason", "kuliah"), etag(child));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("lifeStatus").asString()).isEqualTo("PINDAH");
        assertThat(moved.body().path("movedTo").asString()).isEqualTo("Kota Bandar Lampung");
        assertThat(eventOf(household, "household.person.moved-away")).isTrue();
    }

    @Test
    void hidesHouseholdsOutsideTheRegionAndLetsCityStaffSeeThem() {
        JsonNode rejomulyo = registered("rejomulyo.operator", family(REJOMULYO));

        assertThat(read(path(rejomulyo), OPERATOR).status()).isEqualTo(404);
        assertThat(read(path(rejomulyo), "metrobarat.operator").status()).isEqualTo(404);
        assertThat(read(path(rejomulyo), "dinsos.operator").status()).isEqualTo(200);
        ApiClient.Response change = call("POST", path(rejomulyo) + "/relocation", OPERATOR,
                Map.of("kelurahanCode", MULYOJATI, "rw", "1", "rt", "1", "newKkNumber", kk(), "reason", "x"), "\"0\"");
        assertThat(change.status()).isEqualTo(404);
    }

    static String path(JsonNode household) {
        return "/api/v1/households/" + household.path("id").asString();
    }

    /** Whether an event of this type, keyed by the household, reached Kafka (waits up to 20 s). */
    static boolean eventOf(JsonNode household, String type) {
        return !TopicReader.read("household.events", r -> household.path("id").asString().equals(r.key())
                && type.equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(20)).isEmpty();
    }
}
