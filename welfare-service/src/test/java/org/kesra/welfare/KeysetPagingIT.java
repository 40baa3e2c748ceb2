package org.kesra.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.platform.web.Cursor;
import tools.jackson.databind.JsonNode;

/**
 * Keyset paging of welfare's lists that grow with the population (issue 19 item 5): enrolments, PPKS cases and
 * verivali rows. A walk by cursor gets every row once, in the numbered pages' order, with the filters and the
 * caller's region applied; a cursor the list did not give answers a 400 problem detail. The rows are written
 * straight into the tables: what is under test is how they are listed, not how they were decided.
 */
class KeysetPagingIT extends WelfareApiIntegrationBase {

    private static final String REJOMULYO = "18.72.05.1001";
    private static final String MULYOJATI = "18.72.03.1001";
    private static final String REGIONAL = "rejomulyo.operator";

    @Test
    void walksEveryEnrolmentOnceByCursorWithFiltersAndRegionScope() {
        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        LocalDate start = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        for (int i = 0; i < 7; i++) {
            // Three share one period start: the id orders them.
            inside.add(enrolment(REJOMULYO, start.plusDays(i / 3)));
            outside.add(enrolment(MULYOJATI, start.plusDays(i / 3)));
        }
        String filter = "/api/v1/enrolments?programme=PKH&status=AKTIF";
        List<JsonNode> rows = new ArrayList<>();
        List<String> walked = walk(filter, REGIONAL, 3, rows);
        assertThat(walked).containsAll(inside).doesNotContainAnyElementsOf(outside);
        assertThat(rows).allMatch(r -> r.path("kelurahanCode").asString().startsWith(REJOMULYO));
        assertThat(walked).isEqualTo(numbered(filter, REGIONAL));
        List<String> citywide = walk(filter, "dinsos.operator", 5, new ArrayList<>());
        assertThat(citywide).containsAll(inside).containsAll(outside);
        assertThat(citywide).isEqualTo(numbered(filter, "dinsos.operator"));

        // Well formed, with this caller's filters, positioned before everything: still only the caller's region.
        String forged = Cursor.encode("enrolments", List.of(REJOMULYO, REJOMULYO + ".%", "PKH", "AKTIF"),
                List.of("", LocalDate.of(1900, 1, 1), new UUID(0, 0)));
        JsonNode page = api.get(filter + "&size=200&cursor=" + forged, token(REGIONAL)).body();
        assertThat(page.path("items").findValuesAsString("kelurahanCode")).allMatch(k -> k.startsWith(REJOMULYO));
        assertThat(page.path("items").findValuesAsString("id")).containsAll(inside);
    }

    @Test
    void walksEveryPpksCaseOnceByCursorNewestFirst() {
        LocalDate found = LocalDate.now().minusDays(ThreadLocalRandom.current().nextInt(1000, 5000));
        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> withCategory = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = ppksCase(REJOMULYO, found.minusDays(i / 3));
            inside.add(id);
            if (i % 2 == 0) {
                jdbc.sql("INSERT INTO ppks_case_category (case_id, category_no) "
                        + "SELECT ?, no FROM ppks_category WHERE abbrev = 'AJ'").param(UUID.fromString(id)).update();
                withCategory.add(id);
            }
            outside.add(ppksCase(MULYOJATI, found.minusDays(i / 3)));
        }
        String all = "/api/v1/ppks?status=TERDATA";
        List<String> walked = walk(all, REGIONAL, 3, new ArrayList<>());
        assertThat(walked).containsAll(inside).doesNotContainAnyElementsOf(outside);
        assertThat(walked).isEqualTo(numbered(all, REGIONAL));

        String category = "/api/v1/ppks?kategori=AJ&kelurahan=" + REJOMULYO;
        List<String> filtered = walk(category, "dinsos.operator", 2, new ArrayList<>());
        assertThat(filtered).containsAll(withCategory).doesNotContainAnyElementsOf(outside);
        assertThat(filtered).isEqualTo(numbered(category, "dinsos.operator"));
    }

    @Test
    void walksEveryVerivaliRowOnceByCursorInFileOrder() {
        UUID batch = UUID.randomUUID();
        jdbc.sql("INSERT INTO verivali_batch (id, programme_code, file_name, file_sha256, row_count, uploaded_by) "
                + "VALUES (?, 'PKH', 'daftar.csv', ?, 23, 'test')").params(batch, batch.toString()).update();
        List<String> unmatched = new ArrayList<>();
        for (int row = 1; row <= 23; row++) {
            boolean matched = row % 3 == 0;
            jdbc.sql("INSERT INTO verivali_row (batch_id, row_no, nik, name, match_status, reason) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(batch, row, String.format("18720501018%05d", row), "Penerima " + row,
                            matched ? "PADAN" : "TIDAK_PADAN", matched ? null : "NIK_TIDAK_DIKENAL").update();
            if (!matched) {
                unmatched.add(Integer.toString(row));
            }
        }
        String path = "/api/v1/verivali/" + batch + "/rows?status=TIDAK_PADAN";
        List<String> walked = new ArrayList<>();
        walk(path, "dinsos.verifier", 4, new ArrayList<>()).forEach(walked::add);
        assertThat(walked).containsExactlyElementsOf(unmatched);
        assertThat(walk("/api/v1/verivali/" + batch + "/rows", "dinsos.verifier", 5, new ArrayList<>())).hasSize(23);

        String cursor = api.get(path + "&size=2&cursor=", token("dinsos.verifier")).body().path("nextCursor").asString();
        ApiClient.Response otherFilter = api.get("/api/v1/verivali/" + batch + "/rows?status=PADAN&cursor=" + cursor,
                token("dinsos.verifier"));
        assertThat(otherFilter.status()).isEqualTo(400);
        assertThat(otherFilter.body().path("code").asString()).isEqualTo("KESRA-KURSOR-TIDAK-SAH");
    }

    @Test
    void refusesACursorTheListDidNotGiveWithAProblemDetail() {
        enrolment(REJOMULYO, LocalDate.of(2030, 1, 1));
        enrolment(REJOMULYO, LocalDate.of(2030, 1, 2));
        String enrolments = api.get("/api/v1/enrolments?size=1&cursor=", token("dinsos.operator")).body()
                .path("nextCursor").asString();
        for (String[] bad : List.of(
                new String[] {"/api/v1/enrolments?cursor=", "%%%"},
                new String[] {"/api/v1/enrolments?cursor=", enrolments.substring(0, enrolments.length() - 5)},
                new String[] {"/api/v1/enrolments?status=AKTIF&cursor=", enrolments},
                new String[] {"/api/v1/ppks?cursor=", enrolments},
                new String[] {"/api/v1/ppks?cursor=", Cursor.encode("ppks", List.of(), List.of("kemarin", "x"))})) {
            ApiClient.Response response = api.get(bad[0] + URLEncoder.encode(bad[1], StandardCharsets.UTF_8),
                    token("dinsos.operator"));
            assertThat(response.status()).as(bad[0] + bad[1]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("code").asString()).isEqualTo("KESRA-KURSOR-TIDAK-SAH");
            assertThat(response.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/cursor");
        }
    }

    private String enrolment(String kelurahan, LocalDate start) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO enrolment (id, programme_code, person_id, nik, household_id, beneficiary_key, kelurahan_code,
                                       period_start, status, enrolled_by)
                VALUES (?, 'PKH', ?, ?, ?, ?, ?, ?, 'AKTIF', 'test')""")
                .params(id, UUID.randomUUID(), nik(), UUID.randomUUID(), UUID.randomUUID(), kelurahan, start).update();
        return id.toString();
    }

    private String ppksCase(String kelurahan, LocalDate found) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ppks_case (id, nik, name, kelurahan_code, found_on, found_at, status, recorded_by)
                VALUES (?, ?, 'Kasus Uji', ?, ?, 'Jl. Uji', 'TERDATA', 'test')""")
                .params(id, nik(), kelurahan, found).update();
        return id.toString();
    }

    private static String nik() {
        return String.format("1872051201%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** The same list by the numbered pages, all of them. */
    private List<String> numbered(String path, String user) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get(path + "&size=200&page=" + page, token(user)).body().path("items");
            items.forEach(item -> ids.add(key(item)));
            if (items.size() < 200) {
                return ids;
            }
        }
    }

    private static String key(JsonNode item) {
        return item.has("rowNo") ? Integer.toString(item.path("rowNo").asInt()) : item.path("id").asString();
    }

    /** Follows nextCursor from the first keyset page to the last; fails on a repeated row or a runaway walk. */
    private List<String> walk(String path, String user, int size, List<JsonNode> rows) {
        List<String> keys = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 1000; page++) {
            ApiClient.Response response = api.get(path + (path.contains("?") ? "&" : "?") + "size=" + size
                    + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), token(user));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode body = response.body();
            assertThat(body.has("totalItems")).as("a keyset page is never counted").isFalse();
            body.path("items").forEach(item -> {
                keys.add(key(item));
                rows.add(item);
            });
            if (body.path("nextCursor").isNull() || body.path("nextCursor").isMissingNode()) {
                assertThat(new HashSet<>(keys)).as("no row twice").hasSize(keys.size());
                return keys;
            }
            assertThat(body.path("items").size()).as("a page before the last is full").isEqualTo(size);
            cursor = body.path("nextCursor").asString();
        }
        throw new AssertionError("the walk did not end");
    }
}
