package org.kesra.household.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.household.HouseholdServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * household-service over HTTP against the real PostgreSQL, Kafka and Keycloak: tokens of the realm's demo users,
 * valid NIKs and KK numbers made up per test so that tests never collide.
 */
@PlatformInfrastructure(database = "household_it")
// One context for every household test class (a second context in the same JVM runs a second outbox relay on the
// same database; see docs/stack.md). The upload limit is lowered so that ImportLimitIT can exceed it cheaply.
@SpringBootTest(classes = HouseholdServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kesra.import.max-file-size=" + RegistryApiIntegrationBase.UPLOAD_LIMIT)
public abstract class RegistryApiIntegrationBase {

    /** Above the demo population file (48 MB), below anything slow to write. */
    public static final String UPLOAD_LIMIT = "60MB";

    public static final String MULYOJATI = "18.72.03.1001";
    public static final String GANJAR_AGUNG = "18.72.03.1002";
    public static final String REJOMULYO = "18.72.05.1001";
    /** Kelurahan operator of Mulyojati (Metro Barat). */
    public static final String KELURAHAN_OPERATOR = "mulyojati.operator";
    public static final String JSON_TYPE = "application/json";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    // From 1000: the demo population (DemoPopulationIT imports it into the same database) numbers each region and
    // birth date's NIKs from 0001 and never gets near 1000, so a test's NIK never collides with a demo NIK.
    private static final AtomicInteger SERIAL = new AtomicInteger(1000);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;
    protected ApiClient api;

    @BeforeEach
    protected void client() {
        api = new ApiClient(port);
    }

    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser(u));
    }

    /** A valid NIK first registered in Metro Barat (187203), encoding the birth date and sex as Dukcapil does. */
    public static String nik(LocalDate birth, String sex) {
        return nik("187203", birth, sex);
    }

    public static String nik(String region, LocalDate birth, String sex) {
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        return region + String.format("%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                SERIAL.getAndIncrement());
    }

    public static String kk() {
        return "187203" + String.format("%010d", ThreadLocalRandom.current().nextLong(1, 10_000_000_000L));
    }

    public static Map<String, Object> person(String name, LocalDate birth, String sex, String relationship) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nik", nik(birth, sex));
        person.put("name", name);
        person.put("birthPlace", "Metro");
        person.put("birthDate", birth.toString());
        person.put("sex", sex);
        person.put("relationship", relationship);
        person.put("maritalStatus", "ANAK".equals(relationship) ? "BELUM_KAWIN" : "KAWIN");
        person.put("education", "SLTA");
        person.put("occupation", "PETANI");
        return person;
    }

    public static Map<String, Object> household(String kelurahan, List<Map<String, Object>> members) {
        Map<String, Object> household = new LinkedHashMap<>();
        household.put("kkNumber", kk());
        household.put("kelurahanCode", kelurahan);
        household.put("rw", "3");
        household.put("rt", "12");
        household.put("address", "Jl. Sumbersari No. 5");
        household.put("latitude", -5.1135);
        household.put("longitude", 105.3067);
        household.put("houseOwnership", "MILIK_SENDIRI");
        household.put("floorAreaM2", 48);
        household.put("floorMaterial", "KERAMIK");
        household.put("wallMaterial", "TEMBOK");
        household.put("roofMaterial", "GENTENG");
        household.put("waterSource", "SUMUR_BOR_POMPA");
        household.put("sanitation", "SENDIRI");
        household.put("lighting", "PLN_METERAN");
        household.put("cookingFuel", "GAS_LPG");
        household.put("assets", List.of("SEPEDA_MOTOR", "TELEVISI"));
        household.put("incomeBand", "ANTARA_1_2_JUTA");
        household.put("members", new ArrayList<>(members));
        return household;
    }

    /** A family of three: head, wife, child. */
    public static Map<String, Object> family(String kelurahan) {
        return household(kelurahan, List.of(
                person("Suparman", LocalDate.of(1980, 5, 12), "L", "KEPALA_KELUARGA"),
                person("Siti Aminah", LocalDate.of(1985, 8, 20), "P", "ISTRI"),
                person("Bayu Saputra", LocalDate.of(2012, 3, 3), "L", "ANAK")));
    }

    protected ApiClient.Response register(String user, Map<String, Object> household) {
        return api.post("/api/v1/households", token(user), write(household));
    }

    /** Registers and answers the created household (fails the test if it was refused). */
    protected JsonNode registered(String user, Map<String, Object> household) {
        ApiClient.Response response = register(user, household);
        if (response.status() != 201) {
            throw new AssertionError("registration refused: " + response.status() + " " + response.text());
        }
        return response.body();
    }

    /** The purpose these tests declare; reads of personal data without one are refused (400). */
    public static final String PURPOSE = "pengujian otomatis";

    /** A GET as a client that declares its purpose ({@code X-Purpose}), as logged reads of personal data require. */
    protected ApiClient.Response read(String path, String user) {
        return api.send("GET", path, token(user), null, Map.of("X-Purpose", PURPOSE));
    }

    protected ApiClient.Response call(String method, String path, String user, Object body, String ifMatch) {
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return api.send(method, path, token(user), body == null ? null : write(body), headers);
    }

    public static String etag(JsonNode resource) {
        return "\"" + resource.path("version").asInt() + "\"";
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode member(JsonNode household, String name) {
        for (JsonNode member : household.path("members")) {
            if (member.path("name").asString().equals(name)) {
                return member;
            }
        }
        throw new AssertionError("no member " + name + " in " + household);
    }
}
