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
 * for the import, logs in on Keycloak's page as the user whose work each page is ({@code dinsos.admin} for the
 * household and Dinas Sosial pages, {@code disnakertrans.monitor} for monitoring, {@code bappeda.planner} for the plans
 * and year on year, {@code inspektorat.auditor} for AKIP, the reports and the access log, {@code platform.admin} for
 * dead letters; all city-wide), then, after a warm-up, loads each page and its baseline alternately. A page is timed
 * by {@code fetch} in the logged-in browser from the request to the whole HTML read; a full navigation (styles and
 * scripts from the browser's cache, as a user's second page) is timed by the Navigation Timing API's load end.
 * {@code -Dbench.only=REGEX} measures only the pages whose name matches (the log-ins and look-ups still run).
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
        if (Boolean.getBoolean("bench.fresh") && System.getProperty("bench.gateway", "").isEmpty()) {
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
        // -Dbench.gateway=http://localhost:PORT measures a platform already running (an earlier run's launcher,
        // demo population loaded) instead of starting one: starting six applications on a loaded machine takes
        // longer than measuring.
        String running = System.getProperty("bench.gateway", "");
        String gateway = running.isEmpty() ? "http://localhost:" + env.get("GATEWAY_PORT") : running;
        KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
        try (LauncherProcess launcher = running.isEmpty() ? LauncherProcess.start(layout.root(), env) : null;
             Browser browser = new Browser(layout.root().resolve("launcher/target/screenshots"))) {
            // As long as the launcher itself waits (PLATFORM_START_TIMEOUT): on a machine shared with other builds
            // the six applications took more than 6 minutes to be ready.
            if (launcher != null) {
                launcher.awaitLine("Kesra is running", Duration.ofMinutes(16));
            }
            String token = tokens.forUser("dinsos.admin");
            long persons = awaitDemoPopulation(gateway, token);

            // Real ids and a real name from the demo population, as a user would reach them.
            JsonNode household = get(gateway, "/api/v1/households?size=1", token).path("items").path(0);
            String householdId = household.path("id").asText();
            JsonNode member = get(gateway, "/api/v1/households/" + householdId, token).path("members").path(0);
            String name = member.path("name").asText().split(" ")[0];
            String personId = member.path("id").asText();

            login(browser, gateway, "dinsos.admin");

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
            // Dinas Sosial's registers and catalogue (journey 2's newer pages), still as its admin. The baselines
            // list every call a page makes when the console's reference caches (kelurahan names, PSKS categories)
            // are cold, as the household form's above does; warm, the page makes fewer.
            String adminToken = tokens.forUser("dinsos.admin"); // the first has expired by now
            String nik = eligibleNik(gateway, adminToken, member);
            JsonNode ppksCase = get(gateway, "/api/v1/ppks?page=0&size=1", adminToken).path("items").path(0);
            if (ppksCase.isMissingNode()) {
                // The demo population has no PPKS case: one registered through the API as an operator would, so
                // the case page has something to show (and the list one row).
                ppksCase = post(gateway, "/api/v1/ppks", JSON.createObjectNode().put("nik", nik)
                        .put("name", "Kasus tolok ukur konsol")
                        .put("kelurahanCode", household.path("kelurahanCode").asText())
                        .put("foundOn", java.time.LocalDate.now().toString()).put("foundAt", "Pasar Kota Metro")
                        .set("categories", JSON.createArrayNode().add("AJ")), adminToken);
            }
            String ppksId = ppksCase.path("id").asText();
            String programme = "PKH";
            String wilayah = "/api/v1/wilayah";
            rows.addAll(measure(browser, gateway, tokens, "dinsos.admin", List.of(
                    new Case("Register PPKS (daftar)", "GET", "/ppks", null,
                            List.of(wilayah, "/api/v1/ppks/categories", "/api/v1/ppks?page=0&size=20")),
                    new Case("Register PPKS (satu kasus)", "GET", "/ppks/" + ppksId, null,
                            List.of("/api/v1/ppks/" + ppksId, wilayah)),
                    new Case("Kepesertaan program (KPM PKH, daftar)", "GET", "/kepesertaan", null,
                            List.of("/api/v1/programmes", wilayah,
                                    "/api/v1/enrolments?programme=" + programme + "&page=0&size=20")),
                    new Case("Register PSKS (daftar)", "GET", "/psks", null,
                            List.of("/api/v1/psks/categories", wilayah, "/api/v1/psks?page=0&size=20")),
                    new Case("Katalog program (daftar)", "GET", "/katalog-program", null,
                            List.of("/api/v1/programmes")),
                    new Case("Katalog program (" + programme + ")", "GET", "/katalog-program/" + programme, null,
                            List.of("/api/v1/programmes/" + programme, "/api/v1/programmes/" + programme + "/amounts",
                                    "/api/v1/programmes/" + programme + "/exclusions",
                                    "/api/v1/programmes/" + programme + "/expansions", "/api/v1/programmes")),
                    new Case("Cek kelayakan desil (POST, NIK terdaftar)", "POST", "/cek-kelayakan", "nik=" + nik,
                            List.of("POST /api/v1/eligibility/checks {\"nik\":\"" + nik + "\"}")),
                    new Case("Unggah desil DTSEN (formulir)", "GET", "/desil", null, List.of()),
                    new Case("Usulan musyawarah (daftar)", "GET", "/musyawarah", null,
                            List.of("/api/v1/musyawarah-proposals?page=0&size=20", "/api/v1/programmes", wilayah))),
                    warmup, requests, purpose));
            switchUser(browser, gateway, "disnakertrans.monitor");
            rows.addAll(measure(browser, gateway, tokens, "disnakertrans.monitor", List.of(
                    new Case("Pemantauan kinerja 2024 (seluruh kota)", "GET", "/pemantauan?tahun=2024", null,
                            List.of("/api/v1/performance/monitoring?tahun=2024&page=0&size=50",
                                    "/api/v1/performance/monitoring/chart?tahun=2024"))),
                    warmup, requests, purpose));

            // The planner's and the readers' performance pages: Kecamatan Metro Barat's seed 004 plan, its
            // agreements and the approved fourth quarters of 2021 and 2022 (performance-service's demo).
            String unit = "18.72.03";
            String plannerToken = tokens.forUser("bappeda.planner");
            JsonNode plan = get(gateway, "/api/v1/renstra?size=200&unit=" + unit, plannerToken).path("items").path(0);
            String planId = plan.path("id").asText();
            switchUser(browser, gateway, "bappeda.planner");
            rows.addAll(measure(browser, gateway, tokens, "bappeda.planner", List.of(
                    new Case("Renstra (daftar rencana Kec. Metro Barat)", "GET", "/renstra?unit=" + unit, null,
                            List.of("/api/v1/renstra?size=200&unit=" + unit)),
                    new Case("Renstra (pohon rencana Kec. Metro Barat)", "GET", "/renstra/" + planId, null,
                            List.of("/api/v1/renstra/" + planId)),
                    new Case("Perjanjian Kinerja 2022 (daftar Kec. Metro Barat)", "GET",
                            "/perjanjian-kinerja?unit=" + unit + "&tahun=2022", null,
                            List.of("/api/v1/agreements?tahun=2022&size=200&unit=" + unit)),
                    new Case("Perbandingan capaian tahunan 2022 (Kec. Metro Barat)", "GET",
                            "/perbandingan-tahunan?unit=" + unit + "&tahun=2022", null,
                            List.of("/api/v1/performance/units/" + unit + "/year-on-year?tahun=2022"))),
                    warmup, requests, purpose));

            // The auditor: AKIP, the reports (quarterly with its trace and preview, kept files, the city
            // dashboard) and the access log; then the platform admin's dead letters.
            String auditorToken = tokens.forUser("inspektorat.auditor");
            String quarter = "unit=" + unit + "&tahun=2022&triwulan=4";
            JsonNode report = get(gateway, "/api/v1/reports/quarterly-performance?" + quarter + "&format=json",
                    auditorToken);
            String trace = traceQuery(report);
            switchUser(browser, gateway, "inspektorat.auditor");
            List<Case> auditorCases = new ArrayList<>(List.of(
                    new Case("Evaluasi AKIP (Kec. Metro Barat)", "GET", "/evaluasi-akip?unit=" + unit, null,
                            List.of("/api/v1/performance/units/" + unit + "/akip-evaluations")),
                    new Case("Unduh laporan (laporan triwulan IV 2022 Kec. Metro Barat)", "GET", "/laporan?" + quarter,
                            null, List.of("/api/v1/reports/quarterly-performance?" + quarter + "&format=json")),
                    new Case("Pratinjau HTML laporan triwulan IV 2022", "GET",
                            "/laporan/kinerja-triwulan?" + quarter + "&format=html", null,
                            List.of("/api/v1/reports/quarterly-performance?" + quarter + "&format=html")),
                    new Case("Arsip berkas laporan", "GET", "/laporan/arsip", null,
                            List.of("/api/v1/reports/generations?page=0&size=20")),
                    new Case("Dasbor kota 2024", "GET", "/pemantauan/dasbor?tahun=2024", null,
                            List.of("/api/v1/reports/dashboard?tahun=2024")),
                    new Case("Catatan akses data pribadi (rumah tangga, halaman 1)", "GET",
                            "/audit/akses-data-pribadi", null,
                            List.of("POST /api/v1/personal-data-access/search {\"page\":0,\"size\":50}"))));
            if (trace != null) {
                auditorCases.add(2, new Case("Asal-usul angka (realisasi, triwulan IV 2022)", "GET",
                        "/laporan/asal-angka?" + trace, null, List.of("/api/v1/reports/traces?" + trace)));
            } else {
                System.out.println("No approved quarter with a row in the demo's quarterly report: no trace measured");
            }
            rows.addAll(measure(browser, gateway, tokens, "inspektorat.auditor", auditorCases, warmup, requests,
                    purpose));
            switchUser(browser, gateway, "platform.admin");
            rows.addAll(measure(browser, gateway, tokens, "platform.admin", List.of(
                    new Case("Dead letter layanan (household, baru)", "GET", "/admin/dead-letter", null,
                            List.of("/ops/household/dead-letters?status=NEW&page=0&size=50"))),
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

    /** Logs in on Keycloak's page as {@code user} in a browser without a session. */
    static void login(Browser browser, String gateway, String user) {
        browser.open(gateway + "/");
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), KeycloakTokens.DEMO_PASSWORD);
        browser.click(By.id("kc-login"));
        browser.waitForUrl(gateway);
        browser.find(By.tagName("h1"));
    }

    /** Logs the current user out (the console's form, which ends the Keycloak session too), then in as another. */
    static void switchUser(Browser browser, String gateway, String user) {
        browser.open(gateway + "/");
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
        browser.driver().manage().deleteAllCookies();
        login(browser, gateway, user);
    }

    /** A registered NIK welfare-service knows: an enrolled person's, else the demo household member's. */
    static String eligibleNik(String gateway, String token, JsonNode member) throws Exception {
        String nik = get(gateway, "/api/v1/enrolments?programme=PKH&page=0&size=1", token).path("items").path(0)
                .path("nik").asText("");
        if (!nik.matches("[0-9]{16}")) {
            nik = member.path("nik").asText("");
        }
        if (!nik.matches("[0-9]{16}")) {
            throw new IllegalStateException("no unmasked NIK in the demo population for the eligibility check");
        }
        return nik;
    }

    /**
     * The trace query of the first row of the quarterly report's Tabel 3.1 (its realisation), as the console's
     * report page links it; null when the report has no such row (no approved quarter).
     */
    static String traceQuery(JsonNode report) {
        for (JsonNode section : report.path("sections")) {
            JsonNode row = section.path("capaian").path(0);
            if (!row.isMissingNode() && !row.path("no").asText("").isEmpty()) {
                return "report=quarterly&unit=" + report.path("unitCode").asText() + "&tahun="
                        + report.path("year").asText() + "&triwulan=" + report.path("quarter").asText() + "&item="
                        + row.path("no").asText().replace(".", "") + "&figure=realisasi&perjanjian="
                        + section.path("agreementId").asText();
            }
        }
        return null;
    }

    /** Each case's page and baseline, alternating, as {@code user} (signed in in the browser already): table rows. */
    static List<String> measure(Browser browser, String gateway, KeycloakTokens tokens, String user, List<Case> cases,
                                int warmup, int requests, String purpose) {
        List<String> rows = new ArrayList<>();
        String only = System.getProperty("bench.only", "");
        for (Case c : cases) {
            if (!only.isEmpty() && !java.util.regex.Pattern.compile(only).matcher(c.page()).find()) {
                continue;
            }
            try {
                rows.add(measure(browser, gateway, tokens.forUser(user), c, warmup, requests, purpose));
            } catch (RuntimeException failed) {
                // One page refused or broken must not cost the whole run's figures: its row says what happened.
                rows.add("| " + c.page() + " | failed: " + String.valueOf(failed.getMessage()).replace('|', '/')
                        .lines().findFirst().orElse("") + " | | | | | | |");
            }
            System.out.println(rows.get(rows.size() - 1));
        }
        return rows;
    }

    /** One case: a fresh token per page (a token lives five minutes), fetches from a console page. */
    static String measure(Browser browser, String gateway, String token, Case c, int warmup, int requests,
                          String purpose) {
        // Each case starts from the console's home page: the previous case's navigations may have left the
        // browser on a report preview, whose sandbox policy gives it an opaque origin (no session cookie).
        browser.open(gateway + "/");
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
        return row(c, pages, baselines, navigations);
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
                  for (const call of paths) {
                    // "POST /path {json}" for a call with a body (the eligibility check), else a GET of the path.
                    const post = call.startsWith('POST ');
                    const p = post ? call.substring(5, call.indexOf(' ', 5)) : call;
                    const headers = {Authorization: 'Bearer ' + token, [purpose]: 'benchmark'};
                    const init = {headers};
                    if (post) {
                      init.method = 'POST';
                      init.body = call.substring(call.indexOf(' ', 5) + 1);
                      headers['Content-Type'] = 'application/json';
                    }
                    const r = await fetch(p, init);
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

    static JsonNode post(String gateway, String path, JsonNode body, String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
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
