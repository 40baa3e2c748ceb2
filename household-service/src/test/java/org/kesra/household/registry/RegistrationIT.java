package org.kesra.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Registering a household: every rule of the KK and the NIK, answered as problem details, nothing half-written. */
class RegistrationIT extends RegistryApiIntegrationBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersAHouseholdWithItsMembersAndAnnouncesIt() {
        Map<String, Object> family = family(MULYOJATI);

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(201);
        JsonNode household = response.body();
        assertThat(response.header("Location")).isEqualTo("/api/v1/households/" + household.path("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(household.path("kkNumber").asString()).isEqualTo(family.get("kkNumber"));
        assertThat(household.path("rw").asString()).isEqualTo("003");
        assertThat(household.path("rt").asString()).isEqualTo("012");
        assertThat(household.path("members")).hasSize(3);
        assertThat(household.path("members").get(0).path("relationship").asString()).isEqualTo("KEPALA_KELUARGA");
        assertThat(member(household, "SITI AMINAH").path("nikFlags")).isEmpty();

        List<ConsumerRecord<String, byte[]>> events = TopicReader.read("household.events",
                r -> household.path("id").asString().equals(r.key())
                        && "household.household.registered".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode payload = JSON.readTree(new String(events.get(0).value(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload.path("members")).hasSize(3);
        assertThat(payload.path("source").asString()).isEqualTo("API");
        assertThat(TopicReader.header(events.get(0), "ce_subject")).isEqualTo(MULYOJATI);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "187203120580001          | 15 digits                 | 16 digit angka",
        "18720312058000AB         | letters                   | 16 digit angka",
        "9972031205800001         | province 99               | bukan kode provinsi",
        "1872033205800001         | day 32                    | harus 01-31, atau 41-71",
        "1872037205800001         | day 72                    | harus 01-31, atau 41-71",
        "1872031213800001         | month 13                  | harus 01-12",
        "1872031205800000         | serial 0000               | tidak boleh 0000"})
    void refusesAnImpossibleNik(String nik, String why, String message) {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 1).put("nik", nik.trim());

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).as(why).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).isEqualTo("KESRA-VALIDATION");
        JsonNode error = response.body().path("errors").get(0);
        assertThat(error.path("pointer").asString()).isEqualTo("/members/1/nik");
        assertThat(error.path("detail").asString()).contains(message.trim());
        assertThat(kkCount(family)).isZero();
    }

    @Test
    void keepsButFlagsANikWhoseDateDisagreesWithTheBirthDate() {
        Map<String, Object> family = family(MULYOJATI);
        Map<String, Object> wife = memberAt(family, 1);
        wife.put("birthDate", "1985-08-21");

        JsonNode household = registered(KELURAHAN_OPERATOR, family);

        assertThat(member(household, "SITI AMINAH").path("nikFlags").get(0).asString())
                .isEqualTo("TANGGAL_LAHIR_TIDAK_SESUAI");
        ApiClient.Response flagged = read("/api/v1/persons?flag=TANGGAL_LAHIR_TIDAK_SESUAI&nik=" + wife.get("nik"),
                KELURAHAN_OPERATOR);
        assertThat(flagged.body().path("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void keepsButFlagsANikWhoseDayDisagreesWithTheSex() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 2).put("sex", "P");

        JsonNode household = registered(KELURAHAN_OPERATOR, family);

        assertThat(member(household, "BAYU SAPUTRA").path("nikFlags").get(0).asString())
                .isEqualTo("JENIS_KELAMIN_TIDAK_SESUAI");
    }

    @Test
    void acceptsANikFirstRegisteredElsewhereForSomeoneLivingHere() {
        Map<String, Object> family = family(MULYOJATI);
        Map<String, Object> wife = memberAt(family, 1);
        wife.put("nik", nik("327301", LocalDate.of(1985, 8, 20), "P"));

        JsonNode household = registered(KELURAHAN_OPERATOR, family);

        assertThat(member(household, "SITI AMINAH").path("kelurahanCode").asString()).isEqualTo(MULYOJATI);
        assertThat(member(household, "SITI AMINAH").path("nikFlags")).isEmpty();
    }

    @Test
    void refusesAKkNumberThatIsNot16Digits() {
        Map<String, Object> family = family(MULYOJATI);
        family.put("kkNumber", "18720312345");

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/kkNumber");
    }

    @Test
    void refusesAHouseholdWithoutAHead() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 0).put("relationship", "SUAMI");

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-KEPALA-KELUARGA");
        assertThat(response.body().path("detail").asString()).contains("memiliki 0");
    }

    @Test
    void refusesTwoHeads() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 1).put("relationship", "KEPALA_KELUARGA");

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-KEPALA-KELUARGA");
        assertThat(kkCount(family)).isZero();
    }

    @Test
    void refusesTheSameNikTwiceInOneHousehold() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 2).put("nik", memberAt(family, 1).get("nik"));

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/members/2/nik");
    }

    @Test
    void refusesAPersonAlreadyOnAnotherCardAndWritesNothing() {
        Map<String, Object> first = family(MULYOJATI);
        registered(KELURAHAN_OPERATOR, first);
        Map<String, Object> second = family(MULYOJATI);
        memberAt(second, 1).put("nik", memberAt(first, 1).get("nik"));
        long personsBefore = personCount();

        ApiClient.Response response = register(KELURAHAN_OPERATOR, second);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-NIK-TERDAFTAR");
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/members/1/nik");
        assertThat(kkCount(second)).isZero();
        assertThat(personCount()).isEqualTo(personsBefore);
    }

    @Test
    void refusesAKkNumberAlreadyInUse() {
        Map<String, Object> first = family(MULYOJATI);
        registered(KELURAHAN_OPERATOR, first);
        Map<String, Object> second = family(MULYOJATI);
        second.put("kkNumber", first.get("kkNumber"));

        ApiClient.Response response = register(KELURAHAN_OPERATOR, second);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-KK-TERDAFTAR");
    }

    @Test
    void refusesAnUnknownKelurahan() {
        Map<String, Object> family = family("18.72.09.1001");

        ApiClient.Response response = register("dinsos.operator", family);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.body().path("errors").get(0);
        assertThat(error.path("pointer").asString()).isEqualTo("/kelurahanCode");
        assertThat(error.path("detail").asString()).contains("tidak dikenal");
    }

    @Test
    void refusesAnUnknownCodeAndNamesTheAllowedOnes() {
        Map<String, Object> family = family(MULYOJATI);
        family.put("waterSource", "AIR_MINERAL");
        memberAt(family, 0).put("education", "S1");

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/waterSource", "/members/0/education");
        assertThat(response.body().path("errors").get(0).path("detail").asString()).contains("LEDENG");
    }

    @Test
    void refusesANameThatIsAFormula() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 2).put("name", "=HYPERLINK(\"http://x\")");

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/members/2/name");
    }

    @Test
    void refusesPregnancyForAMan() {
        Map<String, Object> family = family(MULYOJATI);
        memberAt(family, 0).put("pregnant", true);

        ApiClient.Response response = register(KELURAHAN_OPERATOR, family);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/members/0/pregnant");
    }

    @Test
    void refusesABirthDateInTheFutureAndAMalformedDate() {
        Map<String, Object> future = family(MULYOJATI);
        memberAt(future, 2).put("birthDate", LocalDate.now().plusDays(3).toString());
        assertThat(register(KELURAHAN_OPERATOR, future).body().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/members/2/birthDate");

        Map<String, Object> malformed = family(MULYOJATI);
        memberAt(malformed, 2).put("birthDate", "03-03-2012");
        ApiClient.Response response = register(KELURAHAN_OPERATOR, malformed);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("KESRA-MALFORMED-BODY");
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/members/2/birthDate");
    }

    @Test
    void refusesToRegisterOutsideTheCallersKelurahan() {
        ApiClient.Response response = register(KELURAHAN_OPERATOR, family(REJOMULYO));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("code").asString()).isEqualTo("HH-DI-LUAR-WILAYAH");
    }

    @Test
    void refusesRolesThatMayOnlyRead() {
        ApiClient.Response monitor = register("disnakertrans.monitor", family(MULYOJATI));
        assertThat(monitor.status()).isEqualTo(403);

        ApiClient.Response planner = api.get("/api/v1/households", token("bappeda.planner"));
        assertThat(planner.status()).isEqualTo(403);
        assertThat(planner.body().path("code").asString()).isEqualTo("KESRA-AUTH-403");
    }

    @Test
    void refusesAMalformedBody() {
        ApiClient.Response response = api.post("/api/v1/households", token(KELURAHAN_OPERATOR), "{\"kkNumber\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("KESRA-MALFORMED-BODY");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> memberAt(Map<String, Object> household, int index) {
        return ((List<Map<String, Object>>) household.get("members")).get(index);
    }

    long kkCount(Map<String, Object> household) {
        return jdbc.sql("SELECT count(*) FROM household WHERE kk_number = ?").param(household.get("kkNumber"))
                .query(Long.class).single();
    }

    long personCount() {
        return jdbc.sql("SELECT count(*) FROM person").query(Long.class).single();
    }
}
