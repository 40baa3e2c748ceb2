package org.kesra.gateway;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as far as the edge needs to know: an agency client (client-credentials token, with its client id
 * and scopes) or a staff member (by account). The services read the same token in full.
 */
record EdgeCaller(boolean agency, String key, List<String> scopes) {

    static EdgeCaller of(Authentication authentication) {
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        // Keycloak puts client_id into client-credentials tokens only; a staff token names the console or CLI as azp.
        boolean agency = jwt.hasClaim("client_id");
        String scope = jwt.getClaimAsString("scope");
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
        return new EdgeCaller(agency, agency ? "client:" + jwt.getClaimAsString("client_id") : "user:" + jwt.getSubject(),
                scopes);
    }

    /** The client id of an agency, for per-client allowances. */
    String clientId() {
        return agency ? key.substring("client:".length()) : null;
    }
}
