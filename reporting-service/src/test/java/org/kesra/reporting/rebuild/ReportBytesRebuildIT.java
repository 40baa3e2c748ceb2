package org.kesra.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.lakip.LakipIT;
import org.kesra.reporting.quarterly.QuarterlyPerformanceIT;
import org.kesra.reporting.realisation.PkhRealisationIT;
import org.kesra.reporting.renstra.RenstraMatrixIT;
import org.kesra.reporting.workbook.ChartsReadBack;
import tools.jackson.databind.JsonNode;

/**
 * A read-model rebuild gives every report the same bytes: the source events go through the real broker (the report
 * tests' own seeders: seed 002's quarter, seed 004's LAKIP, seed 001's Renstra and Tabel 2.1, and a kelurahan's
 * published figures), then the quarterly XLSX and PDF, the recap PDF, the LAKIP XLSX and PDF, the PKH XLSX, the
 * Renstra XLSX (each workbook with its native charts) and the dashboard JSON are fetched before and after
 * {@code POST /api/v1/ops/read-model-rebuilds} completes, and compared byte for byte.
 *
 * <p>The broker is shared with the other report tests, which may publish at any moment: the files are compared only
 * when the data version (events applied and the newest event per topic) did not move across the rebuild, and the
 * cycle is tried again if it did. The dashboard's answer carries how far behind each source is right now (lag in
 * seconds, when the newest event was applied), which a rebuild re-applies by design; those two fields are removed
 * before its bytes are compared, as no report file carries them.
 */
class ReportBytesRebuildIT extends ReportingApiIntegrationBase {

    private static final String REBUILDS = "/api/v1/ops/read-model-rebuilds";
    private static final String IRING_MULYO = "18.72.04.1003";
    private static final String QUARTERLY = "/api/v1/reports/quarterly-performance?unit=18.72.03&tahun=2024&triwulan=1";
    private static final String LAKIP = "/api/v1/reports/lakip?unit=18.72.03&tahun=2022";
    private static final String RENSTRA = "/api/v1/reports/renstra-matrix?unit=dinsos";
    private static final String PKH = "/api/v1/reports/pkh-realisation?tahun=2018";
    private static final String RECAP = "/api/v1/reports/ppks-recap?period=2022-Q2&kecamatan=18.72.04";
    private static final String DASHBOARD = "/api/v1/reports/dashboard?tahun=2022";
    /** What is compared: name, path and whether the answer is a workbook with charts. */
    private static final Map<String, String> FILES = files();

    private static boolean sent;

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("quarterly.xlsx", QUARTERLY + "&format=xlsx");
        files.put("quarterly.pdf", QUARTERLY + "&format=pdf");
        files.put("recap.pdf", RECAP + "&format=pdf");
        files.put("lakip.xlsx", LAKIP + "&format=xlsx");
        files.put("lakip.pdf", LAKIP + "&format=pdf");
        files.put("pkh.xlsx", PKH + "&format=xlsx");
        files.put("renstra.xlsx", RENSTRA + "&format=xlsx");
        files.put("dashboard.json", DASHBOARD);
        return files;
    }

    /**
     * The report tests' own seeders (each publishes once per run, whichever class asks first) and welfare-service's
     * figures of one kelurahan for a quarter no other test uses.
     */
    @BeforeAll
    static void feed() {
        QuarterlyPerformanceIT.seed002();
        LakipIT.seed004();
        RenstraMatrixIT.seed001();
        PkhRealisationIT.feed();
        if (!sent) {
            sent = true;
            events.published(new KelurahanIndicatorsPublished(IRING_MULYO, LocalDate.of(2022, 4, 1),
                    LocalDate.of(2022, 6, 30), 12, 9, List.of(new PpksCategoryCount("AJ", 7, 5),
                    new PpksCategoryCount("LUT", 5, 4)), List.of(new ProgrammeKpm("PKH", 321, 480_000_000L)),
                    Instant.parse("2022-07-04T02:00:00Z")));
        }
    }

    @Test
    void everyReportHasTheSameBytesAfterARebuild() throws Exception {
        String admin = token("platform.admin");
        String planner = token("bappeda.planner");
        awaitEveryReportFed(planner);

        boolean compared = false;
        for (int attempt = 0; attempt < 3 && !compared; attempt++) {
            // other tests start rebuilds too (as the admin): one at a time
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> api.get(
                    REBUILDS, admin).body().valueStream().noneMatch(r -> r.path("state").asString().equals("RUNNING")));
            String version = dataVersion(planner);
            Map<String, byte[]> before = fetch(planner);

            ApiClient.Response started = api.post(REBUILDS, admin, "{}");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            String status = REBUILDS + "/" + started.body().path("id").asString();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !api.get(status, admin).body().path("state").asString().equals("RUNNING"));
            JsonNode done = api.get(status, admin).body();
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");

            Map<String, byte[]> after = fetch(planner);
            if (version.equals(dataVersion(planner))) {
                for (String name : FILES.keySet()) {
                    assertThat(sha256(after.get(name))).as("the rebuilt model's " + name)
                            .isEqualTo(sha256(before.get(name)));
                }
                compared = true;
            }
        }
        assertThat(compared).as("no quiet moment on the shared broker in three attempts").isTrue();
    }

    /** Each report has the figures its seeder published (the same conditions the report's own test waits for). */
    private void awaitEveryReportFed(String token) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode quarterly = api.get(QUARTERLY, token).body();
            JsonNode lakip = api.get(LAKIP, token).body();
            JsonNode renstra = api.get(RENSTRA, token).body();
            JsonNode recap = api.get(RECAP, token).body();
            return quarterly.path("sections").size() == 1
                    && quarterly.at("/sections/0/decision/status").asString().equals("APPROVED")
                    && lakip.path("iku").size() == 4 && lakip.path("budget").size() == 15
                    && lakip.at("/budgetTotal/realised").asLong() == 7_359_542_454L
                    && renstra.at("/plan/version").asInt() == 2 && renstra.path("rows").size() == 6
                    && renstra.at("/years/1/hasData").asBoolean()
                    && api.get(PKH, token).body().path("stages").size() == 4
                    && recap.path("figuresPublished").asBoolean() && recap.at("/total/ppksTerdata").asLong() >= 12;
        });
    }

    /**
     * The files (and the dashboard's answer without its lag fields); the workbooks are checked to carry their native
     * charts, so that the charts' parts are part of what is compared.
     */
    private Map<String, byte[]> fetch(String token) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            HttpResponse<byte[]> answer = bytes(file.getValue(), token, Map.of());
            assertThat(answer.statusCode()).as(file.getKey()).isEqualTo(200);
            byte[] body = answer.body();
            if (file.getKey().endsWith(".xlsx")) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                    int charts = 0;
                    for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                        charts += ChartsReadBack.charts(workbook.getSheetAt(s)).size();
                    }
                    assertThat(charts).as("native charts in " + file.getKey()).isPositive();
                }
            } else if (file.getKey().endsWith(".pdf")) {
                assertThat(new String(body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            } else {
                body = withoutLag(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            files.put(file.getKey(), body);
        }
        return files;
    }

    private static String withoutLag(String json) {
        return json.replaceAll("\"(lagSeconds|lastAppliedAt)\":(null|\"[^\"]*\"|[0-9.]+),?", "");
    }

    /** Events applied and the newest event per topic, as the dashboard (which reads all three topics) states them. */
    private String dataVersion(String token) {
        StringBuilder version = new StringBuilder();
        for (JsonNode source : api.get(DASHBOARD, token).body().path("sources")) {
            version.append(source.path("topic").asString()).append(' ').append(source.path("eventsApplied").asLong())
                    .append(' ').append(source.path("lastEventId").asString()).append(';');
        }
        return version.toString();
    }
}
