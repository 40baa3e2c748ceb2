package org.kesra.household.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.SharedInfrastructure;
import org.kesra.household.demo.DemoPopulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deep pages (issue 19 item 5): the first and the last page of the household and person lists, by page number
 * ({@code ?page=N}, deprecated) and by cursor ({@code ?cursor=...}), as {@code dinsos.operator} (the whole city),
 * on the demo city (scale 1: about 50,000 households, 170,000 persons) and on a 1,000,000-person registry (the import
 * benchmark's generator scaled to 1,000,000 persons), each imported through the API into its own database. Baseline
 * in the same run: the same page queries in plain SQL over JDBC. The cursor of the last page is reached honestly, by
 * walking the whole list by cursor (which also checks that the walk gives every row once).
 *
 * <p>Run: {@code ./mvnw -pl household-service -am verify -Pbenchmark-household -Dbench.main=HouseholdPagingBenchmark}
 * (see docs/benchmarks.md). Prints a Markdown table (also written to household-service/target/benchmark-paging.md).
 */
public final class HouseholdPagingBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SIZE = 50;
    static final int WALK_SIZE = 200;

    private HouseholdPagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> registries = List.of(System.getProperty("bench.paging-registries", "demo,million").split(","));
        int repeats = Integer.parseInt(System.getProperty("bench.paging-repeats", "30"));
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        KeycloakTokens tokens = new KeycloakTokens(infra.issuerUri());
        List<String> rows = new ArrayList<>();
        for (String registry : registries) {
            double persons = "demo".equals(registry) ? 170_000 : 1_000_000;
            String database = "household_bench_paging_" + registry;
            boolean reuse = Boolean.getBoolean("bench.paging-reuse");
            if (!reuse) {
                new PostgresAdmin(infra.postgres()).recreateDatabase(database);
            }
            Map<String, String> db = infra.postgres().serviceEnvironment(database);
            int port = Ports.free();
            Process service = HouseholdBenchmark.startService(port, infra, db);
            try {
                HouseholdBenchmark.awaitReady(port);
                if (!reuse) {
                    load(port, tokens, persons);
                }
                try (Connection sql = HouseholdBenchmark.connect(db)) {
                    sql.createStatement().execute("VACUUM ANALYZE household");
                    sql.createStatement().execute("VACUUM ANALYZE person");
                }
                String label = "demo".equals(registry) ? "demo city" : "1,000,000-person registry";
                measure(rows, label, port, db, tokens, repeats, households());
                measure(rows, label, port, db, tokens, repeats, persons());
            } finally {
                service.destroy();
                service.waitFor();
            }
            // Each registry's rows as soon as they are measured: the larger one takes most of the run.
            print(rows);
        }
        System.exit(0);
    }

    /** The population file through the import API, as the import benchmark does. */
    static void load(int port, KeycloakTokens tokens, double persons) throws Exception {
        Path file = Files.createTempFile("household-paging-", ".csv");
        try {
            DemoPopulation.Summary summary = new DemoPopulation().write(file, persons / 170_000.0);
            System.out.printf("generated %,d persons, %,d households%n", summary.persons(), summary.households());
            ApiClient api = new ApiClient(port);
            ApiClient.Response started = api.upload("/api/v1/household-imports", tokens.forUser("dinsos.operator"),
                    file, "populasi.csv", Map.of());
            if (started.status() != 202) {
                throw new IllegalStateException("import not started: " + started.status() + " " + started.text());
            }
            JsonNode done = HouseholdBenchmark.awaitImport(api, tokens, started.body().path("id").asString());
            if (!"SELESAI".equals(done.path("status").asString())) {
                throw new IllegalStateException("import ended " + done);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * One list: its path, the sort key of a row as the service answers it, and its page queries in plain SQL (the
     * same text as the service's, for the baseline).
     */
    record ListUnderTest(String name, String path, String countSql, String offsetSql, String firstSql, String keysetSql,
                         java.util.function.Function<JsonNode, Object[]> key) {
    }

    static ListUnderTest households() {
        String select = """
                SELECT h.id, h.kk_number, h.kelurahan_code, h.rw, h.rt, h.address,
                       (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relationship = 'KEPALA_KELUARGA'
                          AND p.life_status = 'HIDUP' LIMIT 1),
                       (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.life_status = 'HIDUP'),
                       h.status, h.version
                FROM household h WHERE h.kelurahan_code LIKE '18.72.%' AND h.status = 'AKTIF'""";
        String order = " ORDER BY h.kelurahan_code, h.rw, h.rt, h.kk_number, h.id";
        return new ListUnderTest("households", "/api/v1/households?",
                "SELECT count(*) FROM household h WHERE h.kelurahan_code LIKE '18.72.%' AND h.status = 'AKTIF'",
                select + order + " LIMIT 50 OFFSET ?",
                select + order + " LIMIT 51",
                select + " AND (h.kelurahan_code, h.rw, h.rt, h.kk_number, h.id) > (SELECT l.kelurahan_code, l.rw,"
                        + " l.rt, l.kk_number, l.id FROM household l WHERE l.id = ?)" + order + " LIMIT 51",
                item -> new Object[] {UUID.fromString(item.path("id").asString())});
    }

    static ListUnderTest persons() {
        String select = """
                SELECT id, nik, name, birth_date, sex, relationship, kelurahan_code, household_id, life_status, nik_flags
                FROM person WHERE kelurahan_code LIKE '18.72.%'""";
        return new ListUnderTest("persons", "/api/v1/persons?",
                "SELECT count(*) FROM person WHERE kelurahan_code LIKE '18.72.%'",
                select + " ORDER BY name, id LIMIT 50 OFFSET ?",
                select + " ORDER BY name, id LIMIT 51",
                select + " AND (name, id) > (?, ?) ORDER BY name, id LIMIT 51",
                item -> new Object[] {item.path("name").asString(), UUID.fromString(item.path("id").asString())});
    }

    static void measure(List<String> rows, String registry, int port, Map<String, String> db, KeycloakTokens tokens,
                        int repeats, ListUnderTest list) throws Exception {
        String token = tokens.forUser("dinsos.operator");
        try (CloseableHttpClient http = HttpClients.createMinimal(); Connection sql = HouseholdBenchmark.connect(db)) {
            // The walk: every row once; keeps each page's nextCursor and last row to reach the last page from.
            long started = System.nanoTime();
            List<String> cursors = new ArrayList<>();
            List<JsonNode> lastRows = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            String cursor = "";
            while (cursor != null) {
                JsonNode page = get(http, port, token, list.path() + "size=" + WALK_SIZE + "&cursor=" + cursor);
                for (JsonNode item : page.path("items")) {
                    if (!seen.add(item.path("id").asString())) {
                        throw new IllegalStateException(list.name() + ": row " + item.path("id") + " twice");
                    }
                }
                JsonNode next = page.path("nextCursor");
                cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
                cursors.add(cursor);
                lastRows.add(page.path("items").get(page.path("items").size() - 1));
            }
            double walkSeconds = (System.nanoTime() - started) / 1e9;
            long total;
            try (ResultSet rs = sql.createStatement().executeQuery(list.countSql())) {
                rs.next();
                total = rs.getLong(1);
            }
            if (seen.size() != total) {
                throw new IllegalStateException(list.name() + ": walked " + seen.size() + " rows of " + total);
            }
            rows.add(String.format(Locale.ROOT, "| %s, %s (%,d rows) | walk of the whole list by cursor, %d per page "
                            + "| %,d requests in %.1f s (%.1f ms per page), every row once | - |", list.name(),
                    registry, total, WALK_SIZE, cursors.size(), walkSeconds, walkSeconds * 1000 / cursors.size()));

            // The last page of SIZE rows starts at row lastStart: from the walk's cursor at or before it, on by SIZE.
            long lastPage = (total - 1) / SIZE;
            long lastStart = lastPage * SIZE;
            int walkPages = (int) (lastStart / WALK_SIZE);
            String lastCursor = walkPages == 0 ? "" : cursors.get(walkPages - 1);
            JsonNode beforeLast = walkPages == 0 ? null : lastRows.get(walkPages - 1);
            for (long at = (long) walkPages * WALK_SIZE; at < lastStart; at += SIZE) {
                JsonNode page = get(http, port, token, list.path() + "size=" + SIZE + "&cursor=" + lastCursor);
                lastCursor = page.path("nextCursor").asString();
                beforeLast = page.path("items").get(SIZE - 1);
            }
            JsonNode last = get(http, port, token, list.path() + "size=" + SIZE + "&cursor=" + lastCursor);
            if (last.path("items").size() != total - lastStart || !last.path("nextCursor").isNull()) {
                throw new IllegalStateException(list.name() + ": the last page by cursor is not the last page");
            }
            Object[] key = beforeLast == null ? null : list.key().apply(beforeLast);

            String[][] pages = {
                    {"first page by page number (page=0, with the total)", list.path() + "size=" + SIZE + "&page=0"},
                    {String.format(Locale.ROOT, "last page by page number (page=%,d, with the total)", lastPage),
                            list.path() + "size=" + SIZE + "&page=" + lastPage},
                    {"first page by cursor (cursor=)", list.path() + "size=" + SIZE + "&cursor="},
                    {"last page by cursor", list.path() + "size=" + SIZE + "&cursor=" + lastCursor}};
            for (int i = 0; i < pages.length; i++) {
                String path = pages[i][1];
                double[] service = time(repeats, () -> get(http, port, token, path));
                int which = i;
                double[] plain = time(repeats, () -> {
                    plainSql(sql, list, which, lastStart, key);
                    return null;
                });
                rows.add(String.format(Locale.ROOT, "| %s, %s (%,d rows) | %s | p50 %.1f ms, p90 %.1f ms "
                                + "| p50 %.1f ms, p90 %.1f ms |", list.name(), registry, total, pages[i][0],
                        service[0], service[1], plain[0], plain[1]));
            }
        }
    }

    /** The page as the service's SQL would run it, plain JDBC (offset pages add the count, as the service does). */
    static void plainSql(Connection sql, ListUnderTest list, int which, long lastStart, Object[] key)
            throws Exception {
        switch (which) {
            case 0 -> {
                offset(sql, list, 0);
                count(sql, list);
            }
            case 1 -> {
                offset(sql, list, lastStart);
                count(sql, list);
            }
            case 2 -> keyset(sql, list, null);
            default -> keyset(sql, list, key);
        }
    }

    static void offset(Connection sql, ListUnderTest list, long offset) throws Exception {
        try (PreparedStatement statement = sql.prepareStatement(list.offsetSql())) {
            statement.setLong(1, offset);
            drain(statement);
        }
    }

    static void keyset(Connection sql, ListUnderTest list, Object[] key) throws Exception {
        String text = key == null ? list.firstSql() : list.keysetSql();
        try (PreparedStatement statement = sql.prepareStatement(text)) {
            if (key != null) {
                for (int i = 0; i < key.length; i++) {
                    statement.setObject(i + 1, key[i]);
                }
            }
            drain(statement);
        }
    }

    static void count(Connection sql, ListUnderTest list) throws Exception {
        try (ResultSet rs = sql.createStatement().executeQuery(list.countSql())) {
            rs.next();
        }
    }

    static void drain(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    /** p50 and p90 in ms of {@code repeats} sequential calls after a third as many unmeasured. */
    static double[] time(int repeats, Call call) throws Exception {
        for (int i = 0; i < Math.max(3, repeats / 3); i++) {
            call.run();
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[repeats / 2], millis[(int) Math.ceil(repeats * 0.9) - 1]};
    }

    static JsonNode get(CloseableHttpClient http, int port, String token, String path) throws Exception {
        HttpGet get = new HttpGet("http://127.0.0.1:" + port + path);
        get.setHeader("Authorization", "Bearer " + token);
        // Lists that show full NIKs are logged reads and need a declared purpose.
        get.setHeader("X-Purpose", "pengukuran kinerja");
        return http.execute(get, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.getCode() + " " + body);
            }
            return JSON.readTree(body);
        });
    }

    static void print(List<String> rows) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append(Runtime.getRuntime().availableProcessors()).append(" cores; service on ")
                .append(HouseholdBenchmark.serviceJavaHome()).append(" with ").append(HouseholdBenchmark.serviceJvmArgs())
                .append("; one client, sequential calls, ").append(SIZE).append(" rows per page.\n\n")
                .append("| list, registry | page | service | baseline: the same queries in plain SQL (JDBC) |\n")
                .append("|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "benchmark-paging.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }
}
