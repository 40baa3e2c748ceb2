package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Claim mapping only: token validation itself is tested against the real Keycloak in the integration tests. */
class CallerTest {

    @Test
    void readsAStaffMembersRolesRegionAndAgency() {
        Jwt jwt = jwt(Map.of("preferred_username", "mulyojati.operator", "azp", "kesra-cli",
                "realm_access", Map.of("roles", List.of("kelurahan-operator")), "scope", "openid profile",
                "wilayah", "18.72.03.1001", "opd", "kelurahan-mulyojati"));

        Caller caller = Caller.from(jwt);

        assertThat(caller.name()).isEqualTo("mulyojati.operator");
        assertThat(caller.roles()).containsExactly("kelurahan-operator");
        assertThat(caller.wilayah()).contains("18.72.03.1001");
        assertThat(caller.opd()).contains("kelurahan-mulyojati");
        assertThat(caller.hasScope("profile")).isTrue();
    }

    @Test
    void namesAnAgencyClientByItsClientId() {
        Jwt jwt = jwt(Map.of("azp", "agency-dukcapil", "client_id", "agency-dukcapil",
                "realm_access", Map.of("roles", List.of("agency")), "scope", "beneficiary.verify"));

        Caller caller = Caller.from(jwt);

        assertThat(caller.name()).isEqualTo("agency-dukcapil");
        assertThat(caller.clientId()).isEqualTo("agency-dukcapil");
        assertThat(caller.hasScope("beneficiary.verify")).isTrue();
        assertThat(caller.wilayah()).isEmpty();
    }

    @Test
    void grantsRolesAndScopesAsAuthorities() {
        Jwt jwt = jwt(Map.of("preferred_username", "platform.admin",
                "realm_access", Map.of("roles", List.of("platform-admin")), "scope", "openid"));

        var authentication = new CallerAuthenticationConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo("platform.admin");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_platform-admin", "SCOPE_openid");
    }

    @Test
    void aTokenWithoutRealmRolesHasNoRoles() {
        assertThat(Caller.from(jwt(Map.of("preferred_username", "x"))).roles()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
