package org.kesra.platform.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.ProjectLayout;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation matrix of a running service, generated from its access table: every endpoint × every caller of
 * the realm (each demo user, each agency client, no token) × a region inside and outside the caller's, each with the
 * status it must get. Tokens are real ones from the test Keycloak; the callers come from the realm file, so a new
 * role or client is in the matrix without touching this class.
 *
 * <p>Expected answers: no token 401; a role or scope the row does not list 403 with a problem detail; a listed one
 * anything but 401/403 and never a 5xx (the dummy ids and empty bodies mostly end in 400, 404 or 422, which is the
 * point: the caller got past the wall); a region code outside a regional caller's region the row's {@code outside}.
 */
public final class AuthorizationMatrix {

    /** A kelurahan inside Metro Barat (the regional demo users' region) and one outside it. */
    public static final String INSIDE = "18.72.03.1001";
    public static final String OUTSIDE = "18.72.05.1001";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** A caller: what the realm's token says of it (roles, scopes, region), and how to get the token. */
    public record Principal(String name, Set<String> roles, Set<String> scopes, Optional<String> region,
                            Supplier<String> token) {

        boolean covers(String kelurahan) {
            return region.map(r -> kelurahan.equals(r) || kelurahan.startsWith(r + ".")).orElse(false);
        }
    }

    /** An endpoint as a controller maps it. */
    public record Endpoint(HttpMethod method, String pattern) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private AuthorizationMatrix() {
    }

    /** The API endpoints a service's controllers map (springdoc's and the error page are not the API). */
    public static Set<Endpoint> served(RequestMappingHandlerMapping mapping) {
        Set<Endpoint> endpoints = new java.util.HashSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods())
                        .as("%s maps no HTTP method; give it one so that it can have an access row", pattern)
                        .isNotEmpty();
                info.getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
            }
        }
        return endpoints;
    }

    /** Every served endpoint has exactly one row and every row an endpoint: the check that fails the build. */
    public static void assertTableMatches(Collection<Endpoint> served, AccessRules rules) {
        Set<String> servedKeys = served.stream().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rowKeys = rules.rules().stream().map(r -> r.method() + " " + r.pattern())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutRow = new TreeSet<>(servedKeys);
        withoutRow.removeAll(rowKeys);
        Set<String> withoutEndpoint = new TreeSet<>(rowKeys);
        withoutEndpoint.removeAll(servedKeys);
        assertThat(withoutRow).as("endpoints without a row in access-rules/*.csv (add one: who may call it?)").isEmpty();
        assertThat(withoutEndpoint).as("rows in access-rules/*.csv for endpoints that do not exist").isEmpty();
    }

    /** The realm's demo users (password grant) and agency clients (client credentials), from the realm file. */
    public static List<Principal> realmPrincipals(String issuerUri) {
        KeycloakTokens keycloak = new KeycloakTokens(issuerUri);
        JsonNode realm = JSON.readTree(ProjectLayout.locate().realmFile().toFile());
        List<Principal> principals = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asString();
            if (!username.startsWith("service-account-")) {
                principals.add(principal(username, () -> keycloak.forUser(username)));
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("serviceAccountsEnabled").asBoolean(false)) {
                String id = client.path("clientId").asString();
                String secret = client.path("secret").asString();
                String scopes = String.join(" ", client.path("defaultClientScopes").valueStream()
                        .map(JsonNode::asString).filter(s -> s.contains(".")).toList());
                principals.add(principal(id, () -> keycloak.forClient(id, secret, scopes)));
            }
        }
        assertThat(principals).as("callers in the realm file").hasSizeGreaterThan(5);
        return principals;
    }

    private static Principal principal(String name, Supplier<String> fetch) {
        Supplier<String> token = () -> TOKENS.computeIfAbsent(name, n -> fetch.get());
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.get().split("\\.")[1]));
        Set<String> roles = claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> scopes = Set.of(claims.path("scope").asString("").trim().split("\\s+"));
        Optional<String> region = Optional.ofNullable(claims.get("wilayah")).map(JsonNode::asString);
        return new Principal(name, roles, scopes, region, token);
    }

    /**
     * The matrix as dynamic tests.
     *
     * @param samples a value for every path variable the service's endpoints use (ids, codes); a missing one fails
     */
    public static Stream<DynamicTest> tests(AccessRules rules, List<Principal> principals, ApiClient api,
                                            Map<String, String> samples) {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRule rule : rules.rules()) {
            String path = path(rule, INSIDE, samples);
            tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " without a token -> 401",
                    () -> assertThat(call(api, rule, path, null).status()).isEqualTo(401)));
            for (Principal principal : principals) {
                boolean allowed = rule.allows(principal.roles(), principal.scopes());
                if (rule.region().isEmpty() || !allowed) {
                    tests.add(check(api, rule, principal, path, allowed ? 0 : 403));
                    continue;
                }
                for (String kelurahan : List.of(INSIDE, OUTSIDE)) {
                    int expected = principal.covers(kelurahan) ? 0 : rule.region().get().outsideStatus();
                    tests.add(check(api, rule, principal, path(rule, kelurahan, samples), expected));
                }
            }
        }
        return tests.stream();
    }

    /** expected 0: allowed, anything but 401/403 and below 500. */
    private static DynamicTest check(ApiClient api, AccessRule rule, Principal principal, String path, int expected) {
        String name = rule.method() + " " + path + " as " + principal.name() + " -> "
                + (expected == 0 ? "allowed" : Integer.toString(expected));
        return DynamicTest.dynamicTest(name, () -> {
            ApiClient.Response response = call(api, rule, path, principal.token().get());
            if (expected == 0) {
                assertThat(response.status()).as("%s: %s", name, response.text()).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(response.status()).as("%s: %s", name, response.text()).isEqualTo(expected);
                assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            }
        });
    }

    private static ApiClient.Response call(ApiClient api, AccessRule rule, String path, String token) {
        boolean body = rule.method() == HttpMethod.POST || rule.method() == HttpMethod.PUT
                || rule.method() == HttpMethod.PATCH;
        return api.send(rule.method().name(), path, token, body ? "{}" : null, Map.of());
    }

    static String path(AccessRule rule, String kelurahan, Map<String, String> samples) {
        Optional<AccessRule.RegionParameter> region = rule.region();
        Matcher variables = VARIABLE.matcher(rule.pattern());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = region.filter(r -> r.inPath() && r.name().equals(name)).map(r -> kelurahan)
                    .orElseGet(() -> samples.get(name));
            assertThat(value).as("sample value for {%s} of %s", name, rule.pattern()).isNotNull();
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        region.filter(r -> !r.inPath()).ifPresent(r -> path.append('?').append(r.name()).append('=').append(kelurahan));
        return path.toString();
    }

    /** Sample path values that exist nowhere: a random id, a well-formed NIK nobody has. */
    public static Map<String, String> commonSamples() {
        String id = UUID.randomUUID().toString();
        return Map.of("id", id, "personId", id, "probeId", id, "nik", "1872034107900099");
    }
}
