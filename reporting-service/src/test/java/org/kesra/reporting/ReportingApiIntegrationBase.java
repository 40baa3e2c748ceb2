package org.kesra.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of reporting-service's integration tests: the service over HTTP against the real PostgreSQL, Kafka and
 * Keycloak, fed with the source services' events through the broker; one Spring context for all classes.
 */
@PlatformInfrastructure(database = "reporting_it")
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReportingApiIntegrationBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static SourceEventsFixture events;

    @LocalServerPort
    protected int port;
    protected ApiClient api;

    /** Whether the service's consumer group was moved past what other modules' tests published (once per JVM). */
    private static final java.util.concurrent.atomic.AtomicBoolean GROUP_AT_THE_END =
            new java.util.concurrent.atomic.AtomicBoolean();

    @BeforeAll
    static void events() {
        events = new SourceEventsFixture();
        // Runs before the first test class's Spring context starts (and with it the service's consumer).
        if (GROUP_AT_THE_END.compareAndSet(false, true)) {
            String start = events.startGroupAtTheEnd("kesra.reporting");
            // A rebuild replays the same history the live consumer read, not what other modules left on the broker.
            System.setProperty("kesra.reporting.rebuild.replay-from", start);
            // The scheduled generation runs only when a test calls it (ReportGenerationIT), never in between.
            System.setProperty("kesra.reporting.generations.schedule-enabled", "false");
        }
    }

    @AfterAll
    static void closeEvents() {
        events.close();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    protected static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(u));
    }

    /** A binary answer (a workbook), which {@link ApiClient} would decode as text. */
    protected HttpResponse<byte[]> bytes(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A problem detail of that status and code, with a violation at {@code pointer} if one is given. */
    protected static void assertProblem(ApiClient.Response response, int status, String code, String pointer) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).isEqualTo(code);
        if (pointer != null) {
            boolean found = false;
            for (JsonNode error : response.body().path("errors")) {
                found |= error.path("pointer").asString().equals(pointer);
            }
            assertThat(found).as("a violation at " + pointer + " in " + response.text()).isTrue();
        }
    }
}
