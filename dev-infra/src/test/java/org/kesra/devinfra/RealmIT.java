package org.kesra.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm file as the real Keycloak serves it: every demo user's token names its role, region and agency for the
 * kesra-api audience; agency clients get their narrow scope and nothing of a staff member.
 */
@PlatformInfrastructure(database = "dev_infra_it")
class RealmIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<JsonNode> demoUsers() {
        List<JsonNode> users = new ArrayList<>();
        realm().path("users").forEach(u -> {
            if (!u.has("serviceAccountClientId")) {
                users.add(u);
            }
        });
        return users.stream();
    }

    static Stream<JsonNode> agencyClients() {
        List<JsonNode> clients = new ArrayList<>();
        realm().path("clients").forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean(false)) {
                clients.add(c);
            }
        });
        return clients.stream();
    }

    @Test
    void theRealmHasADemoUserForEveryStaffRole() {
        List<String> staffRoles = new ArrayList<>();
        realm().path("roles").path("realm").forEach(r -> staffRoles.add(r.path("name").asString()));
        staffRoles.remove("agency");
        List<String> covered = demoUsers().map(u -> u.path("realmRoles").get(0).asString()).toList();
        assertThat(covered).containsAll(staffRoles);
    }

    @ParameterizedTest
    @MethodSource("demoUsers")
    void aStaffTokenCarriesRoleRegionAndAgencyForTheApi(JsonNode user) {
        String username = user.path("username").asString();
        JsonNode claims = claims(tokens().forUser(username));

        assertThat(claims.path("iss").asString()).isEqualTo(System.getProperty("OIDC_ISSUER_URI"));
        assertThat(audiences(claims)).contains("kesra-api");
        assertThat(claims.path("preferred_username").asString()).isEqualTo(username);
        assertThat(claims.path("realm_access").path("roles").get(0).asString())
                .isEqualTo(user.path("realmRoles").get(0).asString());
        assertThat(claims.path("realm_access").path("roles")).hasSize(1);
        assertThat(claims.path("wilayah").asString()).isEqualTo(user.path("attributes").path("wilayah").get(0).asString());
        assertThat(claims.path("opd").asString()).isEqualTo(user.path("attributes").path("opd").get(0).asString());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("access token lifetime").isEqualTo(300);
    }

    @ParameterizedTest
    @MethodSource("agencyClients")
    void anAgencyTokenCarriesOnlyItsScope(JsonNode client) {
        String scope = client.path("defaultClientScopes").valueStream().map(JsonNode::asString)
                .filter(s -> s.contains(".")).findFirst().orElseThrow();
        JsonNode claims = claims(tokens().forClient(client.path("clientId").asString(),
                client.path("secret").asString(), null));

        assertThat(claims.path("scope").asString().split(" ")).containsExactly(scope);
        assertThat(claims.path("azp").asString()).isEqualTo(client.path("clientId").asString());
        assertThat(audiences(claims)).contains("kesra-api");
        assertThat(claims.path("realm_access").path("roles").get(0).asString()).isEqualTo("agency");
        assertThat(claims.has("preferred_username")).isFalse();
    }

    @Test
    void anAgencyCannotAskForAnotherAgencysScope() {
        assertThatThrownBy(() -> tokens().forClient("agency-bps", "bps-demo-secret", "beneficiary.verify"))
                .hasMessageContaining("invalid_scope");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> tokens().forUser("dinsos.operator", "not-the-password"))
                .hasMessageContaining("401");
    }

    static KeycloakTokens tokens() {
        return new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
    }

    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> audiences = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asString()));
        } else {
            audiences.add(aud.asString());
        }
        return audiences;
    }

    static JsonNode realm() {
        return JSON.readTree(ProjectLayout.locate().realmFile().toFile());
    }
}
