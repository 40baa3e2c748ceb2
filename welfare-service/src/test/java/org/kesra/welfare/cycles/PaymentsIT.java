package org.kesra.welfare.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kesra.devinfra.TopicReader;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class PaymentsIT extends WelfareApiIntegrationBase {

    /** Only this class uses Imopuro. */
    static final String IMOPURO = "18.72.01.1003";
    static final LocalDate ROUND_START = LocalDate.now().minusMonths(2).withDayOfMonth(1);

    @Test
    void aRoundsPaymentListIsStoredPerKpmAndAddsUpPerKelurahan() {
        HouseholdRegistered a = enrolledFamily();
        HouseholdRegistered b = enrolledFamily();
        HouseholdRegistered c = enrolledFamily();
        String round = round(3, 2_250_000, 2, 1_500_000L);

        ApiClient.Response recorded = api.post(payments(round), token("dinsos.operator"), list(
                paid(a.members().get(0).nik(), 750_000), paid(b.members().get(1).nik(), 750_000),
                unpaid(c.members().get(0).nik(), "MENINGGAL")));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.body().path("recorded").asInt()).isEqualTo(3);
        assertThat(recorded.body().path("paidRupiah").asLong()).isEqualTo(1_500_000);

        JsonNode summary = api.get(payments(round) + "/summary", token("bappeda.planner")).body();
        assertThat(summary.path("paidKpm").asLong()).isEqualTo(2);
        assertThat(summary.path("paidRupiah").asLong()).isEqualTo(1_500_000);
        assertThat(summary.path("unpaidKpm").asLong()).isEqualTo(1);
        assertThat(summary.path("matchesRealisation").asBoolean()).as("the bank's 2 KPM / Rp 1,500,000").isTrue();
        JsonNode imopuro = summary.path("kelurahan").get(0);
        assertThat(imopuro.path("kelurahanCode").asString()).isEqualTo(IMOPURO);
        assertThat(imopuro.path("kelurahan").asString()).isEqualTo("Imopuro");
        assertThat(imopuro.path("unpaidByReason").path("MENINGGAL").asLong()).isEqualTo(1);

        JsonNode asPlanner = api.get(payments(round) + "?status=TIDAK_DIBAYAR", token("bappeda.planner")).body();
        assertThat(asPlanner.path("items").size()).isEqualTo(1);
        assertThat(asPlanner.path("items").get(0).path("nik").asString()).contains("******");
        assertThat(asPlanner.path("items").get(0).path("reason").asString()).isEqualTo("MENINGGAL");
        JsonNode asOperator = api.get(payments(round), token("dinsos.operator")).body();
        assertThat(asOperator.path("items").findValuesAsString("nik"))
                .as("the enrolled KPM's NIK, also where a member's NIK named the family")
                .containsExactlyInAnyOrder(a.members().get(0).nik(), b.members().get(0).nik(), c.members().get(0).nik());
    }

    @Test
    void aRealisationItsRowsDoNotAddUpToShows() {
        HouseholdRegistered a = enrolledFamily();
        String round = round(2, 1_500_000, 2, 1_500_000L);
        assertThat(api.post(payments(round), token("dinsos.operator"), list(paid(a.members().get(0).nik(), 750_000)))
                .status()).isEqualTo(201);
        JsonNode summary = api.get(payments(round) + "/summary", token("dinsos.verifier")).body();
        assertThat(summary.path("realisedKpm").asLong()).isEqualTo(2);
        assertThat(summary.path("paidKpm").asLong()).isEqualTo(1);
        assertThat(summary.path("matchesRealisation").asBoolean(true)).isFalse();
    }

    @Test
    void badListsAreRefusedRowByRowAndNothingIsStored() {
        HouseholdRegistered a = enrolledFamily();
        HouseholdRegistered b = enrolledFamily();
        String round = round(1, 750_000, null, null);
        String path = payments(round);
        String operator = token("dinsos.operator");

        assertProblem(api.post(path, operator, "{\"payments\":[]}"), 422, "/payments", "kosong");
        ApiClient.Response rows = api.post(path, operator, list(paid("123", 750_000),
                Map.<String, Object>of("nik", a.members().get(0).nik(), "status", "LUNAS"),
                paid(a.members().get(0).nik(), -5), paid(a.members().get(0).nik(), 750_000.5),
                Map.<String, Object>of("nik", a.members().get(0).nik(), "status", "TIDAK_DIBAYAR")));
        assertProblem(rows, 422, "/payments/0/nik", "16 digit");
        assertProblem(rows, 422, "/payments/1/status", "DIBAYAR atau TIDAK_DIBAYAR");
        assertProblem(rows, 422, "/payments/2/rupiah", "lebih dari 0");
        assertProblem(rows, 422, "/payments/3/rupiah", "bilangan bulat");
        assertProblem(rows, 422, "/payments/4/reason", "Alasan");
        assertProblem(api.post(path, operator, list(paid("1872011501800009", 750_000))), 422, "/payments/0/nik",
                "bukan KPM PKH");
        assertProblem(api.post(path, operator, list(paid(a.members().get(0).nik(), 750_000),
                unpaid(a.members().get(1).nik(), "PINDAH"))), 422, "/payments/1/nik", "/payments/0");
        assertProblem(api.post(path, operator, list(paid(a.members().get(0).nik(), 750_000),
                paid(b.members().get(0).nik(), 750_000))), 422, "/payments", "melebihi SP2D");
        assertThat(api.post(path, token("dinsos.verifier"), list(paid(a.members().get(0).nik(), 750_000))).status())
                .isEqualTo(403);
        assertThat(api.post(payments("2019/TIDAK-ADA"), operator, list(paid(a.members().get(0).nik(), 750_000)))
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM benefit_payment p JOIN benefit_cycle c ON c.id = p.cycle_id WHERE c.label = ?""")
                .param(round.substring(round.indexOf('/') + 1)).query(Long.class).single())
                .as("no refused list left a row").isZero();

        assertThat(api.post(path, operator, list(paid(a.members().get(0).nik(), 750_000))).status()).isEqualTo(201);
        ApiClient.Response again = api.post(path, operator, list(unpaid(a.members().get(2).nik(), "MAMPU")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("WF-PEMBAYARAN-SUDAH-ADA");
    }

    @Test
    void theBanksSpreadsheetIsReadAndItsProblemsNameRowsAndColumns() throws IOException {
        HouseholdRegistered a = enrolledFamily();
        HouseholdRegistered b = enrolledFamily();
        String round = round(2, 1_500_000, null, null);
        String operator = token("dinsos.operator");

        ApiClient.Response refused = api.upload(payments(round), operator, csv("\uFEFFnik;status;rupiah;alasan\n"
                + a.members().get(0).nik() + ";dibayar;Rp 750.000;\n"
                + a.members().get(1).nik() + ";TIDAK_DIBAYAR;;mampu\n"
                + "1872011501800009;DIBAYAR;750000;\n"), "penyaluran.csv", Map.of());
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        Map<Long, JsonNode> byRow = new java.util.HashMap<>();
        refused.body().path("errors").forEach(e -> byRow.put(e.path("row").asLong(), e));
        assertThat(byRow.keySet()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(byRow.get(3L).path("column").asString()).isEqualTo("nik");
        assertThat(byRow.get(3L).path("detail").asString()).contains("baris 2");
        assertThat(byRow.get(3L).path("value").asString()).as("the cell as written").isEqualTo(a.members().get(1).nik());
        assertThat(byRow.get(4L).path("detail").asString()).contains("bukan KPM PKH");

        ApiClient.Response noStatus = api.upload(payments(round), operator, csv("nik,rupiah\n"
                + a.members().get(0).nik() + ",750000\n"), "penyaluran.csv", Map.of());
        assertThat(noStatus.status()).isEqualTo(422);
        assertThat(noStatus.body().path("code").asString()).isEqualTo("WF-KOLOM-KURANG");
        assertThat(noStatus.body().path("errors").findValuesAsString("column")).containsExactly("status");

        ApiClient.Response notANumber = api.upload(payments(round), operator, csv("nik,status,rupiah\n"
                + a.members().get(0).nik() + ",DIBAYAR,\"750000,5\"\n"), "penyaluran.csv", Map.of());
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body().path("errors").get(0).path("column").asString()).isEqualTo("rupiah");
        assertThat(notANumber.body().path("errors").get(0).path("row").asLong()).isEqualTo(2);
        ApiClient.Response overSp2d = api.upload(payments(round), operator, csv("nik,status,rupiah\n"
                + a.members().get(0).nik() + ",DIBAYAR,1600000\n"), "penyaluran.csv", Map.of());
        assertThat(overSp2d.status()).isEqualTo(422);
        assertThat(overSp2d.body().path("errors").get(0).path("pointer").asString()).as("the file as a whole")
                .isEqualTo("/file");
        assertThat(overSp2d.body().path("errors").get(0).path("detail").asString()).contains("melebihi SP2D");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM benefit_payment p JOIN benefit_cycle c ON c.id = p.cycle_id WHERE c.label = ?""")
                .param(round.substring(round.indexOf('/') + 1)).query(Long.class).single()).isZero();

        Path xlsx = Files.createTempFile("penyaluran-", ".xlsx");
        xlsx.toFile().deleteOnExit();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            var sheet = book.createSheet("Penyaluran");
            String[][] rows = {{"NIK", "STATUS", "RUPIAH", "ALASAN"},
                {a.members().get(0).nik(), "DIBAYAR", null, null},
                {b.members().get(0).nik(), "TIDAK_DIBAYAR", null, "PINDAH"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.getRow(1).createCell(2).setCellValue(750_000); // a number cell, as the bank's sheet has it
            book.write(out);
        }
        ApiClient.Response recorded = api.upload(payments(round), operator, xlsx, "penyaluran.xlsx", Map.of());
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.body().path("recorded").asInt()).isEqualTo(2);
        assertThat(api.get(payments(round) + "/summary", operator).body().path("paidRupiah").asLong())
                .isEqualTo(750_000);
    }

    @Test
    void anEmptyRowASumPastAnyLimitAnUnknownFilterAndADamagedFileAreProblemsNotErrors() throws IOException {
        HouseholdRegistered a = enrolledFamily();
        HouseholdRegistered b = enrolledFamily();
        String round = round(2, 750_000, null, null);
        String path = payments(round);
        String operator = token("dinsos.operator");

        assertProblem(api.post(path, operator, "{\"payments\":[null]}"), 422, "/payments/0", "Baris kosong");
        assertProblem(api.post(path, operator, list(paid(a.members().get(0).nik(), Long.MAX_VALUE),
                paid(b.members().get(0).nik(), Long.MAX_VALUE))), 422, "/payments", "melebihi SP2D");
        ApiClient.Response filter = api.get(path + "?status=LUNAS", operator);
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.contentType()).startsWith("application/problem+json");
        assertThat(filter.body().path("code").asString()).isEqualTo("WF-PARAMETER-TIDAK-VALID");

        Path notAWorkbook = Files.createTempFile("penyaluran-", ".xlsx");
        notAWorkbook.toFile().deleteOnExit();
        Files.write(notAWorkbook, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertUnreadable(api.upload(path, operator, notAWorkbook, "penyaluran.xlsx", Map.of()));
        assertUnreadable(api.upload(path, operator, csv("nik,status,rupiah\n\"" + a.members().get(0).nik()
                + ",DIBAYAR,750000\n"), "penyaluran.csv", Map.of()));
        assertThat(api.get(path + "/summary", operator).body().path("paidKpm").asLong())
                .as("nothing stored").isZero();
    }

    private static void assertUnreadable(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).isEqualTo("WF-BERKAS-TIDAK-TERBACA");
    }

    /**
     * Recording a round publishes welfare.benefit-cycle.opened with its SP2D and reported realisation; each payment
     * list publishes welfare.benefit-payments.recorded with the round's totals after it (not the list's own), keyed
     * by the round's id, so reporting keeps the latest and sums nothing.
     */
    @Test
    void aRoundAndEachOfItsPaymentListsArePublishedWithTheRoundsFigures() throws Exception {
        HouseholdRegistered a = enrolledFamily();
        HouseholdRegistered b = enrolledFamily();
        String round = round(2, 1_500_000, 1, 750_000L);
        String label = round.substring(round.indexOf('/') + 1);
        String cycleId = api.get("/api/v1/programmes/PKH/cycles?tahun=" + ROUND_START.getYear(),
                        token("dinsos.operator")).body().path("cycles").valueStream()
                .filter(c -> c.path("label").asString().equals(label)).findFirst().orElseThrow().path("id").asString();

        List<ConsumerRecord<String, byte[]>> opened = TopicReader.read("welfare.events",
                r -> "welfare.benefit-cycle.opened".equals(TopicReader.header(r, "ce_type")) && cycleId.equals(r.key()),
                1, Duration.ofSeconds(30));
        assertThat(opened).hasSize(1);
        JsonNode cycle = JSON.readTree(opened.get(0).value());
        assertThat(cycle.path("programme").asString()).isEqualTo("PKH");
        assertThat(cycle.path("year").asInt()).isEqualTo(ROUND_START.getYear());
        assertThat(cycle.path("label").asString()).isEqualTo(label);
        assertThat(cycle.path("kind").asString()).isEqualTo("TAHAP");
        assertThat(cycle.path("periodStart").asString()).isEqualTo(ROUND_START.toString());
        assertThat(cycle.path("sp2dKpm").asLong()).isEqualTo(2);
        assertThat(cycle.path("sp2dRupiah").asLong()).isEqualTo(1_500_000);
        assertThat(cycle.path("realisedKpm").asLong()).isEqualTo(1);
        assertThat(cycle.path("realisedRupiah").asLong()).isEqualTo(750_000);

        assertThat(api.post(payments(round), token("dinsos.operator"), list(paid(a.members().get(0).nik(), 750_000)))
                .status()).isEqualTo(201);
        assertThat(api.post(payments(round), token("dinsos.operator"), list(unpaid(b.members().get(0).nik(), "PINDAH")))
                .status()).isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> recorded = TopicReader.read("welfare.events",
                r -> "welfare.benefit-payments.recorded".equals(TopicReader.header(r, "ce_type"))
                        && cycleId.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(recorded).hasSize(2);
        JsonNode first = JSON.readTree(recorded.get(0).value());
        JsonNode second = JSON.readTree(recorded.get(1).value());
        assertThat(List.of(first.path("paidKpm").asLong(), first.path("paidRupiah").asLong(),
                first.path("unpaidKpm").asLong(), first.path("rows").asLong())).containsExactly(1L, 750_000L, 0L, 1L);
        assertThat(List.of(second.path("paidKpm").asLong(), second.path("paidRupiah").asLong(),
                second.path("unpaidKpm").asLong(), second.path("rows").asLong()))
                .as("the round's totals after the second list, not the list's own").containsExactly(1L, 750_000L, 1L, 2L);
        assertThat(second.path("label").asString()).isEqualTo(label);

        // A refused list publishes nothing.
        assertThat(api.post(payments(round), token("dinsos.operator"), list(paid(b.members().get(0).nik(), 750_000)))
                .status()).isEqualTo(409);
        assertThat(TopicReader.read("welfare.events",
                r -> "welfare.benefit-payments.recorded".equals(TopicReader.header(r, "ce_type"))
                        && cycleId.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }

    private static Path csv(String text) throws IOException {
        Path file = Files.createTempFile("penyaluran-", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private HouseholdRegistered enrolledFamily() {
        HouseholdRegistered card = household.registerFamily(IMOPURO);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == card.members().size());
        ApiClient.Response enrolled = enrol("dinsos.operator", "PKH", card.members().get(0).nik(),
                ROUND_START.minusMonths(6).toString(), null);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        return card;
    }

    /** A PKH round in the past; returns "year/label". */
    private String round(int sp2dKpm, long sp2dRupiah, Integer realisedKpm, Long realisedRupiah) {
        String label = "UJI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", ROUND_START.getYear());
        body.put("label", label);
        body.put("kind", "TAHAP");
        body.put("periodStart", ROUND_START.toString());
        body.put("periodEnd", ROUND_START.plusMonths(1).minusDays(1).toString());
        body.put("sp2dKpm", sp2dKpm);
        body.put("sp2dRupiah", sp2dRupiah);
        body.put("realisedKpm", realisedKpm);
        body.put("realisedRupiah", realisedRupiah);
        ApiClient.Response created = api.post("/api/v1/programmes/PKH/cycles", token("dinsos.operator"),
                JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return ROUND_START.getYear() + "/" + label;
    }

    private static String payments(String round) {
        return "/api/v1/programmes/PKH/cycles/" + round + "/payments";
    }

    private static Map<String, Object> paid(String nik, Number rupiah) {
        return Map.of("nik", nik, "status", "DIBAYAR", "rupiah", rupiah);
    }

    private static Map<String, Object> unpaid(String nik, String reason) {
        return Map.of("nik", nik, "status", "TIDAK_DIBAYAR", "reason", reason);
    }

    @SafeVarargs
    private static String list(Map<String, Object>... rows) {
        return JSON.writeValueAsString(Map.of("payments", List.of(rows)));
    }
}
