package org.kesra.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.kesra.devinfra.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys and realms of the test Keycloak, through its admin REST API: an RSA key of our own registered in the realm
 * (published in its JWKS, never used by Keycloak to sign, priority below the realm's own key), so that tests can sign
 * tokens a real Keycloak vouches for with exactly the claims they need (expired, not yet valid, another audience).
 */
final class RealmKeys {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedInfrastructure.Endpoints infra;

    RealmKeys(SharedInfrastructure.Endpoints infra) {
        this.infra = infra;
    }

    /** A new key pair, published in the realm's JWKS under the kid Keycloak gives it. */
    RSAKey register(String name) throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        String realmId = admin("GET", "/admin/realms/" + infra.realm(), null).path("id").asString();
        String privateKey = Base64.getEncoder().encodeToString(generated.toPrivateKey().getEncoded());
        Map<String, Object> component = Map.of("name", name, "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", new String[] {"-100"}, "enabled", new String[] {"true"},
                        "active", new String[] {"true"}, "algorithm", new String[] {"RS256"},
                        "privateKey", new String[] {privateKey}));
        admin("POST", "/admin/realms/" + infra.realm() + "/components", JSON.writeValueAsString(component));
        for (JsonNode key : get(infra.issuerUri() + "/protocol/openid-connect/certs").path("keys")) {
            if (key.path("n").asString().equals(generated.getModulus().toString())) {
                return new RSAKey.Builder(generated).keyID(key.path("kid").asString()).build();
            }
        }
        throw new IllegalStateException("the registered key is not in the realm's JWKS");
    }

    /** A realm of its own with a client-credentials client; a token it issues is valid, but not for this platform. */
    String tokenOfAnotherRealm() throws Exception {
        String realm = "{\"realm\":\"kota-lain\",\"enabled\":true,\"clients\":[{\"clientId\":\"lain\",\"secret\":\"lain-secret\","
                + "\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false}]}";
        admin("POST", "/admin/realms", realm);
        String form = "grant_type=client_credentials&client_id=lain&client_secret=lain-secret";
        return send(HttpRequest.newBuilder(URI.create(infra.keycloakUrl() + "/realms/kota-lain/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).path("access_token").asString();
    }

    /** A token of the platform's realm signed with {@code key}; {@code claims} changes the valid defaults. */
    static String sign(RSAKey key, String issuer, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).audience("kesra-api").subject(UUID.randomUUID().toString())
                .issueTime(java.util.Date.from(now)).notBeforeTime(java.util.Date.from(now.minusSeconds(5)))
                .expirationTime(java.util.Date.from(now.plusSeconds(300)))
                .claim("azp", "kesra-console").claim("preferred_username", "uji.token")
                .claim("realm_access", Map.of("roles", java.util.List.of("dinsos-operator")));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JsonNode admin(String method, String path, String json) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(infra.keycloakAdminUser(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(infra.keycloakAdminPassword(), StandardCharsets.UTF_8);
        String token = send(HttpRequest.newBuilder(URI.create(infra.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).path("access_token").asString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(infra.keycloakUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // 409: the realm of another test run is still there, which is as good.
        if (response.statusCode() >= 300 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
