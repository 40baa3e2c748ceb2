package org.kesra.welfare;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** welfare-service over HTTP against the real PostgreSQL, Kafka and Keycloak; one Spring context for all classes. */
@PlatformInfrastructure(database = "welfare_it")
// Uploads are capped low so that VerivaliIT can exceed the cap cheaply.
@SpringBootTest(classes = WelfareServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "KESRA_UPLOAD_MAX_FILE_SIZE=2MB")
abstract class WelfareApiTest {

    static final String METRO_PUSAT_KELURAHAN = "18.72.01.1001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static HouseholdEventsFixture household;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StaffApiClient api;

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

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(u));
    }

    static String agencyToken() {
        return TOKENS.computeIfAbsent("agency-dukcapil", c -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"))
                .forClient("agency-dukcapil", "dukcapil-demo-secret", "beneficiary.verify"));
    }

    static String otherAgencyToken() {
        return TOKENS.computeIfAbsent("agency-bps", c -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"))
                .forClient("agency-bps", "bps-demo-secret", "aggregates.read"));
    }

    /** A family registered in household-service (by its event), once welfare-service has taken it in. */
    HouseholdRegistered family() {
        HouseholdRegistered card = household.registerFamily(METRO_PUSAT_KELURAHAN);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == card.members().size());
        return card;
    }

    ApiClient.Response enrol(String user, String programme, String nik, String start, String end) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("programme", programme);
        body.put("nik", nik);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        return api.post("/api/v1/enrolments", token(user), JSON.writeValueAsString(body));
    }
}
