package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.PlatformInfrastructureExtension;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.devinfra.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests through the gateway to every write and list endpoint of every service, as an attacker probing
 * the platform sends them: bytes that are not UTF-8 and NULs in parameters, headers and JSON strings, bodies too
 * large (with a length and chunked) or nested too deep, broken multipart uploads. The endpoints come from the
 * services' own OpenAPI documents and access tables, so a new endpoint is fuzzed without touching this test.
 * It asserts no answer of 500 or more, every error a problem detail, and no row written in any service's database.
 * A failing answer is replayed at the service itself, so the report says whether the gateway or the service gave it.
 */
@PlatformInfrastructure(database = "platform_it")
class MalformedRequestFuzzIT {

    static final long SEED = 20_261_206L;
    static final int MAX_REQUESTS = 3_000;
    static final int MIN_REQUESTS = 2_000;
    static final Duration TIME_BUDGET = Duration.ofMinutes(8);
    static final String PREFIX = PlatformInfrastructureExtension.databaseName("fuzz_");
    static final Map<String, String> SERVICE_PORT_VARIABLES = Map.of("household", "HOUSEHOLD_PORT",
            "welfare", "WELFARE_PORT", "performance", "PERFORMANCE_PORT", "reporting", "REPORTING_PORT");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Query values that are not UTF-8 (a lone byte, an overlong NUL, a surrogate, a cut sequence) or hold a NUL. */
    static final List<String> BAD_QUERY_VALUES = List.of("%FF", "%C0%80", "%ED%A0%80", "%00", "A%00B", "%F0%9F%98",
            "%FE%FF", "%E2%82", "%", "%G1");
    /** 101 MB: over the gateway's upload cap (100 MB) and welfare-service's own. */
    static final long HUGE_UPLOAD = 101L * 1024 * 1024;

    static final Map<String, Integer> ports = new HashMap<>();
    static LauncherProcess launcher;
    static KeycloakTokens tokens;
    static PostgresConnection postgres;

    @BeforeAll
    static void startPlatform() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        postgres = PostgresConnection.fromEnvironment();
        PostgresAdmin admin = new PostgresAdmin(postgres);
        for (String service : SERVICE_PORT_VARIABLES.keySet()) {
            admin.recreateDatabase(PREFIX + service);
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("OIDC_ISSUER_URI", System.getProperty("OIDC_ISSUER_URI"));
        env.put("DB_NAME_PREFIX", PREFIX);
        env.put("PLATFORM_STATE_DIR", layout.root().resolve("platform/target/platform-fuzz-it").toString());
        // One caller sends thousands of requests here: its allowance at the gateway is not what is tested.
        env.put("KESRA_RATE_LIMIT_REQUESTS", "1000000");
        env.put("KESRA_RATE_LIMIT_ADDRESS_REQUESTS", "1000000");
        env.put("PLATFORM_START_TIMEOUT", "600");
        for (String service : List.of("GATEWAY", "HOUSEHOLD", "WELFARE", "PERFORMANCE", "REPORTING")) {
            for (String variable : List.of(service + "_PORT", service + "_MANAGEMENT_PORT")) {
                int port = Ports.free();
                ports.put(variable, port);
                env.put(variable, Integer.toString(port));
            }
        }
        tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        launcher = LauncherProcess.start(layout.root(), env);
        launcher.awaitLine("Kesra is running", Duration.ofMinutes(11));
    }

    @AfterAll
    static void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void malformedRequestsToEveryWriteAndListEndpointAnswerProblemDetailsWithoutA500AndWriteNothing()
            throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints read from the OpenAPI documents").hasSizeGreaterThan(50);
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            cases.addAll(cases(endpoint));
        }
        Random random = new Random(SEED);
        Collections.shuffle(cases, random);
        // The huge uploads first (few, slow), then as many of the rest as the bound allows.
        cases.sort((a, b) -> Boolean.compare(!a.huge(), !b.huge()));
        if (cases.size() > MAX_REQUESTS) {
            cases = new ArrayList<>(cases.subList(0, MAX_REQUESTS));
        }

        awaitQuietDatabases();
        Map<String, Long> rowsBefore = rowCounts();
        Map<String, String> tokenCache = new HashMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        int sent = 0;
        for (Case fuzz : cases) {
            if (System.nanoTime() > deadline) {
                break;
            }
            String token = tokenCache.computeIfAbsent(fuzz.endpoint().caller(), MalformedRequestFuzzIT::token);
            RawHttp.Response response = RawHttp.send("127.0.0.1", ports.get("GATEWAY_PORT"),
                    fuzz.request(fuzz.endpoint().gatewayPath(), token), 120_000);
            sent++;
            statuses.merge(fuzz.kind() + " " + response.status(), 1, Integer::sum);
            String wrong = check(response);
            if (response.status() >= 200 && response.status() < 300) {
                System.out.println("FUZZ ACCEPTED " + fuzz.describe() + ": " + response.status());
            }
            if (wrong != null) {
                failures.add(fuzz.describe() + ": " + wrong + " [" + origin(fuzz, token, wrong) + "]");
            }
        }
        Map<String, Long> rowsAfter = rowCounts();
        List<String> written = new ArrayList<>();
        rowsAfter.forEach((table, count) -> {
            if (count > rowsBefore.getOrDefault(table, 0L)) {
                written.add(table + " " + rowsBefore.getOrDefault(table, 0L) + " -> " + count);
            }
        });

        System.out.println("Fuzz: " + sent + " requests to " + endpoints.size() + " endpoints; answers by case: "
                + statuses);
        failures.forEach(f -> System.out.println("FUZZ FAILURE " + f));
        assertThat(sent).as("requests sent within " + TIME_BUDGET).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(written).as("tables that grew").isEmpty();
        assertThat(failures).as(failures.size() + " answers that are a 5xx or an error without a problem detail; "
                + summary(failures)).isEmpty();
    }

    // ---- endpoints, from the OpenAPI documents and the access tables ----

    record Endpoint(String service, String method, String path, String caller, List<JsonNode> parameters,
                    String bodyType, JsonNode bodySchema, JsonNode document, boolean bodyRequired) {

        /** The path at the gateway: operator endpoints are under /ops/<service>/. */
        String gatewayPath() {
            String concrete = concretePath();
            return concrete.startsWith("/api/v1/ops/") ? "/ops/" + service + concrete.substring("/api/v1/ops".length())
                    : concrete;
        }

        String concretePath() {
            String concrete = path;
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asString().equals("path")) {
                    concrete = concrete.replace("{" + parameter.path("name").asString() + "}",
                            pathValue(resolve(document, parameter.path("schema"))));
                }
            }
            return concrete;
        }

        List<String> query() {
            return parameters.stream().filter(p -> p.path("in").asString().equals("query"))
                    .map(p -> p.path("name").asString()).toList();
        }
    }

    static List<Endpoint> endpoints() throws IOException {
        Map<String, String> callers = callersByRule();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String service : List.of("household", "welfare", "performance", "reporting")) {
            RawHttp.Response docs = RawHttp.send("127.0.0.1", ports.get("GATEWAY_PORT"),
                    RawHttp.Request.of("GET", "/docs/" + service + "/v3/api-docs"), 30_000);
            assertThat(docs.status()).as(service + " API docs").isEqualTo(200);
            JsonNode document = JSON.readTree(docs.text());
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    String caller = callers.get(method + " " + path.getKey());
                    if (caller == null) {
                        continue; // not in an access table: refused to everyone, nothing behind it to fuzz
                    }
                    boolean write = !method.equals("GET");
                    boolean list = method.equals("GET") && !path.getKey().endsWith("}");
                    if (!write && !list) {
                        continue;
                    }
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.getValue().path("parameters").forEach(parameters::add);
                    JsonNode content = operation.getValue().path("requestBody").path("content");
                    String bodyType = content.has("multipart/form-data") ? "multipart"
                            : content.has("application/json") ? "json" : write ? "json" : "none";
                    JsonNode schema = content.has("multipart/form-data")
                            ? content.path("multipart/form-data").path("schema")
                            : content.path("application/json").path("schema");
                    // An endpoint whose body is optional (a rebuild that takes nothing or {}) rightly accepts an
                    // empty one: only where the document requires a body is an empty one malformed.
                    boolean bodyRequired = operation.getValue().path("requestBody").path("required").asBoolean(false);
                    endpoints.add(new Endpoint(service, method, path.getKey(), caller, parameters, bodyType,
                            resolve(document, schema), document, bodyRequired));
                }
            }
        }
        return endpoints;
    }

    /** For each access-table row ("POST /api/v1/enrolments"), a demo caller it allows, city-wide where possible. */
    static Map<String, String> callersByRule() throws IOException {
        Path root = ProjectLayout.locate().root();
        DemoAccounts accounts = DemoAccounts.from(root.resolve("deploy/keycloak/kota-metro-realm.json"));
        Map<String, String> userByRole = new LinkedHashMap<>();
        accounts.users().stream().sorted((a, b) -> Boolean.compare(!a.wilayah().isEmpty(), !b.wilayah().isEmpty()))
                .forEach(user -> userByRole.putIfAbsent(user.role(), user.username()));
        Map<String, String> agencyByScope = new LinkedHashMap<>();
        for (DemoAccounts.Agency agency : accounts.agencies()) {
            for (String scope : agency.scopes().split(" ")) {
                agencyByScope.putIfAbsent(scope, agency.clientId() + " " + agency.secret() + " " + scope);
            }
        }
        Map<String, String> callers = new HashMap<>();
        List<Path> tables = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
            for (Path module : modules) {
                Path rules = module.resolve("src/main/resources/access-rules");
                if (Files.isDirectory(rules)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(rules, "*.csv")) {
                        files.forEach(tables::add);
                    }
                }
            }
        }
        for (Path table : tables) {
            for (String line : Files.readAllLines(table)) {
                String[] columns = line.split(",", -1);
                if (line.startsWith("#") || columns.length < 3 || columns[0].equals("method")) {
                    continue;
                }
                String caller = null;
                for (String allowed : columns[2].trim().split("\\s+")) {
                    if (allowed.startsWith("scope:") && agencyByScope.containsKey(allowed.substring(6))) {
                        caller = caller != null ? caller : "client " + agencyByScope.get(allowed.substring(6));
                    } else if (userByRole.containsKey(allowed)) {
                        caller = "user " + userByRole.get(allowed);
                        break;
                    }
                }
                if (caller != null) {
                    callers.put(columns[0].trim() + " " + columns[1].trim(), caller);
                }
            }
        }
        return callers;
    }

    static String token(String caller) {
        String[] words = caller.split(" ");
        return words[0].equals("user") ? tokens.forUser(words[1]) : tokens.forClient(words[1], words[2], words[3]);
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int depth = 0; depth < 10 && schema.has("$ref"); depth++) {
            String[] pointer = schema.path("$ref").asString().substring(2).split("/");
            JsonNode target = document;
            for (String part : pointer) {
                target = target.path(part);
            }
            schema = target;
        }
        return schema;
    }

    static String pathValue(JsonNode schema) {
        return switch (schema.path("format").asString("")) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-01-01";
            default -> schema.path("type").asString("").startsWith("int") ? "2026"
                    : schema.has("enum") ? schema.path("enum").get(0).asString() : "1";
        };
    }

    /** A plausible value for a schema: the body a client would send, before one part of it is broken. */
    static JsonNode example(JsonNode document, JsonNode schema, int depth) {
        schema = resolve(document, schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p ->
                            object.set(p.getKey(), example(document, p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> JSON.createArrayNode().add(example(document, schema.path("items"), depth + 1));
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().stringNode(switch (schema.path("format").asString("")) {
                case "date" -> "2026-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "uuid" -> UUID.randomUUID().toString();
                default -> "A1";
            });
        };
    }

    /** JSON pointers of the string leaves of a value. */
    static List<String> stringLeaves(JsonNode value, String at) {
        List<String> leaves = new ArrayList<>();
        if (value.isString()) {
            leaves.add(at);
        } else if (value.isObject()) {
            value.properties().forEach(p -> leaves.addAll(stringLeaves(p.getValue(), at + "/" + p.getKey())));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                leaves.addAll(stringLeaves(value.get(i), at + "/" + i));
            }
        }
        return leaves;
    }

    // ---- the malformed requests ----

    /** One malformed request: what kind, how it is built for a path and token. */
    record Case(Endpoint endpoint, String kind, String variant, boolean huge,
                java.util.function.BiFunction<String, String, RawHttp.Request> build) {

        RawHttp.Request request(String path, String token) {
            return build.apply(path, token);
        }

        String describe() {
            return endpoint.method() + " " + endpoint.gatewayPath() + " (" + kind + ": " + variant + ")";
        }
    }

    static List<Case> cases(Endpoint endpoint) {
        List<Case> cases = new ArrayList<>();
        String method = endpoint.method();
        List<String> query = new ArrayList<>(endpoint.query());
        query.add("zz"); // a parameter no endpoint declares: read by nothing, still refused when malformed
        for (String name : query) {
            for (String value : BAD_QUERY_VALUES) {
                cases.add(new Case(endpoint, "query", name + "=" + value, false, (path, token) ->
                        withBody(endpoint, RawHttp.Request.of(method, path + "?" + name + "=" + value), token)));
            }
        }
        // Not X-Request-Id: the gateway replaces a malformed one with its own, so the request is a valid one.
        for (String[] header : List.of(new String[] {"X-Purpose", "\u00ff\u00fe\u0080"},
                new String[] {"X-Purpose", "a\u0001b"}, new String[] {"If-Match", "\"1\u0085\""})) {
            cases.add(new Case(endpoint, "header", header[0] + " with control bytes", false, (path, token) ->
                    withBody(endpoint, RawHttp.Request.of(method, path).header(header[0], header[1]), token)));
        }
        if (endpoint.bodyType().equals("json")) {
            cases.addAll(jsonCases(endpoint));
        } else if (endpoint.bodyType().equals("multipart")) {
            cases.addAll(multipartCases(endpoint));
        }
        return cases;
    }

    /**
     * The endpoint's plausible body and a declared purpose (reads of full NIKs require one before anything else), so
     * that a broken parameter or header is what is refused.
     */
    static RawHttp.Request withBody(Endpoint endpoint, RawHttp.Request request, String token) {
        request.header("Authorization", "Bearer " + token);
        if (request.headers().stream().noneMatch(h -> h[0].equalsIgnoreCase("X-Purpose"))) {
            request.header("X-Purpose", "uji masukan rusak");
        }
        return switch (endpoint.bodyType()) {
            case "json" -> request.header("Content-Type", "application/json").body(
                    JSON.writeValueAsBytes(example(endpoint.document(), endpoint.bodySchema(), 0)));
            case "multipart" -> multipart(request, "kesra-fuzz", part("file", "data.csv", "a,b\n1,2\n"));
            default -> request;
        };
    }

    static List<Case> jsonCases(Endpoint endpoint) {
        List<Case> cases = new ArrayList<>();
        JsonNode body = example(endpoint.document(), endpoint.bodySchema(), 0);
        Function<byte[], java.util.function.BiFunction<String, String, RawHttp.Request>> sending = bytes ->
                (path, token) -> RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").body(bytes);
        List<String> leaves = stringLeaves(body, "");
        for (String leaf : leaves.subList(0, Math.min(leaves.size(), 10))) {
            if (leaf.isEmpty()) {
                continue; // the body is one string: the cases below break it
            }
            JsonNode marked = body.deepCopy();
            replace(marked, leaf, "@@BYTES@@");
            String text = JSON.writeValueAsString(marked);
            // Escapes as an attacker writes them: a NUL, and half of a surrogate pair.
            for (String[] bad : List.of(new String[] {"NUL", "A1\\u0000"}, new String[] {"lone surrogate", "A\\ud800"})) {
                cases.add(new Case(endpoint, "json", bad[0] + " in " + leaf, false,
                        sending.apply(text.replace("@@BYTES@@", bad[1]).getBytes(StandardCharsets.UTF_8))));
            }
            for (byte[] bytes : List.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc0, (byte) 0x80},
                    new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
                cases.add(new Case(endpoint, "json", "invalid UTF-8 in " + leaf, false,
                        sending.apply(spliceBytes(text, bytes))));
            }
        }
        byte[] whole = JSON.writeValueAsBytes(body);
        cases.add(new Case(endpoint, "json", "cut in half", false,
                sending.apply(java.util.Arrays.copyOf(whole, whole.length / 2))));
        if (endpoint.bodyRequired()) {
            cases.add(new Case(endpoint, "json", "empty", false, sending.apply(new byte[0])));
        }
        cases.add(new Case(endpoint, "json", "null", false, sending.apply("null".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(endpoint, "json", "nested 100,000 deep", false, sending.apply(
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(endpoint, "json", "objects nested 2,000 deep", false, sending.apply(
                ("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)).getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case(endpoint, "json", "a number of 100,000 digits", false, sending.apply(
                ("{\"count\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8))));
        byte[] open = "{\"note\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] close = "\"}".getBytes(StandardCharsets.UTF_8);
        long large = 3L * 1024 * 1024;
        RawHttp.Body largeBody = out -> {
            out.write(open);
            RawHttp.Body.repeated(large, (byte) 'a').writeTo(out);
            out.write(close);
        };
        cases.add(new Case(endpoint, "json", "3 MB with its length", false, (path, token) ->
                RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Long.toString(open.length + large + close.length)).rawBody(largeBody)));
        cases.add(new Case(endpoint, "json", "3 MB chunked", false, (path, token) ->
                RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").chunked(largeBody)));
        cases.add(new Case(endpoint, "json", "chunked, cut short", false, (path, token) ->
                RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                        .rawBody(RawHttp.Body.of("10\r\n{\"a\":".getBytes(StandardCharsets.UTF_8)))));
        cases.add(new Case(endpoint, "json", "form-encoded, not UTF-8", false, (path, token) ->
                RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("nik=%FF&programme=%00&note=%G1".getBytes(StandardCharsets.US_ASCII))));
        cases.add(new Case(endpoint, "json", "text/plain", false, (path, token) ->
                RawHttp.Request.of(endpoint.method(), path).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/plain").body(whole)));
        return cases;
    }

    static List<Case> multipartCases(Endpoint endpoint) {
        List<Case> cases = new ArrayList<>();
        String method = endpoint.method();
        java.util.function.BiFunction<String, byte[], java.util.function.BiFunction<String, String, RawHttp.Request>>
                sending = (contentType, bytes) -> (path, token) -> RawHttp.Request.of(method, path)
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType).body(bytes);
        byte[] valid = multipartBytes("kesra-fuzz", part("file", "data.csv", "a,b\n1,2\n"));
        cases.add(new Case(endpoint, "upload", "no boundary", false, sending.apply("multipart/form-data", valid)));
        cases.add(new Case(endpoint, "upload", "another boundary", false,
                sending.apply("multipart/form-data; boundary=other", valid)));
        cases.add(new Case(endpoint, "upload", "no closing boundary", false,
                sending.apply("multipart/form-data; boundary=kesra-fuzz",
                        java.util.Arrays.copyOf(valid, valid.length - 20))));
        cases.add(new Case(endpoint, "upload", "not multipart at all", false,
                sending.apply("multipart/form-data; boundary=kesra-fuzz", "\u0000\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(new Case(endpoint, "upload", "file name with a NUL and bytes that are not UTF-8", false,
                sending.apply("multipart/form-data; boundary=kesra-fuzz",
                        multipartBytes("kesra-fuzz", part("file", "da\u0000ta\u00ff.csv", "a,b\n")))));
        endpoint.bodySchema().path("properties").properties().forEach(field -> {
            if (!field.getValue().path("format").asString("").equals("binary")) {
                for (String bad : List.of("A\u0000", "\u00ff\u00fe")) {
                    cases.add(new Case(endpoint, "upload", "field " + field.getKey() + " with " + (bad.contains("\u0000")
                            ? "a NUL" : "bytes that are not UTF-8"), false,
                            sending.apply("multipart/form-data; boundary=kesra-fuzz", multipartBytes("kesra-fuzz",
                                    part("file", "data.csv", "a,b\n1,2\n"), field(field.getKey(), bad)))));
                }
            }
        });
        for (JsonNode parameter : endpoint.parameters()) {
            if (parameter.path("in").asString().equals("query")) {
                String name = parameter.path("name").asString();
                cases.add(new Case(endpoint, "upload", "form field " + name + " with a NUL", false,
                        sending.apply("multipart/form-data; boundary=kesra-fuzz", multipartBytes("kesra-fuzz",
                                part("file", "data.csv", "a,b\n1,2\n"), field(name, "A\u0000")))));
            }
        }
        cases.add(new Case(endpoint, "upload", "101 MB chunked", true, (path, token) -> {
            byte[] head = ("--kesra-fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] tail = "\r\n--kesra-fuzz--\r\n".getBytes(StandardCharsets.ISO_8859_1);
            return RawHttp.Request.of(method, path).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=kesra-fuzz").chunked(out -> {
                        out.write(head);
                        RawHttp.Body.repeated(HUGE_UPLOAD, (byte) 'a').writeTo(out);
                        out.write(tail);
                    });
        }));
        return cases;
    }

    static String part(String name, String fileName, String content) {
        return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content;
    }

    static String field(String name, String value) {
        return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
    }

    static byte[] multipartBytes(String boundary, String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static RawHttp.Request multipart(RawHttp.Request request, String boundary, String... parts) {
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(multipartBytes(boundary, parts));
    }

    static void replace(JsonNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).put(last, value);
        } else if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last),
                    JSON.getNodeFactory().stringNode(value));
        }
    }

    static byte[] spliceBytes(String json, byte[] bytes) {
        int at = json.indexOf("@@BYTES@@");
        byte[] before = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = json.substring(at + "@@BYTES@@".length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + bytes.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(bytes, 0, all, before.length, bytes.length);
        System.arraycopy(after, 0, all, before.length + bytes.length, after.length);
        return all;
    }

    // ---- judging the answers ----

    /** What is wrong with an answer, or null: a 5xx, no answer, or an error that is not a problem detail. */
    static String check(RawHttp.Response response) {
        if (response.status() < 0) {
            return "no answer (connection closed)";
        }
        if (response.status() >= 500) {
            return "status " + response.status();
        }
        if (response.status() >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "status " + response.status() + " without a problem detail (Content-Type " + type + ", "
                        + response.body().length + " bytes)";
            }
            try {
                JsonNode problem = JSON.readTree(response.text());
                if (problem.path("status").asInt() != response.status() || problem.path("code").asString("").isEmpty()) {
                    return "status " + response.status() + " with a problem detail lacking status or code";
                }
            } catch (RuntimeException e) {
                return "status " + response.status() + " with a body that is not JSON";
            }
        }
        return null;
    }

    /** Replays a failed case at the service itself: if it answers well there, the gateway gave the bad answer. */
    static String origin(Case fuzz, String token, String wrongAtGateway) {
        if (fuzz.huge()) {
            return "not replayed (huge body)";
        }
        Endpoint endpoint = fuzz.endpoint();
        int port = ports.get(SERVICE_PORT_VARIABLES.get(endpoint.service()));
        try {
            RawHttp.Response direct = RawHttp.send("127.0.0.1", port, fuzz.request(endpoint.concretePath(), token),
                    60_000);
            String wrong = check(direct);
            return wrong == null ? "gateway: the service itself answers " + direct.status() + " problem detail"
                    : "service: " + wrong;
        } catch (IOException e) {
            return "not replayed: " + e.getMessage();
        }
    }

    static String summary(List<String> failures) {
        Map<String, Long> byOrigin = failures.stream().collect(Collectors.groupingBy(
                f -> f.substring(f.lastIndexOf('[') + 1).split(":")[0], TreeMap::new, Collectors.counting()));
        return "by origin " + byOrigin + "; first: "
                + failures.stream().limit(40).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    // ---- rows ----

    static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : SERVICE_PORT_VARIABLES.keySet()) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(PREFIX + service),
                    postgres.user(), postgres.password());
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(service + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** Start-up's own events (the launcher's event-path check) settle before the first count. */
    static void awaitQuietDatabases() throws Exception {
        Map<String, Long> previous = rowCounts();
        for (int i = 0; i < 15; i++) {
            Thread.sleep(2000);
            Map<String, Long> now = rowCounts();
            if (now.equals(previous)) {
                return;
            }
            previous = now;
        }
    }
}
