package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.PlatformInfrastructureExtension;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.seeds.SeedPlans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end across processes: the launcher starts the four services and the gateway from their jars against the
 * real PostgreSQL and the build's shared Kafka and Keycloak; the tests talk to them over HTTP only.
 */
@PlatformInfrastructure(database = "platform_it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    static final List<String> SERVICES = List.of("household-service", "welfare-service", "performance-service",
            "reporting-service");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static LauncherProcess launcher;
    static Map<String, Integer> ports = new HashMap<>();
    static Path stateDir;
    static KeycloakTokens tokens;
    static java.time.Instant replayFrom;

    @BeforeAll
    static void startPlatform() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        stateDir = layout.root().resolve("platform/target/platform-it");
        PostgresAdmin postgres = new PostgresAdmin(PostgresConnection.fromEnvironment());
        for (String database : List.of("household", "welfare", "performance", "reporting")) {
            postgres.recreateDatabase(PlatformInfrastructureExtension.databaseName("it_") + database);
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("OIDC_ISSUER_URI", System.getProperty("OIDC_ISSUER_URI"));
        env.put("DB_NAME_PREFIX", PlatformInfrastructureExtension.databaseName("it_"));
        env.put("PLATFORM_STATE_DIR", stateDir.toString());
        // The launcher's rebuild option (./mvnw -Prun -Dreporting.rebuild): reporting-service replays the topics into
        // new read models once it is up (theLauncherRebuildOption...). From this platform's start: the build's shared
        // broker also holds the other modules' test events, among them deliberately broken ones that a live consumer of
        // another database dead-lettered; this one's never saw them, so a replay of them would fail as it should.
        replayFrom = java.time.Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        env.put("KESRA_REPORTING_REBUILD", "true");
        env.put("KESRA_REPORTING_REBUILD_REPLAYFROM", replayFrom.toString());
        for (String variable : List.of("GATEWAY_PORT", "HOUSEHOLD_PORT", "WELFARE_PORT", "PERFORMANCE_PORT",
                "REPORTING_PORT", "GATEWAY_MANAGEMENT_PORT", "HOUSEHOLD_MANAGEMENT_PORT", "WELFARE_MANAGEMENT_PORT",
                "PERFORMANCE_MANAGEMENT_PORT", "REPORTING_MANAGEMENT_PORT")) {
            int port = Ports.free();
            ports.put(variable, port);
            env.put(variable, Integer.toString(port));
        }
        tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        launcher = LauncherProcess.start(layout.root(), env);
        launcher.awaitLine("Kesra is running", Duration.ofMinutes(4));
        // The table, the demo accounts and the restart rule follow that line: the first test reads all of it.
        launcher.awaitLine("Kesra stops.", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    /** Where a service's actuator answers: its management port, on loopback. */
    static String managementUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service.replace("-service", "").toUpperCase(java.util.Locale.ROOT)
                + "_MANAGEMENT_PORT");
    }

    static String url(String service) {
        String variable = switch (service) {
            case "household-service" -> "HOUSEHOLD_PORT";
            case "welfare-service" -> "WELFARE_PORT";
            case "performance-service" -> "PERFORMANCE_PORT";
            case "reporting-service" -> "REPORTING_PORT";
            default -> "GATEWAY_PORT";
        };
        return "http://localhost:" + ports.get(variable);
    }

    @Test
    @Order(1)
    void launcherPrintsTheUrlTableDemoCredentialsAndAWorkingEventPath() {
        String console = launcher.console();
        assertThat(console).contains("Event path: OK: household -> welfare, reporting");
        assertThat(console).contains(url("gateway") + "/swagger-ui.html");
        for (String service : SERVICES) {
            assertThat(console).contains(service + " (db " + PlatformInfrastructureExtension.databaseName("it_"));
        }
        assertThat(console).contains("dinsos.operator").contains("agency-dukcapil").contains("kesra-demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"household-service", "welfare-service", "performance-service", "reporting-service"})
    @Order(2)
    void everyServiceIsLiveAndReadyOnItsApiPortAndServesMetricsOnItsManagementPortOnly(String service) {
        assertThat(get(url(service) + "/livez", null).statusCode()).isEqualTo(200);
        assertThat(get(url(service) + "/readyz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> onApiPort = get(url(service) + "/actuator/prometheus", null);
        assertThat(onApiPort.statusCode()).as("the API port, which the gateway routes").isNotEqualTo(200);
        assertThat(onApiPort.body()).doesNotContain("jvm_memory_used_bytes");
        HttpResponse<String> metrics = get(managementUrl(service) + "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /** From outside the machine only the gateway answers: the services listen on loopback. */
    @ParameterizedTest
    @ValueSource(strings = {"household-service", "welfare-service", "performance-service", "reporting-service"})
    @Order(2)
    void servicesAreNotReachableOnTheMachinesOtherAddresses(String service) throws IOException {
        java.net.InetAddress outside = null;
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    outside = address;
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this machine has no address but loopback");
        int port = Integer.parseInt(url(service).substring(url(service).lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket()) {
            java.net.InetSocketAddress target = new java.net.InetSocketAddress(outside, port);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(target, 2000))
                    .as(service + " on " + outside.getHostAddress()).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"household-service", "welfare-service", "performance-service", "reporting-service"})
    @Order(3)
    void everyServiceRanItsMigrationsAndPublishesItsOutboxMetricsAndApiDocs(String service) {
        assertThat(get(managementUrl(service) + "/actuator/prometheus", null).body())
                .contains("kesra_events_outbox_backlog_events").contains("kesra_events_outbox_oldest_age_seconds");
        HttpResponse<String> docs = get(url(service) + "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).path("openapi").asString()).startsWith("3.");
        assertThat(json(docs).path("paths").has("/api/v1/ops/dead-letters")).isTrue();
        HttpResponse<String> viaGateway = get(url("gateway") + "/docs/" + service.replace("-service", "")
                + "/v3/api-docs", null);
        assertThat(viaGateway.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void gatewayAnswers401WithoutATokenAsAProblemDetail() {
        HttpResponse<String> response = get(url("gateway") + "/ops/household/dead-letters", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("code").asString()).isEqualTo("KESRA-AUTH-401");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    @Order(5)
    void gatewayRefusesATamperedToken() {
        String token = tokens.forUser("platform.admin");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(get(url("gateway") + "/ops/household/dead-letters", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void gatewayRoutesARequestWithAKeycloakTokenToTheServiceWhichChecksTheRoleAgain() {
        HttpResponse<String> admin = get(url("gateway") + "/ops/household/dead-letters", tokens.forUser("platform.admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin).path("items").isArray()).isTrue();

        HttpResponse<String> operator = get(url("gateway") + "/ops/household/dead-letters",
                tokens.forUser("dinsos.operator"));
        assertThat(operator.statusCode()).as("valid token, wrong role: the service says no").isEqualTo(403);
        assertThat(json(operator).path("code").asString()).isEqualTo("KESRA-AUTH-403");
    }

    @Test
    @Order(7)
    void anEventWrittenInHouseholdsTransactionArrivesAtWelfareAndReportingInOneTrace() {
        String token = tokens.forUser("platform.admin");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(url("gateway") + "/ops/household/event-probes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":3,\"note\":\"uji e2e\"}")).build());
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(sent.headers().firstValue("X-Request-Id")).contains(requestId);
        String probeId = json(sent).path("probeId").asString();

        for (String consumer : List.of("welfare", "reporting")) {
            JsonNode receipts = await().atMost(Duration.ofSeconds(30)).until(() -> json(get(
                    url("gateway") + "/ops/" + consumer + "/event-probes/" + probeId, token)),
                    body -> body.path("received").asInt() == 3);
            for (JsonNode receipt : receipts.path("receipts")) {
                assertThat(receipt.path("sourceService").asString()).isEqualTo("household");
                assertThat(receipt.path("traceId").asString()).as(consumer + " continues the caller's trace")
                        .isEqualTo(traceId);
            }
            assertThat(receipts.path("receipts").findValuesAsString("sequence")).containsExactly("1", "2", "3");
        }
        JsonNode performance = json(get(url("gateway") + "/ops/performance/event-probes/" + probeId, token));
        assertThat(performance.path("received").asInt()).as("performance does not consume household events").isZero();
    }

    @Test
    @Order(8)
    void serviceLogsAreJsonLinesCarryingTheGatewaysRequestId() throws IOException {
        String requestId = "log-" + UUID.randomUUID();
        UUID probeId = UUID.randomUUID();
        send(HttpRequest.newBuilder(URI.create(url("gateway") + "/ops/household/event-probes/" + probeId))
                .header("Authorization", "Bearer " + tokens.forUser("platform.admin"))
                .header("X-Request-Id", requestId).GET().build());
        Path log = stateDir.resolve("logs/household-service.log");
        String line = await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(log).stream()
                .filter(l -> l.contains(requestId)).findFirst().orElse(null), l -> l != null);
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.path("requestId").asString()).isEqualTo(requestId);
        assertThat(entry.path("url").path("route").asString()).isEqualTo("/api/v1/ops/event-probes/{probeId}");
        assertThat(entry.path("http").path("response").path("status_code").asInt()).isEqualTo(200);
        assertThat(line).as("the path itself is never logged").doesNotContain("/event-probes/" + probeId);
        assertThat(entry.path("service").path("name").asString()).isEqualTo("household-service");
        assertThat(entry.has("@timestamp")).isTrue();
    }

    @Test
    @Order(99)
    void ctrlCStopsEverythingTheLauncherStarted() throws Exception {
        List<ProcessHandle> children = launcher.handle().descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(5);

        launcher.interrupt();

        // 130 after SIGINT, 143 after the SIGTERM that stands in for it where SIGINT is ignored (LauncherProcess).
        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isIn(0, 130, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(launcher.console()).contains("Stopping Kesra...").contains("Kesra stopped.")
                .doesNotContain("stopped unexpectedly");
    }

    @Test
    @Order(8)
    void aDeathRecordedInHouseholdServiceOpensAReviewInWelfareServiceWithinASecond() {
        String operator = tokens.forUser("dinsos.operator");
        long serial = System.nanoTime() % 10_000;
        String headNik = String.format("1872031205800%03d", serial % 999 + 1);
        String kk = String.format("187203%010d", System.nanoTime() % 10_000_000_000L);
        String household = """
                {"kkNumber":"%s","kelurahanCode":"18.72.03.1001","rw":"3","rt":"12","address":"Jl. Sumbersari No. 5",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":48,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[{"nik":"%s","name":"Suparman","birthPlace":"Metro","birthDate":"1980-05-12","sex":"L",
                 "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"}]}"""
                .formatted(kk, headNik);
        HttpResponse<String> registered = post(url("household-service") + "/api/v1/households", operator, household,
                Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode head = json(registered).path("members").get(0);

        // welfare-service learns the person from household's event; enrol as soon as it has.
        String enrolment = """
                {"programme":"PKH","nik":"%s","periodStart":"2026-01-01"}""".formatted(headNik);
        HttpResponse<String> enrolled = await().atMost(Duration.ofSeconds(30)).until(
                () -> post(url("welfare-service") + "/api/v1/enrolments", operator, enrolment, Map.of()),
                response -> response.statusCode() != 422);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String enrolmentId = json(enrolled).path("id").asString();

        HttpResponse<String> died = post(url("household-service") + "/api/v1/persons/" + head.path("id").asString()
                        + "/death", operator, "{\"dateOfDeath\":\"2026-11-20\",\"reason\":\"surat kematian\"}",
                Map.of("If-Match", "\"" + head.path("version").asInt() + "\""));
        assertThat(died.statusCode()).as(died.body()).isEqualTo(200);
        long recorded = System.nanoTime();
        String verifier = tokens.forUser("dinsos.verifier");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> json(get(
                url("welfare-service") + "/api/v1/enrolment-reviews?status=TERBUKA&size=200", verifier))
                .path("items").findValuesAsString("enrolmentId").contains(enrolmentId));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - recorded);
        assertThat(elapsed).as("from the death's answer to an open review in welfare-service")
                .isLessThan(Duration.ofSeconds(1));

        HttpResponse<String> throughGateway = get(url("gateway") + "/api/v1/enrolments/" + enrolmentId, verifier);
        assertThat(throughGateway.statusCode()).as("the gateway routes welfare's registers").isEqualTo(200);
        assertThat(json(throughGateway).path("status").asString()).isEqualTo("DITINJAU");
    }

    /**
     * Issue 19: the grandfather of a family of seven dies; the family is enrolled in PKH under the head's NIK. The
     * review reaches welfare-service from household-service's event and names him, the change and the PKH amounts per
     * tahap before and after (his LANJUT_USIA gives way to the SD child the cap of four components had left out).
     */
    @Test
    @Order(8)
    void aGrandparentsDeathOpensAReviewOfTheFamilysEnrolmentWithTheAmountsBeforeAndAfter() {
        String operator = tokens.forUser("dinsos.operator");
        long serial = 1000 + System.nanoTime() % 8000;
        String kk = String.format("187203%010d", System.nanoTime() % 10_000_000_000L);
        // name, birth date, sex, relationship, NIK date part (day + 40 for women), pregnant
        String[][] members = {
                {"Wagiman", "1982-07-14", "L", "KEPALA_KELUARGA", "140782", "false"},
                {"Rina", "1990-02-02", "P", "ISTRI", "420290", "true"},
                {"Dimas", "2016-03-10", "L", "ANAK", "100316", "false"},
                {"Sari", "2022-05-05", "P", "ANAK", "450522", "false"},
                {"Bimo", "2023-06-06", "L", "ANAK", "060623", "false"},
                {"Sukardi", "1950-01-01", "L", "ORANG_TUA", "010150", "false"},
                {"Partinah", "1960-02-02", "P", "ORANG_TUA", "420260", "false"}};
        List<String> memberJson = new java.util.ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            String[] m = members[i];
            memberJson.add("""
                    {"nik":"187203%s%04d","name":"%s","birthPlace":"Metro","birthDate":"%s","sex":"%s",
                     "relationship":"%s","maritalStatus":"%s","education":"SLTA","pregnant":%s}"""
                    .formatted(m[4], serial + i, m[0], m[1], m[2], m[3],
                            m[3].equals("ANAK") ? "BELUM_KAWIN" : "KAWIN", m[5]));
        }
        String household = """
                {"kkNumber":"%s","kelurahanCode":"18.72.03.1001","rw":"3","rt":"12","address":"Jl. Sumbersari No. 9",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":54,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[%s]}""".formatted(kk, String.join(",", memberJson));
        HttpResponse<String> registered = post(url("household-service") + "/api/v1/households", operator, household,
                Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode grandfather = null;
        for (JsonNode member : json(registered).path("members")) {
            if (member.path("nik").asString().equals("187203010150%04d".formatted(serial + 5))) {
                grandfather = member;
            }
        }
        assertThat(grandfather).as(registered.body()).isNotNull();

        String enrolment = """
                {"programme":"PKH","nik":"187203140782%04d","periodStart":"2026-01-01"}""".formatted(serial);
        HttpResponse<String> enrolled = await().atMost(Duration.ofSeconds(30)).until(
                () -> post(url("welfare-service") + "/api/v1/enrolments", operator, enrolment, Map.of()),
                response -> response.statusCode() != 422);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String enrolmentId = json(enrolled).path("id").asString();

        HttpResponse<String> died = post(url("household-service") + "/api/v1/persons/"
                        + grandfather.path("id").asString() + "/death", operator,
                "{\"dateOfDeath\":\"2026-11-20\",\"reason\":\"surat kematian\"}",
                Map.of("If-Match", "\"" + grandfather.path("version").asInt() + "\""));
        assertThat(died.statusCode()).as(died.body()).isEqualTo(200);
        String verifier = tokens.forUser("dinsos.verifier");
        JsonNode review = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode item : json(get(url("welfare-service") + "/api/v1/enrolment-reviews?status=TERBUKA&size=200",
                    verifier)).path("items")) {
                if (item.path("enrolmentId").asString().equals(enrolmentId)) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
        assertThat(review.path("memberPersonId").asString()).isEqualTo(grandfather.path("id").asString());
        assertThat(review.path("memberNik").asString()).isEqualTo(grandfather.path("nik").asString());
        assertThat(review.path("reason").asString()).isEqualTo("MENINGGAL");
        assertThat(review.path("eventDate").asString()).isEqualTo("2026-11-20");
        assertThat(review.path("amountBefore").asLong()).isEqualTo(2_850_000);
        assertThat(review.path("amountAfter").asLong()).isEqualTo(2_475_000);
        assertThat(review.path("amountPer").asString()).isEqualTo("TAHAP");
        assertThat(review.path("endsOnConfirm").asBoolean(true)).as("his death does not end the family's PKH")
                .isFalse();
        HttpResponse<String> throughGateway = get(url("gateway") + "/api/v1/enrolments/" + enrolmentId, verifier);
        assertThat(json(throughGateway).path("status").asString()).as("nothing is decided without a verifier")
                .isEqualTo("DITINJAU");
    }

    /**
     * Issue 22: a register-computed indicator follows a PPKS case marked ditangani in welfare-service, across
     * processes. welfare-service publishes its kelurahan figures on an explicit call only (POST
     * /api/v1/indicators/publication by a dinsos-admin, no schedule), so the test publishes the quarter before and
     * after the service: performance-service's realisation of the kelurahan, whose "Persentase PPKS yang ditangani"
     * is computed from the register, shows one more PPKS handled of the same number found.
     */
    @Test
    @Order(8)
    void aRegisterComputedIndicatorFollowsAPpksCaseMarkedDitanganiInWelfareService() {
        String kelurahan = "18.72.04.1005";
        String admin = tokens.forUser("platform.admin");
        String plan = """
                {"unit":"%s","title":"Renstra uji Kelurahan Tejo Agung 2026","startYear":2026,"endYear":2026,
                 "tujuan":[{"name":"Meningkatkan kesejahteraan sosial","sasaran":[{"name":"Meningkatnya penanganan PPKS",
                  "indicators":[{"name":"Persentase PPKS yang ditangani","unitOfMeasure":"%%","direction":"HIGHER",
                   "kind":"PERCENTAGE","numeratorDefinition":"PPKS terdata yang ditangani",
                   "denominatorDefinition":"PPKS terdata","aggregation":"RATIO","source":"REGISTER",
                   "registerMeasure":"PPKS_HANDLED_SHARE","targets":[{"year":2026,"target":70}]}]}]}]}"""
                .formatted(kelurahan);
        HttpResponse<String> planned = post(url("gateway") + "/api/v1/renstra", admin, plan, Map.of());
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String indicator = json(planned).at("/tujuan/0/children/0/indicators/0/id").asString();
        String agreement = """
                {"unit":"%s","year":2026,"position":"HEAD","positionTitle":"Lurah Tejo Agung","items":[
                 {"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                  "unitOfMeasure":"%%","direction":"HIGHER","target":70,"renstraIndicatorId":"%s"}]}"""
                .formatted(kelurahan, indicator);
        HttpResponse<String> drafted = post(url("gateway") + "/api/v1/agreements", admin, agreement, Map.of());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String agreementId = json(drafted).path("id").asString();
        HttpResponse<String> agreed = send(HttpRequest.newBuilder(URI.create(url("gateway") + "/api/v1/agreements/"
                        + agreementId + "/agreement")).header("Authorization", "Bearer " + admin)
                .header("If-Match", "\"1\"").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        HttpResponse<String> realised = post(url("gateway") + "/api/v1/realisations", admin, """
                {"unit":"%s","year":2026,"quarter":3,"agreementId":"%s","agreementRevision":1,
                 "entries":[{"item":0,"note":"Dihitung dari register PPKS"}]}""".formatted(kelurahan, agreementId),
                Map.of());
        assertThat(realised.statusCode()).as(realised.body()).isEqualTo(201);
        String realisation = url("gateway") + "/api/v1/realisations/" + json(realised).path("id").asString();

        String operator = tokens.forUser("dinsos.operator");
        HttpResponse<String> found = post(url("welfare-service") + "/api/v1/ppks", operator, """
                {"nik":"1872041508800%03d","name":"Sutrisno","kelurahanCode":"%s","foundOn":"2026-08-10",
                 "foundAt":"Pasar Tejo Agung","categories":["GLD"]}""".formatted(System.nanoTime() % 1000, kelurahan),
                Map.of());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(201);
        String publication = "{\"periodFrom\":\"2026-07-01\",\"periodTo\":\"2026-09-30\"}";
        String dinsosAdmin = tokens.forUser("dinsos.admin");
        HttpResponse<String> before = post(url("welfare-service") + "/api/v1/indicators/publication", dinsosAdmin,
                publication, Map.of());
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
        JsonNode first = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> json(get(realisation, admin)).at("/entries/0"), entry -> !entry.path("denominator").isNull());
        long terdata = first.path("denominator").asLong();
        long ditangani = first.path("numerator").asLong();
        assertThat(terdata).as("the new case is counted as found").isPositive();
        assertThat(ditangani).as("not yet served").isLessThan(terdata);
        assertThat(first.path("source").asString()).isEqualTo("REGISTER");

        HttpResponse<String> served = post(url("welfare-service") + "/api/v1/ppks/" + json(found).path("id").asString()
                + "/services", operator, """
                {"servedOn":"2026-09-15","kind":"rehabilitasi sosial","provider":"Dinas Sosial"}""", Map.of());
        assertThat(served.statusCode()).as(served.body()).isIn(200, 201);
        HttpResponse<String> after = post(url("welfare-service") + "/api/v1/indicators/publication", dinsosAdmin,
                publication, Map.of());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        JsonNode followed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> json(get(realisation, admin)).at("/entries/0"),
                entry -> entry.path("numerator").asLong() == ditangani + 1);
        assertThat(followed.path("denominator").asLong()).isEqualTo(terdata);
        assertThat(followed.path("value").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                (ditangani + 1) * 100).divide(java.math.BigDecimal.valueOf(terdata), 2, java.math.RoundingMode.HALF_UP));
        assertThat(followed.path("note").asString()).as("the submitter's annotation stays")
                .isEqualTo("Dihitung dari register PPKS");
    }

    /**
     * Issue 23's "done when": seed 004's IKU entered through performance-service's API (through the gateway, with the
     * users' own Keycloak tokens: the planner's Renstra and agreements, the operator's fourth quarters of 2021 and
     * 2022, the camat's approvals) comes out of reporting-service's LAKIP as the document prints its Tabel 3.1 and
     * 3.2; the kept file is made, downloaded and logged through the gateway, and refused outside the region.
     */
    @Test
    @Order(9)
    void seed004EnteredThroughPerformanceServiceComesOutOfTheLakipAsTheDocumentPrintsIt() throws IOException {
        String planner = tokens.forUser("bappeda.planner");
        String admin = tokens.forUser("platform.admin");
        HttpResponse<String> planned = post(url("gateway") + "/api/v1/renstra", admin,
                SeedPlans.metroBaratIku2021To2026().toString(), Map.of());
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        JsonNode plan = json(planned);
        for (int year : new int[] {2021, 2022}) {
            agreedAndApproved(admin, plan, year);
        }

        String lakip = url("gateway") + "/api/v1/reports/lakip?unit=" + SeedPlans.METRO_BARAT + "&tahun=2022";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(get(lakip, planner)).path("iku").findValues("realisation").stream()
                        .filter(v -> !v.isNull()).count() == 4
                        && json(get(lakip, planner)).path("comparison").findValues("previousRealisation").stream()
                        .filter(v -> !v.isNull()).count() == 4);
        HttpResponse<byte[]> xlsx = bytes(lakip + "&format=xlsx", planner);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("lakip-" + SeedPlans.METRO_BARAT + "-2022.xlsx");
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            // Seed 004 Tabel 3.1: target, realisasi, capaian (%) of the four IKU of 2022.
            Sheet iku = workbook.getSheet("Capaian IKU");
            Object[][] tabel31 = {{82.0, 70.0, "85,37%"}, {85.0, 85.0, "100,00%"}, {85.0, 63.57, "74,79%"},
                {100.0, 100.0, "100,00%"}};
            for (int i = 0; i < tabel31.length; i++) {
                Row row = iku.getRow(4 + i);
                assertThat(List.<Object>of(row.getCell(4).getNumericCellValue(), row.getCell(5).getNumericCellValue(),
                        indonesian.formatCellValue(row.getCell(6)))).as("Tabel 3.1 row " + (i + 1))
                        .containsExactly(tabel31[i]);
            }
            assertThat(iku.getRow(4).getCell(7).getStringCellValue()).isEqualTo("Tinggi");
            // Seed 004 Tabel 3.2: 2021's target and realisation beside 2022's.
            Sheet comparison = workbook.getSheet("Perbandingan Tahun");
            double[][] tabel32 = {{80, 76, 82, 70}, {85, 70, 85, 85}, {85, 69, 85, 63.57}, {100, 100, 100, 100}};
            for (int i = 0; i < tabel32.length; i++) {
                Row row = comparison.getRow(4 + i);
                assertThat(new double[] {row.getCell(4).getNumericCellValue(), row.getCell(5).getNumericCellValue(),
                        row.getCell(7).getNumericCellValue(), row.getCell(8).getNumericCellValue()})
                        .as("Tabel 3.2 row " + (i + 1) + ": 2021 and 2022").containsExactly(tabel32[i]);
            }
        }

        // Kept through the gateway by the camat, downloaded by the planner, refused to another kecamatan's operator
        // as if the file did not exist, and the download logged for the auditor.
        String generations = url("gateway") + "/api/v1/reports/generations";
        HttpResponse<String> requested = post(generations, tokens.forUser("metrobarat.camat"), """
                {"type":"lakip","parameters":{"unit":"%s","tahun":"2022"},"format":"xlsx"}"""
                .formatted(SeedPlans.METRO_BARAT), Map.of());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String file = url("gateway") + requested.headers().firstValue("Location").orElseThrow();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> json(get(file, planner)), s -> !s.path("state").asString().equals("QUEUED")
                        && !s.path("state").asString().equals("RUNNING"));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("DONE");
        HttpResponse<byte[]> downloaded = bytes(file + "/file", planner);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(sha256(downloaded.body())).isEqualTo(done.path("sha256").asString());
        HttpResponse<byte[]> outside = bytes(file + "/file", tokens.forUser("rejomulyo.operator"));
        HttpResponse<byte[]> unknown = bytes(generations + "/" + UUID.randomUUID() + "/file",
                tokens.forUser("rejomulyo.operator"));
        assertThat(outside.statusCode()).isEqualTo(unknown.statusCode()).isIn(403, 404);
        JsonNode log = json(get(file + "/downloads", tokens.forUser("inspektorat.auditor")));
        assertThat(log.size()).as(log.toString()).isEqualTo(1);
        assertThat(log.get(0).path("roles").toString()).contains("planner");
    }

    /**
     * Seed 001 Tabel 2.1 (PKH realisation per stage), which welfare-service keeps, comes out of reporting-service's
     * report through the gateway as the document prints it (2018), and a stage Dinas Sosial records through
     * welfare-service's API afterwards appears in the report.
     */
    @Test
    @Order(10)
    void seed001Tabel21ComesOutOfThePkhReportAndARecordedStageFollows() throws IOException {
        String planner = tokens.forUser("bappeda.planner");
        String report = url("gateway") + "/api/v1/reports/pkh-realisation?tahun=2018";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(get(report, planner)).path("stages").size() == 4);
        HttpResponse<byte[]> xlsx = bytes(report + "&format=xlsx", planner);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        DataFormatter indonesian = new DataFormatter(Locale.forLanguageTag("id-ID"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet table = workbook.getSheet("Tabel 2.1 Realisasi");
            // Seed 001 Tabel 2.1, 2018: tahap, SP2D KPM, SP2D nominal, realisasi KPM, realisasi nominal.
            String[][] printed = {{"4.896", "Rp2.448.000.000", "4.835", "Rp2.417.400.000"},
                {"4.876", "Rp2.438.000.000", "4.774", "Rp2.387.045.800"},
                {"4.865", "Rp2.432.500.000", "4.760", "Rp2.379.958.000"},
                {"4.608", "Rp1.236.678.750", "4.554", "Rp1.213.731.400"}};
            for (int i = 0; i < printed.length; i++) {
                Row row = table.getRow(4 + i);
                assertThat(List.of(indonesian.formatCellValue(row.getCell(3)), indonesian.formatCellValue(row.getCell(4)),
                        indonesian.formatCellValue(row.getCell(5)), indonesian.formatCellValue(row.getCell(6))))
                        .as("tahap " + (i + 1)).containsExactly(printed[i]);
            }
        }

        HttpResponse<String> recorded = post(url("gateway") + "/api/v1/programmes/PKH/cycles",
                tokens.forUser("dinsos.operator"), """
                {"year":2022,"label":"1","kind":"TAHAP","periodStart":"2022-01-01","periodEnd":"2022-03-31",
                 "sp2dKpm":4100,"sp2dRupiah":3075000000,"realisedKpm":4090,"realisedRupiah":3067500000}""", Map.of());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode stage = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get(url("gateway") + "/api/v1/reports/pkh-realisation?tahun=2022", planner))
                        .path("stages"), stages -> stages.size() == 1).get(0);
        assertThat(stage.toString()).contains("4100", "3075000000", "4090", "3067500000");
    }

    /** The launcher's rebuild option: reporting-service replayed the topics into new read models once it was up. */
    @Test
    @Order(11)
    void theLauncherRebuildOptionRebuildsReportingsReadModelsAtStart() {
        String admin = tokens.forUser("platform.admin");
        JsonNode run = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(
                () -> json(get(url("gateway") + "/ops/reporting/read-model-rebuilds", admin)).get(0),
                r -> r != null && !r.path("state").asString().equals("RUNNING"));
        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("requestedBy").asString()).isEqualTo("at-start");
        assertThat(run.path("replayFrom").asString()).isEqualTo(replayFrom.toString());
    }

    /** The camat's agreement of {@code year} agreed, seed 004's fourth quarter submitted and approved. */
    private static void agreedAndApproved(String admin, JsonNode plan, int year) {
        HttpResponse<String> drafted = post(url("gateway") + "/api/v1/agreements", admin,
                SeedPlans.metroBaratAgreement(plan, year).toString(), Map.of());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String agreement = json(drafted).path("id").asString();
        assertThat(action(url("gateway") + "/api/v1/agreements/" + agreement + "/agreement", admin, "\"1\"")
                .statusCode()).isEqualTo(200);
        String operator = tokens.forUser("metrobarat.operator");
        HttpResponse<String> reported = post(url("gateway") + "/api/v1/realisations", operator,
                SeedPlans.metroBaratQ4(agreement, year).toString(), Map.of());
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String realisation = url("gateway") + "/api/v1/realisations/" + json(reported).path("id").asString();
        HttpResponse<String> submitted = action(realisation + "/submission", operator,
                reported.headers().firstValue("ETag").orElseThrow());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved = action(realisation + "/approval", tokens.forUser("metrobarat.camat"),
                submitted.headers().firstValue("ETag").orElseThrow());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private static HttpResponse<String> action(String url, String token, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("If-Match", ifMatch).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<byte[]> bytes(String url, String token) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("X-Purpose", "uji platform ujung ke ujung").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static HttpResponse<String> post(String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A read as staff make it: with a declared purpose, which reads that show full NIKs require (X-Purpose). */
    static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("X-Purpose", "uji platform ujung ke ujung");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
