package org.kesra.performance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * performance-service over HTTP against the real PostgreSQL, Kafka and Keycloak, on a port of its own; one Spring
 * context for all classes. Tokens are real ones of the realm's demo users (deploy/keycloak/kota-metro-realm.json).
 */
@PlatformInfrastructure(database = "performance_it")
@SpringBootTest(classes = PerformanceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PerformanceApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** platform-admin: writes any unit's plan. */
    protected static final String ADMIN = "platform.admin";
    /** planner of OPD bappeda (wilayah: the city). */
    protected static final String PLANNER = "bappeda.planner";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    protected static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(u));
    }

    protected ApiClient.Response post(String user, String path, JsonNode body) {
        return api.post(path, token(user), JSON.writeValueAsString(body));
    }

    protected ApiClient.Response get(String user, String path) {
        return api.get(path, token(user));
    }

    protected long plansOf(String unit) {
        return jdbc.sql("SELECT count(*) FROM renstra_plan WHERE unit_code = ?").param(unit).query(Long.class).single();
    }
}
