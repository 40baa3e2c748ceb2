package org.kesra.household.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.devinfra.Wrk;
import org.kesra.floor.LookupFloorApplication;
import org.kesra.household.HouseholdServiceApplication;
import org.kesra.household.demo.DemoPopulation;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * household-service's targets, against the real PostgreSQL, Kafka and Keycloak, with the service in its own JVM
 * capped at 512 MB of heap:
 * <ol>
 * <li>import of a generated 1,000,000-person CSV through the API, end to end (validated, stored, history and events
 * written), with the peak heap read from the service's own metrics; baseline in the same run: a plain PostgreSQL
 * COPY of the same file into a bare table;</li>
 * <li>NIK lookups on the service ({@code GET /api/v1/persons?nik=}); baseline in the same run: the same lookups as
 * plain JDBC queries, same concurrency.</li>
 * </ol>
 * Run: {@code ./mvnw -pl household-service -am verify -Pbenchmark-household -DskipTests}. Prints a Markdown table (also written to
 * household-service/target/benchmark-household.md).
 */
public final class HouseholdBenchmark {

    static final String DATABASE = "household_bench";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HouseholdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double persons = Double.parseDouble(System.getProperty("bench.persons", "1000000"));
        int threads = Integer.parseInt(System.getProperty("bench.lookup-threads", "16"));
        Duration window = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.window-seconds", "30")));
        // "lookup" alone reuses the population a previous run imported (to iterate on the request path).
        List<String> phases = List.of(System.getProperty("bench.phases", "import,lookup").split(","));
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        if (phases.contains("import")) {
            new PostgresAdmin(infra.postgres()).recreateDatabase(DATABASE);
        }
        Map<String, String> db = infra.postgres().serviceEnvironment(DATABASE);
        List<String> rows = new ArrayList<>();
        int port = Ports.free();
        Process service = startService(port, infra, db);
        try {
            awaitReady(port);
            KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
            if (phases.contains("import")) {
                importPhase(rows, db, port, tokens, persons);
            }
            if (phases.contains("probe")) {
                probe(port, tokens.forUser("dinsos.operator"), sampleNiks(db, 2000));
            }
            if (phases.contains("floor") && !phases.contains("lookup")) {
                Wrk wrk = Wrk.find();
                if (wrk == null) {
                    throw new IllegalStateException("the floors are measured with wrk: apt-get install wrk");
                }
                floorRows(rows, db, infra.issuerUri(), wrk, tokens.forUser("dinsos.operator"), sampleNiks(db, 20_000),
                        threads, window);
            }
            if (phases.contains("lookup")) {
                lookupPhase(rows, db, port, service.pid(), () -> tokens.forUser("dinsos.operator"), threads, window,
                        infra.issuerUri());
            }
        } finally {
            service.destroy();
        }
        print(rows);
        System.exit(0);
    }

    static void importPhase(List<String> rows, Map<String, String> db, int port, KeycloakTokens tokens, double persons)
            throws Exception {
        String token = tokens.forUser("dinsos.operator");
        Path file = Files.createTempFile("household-bench-", ".csv");
        try {
            DemoPopulation.Summary summary = new DemoPopulation().write(file, persons / 170_000.0);
            long bytes = Files.size(file);
            System.out.printf("generated %s: %,d persons, %,d households, %,d bytes%n", file, summary.persons(),
                    summary.households(), bytes);
            ApiClient api = new ApiClient(port);
            HeapSampler heap = new HeapSampler(port);
            heap.start();
            long start = System.nanoTime();
            ApiClient.Response started = api.upload("/api/v1/household-imports", token, file, "populasi.csv", Map.of());
            if (started.status() != 202) {
                throw new IllegalStateException("import not started: " + started.status() + " " + started.text());
            }
            JsonNode done = awaitImport(api, tokens, started.body().path("id").asString());
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.stop();
            if (!"SELESAI".equals(done.path("status").asString())) {
                throw new IllegalStateException("import ended " + done);
            }
            long created = done.path("personsCreated").asLong();
            double rate = created / seconds;
            double copyRate = copyBaseline(db, file, summary.persons());
            rows.add(String.format(Locale.ROOT, "| import through the API, %,d persons / %,d households (%,d MB CSV), "
                            + "upload to SELESAI | %,.0f persons/s (%.2f of plain COPY) | %.1f s | peak heap %,d MB |",
                    created, done.path("householdsCreated").asLong(), bytes >> 20, rate, rate / copyRate, seconds,
                    heap.peak() >> 20));
            rows.add(String.format(Locale.ROOT, "| baseline: plain COPY of the same file into a bare table (all text) "
                    + "| %,.0f rows/s | %.1f s | - |", copyRate, summary.persons() / copyRate));
            double storeRate = personsStoreFloor(db, created);
            rows.add(String.format(Locale.ROOT, "| floor: the imported persons stored again by one INSERT ... SELECT "
                    + "(NIK order) into an empty copy of the person table with the same indexes and checks; no foreign "
                    + "keys, households, history or events | %,.0f rows/s | %.1f s | - |", storeRate,
                    created / storeRate));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void lookupPhase(List<String> rows, Map<String, String> db, int port, long servicePid,
                            java.util.function.Supplier<String> tokens, int threads, Duration window, String issuerUri)
            throws Exception {
        List<String> niks = sampleNiks(db, 20_000);
        Result jdbc = jdbcLookups(db, niks, threads, window);
        // A fresh token: warm-up and window (210 s by default) stay within its 5 minutes.
        String token = tokens.get();
        Wrk wrk = Wrk.find();
        Wrk.Result measured = wrk == null ? null : wrk.run(port, token, "/api/v1/persons?nik=", niks, threads,
                Duration.ofSeconds(warmupSeconds()), window, servicePid);
        Result http = measured != null ? fromWrk(measured) : httpLookups(port, token, niks, threads, window);
        // The service's CPU per request is the figure a change to the request path is judged by: requests/s on
        // these shared VMs move by a third between runs of the same code (CpuMeter).
        String cpu = measured == null ? "-" : measured.cpuCell("service");
        rows.add(String.format(Locale.ROOT, "| NIK lookup on the service, GET /api/v1/persons?nik=, %d clients (%s), "
                        + "%d s after %d s warm-up | %,.0f requests/s (%.2f of plain JDBC) | p50 %.1f ms, p99 %.1f ms "
                        + "| %s |", threads, wrk != null ? "wrk" : "Apache HttpClient", window.toSeconds(),
                warmupSeconds(), http.rate(), http.rate() / jdbc.rate(), http.p50(), http.p99(), cpu));
        rows.add(String.format(Locale.ROOT, "| baseline: the same lookups as plain JDBC queries, %d threads "
                + "| %,.0f lookups/s | p50 %.1f ms, p99 %.1f ms | - |", threads, jdbc.rate(), jdbc.p50(), jdbc.p99()));
        if (wrk != null && !"false".equals(System.getProperty("bench.floor"))) {
            floorRows(rows, db, issuerUri, wrk, tokens.get(), niks, threads, window);
        }
    }

    /**
     * The same wrk load on {@link LookupFloorApplication}: the lookup with only what the stack itself needs (Tomcat,
     * Spring MVC, resource-server token check, the same query, JSON), and a constant answer behind the same token
     * check. What the service spends above the first is ours; what the first spends is the framework's and the
     * database's on these two cores.
     */
    static void floorRows(List<String> rows, Map<String, String> db, String issuerUri, Wrk wrk, String token,
                          List<String> niks, int threads, Duration window) throws Exception {
        int port = Ports.free();
        Map<String, String> environment = new HashMap<>(db);
        environment.put("OIDC_ISSUER_URI", issuerUri);
        Process floor = startJvm(LookupFloorApplication.class, port, environment,
                Path.of("target", "benchmark-floor.log"));
        try {
            awaitAnswer(port, "/bare", "the floor application");
            Duration warmup = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.floor-warmup-seconds", "90")));
            for (String[] endpoint : List.of(
                    new String[] {"/api/v1/persons?nik=", "floor: the same lookup on a minimal Spring Boot application "
                            + "(Tomcat, MVC, token check with the same cached decoder, the same query, JSON; nothing else)"},
                    new String[] {"/bare?nik=", "floor: a constant answer on the same application, behind the same "
                            + "token check (no database)"})) {
                Wrk.Result result = wrk.run(port, token, endpoint[0], niks, threads, warmup, window, floor.pid());
                rows.add(String.format(Locale.ROOT, "| %s, %d clients (wrk), %d s after %d s warm-up | %,.0f requests/s "
                                + "| p50 %.1f ms, p99 %.1f ms | %s |", endpoint[1], threads, window.toSeconds(),
                        warmup.toSeconds(), result.rate(), result.p50Millis(), result.p99Millis(),
                        result.cpuCell("application")));
            }
        } finally {
            floor.destroy();
        }
    }

    /** Sequential calls: where the time of one request goes (no auth, auth, auth + query). */
    static void probe(int port, String token, List<String> niks) throws Exception {
        var client = org.apache.hc.client5.http.impl.classic.HttpClients.createMinimal();
        for (String path : List.of("/livez", "/api/v1/household-imports/columns", "/api/v1/persons?nik=")) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    var get = new org.apache.hc.client5.http.classic.methods.HttpGet("http://127.0.0.1:" + port + path
                            + (path.endsWith("=") ? niks.get(i % niks.size()) : ""));
                    get.setHeader("Authorization", "Bearer " + token);
                    get.setHeader("X-Purpose", "pengukuran kinerja"); // a NIK lookup is a logged read
                    int code = client.execute(get, response -> {
                        org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                    if (code != 200) {
                        throw new IllegalStateException(path + " answered " + code);
                    }
                }
                System.out.printf(Locale.ROOT, "probe %s: %.2f ms per call%n", path, (System.nanoTime() - start) / 2000 / 1e6);
            }
        }
    }

    /** The started service's management port (actuator). */
    static int managementPort;

    static Process startService(int port, SharedInfrastructure.Endpoints infra, Map<String, String> db)
            throws IOException {
        // Logging as deployed (info, ECS JSON, one line per request): the request log is part of what is measured.
        Map<String, String> environment = new HashMap<>(db);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        environment.put("OIDC_ISSUER_URI", infra.issuerUri());
        // Metrics (the heap sampler) answer on the management port only.
        managementPort = org.kesra.devinfra.Ports.free();
        environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        return startJvm(HouseholdServiceApplication.class, port, environment,
                Path.of("target", "benchmark-household-service.log"));
    }

    /** An application of this class path in its own JVM, with the service's JDK and JVM options. */
    static Process startJvm(Class<?> application, int port, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(serviceJavaHome(), "bin", "java").toString()));
        command.addAll(List.of(serviceJvmArgs().trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), application.getName(),
                "--server.port=" + port));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process;
    }

    static void awaitReady(int port) throws Exception {
        awaitAnswer(port, "/readyz", "household-service");
    }

    static void awaitAnswer(int port, String path, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(what + " did not become ready; see its log under target/");
    }

    /** Polls until the import ends; a fresh token per poll, as an import outlives one (5 minutes). */
    static JsonNode awaitImport(ApiClient api, KeycloakTokens tokens, String id) throws InterruptedException {
        String last = "";
        while (true) {
            ApiClient.Response response = api.get("/api/v1/household-imports/" + id, tokens.forUser("dinsos.operator"));
            if (response.status() != 200) {
                throw new IllegalStateException("import " + id + " answered " + response.status() + " " + response.text());
            }
            JsonNode job = response.body();
            String status = job.path("status").asString();
            String line = status + " " + job.path("phaseProgress").asString() + "% rows " + job.path("rowsRead").asLong();
            if (!line.equals(last)) {
                System.out.println("import " + line);
                last = line;
            }
            if (List.of("SELESAI", "DITOLAK", "GAGAL").contains(status)) {
                return job;
            }
            Thread.sleep(1000);
        }
    }

    /** The same CSV into a table of text columns: what PostgreSQL alone does with these bytes. */
    static double copyBaseline(Map<String, String> db, Path file, long rows) throws Exception {
        try (Connection connection = connect(db)) {
            String columns = String.join(" text, ", DemoPopulation.HEADER.split(",")) + " text";
            connection.createStatement().execute("DROP TABLE IF EXISTS bench_copy_baseline");
            connection.createStatement().execute("CREATE TABLE bench_copy_baseline (" + columns + ")");
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy_baseline FROM STDIN (FORMAT csv, HEADER true)", in);
                if (copied != rows) {
                    throw new IllegalStateException("COPY stored " + copied + " rows, expected " + rows);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.createStatement().execute("DROP TABLE bench_copy_baseline");
            return rows / seconds;
        }
    }

    /**
     * What storing the persons alone costs on this machine: the rows the import wrote, copied in NIK order (as the
     * import inserts them) into an empty table with the person table's indexes (primary key, unique NIK, one head per
     * household, household, region, trigram name key, birth date and name key) and checks. The import does this and
     * more (households, foreign keys, history, events), so its rate cannot exceed this one.
     */
    static double personsStoreFloor(Map<String, String> db, long persons) throws Exception {
        try (Connection connection = connect(db); var sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_person_floor");
            sql.execute("CREATE TABLE bench_person_floor (LIKE person INCLUDING ALL)");
            long start = System.nanoTime();
            int stored = sql.executeUpdate("INSERT INTO bench_person_floor SELECT * FROM person ORDER BY nik");
            double seconds = (System.nanoTime() - start) / 1e9;
            sql.execute("DROP TABLE bench_person_floor");
            if (stored != persons) {
                throw new IllegalStateException("stored " + stored + " persons again, expected " + persons);
            }
            return stored / seconds;
        }
    }

    static List<String> sampleNiks(Map<String, String> db, int count) throws Exception {
        List<String> niks = new ArrayList<>(count);
        try (Connection connection = connect(db);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT nik FROM person TABLESAMPLE SYSTEM (10) LIMIT " + count)) {
            while (rs.next()) {
                niks.add(rs.getString(1));
            }
        }
        return niks;
    }

    record Result(double rate, double p50, double p99) {
    }

    interface Lookup {
        void run(int thread, String nik) throws Exception;
    }

    /** Runs closed-loop clients for a warm-up and then the window; latency of every call in the window. */
    static Result measure(List<String> niks, int threads, long warmupSeconds, Duration window, Lookup lookup)
            throws Exception {
        ConcurrentLinkedQueue<Histogram> histograms = new ConcurrentLinkedQueue<>();
        AtomicLong calls = new AtomicLong();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = warmEnd + window.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                Histogram histogram = new Histogram(60_000_000_000L, 3);
                int i = thread * 997;
                try {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        lookup.run(thread, niks.get(i++ % niks.size()));
                        long after = System.nanoTime();
                        if (now >= warmEnd) {
                            histogram.recordValue(after - now);
                            calls.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                histograms.add(histogram);
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Histogram all = new Histogram(60_000_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(calls.get() / (double) window.toSeconds(), all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6);
    }

    /**
     * Unmeasured load before each window. The service's JIT keeps compiling for about two and a half minutes of full
     * load on two cores (C2 busy the whole time, throughput rising until it stops), so the default is 180 s; a
     * service runs for days, and its steady state is what the target is about.
     */
    static long warmupSeconds() {
        return Long.parseLong(System.getProperty("bench.warmup-seconds", "180"));
    }

    /**
     * The service's runtime may differ from the benchmark's own (-Dbench.service-java-home), so that a JDK can be
     * compared with the client and the JDBC baseline unchanged.
     */
    static String serviceJavaHome() {
        return System.getProperty("bench.service-java-home", System.getProperty("java.home"));
    }

    /** -Xmx512m by default: the heap target is shown by the service running inside it. */
    static String serviceJvmArgs() {
        return System.getProperty("bench.service-jvm-args", "-Xmx512m");
    }

    static Result fromWrk(Wrk.Result result) {
        return new Result(result.rate(), result.p50Millis(), result.p99Millis());
    }

    static Result jdbcLookups(Map<String, String> db, List<String> niks, int threads, Duration window) throws Exception {
        Connection[] connections = new Connection[threads];
        PreparedStatement[] statements = new PreparedStatement[threads];
        for (int t = 0; t < threads; t++) {
            connections[t] = connect(db);
            statements[t] = connections[t].prepareStatement("SELECT * FROM person WHERE nik = ?");
        }
        try {
            // PostgreSQL has no JIT to wait for: 30 s of warm-up fill its caches.
            return measure(niks, threads, 30, window, (thread, nik) -> {
                statements[thread].setString(1, nik);
                try (ResultSet rs = statements[thread].executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no person " + nik);
                    }
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    static Result httpLookups(int port, String token, List<String> niks, int threads, Duration window) throws Exception {
        // One keep-alive connection per client thread, as separate callers would have.
        org.apache.hc.client5.http.impl.classic.CloseableHttpClient[] clients =
                new org.apache.hc.client5.http.impl.classic.CloseableHttpClient[threads];
        for (int t = 0; t < threads; t++) {
            clients[t] = org.apache.hc.client5.http.impl.classic.HttpClients.createMinimal();
        }
        try {
            return measure(niks, threads, warmupSeconds(), window, (thread, nik) -> {
                var get = new org.apache.hc.client5.http.classic.methods.HttpGet(
                        "http://127.0.0.1:" + port + "/api/v1/persons?nik=" + nik);
                get.setHeader("Authorization", "Bearer " + token);
                get.setHeader("X-Purpose", "pengukuran kinerja"); // a NIK lookup is a logged read
                String body = clients[thread].execute(get, response -> {
                    if (response.getCode() != 200) {
                        throw new IllegalStateException("lookup " + nik + " answered " + response.getCode());
                    }
                    return org.apache.hc.core5.http.io.entity.EntityUtils.toString(response.getEntity());
                });
                if (!body.contains(nik)) {
                    throw new IllegalStateException("lookup " + nik + " did not answer that person");
                }
            });
        } finally {
            for (var client : clients) {
                client.close();
            }
        }
    }

    static Connection connect(Map<String, String> db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + db.get("DB_HOST") + ":" + db.get("DB_PORT") + "/"
                + db.get("DB_NAME"), db.get("DB_USER"), db.getOrDefault("DB_PASSWORD", ""));
    }

    /** Peak heap in use, from the service's Prometheus endpoint, sampled every 250 ms. */
    static final class HeapSampler {
        private final int port;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        HeapSampler(int port) {
            this.port = port;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + managementPort + "/actuator/prometheus")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        long used = 0;
                        for (String line : text.split("\n")) {
                            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                            }
                        }
                        peak.accumulateAndGet(used, Math::max);
                        Thread.sleep(250);
                    } catch (Exception e) {
                        // the next sample
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak.get();
        }
    }

    static void print(List<String> rows) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(Runtime.getRuntime().availableProcessors()).append(" cores; benchmark and JDBC baseline on Java ")
                .append(System.getProperty("java.version")).append("; service on ").append(serviceJavaHome())
                .append(" with ").append(serviceJvmArgs()).append(".\n\n")
                .append("| measurement | throughput | time / latency | memory / CPU |\n|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "benchmark-household.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }
}
