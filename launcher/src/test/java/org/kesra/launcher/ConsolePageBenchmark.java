package org.kesra.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.launcher.console.Browser;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's page times with the demo population loaded (issue 24: every page under 1 s on the local
 * platform), each against its baseline measured in the same run: the gateway API calls the page itself makes, sent
 * by the same browser with the same user's token. The ratio is what the console adds (session, Thymeleaf, its own
 * hop through the gateway); the absolute figure is what a user waits for.
 *
 * <p>The launcher starts every application from its jar with {@code KESRA_DEMO_POPULATION=true} (170,000 persons in
 * 50,000 households through household-service's import, the seeds' plans in performance-service); the benchmark waits
 * for the import, logs in on Keycloak's page as {@code dinsos.admin} (the whole city), then, after a warm-up, loads
 * each page and its baseline alternately. A page is timed by {@code fetch} in the logged-in browser from the request
 * to the whole HTML read; a full navigation (styles and scripts from the browser's cache, as a user's second page) is
 * timed by the Navigation Timing API's load end.
 *
 * <p>Run: {@code ./mvnw -pl launcher -am verify -Pbenchmark-console -DskipTests} (docs/benchmarks.md).
 */
public final class ConsolePageBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Case(String page, String method, String path, String form, List<String> baseline) {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 20);
        int requests = Integer.getInteger("bench.requests", 60);
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        ProjectLayout layout = ProjectLayout.locate();
        String prefix = System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + "console_bench_";
        if (Boolean.getBoolean("bench.fresh")) {
            PostgresAdmin admin = new PostgresAdmin(PostgresConnection.fromEnvironment());
            for (String database : List.of("household", "welfare", "performance", "reporting")) {
                admin.recreateDatabase(prefix + database);
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("OIDC_ISSUER_URI", infra.issuerUri());
        env.put("DB_NAME_PREFIX", prefix);
        env.put("PLATFORM_STATE_DIR", layout.root().resolve("launcher/target/console-bench").toString());
        env.put("KESRA_DEMO_POPULATION", "true");
        env.put("PLATFORM_START_TIMEOUT", "900"); // six applications starting at once on two cores
        // One browser and one account make every request: the gateway's per-address and per-account allowances
        // (600 and 1,200 a minute) are meant for a city's many users, not for a benchmark loop.
        env.put("KESRA_RATE_LIMIT_REQUESTS", "1000000");
        env.put("KESRA_RATE_LIMIT_ADDRESS_REQUESTS", "1000000");
        for (String application : List.of("GATEWAY", "HOUSEHOLD", "WELFARE", "PERFORMANCE", "REPORTING", "CONSOLE")) {
            env.put(application + "_PORT", Integer.toString(Ports.free()));
            env.put(application + "_MANAGEMENT_PORT", Integer.toString(Ports.free()));
        }
        String gateway = "http://localhost:" + env.get("GATEWAY_PORT");
        KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
        try (LauncherProcess launcher = LauncherProcess.start(layout.root(), env);
             Browser browser = new Browser(layout.root().resolve("launcher/target/screenshots"))) {
            launcher.awaitLine("Kesra is running", Duration.ofMinutes(6));
            String token = tokens.forUser("dinsos.admin");
            long persons = awaitDemoPopulation(gateway, token);

            // Real ids and a real name from the demo population, as a user would reach them.
            JsonNode household = get(gateway, "/api/v1/households?size=1", token).path("items").path(0);
            String householdId = household.path("id").asText();
            JsonNode member = get(gateway, "/api/v1/households/" + householdId, token).path("members").path(0);
            String name = member.path("name").asText().split(" ")[0];
            String personId = member.path("id").asText();

            browser.open(gateway + "/");
            browser.type(By.id("username"), "dinsos.admin");
            browser.type(By.id("password"), KeycloakTokens.DEMO_PASSWORD);
            browser.click(By.id("kc-login"));
            browser.waitForUrl(gateway);
            browser.find(By.tagName("h1"));

            String purpose = "X-Purpose";
            List<Case> cases = List.of(
                    new Case("Beranda", "GET", "/", null, List.of()),
                    new Case("Cari penduduk menurut nama (" + name + ", 50 pertama)", "POST", "/rumah-tangga/cari",
                            "by=NAMA&term=" + name, List.of("/api/v1/persons?name=" + name + "&size=50")),
                    new Case("Rumah tangga (anggota)", "GET", "/rumah-tangga/" + householdId, null,
                            List.of("/api/v1/households/" + householdId)),
                    new Case("Riwayat anggota", "GET", "/rumah-tangga/" + householdId + "/riwayat-anggota/" + personId,
                            null, List.of("/api/v1/households/" + householdId, "/api/v1/persons/" + personId,
                                    "/api/v1/persons/" + personId + "/history?size=100")),
                    new Case("Daftarkan rumah tangga (formulir)", "GET", "/rumah-tangga/baru", null,
                            List.of("/api/v1/wilayah", "/api/v1/wilayah/code-lists")),
                    new Case("Impor berkas kader", "GET", "/rumah-tangga/impor", null,
                            List.of("/api/v1/household-imports?size=10", "/api/v1/household-imports/profiles",
                                    "/api/v1/household-imports/columns")));

            List<String> rows = new ArrayList<>(measure(browser, gateway, tokens, "dinsos.admin", cases, warmup,
                    requests, purpose));
            // Journeys 2 and 4 as the users who do them: Dinas Sosial's lists and the PPKS recap as its admin, then
            // the city's monitoring of 2024 (the demo's plans, agreements and approved quarters) as Disnakertrans.
            rows.addAll(measure(browser, gateway, tokens, "dinsos.admin", List.of(
                    new Case("Verifikasi daftar penerima", "GET", "/verifikasi", null,
                            List.of("/api/v1/verivali?size=20", "/api/v1/programmes")),
                    new Case("Rekap PPKS dan KPM per kelurahan (Triwulan I 2024)", "GET",
                            "/pemantauan/ppks?periode=2024-Q1", null,
                            List.of("/api/v1/reports/ppks-recap?period=2024-Q1&format=json"))),
                    warmup, requests, purpose));
            browser.click(By.cssSelector("form.logout button"));
            browser.waitFor(By.tagName("h1"), "Anda telah keluar");
            browser.driver().manage().deleteAllCookies();
            browser.open(gateway + "/");
            browser.type(By.id("username"), "disnakertrans.monitor");
            browser.type(By.id("password"), KeycloakTokens.DEMO_PASSWORD);
            browser.click(By.id("kc-login"));
            browser.waitForUrl(gateway);
            browser.find(By.tagName("h1"));
            rows.addAll(measure(browser, gateway, tokens, "disnakertrans.monitor", List.of(
                    new Case("Pemantauan kinerja 2024 (seluruh kota)", "GET", "/pemantauan?tahun=2024", null,
                            List.of("/api/v1/performance/monitoring?tahun=2024&page=0&size=50",
                                    "/api/v1/performance/monitoring/chart?tahun=2024"))),
                    warmup, requests, purpose));
            String table = """
                    Run of %s (%d persons loaded; %d warm-up and %d timed requests per page, alternating with its \
                    baseline; Java %s)

                    | page | console p50 | p95 | API calls of the page (baseline) p50 | p95 | ratio p50 | full \
                    navigation p50 | p95 |
                    |---|---|---|---|---|---|---|---|
                    %s
                    """.formatted(LocalDateTime.now().withNano(0), persons, warmup, requests,
                    System.getProperty("java.version"), String.join("\n", rows));
            System.out.println(table);
            Files.writeString(layout.root().resolve("launcher/target/benchmark-console.md"), table);
        }
    }

    /** Each case's page and baseline, alternating, as {@code user} (signed in in the browser already): table rows. */
    static List<String> measure(Browser browser, String gateway, KeycloakTokens tokens, String user, List<Case> cases,
                                int warmup, int requests, String purpose) {
        List<String> rows = new ArrayList<>();
        for (Case c : cases) {
            String token = tokens.forUser(user); // a fresh one per page: a token lives five minutes
            for (int i = 0; i < warmup; i++) {
                page(browser, c);
                baseline(browser, c, token, purpose);
            }
            double[] pages = new double[requests];
            double[] baselines = new double[requests];
            double[] navigations = new double[Math.max(1, requests / 6)];
            for (int i = 0; i < requests; i++) {
                pages[i] = page(browser, c);
                baselines[i] = c.baseline().isEmpty() ? 0 : baseline(browser, c, token, purpose);
            }
            if (c.method().equals("GET")) {
                for (int i = 0; i < navigations.length; i++) {
                    browser.open(gateway + c.path());
                    navigations[i] = ((Number) browser.script(
                            "return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue();
                }
            } else {
                navigations = null;
            }
            rows.add(row(c, pages, baselines, navigations));
            System.out.println(rows.get(rows.size() - 1));
        }
        return rows;
    }

    /** The page's HTML through the gateway in the logged-in browser, as htmx or a link would fetch it. */
    static double page(Browser browser, Case c) {
        Object ms = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [method, path, form] = [arguments[0], arguments[1], arguments[2]];
                const headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
                const init = {method, credentials: 'same-origin', headers};
                if (form) {
                  init.body = new URLSearchParams(form);
                  headers['HX-Request'] = 'true';
                }
                const t0 = performance.now();
                fetch(path, init).then(r => r.text().then(t => done(r.status === 200 && t.length > 500
                    ? performance.now() - t0 : -r.status))).catch(e => done(-1));""", c.method(), c.path(), c.form());
        return checked(ms, c.page());
    }

    /** The API calls the page makes, one after the other as the console makes them, from the same browser. */
    static double baseline(Browser browser, Case c, String token, String purposeHeader) {
        Object ms = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [paths, token, purpose] = [arguments[0], arguments[1], arguments[2]];
                const t0 = performance.now();
                (async () => {
                  for (const p of paths) {
                    const r = await fetch(p, {headers: {Authorization: 'Bearer ' + token, [purpose]: 'benchmark'}});
                    await r.text();
                    if (r.status !== 200) return -r.status;
                  }
                  return performance.now() - t0;
                })().then(done, e => done(-1));""", c.baseline(), token, purposeHeader);
        return checked(ms, c.page() + " (baseline)");
    }

    static double checked(Object ms, String what) {
        double value = ((Number) ms).doubleValue();
        if (value < 0) {
            throw new IllegalStateException(what + " answered " + (-value));
        }
        return value;
    }

    static String row(Case c, double[] pages, double[] baselines, double[] navigations) {
        String base = c.baseline().isEmpty() ? "– | –" : ms(pct(baselines, 50)) + " | " + ms(pct(baselines, 95));
        String ratio = c.baseline().isEmpty() ? "–"
                : String.format(Locale.ROOT, "%.2f", pct(pages, 50) / pct(baselines, 50));
        String nav = navigations == null ? "– | –" : ms(pct(navigations, 50)) + " | " + ms(pct(navigations, 95));
        return "| " + c.page() + " | " + ms(pct(pages, 50)) + " | " + ms(pct(pages, 95)) + " | " + base + " | " + ratio
                + " | " + nav + " |";
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Waits until household-service's demo import is done; answers how many persons the city then has. */
    static long awaitDemoPopulation(String gateway, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode jobs = get(gateway, "/api/v1/household-imports?size=20", token).path("items");
            for (JsonNode job : jobs) {
                if (job.path("status").asText().equals("SELESAI") && job.path("personsCreated").asLong() > 100_000) {
                    return job.path("personsCreated").asLong();
                }
                if (job.path("status").asText().equals("SELESAI") && job.path("rowsRead").asLong() > 100_000) {
                    return job.path("rowsRead").asLong(); // an earlier run's import, answered again
                }
            }
            Thread.sleep(5_000);
        }
        throw new IllegalStateException("the demo population was not imported within 30 minutes");
    }

    static JsonNode get(String gateway, String path, String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).header("X-Purpose", "benchmark").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private ConsolePageBenchmark() {
    }
}
