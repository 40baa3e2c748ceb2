package org.kesra.welfare.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.PersonalDataTable;
import org.kesra.platform.web.access.AuthorizationMatrix;
import org.kesra.welfare.WelfareApiIntegrationBase;

/**
 * The welfare table of docs/personal-data.md holds: read from the page, then an enrolment, a PPKS case and the
 * eligibility lookup are read as the realm's demo user of each role (real tokens), and the NIK checked to be in clear,
 * masked or the call refused, as the table says.
 */
class PersonalDataViewIT extends WelfareApiIntegrationBase {

    static final String MULYOJATI = "18.72.03.1001";
    static final Map<String, String> PURPOSE = Map.of("X-Purpose", "pengujian otomatis");

    /** The table under {@code <!-- role-field-table: NAME -->} of docs/personal-data.md: field -> role -> cell. */
    static Map<String, Map<String, String>> table(String name) {
        Map<String, Map<String, String>> table = PersonalDataTable.read(name);
        assertThat(table).isNotEmpty();
        return table;
    }

    @Test
    void eachRoleSeesTheNikAsTheTableInDocsSays() throws IOException {
        Map<String, Map<String, String>> table = table("welfare-service");
        HouseholdRegistered card = household.registerFamily(MULYOJATI);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM resident WHERE household_id = ?").param(card.householdId()).query(Long.class)
                .single() == card.members().size());
        String nik = card.members().get(0).nik();
        ApiClient.Response enrolled = enrol("dinsos.operator", "PKH", nik, LocalDate.now().minusMonths(1).toString(),
                null);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        Map<String, Object> ppks = new LinkedHashMap<>();
        ppks.put("nik", nik);
        ppks.put("name", "Suparman");
        ppks.put("kelurahanCode", MULYOJATI);
        ppks.put("foundOn", LocalDate.now().minusDays(3).toString());
        ppks.put("foundAt", "Pasar Mulyojati");
        ppks.put("categories", List.of("LUT"));
        ApiClient.Response found = api.post("/api/v1/ppks", token("dinsos.operator"), JSON.writeValueAsString(ppks));
        assertThat(found.status()).as(found.text()).isEqualTo(201);
        Map<String, String> paths = Map.of(
                "enrolment", "/api/v1/enrolments/" + enrolled.body().path("id").asString(),
                "ppks", "/api/v1/ppks/" + found.body().path("id").asString(),
                "eligibility", "/api/v1/eligibility/" + nik);

        List<AuthorizationMatrix.Principal> principals =
                AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI"));
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
            String answer = row.getKey().substring(0, row.getKey().indexOf('.'));
            String field = row.getKey().substring(row.getKey().indexOf('.') + 1);
            for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
                AuthorizationMatrix.Principal caller = principal(principals, cell.getKey());
                ApiClient.Response response = api.send("GET", paths.get(answer), caller.token().get(), null, PURPOSE);
                String where = cell.getKey() + " (" + caller.name() + "), " + row.getKey();
                switch (cell.getValue()) {
                    case "none" -> soft.assertThat(response.status()).as(where + ": " + response.text()).isEqualTo(403);
                    case "full" -> {
                        soft.assertThat(response.status()).as(where + ": " + response.text()).isEqualTo(200);
                        soft.assertThat(response.body().path(field).asString()).as(where).isEqualTo(nik);
                    }
                    case "masked" -> {
                        soft.assertThat(response.status()).as(where + ": " + response.text()).isEqualTo(200);
                        soft.assertThat(response.body().path(field).asString()).as(where)
                                .isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12));
                    }
                    case "absent" -> soft.assertThat(response.body().has(field)).as(where).isFalse();
                    default -> soft.fail("unknown cell '" + cell.getValue() + "' for " + where);
                }
            }
        }
        soft.assertAll();
    }

    /** The realm's demo caller with the role, inside Mulyojati when the role is regional. */
    static AuthorizationMatrix.Principal principal(List<AuthorizationMatrix.Principal> principals, String role) {
        return principals.stream()
                .filter(p -> p.roles().contains(role) || (role.equals("agency") && p.name().startsWith("agency-")))
                .filter(p -> p.region().map(r -> MULYOJATI.equals(r) || MULYOJATI.startsWith(r + ".")).orElse(true))
                .findFirst().orElseThrow(() -> new AssertionError("no demo caller with role " + role + " in the realm"));
    }
}
