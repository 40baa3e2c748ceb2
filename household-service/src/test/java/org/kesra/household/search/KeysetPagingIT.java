package org.kesra.household.search;

import org.kesra.household.importing.ImportApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.platform.web.Cursor;
import tools.jackson.databind.JsonNode;

/**
 * Keyset paging of the lists that grow with the population (issue 19 item 5): a walk by cursor gets every row once,
 * in the order of the numbered pages, with the filters and the caller's region still applied; a cursor that is not
 * one the list gave answers a 400 problem detail, and a well-formed forged one moves nothing outside the region.
 */
class KeysetPagingIT extends ImportApiIntegrationBase {

    private static final String REJOMULYO_OPERATOR = "rejomulyo.operator";

    @Test
    void walksEveryHouseholdOnceByCursorWithFiltersAndRegionScope() {
        String rw = Integer.toString(ThreadLocalRandom.current().nextInt(100, 999));
        List<String> mulyojati = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mulyojati.add(registered(KELURAHAN_OPERATOR, inRwRt(household(MULYOJATI, List.of(
                    person("Kepala " + (char) ('A' + i), LocalDate.of(1970, 1, 1 + i), "L", "KEPALA_KELUARGA"))), rw))
                    .path("id").asString());
        }
        List<String> rejomulyo = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rejomulyo.add(registered(REJOMULYO_OPERATOR, inRwRt(household(REJOMULYO, List.of(
                    person("Kepala " + (char) ('A' + i), LocalDate.of(1971, 1, 1 + i), "L", "KEPALA_KELUARGA"))), rw))
                    .path("id").asString());
        }
        String filter = "/api/v1/households?rw=" + rw + "&rt=7";

        List<JsonNode> pages = new ArrayList<>();
        List<String> walked = walk(filter, KELURAHAN_OPERATOR, 3, pages);
        assertThat(walked).as("every household of the caller's kelurahan once, none outside it")
                .containsExactlyInAnyOrderElementsOf(mulyojati);
        assertThat(walked).as("the numbered pages' order")
                .isEqualTo(ids(read(filter + "&size=200", KELURAHAN_OPERATOR).body()));
        assertThat(pages).extracting(p -> p.path("items").size()).containsExactly(3, 3, 1);
        assertThat(pages.get(0).has("totalItems")).as("a keyset page is never counted").isFalse();
        assertThat(pages.get(2).path("nextCursor").isNull()).as("the last page says so").isTrue();

        List<String> citywide = walk(filter, "dinsos.operator", 4, new ArrayList<>());
        List<String> both = new ArrayList<>(mulyojati);
        both.addAll(rejomulyo);
        assertThat(citywide).containsExactlyInAnyOrderElementsOf(both);
        assertThat(citywide).isEqualTo(ids(read(filter + "&size=200", "dinsos.operator").body()));
    }

    @Test
    void aForgedCursorMovesOnlyInsideTheCallersRegion() {
        String rw = Integer.toString(ThreadLocalRandom.current().nextInt(100, 999));
        String own = registered(KELURAHAN_OPERATOR, inRwRt(household(MULYOJATI, List.of(
                person("Kepala Sendiri", LocalDate.of(1966, 6, 6), "L", "KEPALA_KELUARGA"))), rw)).path("id").asString();
        String after = registered(REJOMULYO_OPERATOR, inRwRt(household(REJOMULYO, List.of(
                person("Kepala Lain", LocalDate.of(1967, 7, 7), "L", "KEPALA_KELUARGA"))), rw)).path("id").asString();
        // Kelurahan Metro (18.72.01.1001) sorts before Mulyojati (18.72.03.1001), Rejomulyo (18.72.05.1001) after.
        String before = registered("dinsos.operator", inRwRt(household("18.72.01.1001", List.of(
                person("Kepala Awal", LocalDate.of(1968, 8, 8), "L", "KEPALA_KELUARGA"))), rw)).path("id").asString();
        List<Object> filters = List.of(MULYOJATI, String.format("%03d", Integer.parseInt(rw)), "007", "AKTIF");
        String path = "/api/v1/households?rw=" + rw + "&rt=7&cursor=";
        // Well formed, with the filters this caller sends, naming a household of another kelurahan that the caller
        // cannot read: the walk resumes after it, and still shows only the caller's own kelurahan.
        JsonNode fromBefore = read(path + Cursor.encode("households", filters, List.of(UUID.fromString(before))),
                KELURAHAN_OPERATOR).body();
        assertThat(ids(fromBefore)).containsExactly(own);
        JsonNode fromAfter = read(path + Cursor.encode("households", filters, List.of(UUID.fromString(after))),
                KELURAHAN_OPERATOR).body();
        assertThat(ids(fromAfter)).isEmpty();
    }

    @Test
    void walksEveryPersonOnceByCursorInNameOrderAndInSimilarityOrder() {
        String marker = "Keysetwirya" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 26)
                .replaceAll("[0-9]", "q");
        LocalDate born = LocalDate.of(1931, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Equal names (ties on the name and on the similarity): the id decides, once.
            JsonNode created = registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                    person("Budi " + marker, born, "L", "KEPALA_KELUARGA"),
                    person((i % 2 == 0 ? "Ani " : "Budi ") + marker, born, "P", "ISTRI"))));
            created.path("members").forEach(m -> mine.add(m.path("id").asString()));
        }
        List<String> elsewhere = new ArrayList<>();
        registered(REJOMULYO_OPERATOR, household(REJOMULYO, List.of(person("Budi " + marker, born, "L",
                "KEPALA_KELUARGA")))).path("members").forEach(m -> elsewhere.add(m.path("id").asString()));

        String byName = "/api/v1/persons?name=" + marker;
        List<String> ranked = walk(byName, KELURAHAN_OPERATOR, 3, new ArrayList<>());
        // Fuzzy: names of earlier runs may match too, never those outside the caller's kelurahan.
        assertThat(ranked).containsAll(mine).doesNotContainAnyElementsOf(elsewhere);
        assertThat(ranked).isEqualTo(ids(read(byName + "&size=200", KELURAHAN_OPERATOR).body()));

        String byBirth = "/api/v1/persons?birthDate=" + born + "&lifeStatus=HIDUP";
        List<String> plain = walk(byBirth, "dinsos.operator", 2, new ArrayList<>());
        List<String> all = new ArrayList<>(mine);
        all.addAll(elsewhere);
        assertThat(plain).containsAll(all).doesNotHaveDuplicates();
        assertThat(plain).isEqualTo(ids(read(byBirth + "&size=200", "dinsos.operator").body()));
        assertThat(walk(byBirth, KELURAHAN_OPERATOR, 2, new ArrayList<>())).containsAll(mine)
                .doesNotContainAnyElementsOf(elsewhere);
    }

    @Test
    void walksEveryImportProblemOnceByCursor() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String kk = kk();
            // A NIK of 15 digits and an unknown kelurahan: several problems on one row, and two equal rows' worth.
            rows.add(row(kk, "18.72.99.9999", "4", "187203120580001", "Rusak " + i, LocalDate.of(1980, 5, 12), "L",
                    "KEPALA_KELUARGA"));
            rows.add(row(kk, "18.72.99.9999", "4", "187203120580001", "Rusak " + i, LocalDate.of(1980, 5, 12), "L",
                    "KEPALA_KELUARGA"));
        }
        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);
        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        String path = "/api/v1/household-imports/" + done.path("id").asString() + "/problems?x=1";

        List<JsonNode> pages = new ArrayList<>();
        List<String> walked = walk(path, OPERATOR, 4, pages, KeysetPagingIT::problemKey);
        List<String> numbered = new ArrayList<>();
        read(path + "&size=1000", OPERATOR).body().path("items")
                .forEach(p -> numbered.add(problemKey(p)));
        assertThat(numbered).hasSizeGreaterThan(18);
        assertThat(walked).as("every problem once, in the report's order").isEqualTo(numbered);

        ApiClient.Response bad = read(path + "&cursor=abc", OPERATOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("code").asString()).isEqualTo("KESRA-KURSOR-TIDAK-SAH");
        String otherImport = Cursor.encode("import-problems", List.of(UUID.randomUUID()), List.of(2, "", "x", 1));
        assertThat(read(path + "&cursor=" + otherImport, OPERATOR).status())
                .as("a cursor of another import's report").isEqualTo(400);
    }

    @Test
    void refusesACursorTheListDidNotGiveWithAProblemDetail() {
        registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String firstPage = read("/api/v1/households?cursor=&size=1", "dinsos.operator").body()
                .path("nextCursor").asString();
        String personsCursor = read("/api/v1/persons?cursor=&size=1", "dinsos.operator").body()
                .path("nextCursor").asString();
        byte[] raw = Base64.getUrlDecoder().decode(firstPage);
        raw[raw.length - 3] = (byte) '|';
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String truncated = firstPage.substring(0, firstPage.length() - 6);
        String noise = Base64.getUrlEncoder().encodeToString("1|households|abc|5:x".getBytes(StandardCharsets.UTF_8));
        for (String[] bad : List.of(
                new String[] {"/api/v1/households?cursor=", "%%%bukan-kursor"},
                new String[] {"/api/v1/households?cursor=", noise},
                new String[] {"/api/v1/households?cursor=", tampered},
                new String[] {"/api/v1/households?cursor=", truncated},
                new String[] {"/api/v1/households?cursor=", personsCursor},
                new String[] {"/api/v1/households?rw=5&cursor=", firstPage},
                new String[] {"/api/v1/persons?cursor=", firstPage})) {
            ApiClient.Response response = read(bad[0] + URLEncoder.encode(bad[1], StandardCharsets.UTF_8),
                    "dinsos.operator");
            assertThat(response.status()).as(bad[0] + bad[1]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("code").asString()).isEqualTo("KESRA-KURSOR-TIDAK-SAH");
            assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/cursor");
        }
    }

    private static java.util.Map<String, Object> inRwRt(java.util.Map<String, Object> household, String rw) {
        household.put("rw", rw);
        household.put("rt", "7");
        return household;
    }

    private static String problemKey(JsonNode problem) {
        return problem.path("rowNumber").asLong() + "|"
                + (problem.path("column").isNull() ? "" : problem.path("column").asString()) + "|"
                + problem.path("message").asString();
    }

    private List<String> walk(String path, String user, int size, List<JsonNode> pages) {
        return walk(path, user, size, pages, item -> item.path("id").asString());
    }

    /** Follows nextCursor from the first keyset page to the last; fails on a repeated row or a runaway walk. */
    private List<String> walk(String path, String user, int size, List<JsonNode> pages, Function<JsonNode, String> key) {
        List<String> keys = new ArrayList<>();
        String cursor = "";
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < 1000; page++) {
            ApiClient.Response response = read(path + separator + "size=" + size + "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8), user);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode body = response.body();
            pages.add(body);
            body.path("items").forEach(item -> keys.add(key.apply(item)));
            if (body.path("nextCursor").isNull() || body.path("nextCursor").isMissingNode()) {
                assertThat(new HashSet<>(keys)).as("no row twice").hasSize(keys.size());
                return keys;
            }
            assertThat(body.path("items").size()).as("a page before the last is full").isEqualTo(size);
            cursor = body.path("nextCursor").asString();
        }
        throw new AssertionError("the walk did not end");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
