package org.kesra.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the running Keycloak, for tests and the launcher's self-check: the demo users' password
 * grant through the {@value #CLI_CLIENT} client and agency clients' client-credentials grant.
 */
public final class KeycloakTokens {

    /** Public client of the realm with the password grant enabled; for demos and tests only. */
    public static final String CLI_CLIENT = "kesra-cli";
    /** Password of every demo user in the realm file. */
    public static final String DEMO_PASSWORD = "kesra-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tokenEndpoint;

    public KeycloakTokens(String issuerUri) {
        this.tokenEndpoint = issuerUri + "/protocol/openid-connect/token";
    }

    public String forUser(String username) {
        return forUser(username, DEMO_PASSWORD);
    }

    public String forUser(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return request(form, username);
    }

    public String forClient(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        return request(form, clientId);
    }

    private String request(Map<String, String> form, String who) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + who + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.path("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
