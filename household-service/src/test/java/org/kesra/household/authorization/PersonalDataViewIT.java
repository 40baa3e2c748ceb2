package org.kesra.household.authorization;

import org.kesra.household.registry.RegistryApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.PersonalDataTable;
import org.kesra.platform.web.access.AuthorizationMatrix;
import tools.jackson.databind.JsonNode;

/**
 * The role x field table of docs/personal-data.md holds: read from the page itself, then every answer that shows a
 * person or a household (the record, the household's members, the search, the list, both histories) is called as the
 * realm's demo user of each role, with real tokens, and each field is checked to be in clear, masked or absent as the
 * table says, or the call refused.
 */
class PersonalDataViewIT extends RegistryApiIntegrationBase {

    static final String MASK = "[0-9]{6}\\*{6}[0-9]{4}";

    /** The table under {@code <!-- role-field-table: NAME -->} of docs/personal-data.md: field -> role -> cell. */
    static Map<String, Map<String, String>> table(String name) {
        Map<String, Map<String, String>> table = PersonalDataTable.read(name);
        assertThat(table).isNotEmpty();
        return table;
    }

    @Test
    void eachRoleSeesWhatTheTableInDocsSays() throws IOException {
        Map<String, Map<String, String>> table = table("household-service");
        Map<String, Object> head = person("Suparman", LocalDate.of(1980, 5, 12), "L", "KEPALA_KELUARGA");
        head.put("disability", "FISIK");
        head.put("chronicIllness", "DIABETES");
        Map<String, Object> family = household(MULYOJATI, List.of(head,
                person("Siti Aminah", LocalDate.of(1985, 8, 20), "P", "ISTRI")));
        // An RW/RT of its own, so that the list finds this household on its first page.
        family.put("rw", Integer.toString(ThreadLocalRandom.current().nextInt(100, 999)));
        family.put("rt", Integer.toString(ThreadLocalRandom.current().nextInt(100, 999)));
        JsonNode household = registered(KELURAHAN_OPERATOR, family);
        JsonNode expectedHead = member(household, "SUPARMAN");
        String id = household.path("id").asString();
        String personId = expectedHead.path("id").asString();

        List<AuthorizationMatrix.Principal> principals =
                AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI"));
        List<String> roles = List.copyOf(table.values().iterator().next().keySet());
        SoftAssertions soft = new SoftAssertions();
        for (String role : roles) {
            AuthorizationMatrix.Principal caller = principal(principals, role);
            String token = caller.token().get();
            ApiClient.Response detail = readAs("/api/v1/persons/" + personId, token);
            ApiClient.Response card = readAs("/api/v1/households/" + id, token);
            ApiClient.Response search = readAs("/api/v1/persons?household=" + id, token);
            ApiClient.Response list = readAs("/api/v1/households?kelurahan=" + MULYOJATI + "&rw=" + family.get("rw")
                    + "&rt=" + family.get("rt") + "&size=200", token);
            ApiClient.Response personHistory = readAs("/api/v1/persons/" + personId + "/history", token);
            ApiClient.Response householdHistory = readAs("/api/v1/households/" + id + "/history", token);
            List<ApiClient.Response> answers = List.of(detail, card, search, list, personHistory, householdHistory);

            for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
                String field = row.getKey();
                String cell = row.getValue().get(role);
                String where = role + " (" + caller.name() + "), " + field;
                if (cell.equals("none")) {
                    answers.forEach(a -> soft.assertThat(a.status()).as(where + ": " + a.text()).isEqualTo(403));
                    continue;
                }
                answers.forEach(a -> soft.assertThat(a.status()).as(where + ": " + a.text()).isEqualTo(200));
                if (detail.status() != 200 || card.status() != 200) {
                    continue;
                }
                boolean ofPerson = field.startsWith("person.");
                String name = field.substring(field.indexOf('.') + 1);
                JsonNode expected = ofPerson ? expectedHead.get(name) : household.get(name);
                // The record itself, where the field must be when shown, then every other place it may appear.
                JsonNode primary = ofPerson ? detail.body() : card.body();
                List<JsonNode> others = new ArrayList<>();
                if (ofPerson) {
                    others.add(named(card.body().path("members"), "SUPARMAN"));
                    others.add(named(search.body().path("items"), "SUPARMAN"));
                    personHistory.body().path("items").forEach(e -> others.add(e.path("after")));
                } else {
                    list.body().path("items").forEach(h -> {
                        if (h.path("id").asString().equals(id)) {
                            others.add(h);
                        }
                    });
                    householdHistory.body().path("items").forEach(e -> others.add(e.path("after")));
                }
                switch (cell) {
                    case "full" -> {
                        soft.assertThat(primary.has(name)).as(where + " present in " + primary).isTrue();
                        soft.assertThat(primary.path(name).asString()).as(where).isEqualTo(expected.asString());
                        others.stream().filter(o -> o.has(name)).forEach(o ->
                                soft.assertThat(o.path(name).asString()).as(where + " in " + o)
                                        .isEqualTo(expected.asString()));
                    }
                    case "masked" -> {
                        String masked = expected.asString().substring(0, 6) + "******"
                                + expected.asString().substring(12);
                        soft.assertThat(primary.path(name).asString()).as(where).isEqualTo(masked).matches(MASK);
                        others.stream().filter(o -> o.has(name)).forEach(o ->
                                soft.assertThat(o.path(name).asString()).as(where + " in " + o).isEqualTo(masked));
                    }
                    case "absent" -> {
                        soft.assertThat(primary.has(name)).as(where + " absent from " + primary).isFalse();
                        others.forEach(o -> soft.assertThat(o.has(name)).as(where + " absent from " + o).isFalse());
                    }
                    default -> soft.fail("unknown cell '" + cell + "' for " + where);
                }
            }
        }
        soft.assertAll();
    }

    private ApiClient.Response readAs(String path, String token) {
        return api.send("GET", path, token, null, Map.of("X-Purpose", PURPOSE));
    }

    private static JsonNode named(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.path("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + items);
    }

    /** The realm's demo caller with the role, inside Mulyojati when the role is regional. */
    static AuthorizationMatrix.Principal principal(List<AuthorizationMatrix.Principal> principals, String role) {
        return principals.stream()
                .filter(p -> p.roles().contains(role) || (role.equals("agency") && p.name().startsWith("agency-")))
                .filter(p -> p.region().map(r -> MULYOJATI.equals(r) || MULYOJATI.startsWith(r + ".")).orElse(true))
                .findFirst().orElseThrow(() -> new AssertionError("no demo caller with role " + role + " in the realm"));
    }
}
