package org.kesra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.SharedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against the real Keycloak, in front of a plain HTTP server standing in for the services (it answers
 * with what reached it: method, path, Authorization, request id), so that what the gateway lets through, refuses and
 * forwards is seen from both sides.
 */
@PlatformInfrastructure(database = "gateway_it")
@Import(GatewayIT.SessionsCounted.class)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.gateway.rate-limit.requests=100", "kesra.gateway.rate-limit.window=1h",
            "kesra.gateway.max-body-size=1KB", "kesra.gateway.max-upload-size=64KB",
            "kesra.gateway.console-origins=http://konsol.kesra.test"})
class GatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static HttpServer services;
    private static RealmKeys realmKeys;
    private static RSAKey realmKey;

    @LocalServerPort
    int port;
    ApiClient api;
    String issuer;
    KeycloakTokens tokens;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/", exchange -> {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            seen.put("bodyBytes", exchange.getRequestBody().readAllBytes().length);
            byte[] body = JSON.writeValueAsBytes(seen);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        services.start();
        String url = "http://127.0.0.1:" + services.getAddress().getPort();
        for (String service : List.of("HOUSEHOLD", "WELFARE", "PERFORMANCE", "REPORTING")) {
            registry.add(service + "_SERVICE_URL", () -> url);
        }
    }

    @BeforeAll
    static void registerKey() throws Exception {
        realmKeys = new RealmKeys(SharedInfrastructure.get());
        realmKey = realmKeys.register("gateway-it-" + System.nanoTime());
    }

    /** The web session manager Spring Boot would make, counting the sessions its store makes or looks up. */
    @TestConfiguration
    static class SessionsCounted {

        static final AtomicLong made = new AtomicLong();

        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager webSessionManager() {
            InMemoryWebSessionStore store = new InMemoryWebSessionStore();
            DefaultWebSessionManager manager = new DefaultWebSessionManager();
            manager.setSessionStore(new WebSessionStore() {
                @Override
                public Mono<WebSession> createWebSession() {
                    return Mono.defer(() -> {
                        made.incrementAndGet();
                        return store.createWebSession();
                    });
                }

                @Override
                public Mono<WebSession> retrieveSession(String sessionId) {
                    return Mono.defer(() -> {
                        made.incrementAndGet();
                        return store.retrieveSession(sessionId);
                    });
                }

                @Override
                public Mono<Void> removeSession(String sessionId) {
                    return store.removeSession(sessionId);
                }

                @Override
                public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
                    return store.updateLastAccessTime(webSession);
                }
            });
            return manager;
        }
    }

    @AfterAll
    static void stopServices() {
        services.stop(0);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        issuer = System.getProperty("OIDC_ISSUER_URI");
        tokens = new KeycloakTokens(issuer);
    }

    @Test
    void aValidTokenReachesTheServiceUnchangedWithTheRequestId() {
        String token = tokens.forUser("dinsos.operator");
        ApiClient.Response response = api.send("GET", "/api/v1/enrolments", token, null,
                Map.of("X-Request-Id", "uji-permintaan-001"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("path").asString()).isEqualTo("/api/v1/enrolments");
        assertThat(response.body().path("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(response.body().path("requestId").asString()).isEqualTo("uji-permintaan-001");
        assertThat(response.header("X-Request-Id")).isEqualTo("uji-permintaan-001");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void noWebSessionIsMadeForARequest() {
        long before = SessionsCounted.made.get();

        assertThat(api.get("/api/v1/enrolments", tokens.forUser("dinsos.operator")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrolments", null).status()).isEqualTo(401);

        // Bearer tokens only: making a session (which the gateway never keeps) moved each request off the event loop.
        assertThat(SessionsCounted.made.get() - before).isZero();
    }

    @Test
    void aTokenTheRealmVouchesForWithTheRightClaimsIsAccepted() throws Exception {
        // The control for the refusals below: the same way of making tokens, nothing wrong with this one.
        assertThat(api.get("/api/v1/enrolments", RealmKeys.sign(realmKey, issuer, c -> { })).status()).isEqualTo(200);
    }

    @Test
    void refusesEveryTokenThatIsNotValidForThisPlatform() throws Exception {
        Instant now = Instant.now();
        String real = tokens.forUser("dinsos.operator");
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("dinsos-operator", "dinsos-admin");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + parts[1] + ".";
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("kunci-asing").generate();

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired", RealmKeys.sign(realmKey, issuer, c -> c.issueTime(Date.from(now.minusSeconds(1200)))
                .notBeforeTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(600)))));
        refused.put("not yet valid", RealmKeys.sign(realmKey, issuer, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))));
        refused.put("wrong issuer", RealmKeys.sign(realmKey, issuer.replace("/realms/", "/realms/palsu-"), c -> { }));
        refused.put("wrong audience", RealmKeys.sign(realmKey, issuer, c -> c.audience("account")));
        refused.put("alg none", unsigned);
        refused.put("tampered signature", tampered);
        refused.put("unknown key", RealmKeys.sign(unknown, issuer, c -> { }));
        refused.put("another realm", realmKeys.tokenOfAnotherRealm());
        refused.put("not a token", "bukan-token");

        refused.forEach((why, token) -> {
            ApiClient.Response response = api.get("/api/v1/enrolments", token);
            assertThat(response.status()).as(why).isEqualTo(401);
            assertThat(response.contentType()).as(why).startsWith("application/problem+json");
            assertThat(response.body().path("code").asString()).as(why).isEqualTo("KESRA-AUTH-401");
            assertThat(response.header("WWW-Authenticate")).as(why).startsWith("Bearer");
        });
        assertThat(api.get("/api/v1/enrolments", null).status()).isEqualTo(401);
    }

    @Test
    void followsKeyRotationWithoutARestart() throws Exception {
        // The gateway has the JWKS cached by now; a key the realm publishes later must still be found.
        assertThat(api.get("/api/v1/enrolments", RealmKeys.sign(realmKey, issuer, c -> { })).status()).isEqualTo(200);
        RSAKey rotated = realmKeys.register("gateway-it-rotated-" + System.nanoTime());
        assertThat(api.get("/api/v1/enrolments", RealmKeys.sign(rotated, issuer, c -> { })).status()).isEqualTo(200);
    }

    @Test
    void anAgencyReachesOnlyThePathsOfItsScopes() {
        String dukcapil = tokens.forClient("agency-dukcapil", "dukcapil-demo-secret", "beneficiary.verify");
        String bps = tokens.forClient("agency-bps", "bps-demo-secret", "aggregates.read");

        assertThat(api.get("/api/v1/verifications/1872034107900099", dukcapil).status()).isEqualTo(200);
        ApiClient.Response listing = api.get("/api/v1/enrolments", dukcapil);
        assertThat(listing.status()).isEqualTo(403);
        assertThat(listing.body().path("code").asString()).isEqualTo("KESRA-AUTH-403");
        assertThat(api.get("/ops/welfare/dead-letters", dukcapil).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/verifications/1872034107900099", bps).status()).isEqualTo(403);
    }

    @Test
    void theHundredAndFirstRequestOfAClientInTheWindowGets429AndOthersGoOn() {
        String limited = tokens.forUser("inspektorat.auditor");
        for (int i = 1; i <= 100; i++) {
            assertThat(api.get("/api/v1/enrolments", limited).status()).as("request %d", i).isEqualTo(200);
        }
        ApiClient.Response refused = api.get("/api/v1/enrolments", limited);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("code").asString()).isEqualTo("KESRA-BATAS-PERMINTAAN");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);

        assertThat(api.get("/api/v1/enrolments", tokens.forUser("dinsos.verifier")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/verifications/1872034107900099",
                tokens.forClient("agency-dukcapil", "dukcapil-demo-secret", "beneficiary.verify")).status()).isEqualTo(200);
    }

    @Test
    void bodiesAreBoundedPerKindOfEndpoint() {
        String token = tokens.forUser("dinsos.admin");
        String big = "{\"catatan\":\"" + "x".repeat(2048) + "\"}";
        ApiClient.Response tooLarge = api.post("/api/v1/enrolments", token, big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().path("code").asString()).isEqualTo("KESRA-TERLALU-BESAR");

        ApiClient.Response upload = api.send("POST", "/api/v1/verivali", token, "{\"x\":\"" + "y".repeat(20_000) + "\"}", Map.of());
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.body().path("bodyBytes").asInt()).isGreaterThan(20_000);
        assertThat(api.send("POST", "/api/v1/verivali", token, "{\"x\":\"" + "y".repeat(70_000) + "\"}", Map.of()).status())
                .isEqualTo(413);
    }

    @Test
    void browsersMayCallOnlyFromTheConsole() {
        Map<String, String> preflight = Map.of("Origin", "http://konsol.kesra.test",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        ApiClient.Response console = api.send("OPTIONS", "/api/v1/enrolments", null, null, preflight);
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("Access-Control-Allow-Origin")).isEqualTo("http://konsol.kesra.test");

        ApiClient.Response elsewhere = api.send("OPTIONS", "/api/v1/enrolments", null, null,
                Map.of("Origin", "http://situs-lain.test", "Access-Control-Request-Method", "GET"));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
    }
}
