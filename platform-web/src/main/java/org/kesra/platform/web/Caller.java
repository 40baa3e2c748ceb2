package org.kesra.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the validated token: a staff member (realm roles, {@code wilayah} region code, {@code opd}
 * agency) or an agency client (client id, scopes). Services decide with it what the caller may see and do.
 *
 * @param subject  the token's {@code sub}
 * @param name     the user name, or the client id for a client-credentials token
 * @param clientId the OAuth client the token was issued to ({@code azp})
 */
public record Caller(String subject, String name, String clientId, Set<String> roles, Set<String> scopes,
                     Optional<String> wilayah, Optional<String> opd) {

    public static Caller from(Jwt jwt) {
        String clientId = jwt.getClaimAsString("azp");
        String username = jwt.getClaimAsString("preferred_username");
        boolean serviceAccount = jwt.hasClaim("client_id") || (username != null && username.startsWith("service-account-"));
        return new Caller(jwt.getSubject(), serviceAccount || username == null ? clientId : username, clientId,
                realmRoles(jwt), scopes(jwt),
                Optional.ofNullable(jwt.getClaimAsString("wilayah")), Optional.ofNullable(jwt.getClaimAsString("opd")));
    }

    /** The caller of the current request; fails outside an authenticated request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new IllegalStateException("no token-authenticated caller in this context");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof java.util.Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null || scope.isBlank() ? Set.of() : Set.copyOf(List.of(scope.trim().split("\\s+")));
    }
}
