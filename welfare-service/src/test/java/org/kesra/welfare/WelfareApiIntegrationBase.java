package org.kesra.welfare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.welfare.householdevents.HouseholdEventsFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of welfare-service's integration tests: the service over HTTP against the real PostgreSQL, Kafka and
 * Keycloak; one Spring context for all classes. Feature tests extend it from their own packages.
 */
@PlatformInfrastructure(database = "welfare_it")
// Uploads are capped low so that VerivaliIT can exceed the cap cheaply.
@SpringBootTest(classes = WelfareServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "KESRA_UPLOAD_MAX_FILE_SIZE=2MB")
public abstract class WelfareApiIntegrationBase {

    protected static final String METRO_PUSAT_KELURAHAN = "18.72.01.1001";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    protected static HouseholdEventsFixture household;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected StaffApiClient api;

    @BeforeAll
    static void events() {
        household = new HouseholdEventsFixture();
    }

    @AfterAll
    static void closeEvents() {
        household.close();
    }

    @BeforeEach
    void client() {
        api = new StaffApiClient(port);
    }

    protected static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(u));
    }

    protected static String agencyToken() {
        return TOKENS.computeIfAbsent("agency-dukcapil", c -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"))
                .forClient("agency-dukcapil", "dukcapil-demo-secret", "beneficiary.verify"));
    }

    protected static String otherAgencyToken() {
        return TOKENS.computeIfAbsent("agency-bps", c -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"))
                .forClient("agency-bps", "bps-demo-secret", "aggregates.read"));
    }

    /** A family registered in household-service (by its event), once welfare-service has taken it in. */
    protected HouseholdRegistered family() {
        HouseholdRegistered card = household.registerFamily(METRO_PUSAT_KELURAHAN);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == card.members().size());
        return card;
    }

    protected ApiClient.Response enrol(String user, String programme, String nik, String start, String end) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("programme", programme);
        body.put("nik", nik);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        return api.post("/api/v1/enrolments", token(user), JSON.writeValueAsString(body));
    }

    /** A problem detail of that status with a violation at {@code pointer} whose detail contains {@code text}. */
    protected static void assertProblem(ApiClient.Response response, int status, String pointer, String text) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        boolean found = false;
        for (JsonNode error : response.body().path("errors")) {
            if (error.path("pointer").asString().equals(pointer)) {
                assertThat(error.path("detail").asString()).contains(text);
                found = true;
            }
        }
        assertThat(found).as("a violation at " + pointer + " in " + response.text()).isTrue();
    }
}
