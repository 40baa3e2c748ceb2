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
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.SharedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against the real Keycloak, in front of plain HTTP servers standing in for the services (each answers
 * with what reached it: method, path, Authorization, request id, and records it), so that what the gateway lets
 * through, refuses and forwards is seen from both sides.
 */
@PlatformInfrastructure(database = "gateway_it")
@ExtendWith(OutputCaptureExtension.class)
@Import(GatewayIT.SessionsCounted.class)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.gateway.rate-limit.requests=100", "kesra.gateway.rate-limit.window=1h",
            "kesra.gateway.max-body-size=1KB", "kesra.gateway.max-upload-size=64KB",
            "kesra.gateway.console-origins=http://konsol.kesra.test", "kesra.gateway.rate-limit.address-requests=150"})
class GatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RealmKeys realmKeys;
    private static RSAKey realmKey;

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    ApiClient api;
    String issuer;
    KeycloakTokens tokens;

    /** What the stand-in services received in full: method, URI (path and query) and body size, in arrival order. */
    private static final Queue<String> served = new ConcurrentLinkedQueue<>();
    private static final List<HttpServer> services = new ArrayList<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        // One stand-in per service, so the API document of each can be told apart.
        for (String service : List.of("household", "welfare", "performance", "reporting")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().equals("/v3/api-docs")) {
                    answer(exchange, JSON.writeValueAsBytes(apiDocument(service)));
                    return;
                }
                Map<String, Object> seen = new LinkedHashMap<>();
                seen.put("service", service);
                seen.put("method", exchange.getRequestMethod());
                seen.put("path", exchange.getRequestURI().getPath());
                seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                seen.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
                int bodyBytes = exchange.getRequestBody().readAllBytes().length;
                seen.put("bodyBytes", bodyBytes);
                served.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + bodyBytes);
                // The services send the request id back, as platform-web's RequestIdFilter does.
                String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                if (requestId != null) {
                    exchange.getResponseHeaders().set("X-Request-Id", requestId);
                }
                answer(exchange, JSON.writeValueAsBytes(seen));
            });
            server.start();
            services.add(server);
            registry.add(service.toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URL",
                    () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
        // The console's stand-in: answers with what it was sent, and its own CSP as the real console does.
        HttpServer console = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        console.createContext("/", exchange -> {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("console", true);
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            for (String header : List.of("X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "Cookie")) {
                seen.put(header, exchange.getRequestHeaders().getFirst(header));
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", CONSOLE_CSP);
            answer(exchange, JSON.writeValueAsBytes(seen));
        });
        console.start();
        services.add(console);
        registry.add("CONSOLE_URL", () -> "http://127.0.0.1:" + console.getAddress().getPort());
    }

    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'";

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A service's OpenAPI document in small: one operation, and a schema all four name alike but describe apart. */
    private static Map<String, Object> apiDocument(String service) {
        Map<String, Object> page = Map.of("type", "object", "description", "halaman " + service);
        Map<String, Object> operation = Map.of("operationId", service + "Contoh", "tags", List.of(service),
                "responses", Map.of("200", Map.of("description", "ok", "content", Map.of("application/json",
                        Map.of("schema", Map.of("$ref", "#/components/schemas/Halaman"))))));
        return Map.of("openapi", "3.1.0", "info", Map.of("title", service, "version", "v1"),
                "paths", Map.of("/api/v1/" + service + "-contoh", Map.of("get", operation)),
                "tags", List.of(Map.of("name", service)),
                "components", Map.of("schemas", Map.of("Halaman", page)));
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
        services.forEach(server -> server.stop(0));
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
        assertThat(response.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
        assertThat(response.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
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
    void theHundredAndFirstRequestOfAClientInTheWindowGets429AndOthersGoOn(CapturedOutput output) throws Exception {
        String limited = tokens.forUser("inspektorat.auditor");
        for (int i = 1; i <= 100; i++) {
            assertThat(api.get("/api/v1/enrolments", limited).status()).as("request %d", i).isEqualTo(200);
        }
        ApiClient.Response refused = api.get("/api/v1/enrolments?ke=101", limited);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asString()).isEqualTo("KESRA-BATAS-PERMINTAAN");
        assertThat(refused.body().path("title").asString()).isEqualTo("Terlalu banyak permintaan");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);
        // The refused request goes nowhere: it was routed to the service all the same, whose answer then met the
        // committed 429 and logged an ERROR ("already committed").
        Thread.sleep(500);
        assertThat(served).noneMatch(request -> request.contains("ke=101"));
        assertThat(output.getAll()).doesNotContain("already committed");

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

        // The console's own upload forms (a cadre's sheet, a recipient list, a Renstra matrix, a report's evidence)
        // carry files as far as the console; its other forms keep the small bound.
        String file = "{\"x\":\"" + "y".repeat(20_000) + "\"}";
        for (String form : List.of("/rumah-tangga/impor", "/verifikasi", "/renstra/impor",
                "/laporan-triwulan/6f1c2b9e-0000-4000-8000-000000000001/bukti")) {
            ApiClient.Response sent = api.send("POST", form, token, file, Map.of());
            assertThat(sent.status()).as(form).isEqualTo(200);
            assertThat(sent.body().path("console").asBoolean()).as(form).isTrue();
        }
        assertThat(api.send("POST", "/laporan-triwulan/6f1c2b9e-0000-4000-8000-000000000001", token, file, Map.of())
                .status()).as("a report's figures are no upload").isEqualTo(413);
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
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.body().path("code").asString()).isEqualTo("KESRA-CORS-DITOLAK");
        assertThat(elsewhere.body().path("title").asString()).isEqualTo("Akses ditolak");
        assertThat(elsewhere.body().path("requestId").asString()).isEqualTo(elsewhere.header("X-Request-Id"));
        assertSecurityHeaders(elsewhere.headers());
    }

    @Test
    void aChunkedUploadIsCutAtTheLimitWhileItStreams() {
        String token = tokens.forUser("dinsos.admin");
        RawHttp raw = new RawHttp("127.0.0.1", port);

        RawHttp.Answer small = raw.chunked("/api/v1/verivali?uji=chunked-kecil", token, "text/csv", 20_000);
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.json().path("bodyBytes").asInt()).isEqualTo(20_000);

        // No Content-Length to refuse up front: the body is counted as it streams and cut past the limit (64 KB).
        RawHttp.Answer big = raw.chunked("/api/v1/verivali?uji=chunked-besar", token, "text/csv", 200_000);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.header("Content-Type")).startsWith("application/problem+json");
        assertThat(big.json().path("code").asString()).isEqualTo("KESRA-TERLALU-BESAR");
        assertThat(big.json().path("title").asString()).isEqualTo("Berkas atau permintaan terlalu besar");
        assertThat(big.json().path("detail").asString()).contains("65536");
        assertThat(served).noneMatch(request -> request.contains("chunked-besar"));
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedByAddressBeforeAuthentication() throws Exception {
        // 127.0.0.2 and 127.0.0.3 are two other clients to the gateway; the allowance of an address is 150 here.
        RawHttp stranger = new RawHttp("127.0.0.2", port);
        String forged = RealmKeys.sign(new RSAKeyGenerator(2048).keyID("kunci-asing").generate(), issuer, c -> { });
        for (int i = 1; i <= 150; i++) {
            assertThat(stranger.get("/api/v1/enrolments", i % 2 == 0 ? forged : null).status())
                    .as("request %d", i).isEqualTo(401);
        }
        for (String token : java.util.Arrays.asList(null, forged)) {
            RawHttp.Answer refused = stranger.get("/api/v1/enrolments", token);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("code").asString()).isEqualTo("KESRA-BATAS-PERMINTAAN");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);
            assertSecurityHeaders(first(refused));
        }

        // Requests with valid tokens are counted by account, not by address: 180 from one address all pass.
        RawHttp office = new RawHttp("127.0.0.3", port);
        for (String user : List.of("metrobarat.camat", "bappeda.planner")) {
            String token = tokens.forUser(user);
            for (int i = 1; i <= 90; i++) {
                assertThat(office.get("/api/v1/enrolments", token).status()).as("%s %d", user, i).isEqualTo(200);
            }
        }
        assertThat(office.get("/api/v1/enrolments", null).status()).isEqualTo(401);
    }

    @Test
    void malformedAndTraversalPathsAnswerProblemDetails() {
        RawHttp raw = new RawHttp("127.0.0.1", port);
        String token = tokens.forUser("dinsos.operator");
        for (String path : List.of("/api/v1/households%2F..%2F..%2Fops%2Fwelfare%2Fdead-letters", "/api/v1/persons%00",
                "/api/v1/households;jsessionid=1", "/api/v1/../../actuator/prometheus",
                "/api/v1/households/%2e%2e/%2e%2e/actuator/prometheus", "/ops/household/..%2F..%2Factuator%2Fprometheus",
                "/api/v1/persons%5C..%5Cactuator")) {
            RawHttp.Answer answer = raw.get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).as(path).isEqualTo("KESRA-ALAMAT-DITOLAK");
            assertThat(answer.json().path("title").asString()).as(path).isEqualTo("Permintaan tidak valid");
            assertThat(answer.json().path("requestId").asString()).as(path).isEqualTo(answer.header("X-Request-Id"));
            assertSecurityHeaders(first(answer));
        }
        assertThat(served).noneMatch(request -> request.contains("actuator") || request.contains("dead-letters"));
    }

    @Test
    void aQueryWithABrokenPercentEscapeAnswersAProblemDetail() {
        RawHttp raw = new RawHttp("127.0.0.1", port);
        String token = tokens.forUser("dinsos.operator");
        // Java's URI parser refuses these, so Spring's adapter answered an empty 400 before any web filter ran.
        for (String path : List.of("/api/v1/persons?size=%", "/api/v1/persons?name=%G1", "/api/v1/households?rw=1%")) {
            RawHttp.Answer answer = raw.get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).as(path).isEqualTo("KESRA-ALAMAT-TIDAK-SAH");
            assertThat(answer.json().path("title").asString()).as(path).isEqualTo("Permintaan tidak valid");
            assertThat(answer.json().path("requestId").asString()).as(path).isEqualTo(answer.header("X-Request-Id"));
            assertSecurityHeaders(first(answer));
        }
        assertThat(served).noneMatch(request -> request.contains("%G1"));
    }

    @Test
    void aHeaderNettyCannotDecodeAnswersAProblemDetail() {
        RawHttp raw = new RawHttp("127.0.0.1", port);
        // Netty's decoder refuses a control byte in a header value before Spring sees the request; it answered an
        // empty 400.
        RawHttp.Answer answer = raw.send("GET", "/api/v1/persons?ujiheader=1", tokens.forUser("dinsos.operator"),
                Map.of("X-Purpose", "a\u0001b"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("KESRA-PERMINTAAN-TIDAK-TERBACA");
        assertThat(answer.json().path("title").asString()).isEqualTo("Permintaan tidak valid");
        assertThat(answer.json().path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
        assertSecurityHeaders(first(answer));
        assertThat(served).noneMatch(request -> request.contains("ujiheader"));
    }

    @Test
    void aLongUriAnswers414ProblemDetail() {
        ApiClient.Response answer = api.get("/api/v1/persons?nama=" + "a".repeat(5_000), tokens.forUser("dinsos.operator"));
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asString()).isEqualTo("KESRA-ALAMAT-TERLALU-PANJANG");
        assertThat(answer.body().path("title").asString()).isEqualTo("Alamat permintaan terlalu panjang");
        assertSecurityHeaders(answer.headers());
    }

    @Test
    void anUnknownPathAnswersAProblemDetail() {
        ApiClient.Response withToken = api.get("/api/v1/tidak-ada", tokens.forUser("dinsos.operator"));
        ApiClient.Response publicPath = api.get("/docs/tidak-ada/v3/api-docs", null);
        for (ApiClient.Response answer : List.of(withToken, publicPath)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("code").asString()).isEqualTo("KESRA-HTTP-404");
            assertThat(answer.body().path("title").asString()).isEqualTo("Tidak ditemukan");
            assertThat(answer.body().path("type").asString()).isEqualTo("urn:kesra:problem:KESRA-HTTP-404");
            assertThat(answer.body().path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
            assertThat(answer.body().has("timestamp")).as("Spring's default error JSON").isFalse();
            assertSecurityHeaders(answer.headers());
        }
    }

    /**
     * The console at {@code /} as the last route: its pages reach it without a token, with the session cookie and the
     * gateway's address in X-Forwarded-*, and keep its own CSP; the API, docs and probe paths stay the gateway's.
     */
    @Test
    void everyPathThatIsNotTheGatewaysOwnReachesTheConsoleWithTheGatewaysAddress() {
        for (String path : List.of("/", "/rumah-tangga/baru", "/login/oauth2/code/keycloak", "/css/console.css")) {
            RawHttp.Answer answer = new RawHttp("127.0.0.1", port).send("GET", path, null,
                    Map.of("Cookie", "KESRA_KONSOL=abc", "X-Forwarded-Host", "jahat.test"));
            assertThat(answer.status()).as(path).isEqualTo(200);
            JsonNode seen = JSON.readTree(answer.body());
            assertThat(seen.path("console").asBoolean()).as(path).isTrue();
            assertThat(seen.path("path").asString()).isEqualTo(path);
            assertThat(seen.path("Cookie").asString()).isEqualTo("KESRA_KONSOL=abc");
            assertThat(seen.path("X-Forwarded-Host").asString()).as("the gateway's address, not the client's claim")
                    .isEqualTo("localhost:" + port);
            assertThat(seen.path("X-Forwarded-Proto").asString()).isEqualTo("http");
            assertThat(seen.path("X-Forwarded-Port").asString()).isEqualTo(Integer.toString(port));
            assertThat(answer.headers("Content-Security-Policy")).as("the console's own policy, once")
                    .containsExactly(CONSOLE_CSP);
        }
        ApiClient.Response api404 = api.get("/api/v1/tidak-ada", tokens.forUser("dinsos.operator"));
        assertThat(api404.status()).as("an unknown API path is not the console's").isEqualTo(404);
        assertThat(api404.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/households", null).status()).as("APIs still need a token").isEqualTo(401);
        assertThat(api.get("/livez", null).text()).doesNotContain("console");
    }

    /**
     * The access logs' searches carry a NIK in the body: each must reach the service that keeps its log (an unrouted
     * path would fall to the console's route), the bare path household-service's, the welfare one welfare-service's.
     */
    @Test
    void theAccessLogSearchesReachTheServicesThatKeepTheLogs() {
        // Not the auditor's token: the rate-limit test counts that client's requests from the first; the gateway
        // routes by path whoever calls (the services check the role).
        String token = tokens.forUser("bappeda.planner");
        Map<String, String> owners = Map.of("/api/v1/personal-data-access/search", "household",
                "/api/v1/welfare/personal-data-access/search", "welfare");
        owners.forEach((path, service) -> {
            ApiClient.Response answer = api.post(path, token, "{\"nik\":\"1872031203120001\"}");
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.body().path("service").asString()).as(path).isEqualTo(service);
            assertThat(answer.body().path("method").asString()).isEqualTo("POST");
            assertThat(answer.body().path("path").asString()).isEqualTo(path);
            assertThat(answer.body().path("bodyBytes").asInt()).isEqualTo(26);
        });
        assertThat(api.get("/api/v1/personal-data-access", token).body().path("service").asString())
                .isEqualTo("household");
    }

    @Test
    void aProxiedAnswerCarriesTheRequestIdOnce() {
        RawHttp.Answer answer = new RawHttp("127.0.0.1", port).send("GET", "/api/v1/enrolments",
                tokens.forUser("dinsos.operator"), Map.of("X-Request-Id", "uji-sekali-0001"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers("X-Request-Id")).containsExactly("uji-sekali-0001");
    }

    @Test
    void metricsAnswerOnlyOnTheManagementPortAndTheProbesOnTheMainOne() {
        ApiClient.Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.contentType()).startsWith("application/problem+json");
        assertThat(metrics.text()).doesNotContain("jvm_");
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);

        assertThat(managementPort).isNotEqualTo(port);
        ApiClient.Response scraped = new ApiClient(managementPort).get("/actuator/prometheus", null);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.text()).contains("jvm_memory_used_bytes");

        // Nor does any route reach a service's actuator.
        String token = tokens.forUser("dinsos.operator");
        for (String path : List.of("/actuator/prometheus", "/ops/household/actuator/prometheus",
                "/docs/household/actuator/prometheus", "/api/v1/households/actuator/prometheus")) {
            api.get(path, token);
        }
        assertThat(served).noneMatch(request -> request.split(" ")[1].startsWith("/actuator"));
    }

    @Test
    void oneApiDocumentListsTheOperationsOfEveryService() {
        ApiClient.Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().path("paths").propertyNames()).containsExactlyInAnyOrder(
                "/api/v1/household-contoh", "/api/v1/welfare-contoh", "/api/v1/performance-contoh",
                "/api/v1/reporting-contoh");
        assertThat(document.body().path("servers").get(0).path("url").asString()).isEqualTo("/");
        // Four services name a schema alike but describe it apart: each operation still points at its own.
        JsonNode schemas = document.body().path("components").path("schemas");
        String welfareRef = document.body().at("/paths/~1api~1v1~1welfare-contoh/get/responses/200/content")
                .path("application/json").path("schema").path("$ref").asString();
        assertThat(welfareRef).isEqualTo("#/components/schemas/welfare_Halaman");
        assertThat(schemas.path("welfare_Halaman").path("description").asString()).isEqualTo("halaman welfare");
        assertThat(schemas.path("Halaman").path("description").asString()).isEqualTo("halaman household");
    }

    private static Map<String, String> first(RawHttp.Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    /** The headers of every answer, the gateway's own refusals included (names in lower case). */
    private static void assertSecurityHeaders(Map<String, String> headers) {
        assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
        assertThat(headers.get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(headers.get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(headers.get("permissions-policy")).contains("camera=()");
        assertThat(headers.get("x-request-id")).isNotBlank();
    }
}
