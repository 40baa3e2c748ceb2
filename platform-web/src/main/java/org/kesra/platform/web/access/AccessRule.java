package org.kesra.platform.web.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One row of a service's access table: who may call one endpoint.
 *
 * @param method  the HTTP method
 * @param pattern the endpoint's path pattern, exactly as its controller maps it ({@code /api/v1/households/{id}})
 * @param roles   realm roles allowed to call it
 * @param scopes  client scopes (agency clients) allowed to call it
 * @param region  where the request names a region ({@code path:kelurahan}, {@code query:kelurahan}), if it does: a
 *                caller with a region may only name codes inside it (checked by the service, proven by the
 *                authorisation matrix test), and the status a code outside it gets
 * @param source  file and line of the row, for error messages
 */
public record AccessRule(HttpMethod method, String pattern, Set<String> roles, Set<String> scopes,
                         Optional<RegionParameter> region, String source) {

    /**
     * Where a request carries a region code, and how a code outside the caller's region is answered: 403, or 404
     * where the service does not even confirm that the place exists for this caller.
     */
    public record RegionParameter(boolean inPath, String name, int outsideStatus) {

        static RegionParameter parse(String text, String outside, String source) {
            String[] parts = text.split(":", 2);
            if (parts.length != 2 || !(parts[0].equals("path") || parts[0].equals("query")) || parts[1].isBlank()) {
                throw new IllegalStateException(source + ": region must be path:<name> or query:<name>, not " + text);
            }
            if (!outside.equals("403") && !outside.equals("404")) {
                throw new IllegalStateException(source + ": outside must be 403 or 404, not '" + outside + "'");
            }
            return new RegionParameter(parts[0].equals("path"), parts[1], Integer.parseInt(outside));
        }
    }

    /** Spring Security authorities of the allowed callers: {@code ROLE_<role>}, {@code SCOPE_<scope>}. */
    public String[] authorities() {
        List<String> authorities = new ArrayList<>();
        roles.stream().sorted().forEach(role -> authorities.add("ROLE_" + role));
        scopes.stream().sorted().forEach(scope -> authorities.add("SCOPE_" + scope));
        return authorities.toArray(String[]::new);
    }

    public boolean allows(Set<String> callerRoles, Set<String> callerScopes) {
        return callerRoles.stream().anyMatch(roles::contains) || callerScopes.stream().anyMatch(scopes::contains);
    }
}
