package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quarterly realisation through the API with the realm's real users: drafted and submitted by the kelurahan's operator,
 * returned with the seed 002 checklist and approved by the camat, re-opened by an edit after approval with the approved
 * version still readable, capaian per quarter and year to date, every transition audited; bad input refused with a
 * pointer and nothing written.
 */
class RealisationIT extends PerformanceApiTest {

    /** Kelurahan Mulyojati (Kecamatan Metro Barat): mulyojati.operator reports, metrobarat.camat decides. */
    static final String UNIT = "18.72.03.1001";
    static final String OPERATOR = "mulyojati.operator";
    static final String CAMAT = "metrobarat.camat";
    static final int YEAR = 2024;

    private static String agreementId;

    /** The kelurahan's plan 2024-2026 and its agreed 2024 Perjanjian Kinerja, made once for the class. */
    private synchronized String agreement() {
        if (agreementId == null) {
            ApiClient.Response plan = post(ADMIN, "/api/v1/renstra", RenstraFixtures.small(UNIT, YEAR, 2026));
            assertThat(plan.status()).as(plan.text()).isEqualTo(201);
            String ppks = plan.body().at("/tujuan/0/children/0/indicators/0/id").asString();
            ObjectNode body = JSON.createObjectNode();
            body.put("unit", UNIT);
            body.put("year", YEAR);
            body.put("position", "HEAD");
            body.put("positionTitle", "Lurah Mulyojati");
            ArrayNode items = body.putArray("items");
            item(items, "Meningkatnya penanganan PPKS", "Persentase PPKS yang ditangani", "%", "70", 1_000_000L)
                    .put("renstraIndicatorId", ppks);
            item(items, "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "indeks", "82", null);
            item(items, "Meningkatnya pemberdayaan masyarakat", "Jumlah kunjungan pembinaan", "kali", "40",
                    22_900_000L);
            ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
            assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
            String id = drafted.body().path("id").asString();
            ApiClient.Response agreed = send(ADMIN, "POST", "/api/v1/agreements/" + id + "/agreement", "\"1\"", null);
            assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
            agreementId = id;
        }
        return agreementId;
    }

    private static ObjectNode item(ArrayNode items, String sasaran, String indicator, String unit, String target,
                                   Long budget) {
        ObjectNode item = items.addObject();
        item.put("sasaran", sasaran);
        item.put("indicator", indicator);
        item.put("unitOfMeasure", unit);
        item.put("direction", "HIGHER");
        item.put("target", new java.math.BigDecimal(target));
        if (budget != null) {
            item.put("budget", budget);
        }
        return item;
    }

    private ObjectNode realisation(int quarter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", UNIT);
        body.put("year", YEAR);
        body.put("quarter", quarter);
        body.put("agreementId", agreement());
        body.put("agreementRevision", 1);
        body.putArray("entries");
        body.put("obstacles", "Sebagian kegiatan dijadwalkan pada triwulan berikutnya");
        body.put("followUp", "Koordinasi dengan kelurahan");
        return body;
    }

    private static ObjectNode parts(ObjectNode body, int item, String numerator, String denominator) {
        ObjectNode entry = ((ArrayNode) body.get("entries")).addObject();
        entry.put("item", item);
        entry.put("numerator", numerator);
        entry.put("denominator", denominator);
        return entry;
    }

    private static ObjectNode value(ObjectNode body, int item, String value) {
        ObjectNode entry = ((ArrayNode) body.get("entries")).addObject();
        entry.put("item", item);
        entry.put("value", value);
        return entry;
    }

    @Test
    void aQuarterIsSubmittedReturnedApprovedAndReopenedWithTheApprovedVersionReadable() {
        ObjectNode q1 = realisation(1);
        parts(q1, 0, "85", "100").put("budgetRealised", 250_000L);
        value(q1, 1, "70");
        ApiClient.Response drafted = post(OPERATOR, "/api/v1/realisations", q1);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
        assertThat(drafted.body().path("status").asString()).isEqualTo("DRAFT");
        JsonNode deadline = get(OPERATOR, "/api/v1/reporting-deadlines?tahun=2024&triwulan=1").body();
        assertThat(drafted.body().path("dueDate").asString()).isEqualTo(deadline.path("due").asString());
        assertThat(drafted.body().at("/entries/0/kind").asString()).isEqualTo("PERCENTAGE");
        assertThat(drafted.body().at("/entries/0/aggregation").asString()).as("from the Renstra indicator")
                .isEqualTo("RATIO");
        assertThat(drafted.body().at("/entries/0/value").decimalValue()).isEqualByComparingTo("85");
        assertThat(drafted.body().at("/entries/0/quarter/percent").decimalValue()).isEqualByComparingTo("121.43");
        assertThat(drafted.body().at("/entries/0/budgetAbsorption").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(drafted.body().at("/entries/0/efficiency").decimalValue())
                .as("Tabel 3.2 efisiensi: 121.43 % reached with 25.00 % of the pagu spent").isEqualByComparingTo("96.43");
        assertThat(drafted.body().at("/entries/1/efficiency").isNull()).as("no pagu, no budget capaian").isTrue();
        assertThat(drafted.body().at("/entries/1/quarter/percent").decimalValue()).as("seed 004: 70 against 82")
                .isEqualByComparingTo("85.37");
        String id = drafted.body().path("id").asString();
        String path = "/api/v1/realisations/" + id;

        assertProblem(send(OPERATOR, "POST", path + "/submission", "\"1\"", null), 400,
                "PF-REALISASI-BELUM-LENGKAP", "/entries");
        ObjectNode change = JSON.createObjectNode();
        change.set("entries", q1.get("entries").deepCopy());
        value(change, 2, "12").put("budgetRealised", 5_955_000L);
        ApiClient.Response completed = send(OPERATOR, "PUT", path, "\"1\"", change);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.header("ETag")).isEqualTo("\"2\"");
        assertThat(completed.body().path("version").asInt()).as("a draft is edited in place").isEqualTo(1);
        assertProblem(send(OPERATOR, "PUT", path, "\"1\"", change), 412, "PF-REALISASI-BERUBAH", null);
        assertProblem(send(OPERATOR, "POST", path + "/submission", null, null), 428, "KESRA-IF-MATCH-WAJIB", null);

        ApiClient.Response submitted = send(OPERATOR, "POST", path + "/submission", "\"2\"", null);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().path("late").asBoolean()).as("2024 Q1 submitted in a later year").isTrue();
        assertThat(submitted.body().path("workingDaysLate").asInt()).isPositive();
        assertProblem(send(OPERATOR, "PUT", path, "\"3\"", change), 422, "PF-STATUS-TIDAK-MEMUNGKINKAN", null);
        assertThat(send("metrobarat.operator", "POST", path + "/approval", "\"3\"", null).status())
                .as("an operator does not decide").isEqualTo(403);
        assertProblem(get("rejomulyo.operator", path), 404, "PF-REALISASI-TIDAK-DITEMUKAN", null);

        ObjectNode giveBack = JSON.createObjectNode();
        giveBack.putArray("checklist").add("RECHECK_CAPAIAN").add("OTHER");
        assertProblem(send(CAMAT, "POST", path + "/return", "\"3\"", giveBack), 400, "PF-DAFTAR-PERIKSA-TIDAK-SAH",
                "/other");
        giveBack.put("other", "Lampirkan daftar hadir kunjungan");
        ApiClient.Response returned = send(CAMAT, "POST", path + "/return", "\"3\"", giveBack);
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asString()).isEqualTo("RETURNED");

        ((ObjectNode) change.at("/entries/2")).put("value", "14");
        ApiClient.Response fixed = send(OPERATOR, "PUT", path, "\"4\"", change);
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
        assertThat(send(OPERATOR, "POST", path + "/submission", "\"5\"", null).status()).isEqualTo(200);
        ApiClient.Response approved = send(CAMAT, "POST", path + "/approval", "\"6\"", null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().path("approvedVersion").asInt()).isEqualTo(1);
        assertThat(approved.body().path("approvedBy").asString()).isEqualTo(CAMAT);

        ((ObjectNode) change.at("/entries/2")).put("value", "15");
        assertProblem(send(OPERATOR, "PUT", path, "\"7\"", change), 400, "PF-ISIAN-WAJIB", "/reason");
        change.put("reason", "Satu kunjungan belum tercatat");
        ApiClient.Response reopened = send(OPERATOR, "PUT", path, "\"7\"", change);
        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
        assertThat(reopened.body().path("status").asString()).as("an edit re-opens the approval").isEqualTo("DRAFT");
        assertThat(reopened.body().path("version").asInt()).isEqualTo(2);
        assertThat(reopened.body().path("approvedVersion").asInt()).isEqualTo(1);
        JsonNode asApproved = get("inspektorat.auditor", path + "/versions/1").body();
        assertThat(asApproved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(asApproved.at("/entries/2/value").decimalValue()).as("the approved version stays as approved")
                .isEqualByComparingTo("14");
        assertProblem(get(OPERATOR, path + "/versions/3"), 404, "PF-VERSI-REALISASI-TIDAK-DITEMUKAN", null);

        JsonNode audit = get(CAMAT, path + "/transitions").body();
        assertThat(audit.findValuesAsString("to")).containsExactly("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED",
                "APPROVED", "DRAFT");
        assertThat(audit.findValuesAsString("by")).containsExactly(OPERATOR, OPERATOR, CAMAT, OPERATOR, CAMAT,
                OPERATOR);
        assertThat(audit.at("/2/from").asString()).isEqualTo("SUBMITTED");
        assertThat(audit.at("/2/checklist").toString()).contains("RECHECK_CAPAIAN", "OTHER");
        assertThat(audit.at("/2/reason").asString()).isEqualTo("Lampirkan daftar hadir kunjungan");
        assertThat(audit.at("/5/reason").asString()).isEqualTo("Satu kunjungan belum tercatat");
        assertThat(audit.at("/0/at").asString()).isNotBlank();

        // Q2 builds on Q1's approved version: ratio of summed parts, sum, last value.
        ObjectNode q2 = realisation(2);
        parts(q2, 0, "15", "50");
        value(q2, 1, "75");
        value(q2, 2, "10");
        ApiClient.Response second = post(OPERATOR, "/api/v1/realisations", q2);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.body().at("/entries/0/yearToDateValue").decimalValue()).as("(85+15)/(100+50)")
                .isEqualByComparingTo("66.67");
        assertThat(second.body().at("/entries/0/yearToDate/percent").decimalValue()).isEqualByComparingTo("95.24");
        assertThat(second.body().at("/entries/1/yearToDateValue").decimalValue()).isEqualByComparingTo("75");
        assertThat(second.body().at("/entries/2/yearToDateValue").decimalValue()).as("14 approved + 10")
                .isEqualByComparingTo("24");
        assertThat(second.body().at("/entries/2/yearToDate/percent").decimalValue()).isEqualByComparingTo("60.00");
        assertProblem(post(OPERATOR, "/api/v1/realisations", q2), 409, "PF-REALISASI-SUDAH-ADA", "/quarter");
        JsonNode listed = get(CAMAT, "/api/v1/realisations?unit=" + UNIT + "&tahun=2024").body();
        assertThat(listed.path("items").findValuesAsString("id")).contains(id);
    }

    @Test
    void badFiguresAndCallersAreRefusedWithAPointerAndNothingWritten() {
        refused(OPERATOR, b -> value(b, 1, "delapan puluh"), 400, "PF-NILAI-BUKAN-ANGKA", "/entries/0/value");
        refused(OPERATOR, b -> value(b, 2, "-3"), 400, "PF-REALISASI-TIDAK-SAH", "/entries/0/value");
        refused(OPERATOR, b -> parts(b, 0, "120", "100"), 400, "PF-PERSENTASE-LEBIH-100", "/entries/0/numerator");
        refused(OPERATOR, b -> parts(b, 0, "5", "0"), 400, "PF-PENYEBUT-NOL", "/entries/0/denominator");
        refused(OPERATOR, b -> value(b, 0, "85"), 400, "PF-DEFINISI-PERSENTASE", "/entries/0/numerator");
        refused(OPERATOR, b -> value(b, 7, "1"), 400, "PF-BUTIR-PK-TIDAK-DIKENAL", "/entries/0/item");
        refused(OPERATOR, b -> {
            value(b, 1, "80");
            value(b, 1, "81");
        }, 400, "PF-BUTIR-GANDA", "/entries/1/item");
        refused(OPERATOR, b -> b.put("quarter", 5), 400, "PF-TRIWULAN-TIDAK-SAH", "/quarter");
        // A quarter outside the plan period (2024-2026) cannot be reported against the plan year's agreement.
        refused(OPERATOR, b -> {
            value(b, 1, "80");
            b.put("year", 2027);
        }, 400, "PF-PK-TIDAK-SESUAI", "/agreementId");
        refused("metrobarat.operator", b -> value(b, 1, "80"), 403, "PF-BUKAN-PELAPOR-UNIT", "/unit");
        // Another kecamatan's operator learns nothing: the same answer as for a unit that does not exist.
        refused("rejomulyo.operator", b -> value(b, 1, "80"), 400, "PF-UNIT-TIDAK-DIKENAL", "/unit");
        refused(OPERATOR, b -> b.put("unit", "18.72.03.1999"), 400, "PF-UNIT-TIDAK-DIKENAL", "/unit");
        refused(OPERATOR, b -> b.put("agreementRevision", 9), 404, "PF-REVISI-PK-TIDAK-DITEMUKAN", null);
    }

    /**
     * The console's "capaian as the value is typed": a figure not yet saved gets the capaian the saved entry gets, by
     * the same checks; bad figures are refused with the pointer of the query parameter, and nothing is written.
     */
    @Test
    void aTypedFigureIsPreviewedAsTheSavedEntryWouldBeAndBadOnesAreRefusedWithTheirPointer() {
        ObjectNode q4 = realisation(4);
        value(q4, 1, "70");
        ApiClient.Response drafted = post(OPERATOR, "/api/v1/realisations", q4);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String path = "/api/v1/realisations/" + drafted.body().path("id").asString();

        ApiClient.Response typed = get(OPERATOR, path + "/capaian?item=1&value=70");
        assertThat(typed.status()).as(typed.text()).isEqualTo(200);
        assertThat(typed.body().at("/quarter/percent").decimalValue()).as("as the saved entry")
                .isEqualByComparingTo(drafted.body().at("/entries/0/quarter/percent").decimalValue())
                .isEqualByComparingTo("85.37");
        assertThat(typed.body().path("indicator").asString()).isEqualTo("Indeks Kepuasan Masyarakat");
        ApiClient.Response parts = get(CAMAT, path + "/capaian?item=0&numerator=85&denominator=100");
        assertThat(parts.status()).as(parts.text()).isEqualTo(200);
        assertThat(parts.body().path("value").decimalValue()).isEqualByComparingTo("85");
        assertThat(parts.body().at("/quarter/percent").decimalValue()).isEqualByComparingTo("121.43");
        assertThat(parts.body().at("/quarter/met").asBoolean()).isTrue();

        assertProblem(get(OPERATOR, path + "/capaian?item=1&value=delapan"), 400, "PF-NILAI-BUKAN-ANGKA", "/value");
        assertProblem(get(OPERATOR, path + "/capaian?item=0&numerator=5&denominator=0"), 400, "PF-PENYEBUT-NOL",
                "/denominator");
        assertProblem(get(OPERATOR, path + "/capaian?item=0&value=85"), 400, "PF-DEFINISI-PERSENTASE",
                "/numerator");
        assertProblem(get(OPERATOR, path + "/capaian?item=1"), 400, "PF-ISIAN-WAJIB", "/value");
        assertProblem(get(OPERATOR, path + "/capaian?item=7&value=1"), 400, "PF-BUTIR-PK-TIDAK-DIKENAL", "/item");
        assertProblem(get("rejomulyo.operator", path + "/capaian?item=1&value=70"), 404,
                "PF-REALISASI-TIDAK-DITEMUKAN", null);
        ApiClient.Response after = get(OPERATOR, path);
        assertThat(after.header("ETag")).as("a preview writes nothing").isEqualTo("\"1\"");
        assertThat(after.body().at("/entries/0/value").decimalValue()).isEqualByComparingTo("70");
    }

    private void refused(String user, Consumer<ObjectNode> breakIt, int status, String code, String pointer) {
        ObjectNode body = realisation(3);
        breakIt.accept(body);
        assertProblem(post(user, "/api/v1/realisations", body), status, code, pointer);
        assertThat(jdbc.sql("SELECT count(*) FROM realisation WHERE agreement_id = ?::uuid AND quarter = 3")
                .param(agreement()).query(Long.class).single()).as("a refused realisation leaves nothing").isZero();
    }

    @Test
    void onlyTheParentsApproverDecidesAndNeverTheSubmitter() {
        // A kecamatan's own report: its operator submits, its camat decides.
        String kecamatan = agreed("18.72.03", "Camat Metro Barat (uji realisasi)");
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", YEAR);
        body.put("quarter", 1);
        body.put("agreementId", kecamatan);
        body.put("agreementRevision", 1);
        body.putArray("entries").addObject().put("item", 0).put("value", "82");
        ApiClient.Response drafted = post("metrobarat.operator", "/api/v1/realisations", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String path = "/api/v1/realisations/" + drafted.body().path("id").asString();
        assertThat(send("metrobarat.operator", "POST", path + "/submission", "\"1\"", null).status()).isEqualTo(200);
        ApiClient.Response approved = send(CAMAT, "POST", path + "/approval", "\"2\"", null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().at("/entries/0/quarter/percent").decimalValue()).as("seed 004: 82 against 70")
                .isEqualByComparingTo("117.14");

        // An OPD: the realm has no head-of-agency role; a platform admin decides, but never on what they submitted.
        String opd = agreed("disnakertrans", "Kepala Dinas Tenaga Kerja dan Transmigrasi (uji realisasi)");
        body.put("unit", "disnakertrans");
        body.put("agreementId", opd);
        assertProblem(post(PLANNER, "/api/v1/realisations", body), 403, "PF-BUKAN-PELAPOR-UNIT", "/unit");
        ApiClient.Response own = post(ADMIN, "/api/v1/realisations", body);
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        String opdPath = "/api/v1/realisations/" + own.body().path("id").asString();
        assertThat(send(ADMIN, "POST", opdPath + "/submission", "\"1\"", null).status()).isEqualTo(200);
        assertProblem(send(ADMIN, "POST", opdPath + "/approval", "\"2\"", null), 403,
                "PF-PELAPOR-TIDAK-BOLEH-MENILAI", null);
        assertProblem(send(CAMAT, "POST", opdPath + "/approval", "\"2\"", null), 404,
                "PF-REALISASI-TIDAK-DITEMUKAN", null);
        assertThat(get(ADMIN, opdPath).body().path("status").asString()).isEqualTo("SUBMITTED");

        // A realisation needs an agreed revision.
        ObjectNode draftOnly = JSON.createObjectNode();
        draftOnly.put("unit", "18.72.03");
        draftOnly.put("year", 2025);
        draftOnly.put("position", "HEAD");
        draftOnly.put("positionTitle", "Camat Metro Barat (uji realisasi draf)");
        item(draftOnly.putArray("items"), "Sasaran", "Indeks Kepuasan Masyarakat", "indeks", "70", null);
        ApiClient.Response draft = post(ADMIN, "/api/v1/agreements", draftOnly);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        body.put("unit", "18.72.03");
        body.put("year", 2025);
        body.put("agreementId", draft.body().path("id").asString());
        assertProblem(post("metrobarat.operator", "/api/v1/realisations", body), 422, "PF-PK-BELUM-DISEPAKATI",
                "/agreementRevision");
    }

    /**
     * The holiday calendar loaded here starts in 2024 (the shared reference's years). A 2022 quarter is history,
     * entered from its signed documents: accepted, submitted and approved without a deadline or lateness; the deadline
     * endpoint still refuses to invent one. A later year without its calendar (Q4 2026 is due in January 2027) is
     * refused as before, with nothing written.
     */
    @Test
    void aQuarterBeforeTheHolidayCalendarIsHistoryWithoutDeadlineWhileALaterYearWithoutItIsRefused() {
        String historical = agreed("18.72.03", 2022, "Camat Metro Barat (uji data historis)");
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", 2022);
        body.put("quarter", 4);
        body.put("agreementId", historical);
        body.put("agreementRevision", 1);
        body.putArray("entries").addObject().put("item", 0).put("value", "70");
        body.put("obstacles", "Diisi dari LAKIP 2022");
        ApiClient.Response drafted = post("metrobarat.operator", "/api/v1/realisations", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        assertThat(drafted.body().path("historical").asBoolean()).isTrue();
        assertThat(drafted.body().path("dueDate").isNull()).as(drafted.text()).isTrue();
        String path = "/api/v1/realisations/" + drafted.body().path("id").asString();
        ApiClient.Response submitted = send("metrobarat.operator", "POST", path + "/submission", "\"1\"", null);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("workingDaysLate").isNull()).as("a backfill is not late").isTrue();
        assertThat(submitted.body().path("late").asBoolean()).isFalse();
        assertThat(submitted.body().path("submittedAt").isNull()).isFalse();
        ApiClient.Response approved = send(CAMAT, "POST", path + "/approval", "\"2\"", null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().at("/entries/0/quarter/percent").decimalValue()).as("70 against 70")
                .isEqualByComparingTo("100");
        assertThat(jdbc.sql("SELECT due_date IS NULL AND working_days_late IS NULL FROM realisation WHERE id = ?::uuid")
                .param(drafted.body().path("id").asString()).query(Boolean.class).single()).isTrue();
        assertProblem(get("metrobarat.operator", "/api/v1/reporting-deadlines?tahun=2022&triwulan=4"), 422,
                "PF-KALENDER-BELUM-ADA", null);

        String later = agreed("18.72.03", 2026, "Camat Metro Barat (uji kalender belum ada)");
        body.put("year", 2026);
        body.put("agreementId", later);
        assertProblem(post("metrobarat.operator", "/api/v1/realisations", body), 422, "PF-KALENDER-BELUM-ADA", null);
        assertThat(jdbc.sql("SELECT count(*) FROM realisation WHERE agreement_id = ?::uuid").param(later)
                .query(Long.class).single()).as("nothing written").isZero();
    }

    /**
     * Budget realised is one quarter's spending, so the year's running total must stay within the pagu: Q1 Rp 6.000.000
     * and Q2 Rp 5.000.000 of a Rp 10.000.000 pagu, each within it, are Rp 11.000.000 by Q2: a finding naming both
     * places, until Q2 states the override with its reason.
     */
    @Test
    void theYearsRunningBudgetAbovePaguIsAFindingThoughEachQuarterIsWithinIt() {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", 2025);
        body.put("position", "HEAD");
        body.put("positionTitle", "Camat Metro Barat (uji pagu kumulatif)");
        item(body.putArray("items"), "Meningkatnya pemberdayaan masyarakat", "Jumlah kunjungan pembinaan", "kali", "40",
                10_000_000L);
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String agreement = drafted.body().path("id").asString();
        assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + agreement + "/agreement", "\"1\"", null).status())
                .isEqualTo(200);
        String q2 = null;
        for (int quarter = 1; quarter <= 2; quarter++) {
            ObjectNode report = JSON.createObjectNode();
            report.put("unit", "18.72.03");
            report.put("year", 2025);
            report.put("quarter", quarter);
            report.put("agreementId", agreement);
            report.put("agreementRevision", 1);
            report.putArray("entries").addObject().put("item", 0).put("value", "10")
                    .put("budgetRealised", quarter == 1 ? 6_000_000L : 5_000_000L);
            ApiClient.Response saved = post("metrobarat.operator", "/api/v1/realisations", report);
            assertThat(saved.status()).as(saved.text()).isEqualTo(201);
            q2 = saved.body().path("id").asString();
        }
        String findings = "/api/v1/performance/units/18.72.03/findings?tahun=2025";
        List<JsonNode> over = overPagu(get(CAMAT, findings).body());
        assertThat(over).hasSize(1);
        assertThat(over.get(0).path("quarter").asInt()).isEqualTo(2);
        assertThat(over.get(0).path("message").asString()).contains("s.d. triwulan 2 Rp 11.000.000",
                "Rp 6.000.000", "Rp 5.000.000", "pagu Rp 10.000.000");
        assertThat(over.get(0).path("places").findValuesAsString("pointer"))
                .containsExactly("/entries/0/budgetRealised", "/items/0/budget");

        ObjectNode change = JSON.createObjectNode();
        change.putArray("entries").addObject().put("item", 0).put("value", "10").put("budgetRealised", 5_000_000L)
                .put("budgetOverride", true).put("budgetOverrideReason", "Tambahan kunjungan atas perintah camat");
        ApiClient.Response overridden = send("metrobarat.operator", "PUT", "/api/v1/realisations/" + q2, "\"1\"",
                change);
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);
        assertThat(overPagu(get(CAMAT, findings).body())).as("override stated").isEmpty();
    }

    /**
     * A range target through the whole path (sakip-rules.md): 3-5 hari; a quarter inside the range is 100, above it
     * the lower-is-better rule against the upper bound, below it the higher-is-better rule against the lower bound.
     */
    @Test
    void aRangeTargetIsMeasuredAgainstTheBoundItMisses() {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", 2025);
        body.put("position", "HEAD");
        body.put("positionTitle", "Camat Metro Barat (uji target rentang)");
        item(body.putArray("items"), "Meningkatnya kualitas pelayanan publik", "Lama penyelesaian surat pengantar",
                "hari", "3", null).put("direction", "RANGE").put("targetMax", new java.math.BigDecimal("5"));
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String agreement = drafted.body().path("id").asString();
        assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + agreement + "/agreement", "\"1\"", null).status())
                .isEqualTo(200);
        String[][] quarters = {{"1", "6", "80.00", "false"}, {"2", "4", "100.00", "true"}, {"3", "1.5", "50.00", "false"}};
        for (String[] q : quarters) {
            ObjectNode report = JSON.createObjectNode();
            report.put("unit", "18.72.03");
            report.put("year", 2025);
            report.put("quarter", Integer.parseInt(q[0]));
            report.put("agreementId", agreement);
            report.put("agreementRevision", 1);
            report.putArray("entries").addObject().put("item", 0).put("value", q[1]);
            ApiClient.Response saved = post("metrobarat.operator", "/api/v1/realisations", report);
            assertThat(saved.status()).as(saved.text()).isEqualTo(201);
            JsonNode entry = saved.body().at("/entries/0");
            assertThat(entry.path("direction").asString()).isEqualTo("RANGE");
            assertThat(entry.path("targetMax").decimalValue()).isEqualByComparingTo("5");
            assertThat(entry.at("/quarter/percent").decimalValue()).as("Q%s: %s hari", q[0], q[1])
                    .isEqualByComparingTo(q[2]);
            assertThat(entry.at("/quarter/met").asBoolean()).as("Q%s met", q[0]).isEqualTo(Boolean.parseBoolean(q[3]));
        }
    }

    private static List<JsonNode> overPagu(JsonNode answer) {
        List<JsonNode> found = new java.util.ArrayList<>();
        answer.path("findings").forEach(f -> {
            if (f.path("code").asString().equals("PF-CEK-MELEBIHI-PAGU")
                    && f.path("message").asString().contains("kunjungan pembinaan")) {
                found.add(f);
            }
        });
        return found;
    }

    private String agreed(String unit, String title) {
        return agreed(unit, YEAR, title);
    }

    private String agreed(String unit, int year, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", unit);
        body.put("year", year);
        body.put("position", "HEAD");
        body.put("positionTitle", title);
        item(body.putArray("items"), "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "indeks",
                "70", null);
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String id = drafted.body().path("id").asString();
        assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + id + "/agreement", "\"1\"", null).status())
                .isEqualTo(200);
        return id;
    }

    private ApiClient.Response send(String user, String method, String path, String ifMatch, JsonNode body) {
        return api.send(method, path, token(user), body == null ? null : JSON.writeValueAsString(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
