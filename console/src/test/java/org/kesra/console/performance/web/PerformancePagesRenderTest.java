package org.kesra.console.performance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Journey 3's pages rendered from answers shaped like performance-service's (a stand-in gateway): the report with
 * Indonesian dates, numbers and rupiah, the capaian the service previews for a typed figure, a refused save kept as
 * typed with the messages beside the fields, the approver's queue and checklist, the history with a re-opening.
 */
class PerformancePagesRenderTest extends RenderTestSupport {

    static final String ID = "77777777-7777-7777-7777-777777777777";
    /** A second report, submitted, for the approver's pages. */
    static final String SUBMITTED = "78787878-7878-7878-7878-787878787878";
    static final String AGREEMENT = "88888888-8888-8888-8888-888888888888";
    /** A historical quarter (2022, before the holiday calendar): no due date. */
    static final String HISTORICAL = "79797979-7979-7979-7979-797979797979";
    static final String REPORT = """
            {"id":"%s","unit":{"code":"18.72.03","name":"Metro Barat","kind":"KECAMATAN"},"year":2026,"quarter":3,
             "agreementId":"%s","agreementRevision":1,"status":"%s","version":2,"latestVersion":2,
             "approvedVersion":1,"etag":5,"dueDate":"2026-10-07","submittedAt":null,"workingDaysLate":null,
             "late":false,"obstacles":"Hujan deras","followUp":"Jadwal ulang","reason":null,
             "entries":[{"item":0,"sasaran":"Meningkatnya pelayanan","indicator":"Indeks Kepuasan Masyarakat",
               "unitOfMeasure":"indeks","kind":"INDEX","aggregation":"LAST","direction":"HIGHER","target":82,
               "value":70.5,"budget":22900000,"budgetRealised":5955000,"budgetAbsorption":26.0,
               "quarter":{"percent":85.98,"met":false,"rating":"Baik","note":null},
               "yearToDate":{"percent":85.98,"met":false,"rating":"Baik","note":null},"note":"survei","source":"ENTERED"}]}""";
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on(c -> c.method().equals("GET") && c.path().equals("/api/v1/realisations/" + ID), 200,
                    REPORT.formatted(ID, AGREEMENT, "RETURNED"), "\"5\"");
            g.on(c -> c.method().equals("GET") && c.path().equals("/api/v1/realisations/" + SUBMITTED), 200,
                    REPORT.formatted(SUBMITTED, AGREEMENT, "SUBMITTED"), "\"6\"");
            g.on(c -> c.method().equals("GET") && c.path().startsWith("/api/v1/realisations/" + SUBMITTED + "/"),
                    200, "[]", null);
            g.on(c -> c.method().equals("GET") && c.path().equals("/api/v1/realisations/" + HISTORICAL), 200,
                    REPORT.formatted(HISTORICAL, AGREEMENT, "DRAFT").replace("\"year\":2026", "\"year\":2022")
                            .replace("\"dueDate\":\"2026-10-07\"", "\"dueDate\":null,\"historical\":true"), "\"1\"");
            g.on(c -> c.method().equals("GET") && c.path().startsWith("/api/v1/realisations/" + HISTORICAL + "/"),
                    200, "[]", null);
            g.on("GET", "/api/v1/agreements/" + AGREEMENT + "/revisions/1", 200, """
                    {"id":"%s","items":[{"sasaran":"Meningkatnya pelayanan","indicator":"Indeks Kepuasan Masyarakat",
                      "unitOfMeasure":"indeks","direction":"HIGHER","target":82,"budget":22900000},
                     {"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                      "unitOfMeasure":"%%","direction":"HIGHER","target":70,"budget":1000000}]}""".formatted(AGREEMENT));
            g.on("GET", "/api/v1/realisations/" + ID + "/evidence", 200, """
                    [{"id":"99999999-9999-9999-9999-999999999999","fileName":"foto-kegiatan.png","contentType":"image/png",
                      "sizeBytes":123456,"uploadedAt":"2026-10-01T02:00:00Z","uploadedBy":"metrobarat.operator","version":2}]""");
            g.on("GET", "/api/v1/realisations/" + ID + "/transitions", 200, """
                    [{"seq":1,"at":"2026-10-01T01:00:00Z","by":"metrobarat.operator","from":null,"to":"DRAFT","version":1,"checklist":[]},
                     {"seq":2,"at":"2026-10-02T01:00:00Z","by":"metrobarat.operator","from":"DRAFT","to":"SUBMITTED","version":1,"checklist":[]},
                     {"seq":3,"at":"2026-10-03T01:00:00Z","by":"metrobarat.camat","from":"SUBMITTED","to":"APPROVED","version":1,"checklist":[]},
                     {"seq":4,"at":"2026-10-04T01:00:00Z","by":"metrobarat.operator","from":"APPROVED","to":"DRAFT","version":2,
                      "reason":"angka survei terbaru","checklist":[]},
                     {"seq":5,"at":"2026-10-05T01:00:00Z","by":"metrobarat.operator","from":"DRAFT","to":"SUBMITTED","version":2,"checklist":[]},
                     {"seq":6,"at":"2026-10-06T01:00:00Z","by":"metrobarat.camat","from":"SUBMITTED","to":"RETURNED","version":2,
                      "reason":"lampirkan daftar hadir","checklist":["RECHECK_CAPAIAN","OTHER"]}]""");
            g.on("GET", "/api/v1/performance/units/18.72.03/findings", 200, """
                    {"unit":{"code":"18.72.03"},"year":2026,"count":1,"findings":[{"code":"PF-CEK-REALISASI-BELUM-ADA",
                      "check":"REALISATION_MISSING","message":"Butir 2 belum memiliki realisasi triwulan 3.","year":2026,"quarter":3,"places":[]}]}""");
            g.on("GET", "/api/v1/reporting-deadlines", 200, """
                    {"year":2026,"quarter":3,"quarterEnd":"2026-09-30","due":"2026-10-07","submittedOn":"2026-12-07",
                     "workingDaysLate":43,"workingDaysLeft":0}""");
            g.on(c -> c.path().equals("/api/v1/realisations/" + ID + "/capaian") && c.query().contains("value=delapan"),
                    400, """
                    {"status":400,"code":"PF-NILAI-BUKAN-ANGKA","detail":"Nilai realisasi tidak dapat dihitung capaiannya.",
                     "errors":[{"pointer":"/value","detail":"\\"delapan\\" bukan angka (gunakan titik sebagai pemisah desimal)."}]}""",
                    null);
            g.on(c -> c.path().equals("/api/v1/realisations/" + ID + "/capaian"), 200, """
                    {"realisationId":"%s","item":0,"value":75.5,"quarter":{"percent":92.07,"met":false,"rating":"Sangat baik"}}"""
                    .formatted(ID), null);
            g.on("PUT", "/api/v1/realisations/" + ID, 400, """
                    {"status":400,"code":"PF-PERSENTASE-LEBIH-100","detail":"Perubahan realisasi tidak dapat disimpan.",
                     "errors":[{"pointer":"/entries/1/numerator","detail":"Persentase 120 melebihi 100 untuk indikator bersatuan %."}]}""");
            g.on("GET", "/api/v1/realisations", 200, """
                    {"items":[{"id":"%s","unitCode":"18.72.03","year":2026,"quarter":3,"status":"SUBMITTED",
                      "dueDate":"2026-10-07","workingDaysLate":2},
                     {"id":"%s","unitCode":"18.72.03.1001","year":2026,"quarter":2,"status":"APPROVED","dueDate":"2026-07-07"}]}"""
                    .formatted(SUBMITTED, "12121212-1212-1212-1212-121212121212"));
            g.on("POST", "/api/v1/realisations/" + SUBMITTED + "/return", 400, """
                    {"status":400,"code":"PF-TANGGAPAN-TIDAK-SAH","detail":"Pengembalian tidak sah.",
                     "errors":[{"pointer":"/other","detail":"Uraikan tanggapan lain-lain."}]}""");
            g.on("GET", "/api/v1/agreements", 200, """
                    {"items":[{"id":"%s","unitCode":"18.72.03","year":2026,"position":"HEAD","positionTitle":"Camat Metro Barat",
                      "latestRevision":1,"status":"AGREED"}]}""".formatted(AGREEMENT));
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role, String username) {
        return login(role, username, Map.of("wilayah", "18.72.03"));
    }

    RequestPostProcessor operator() {
        return as("kecamatan-operator", "metrobarat.operator");
    }

    RequestPostProcessor camat() {
        return as("kecamatan-approver", "metrobarat.camat");
    }

    @Test
    void theReportShowsTheItemsWithIndonesianFiguresTheReturnFindingsDeadlineAndEvidence() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/laporan-triwulan/" + ID).with(operator())).andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(html(answer)).isEqualTo(200);
        String html = html(answer);
        assertThat(html).contains("Laporan triwulan 3 tahun 2026", "Metro Barat (18.72.03)",
                "Dikembalikan untuk diperbaiki", "7 Oktober 2026", "terlambat 43 hari kerja",
                "Capaian diteliti ulang", "lampirkan daftar hadir", "Butir 2 belum memiliki realisasi triwulan 3.",
                "Target 82 indeks", "; pagu Rp 22.900.000", "85,98%", "value=\"70,5\"", "value=\"5.955.000\"",
                "Persentase PPKS yang ditangani", "numerator-1", "foto-kegiatan.png", "123.456 bita",
                "Simpan dan serahkan", "hx-get=\"/laporan-triwulan/" + ID + "/capaian?item=0\"");
        assertThat(html).as("a kecamatan operator decides nothing").doesNotContain("Setujui laporan");
        assertThat(gateway.calls).anyMatch(c -> c.path().equals("/api/v1/reporting-deadlines")
                && c.query().contains("tahun=2026") && c.query().contains("triwulan=3")
                && c.authorization() != null && c.authorization().startsWith("Bearer "));
    }

    /** A planner reports for their agency (the token's opd claim), kecamatan staff for their region. */
    /** Item 0 has a pagu: the form offers the override with its reason and sends both; item 1's refusal keeps them. */
    @Test
    void aBudgetAbovePaguIsStatedWithItsReasonFromTheForm() throws Exception {
        String page = html(mvc.perform(get("/laporan-triwulan/" + ID).with(operator())).andReturn().getResponse());
        assertThat(page).contains("id=\"override-0\"", "Realisasi anggaran memang melebihi pagu",
                "id=\"overrideReason-0\"", "Alasan melebihi pagu");
        String html = html(mvc.perform(post("/laporan-triwulan/" + ID).with(operator()).with(csrf())
                .param("etag", "\"5\"").param("value-0", "80").param("budget-0", "25.000.000")
                .param("override-0", "true").param("overrideReason-0", "Pergeseran anggaran disetujui camat")
                .param("numerator-1", "120").param("denominator-1", "100").param("aksi", "simpan"))
                .andReturn().getResponse());
        assertThat(gateway.calls).anyMatch(c -> c.method().equals("PUT") && c.body().contains("\"budgetOverride\":true")
                && c.body().contains("\"budgetOverrideReason\":\"Pergeseran anggaran disetujui camat\"")
                && c.body().contains("\"budgetRealised\":25000000"));
        assertThat(html).as("kept as typed after the refusal").contains("value=\"Pergeseran anggaran disetujui camat\"")
                .containsPattern("id=\"override-0\"[^>]*checked");
    }

    @Test
    void aHistoricalQuarterSaysItsDeadlineDoesNotApplyAndAsksForNone() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/laporan-triwulan/" + HISTORICAL).with(operator()))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).as(html(answer)).isEqualTo(200);
        assertThat(html(answer)).contains("Laporan triwulan 3 tahun 2022", "Tidak berlaku (data historis)",
                QuarterlySubmissionPages.HISTORICAL);
        assertThat(gateway.calls).noneMatch(c -> c.path().equals("/api/v1/reporting-deadlines")
                && c.query().contains("tahun=2022"));
    }

    @Test
    void aPlannersQuarterIsTheirAgencysAndAnOperatorsTheirRegions() throws Exception {
        RequestPostProcessor planner = login("planner", "bappeda.planner",
                Map.of("wilayah", "18.72", "opd", "bappeda"));
        // Only this test's calls: other tests of the class open pages that list agreements too.
        gateway.calls.clear();
        mvc.perform(get("/laporan-triwulan").param("tahun", "2026").param("triwulan", "3").with(planner))
                .andReturn();
        assertThat(gateway.calls).filteredOn(c -> c.path().equals("/api/v1/agreements")).isNotEmpty()
                .allMatch(c -> c.query().contains("unit=bappeda"));
        gateway.calls.clear();
        mvc.perform(get("/laporan-triwulan").param("tahun", "2026").param("triwulan", "3").with(operator()))
                .andReturn();
        assertThat(gateway.calls).filteredOn(c -> c.path().equals("/api/v1/agreements")).isNotEmpty()
                .allMatch(c -> c.query().contains("unit=18.72.03"));
    }

    @Test
    void theCapaianOfATypedFigureIsAskedOfTheServiceWithTheDecimalCommaAsADot() throws Exception {
        String html = html(mvc.perform(get("/laporan-triwulan/" + ID + "/capaian").param("item", "0")
                .param("value-0", "75,5").header("HX-Request", "true").with(operator())).andReturn().getResponse());
        assertThat(html).contains("92,07%", "Sangat baik", "belum memenuhi target");
        assertThat(gateway.calls).anyMatch(c -> c.path().endsWith("/capaian") && c.query().contains("value=75.5")
                && c.query().contains("item=0"));
        String refused = html(mvc.perform(get("/laporan-triwulan/" + ID + "/capaian").param("item", "0")
                .param("value-0", "delapan").header("HX-Request", "true").with(operator())).andReturn().getResponse());
        assertThat(refused).contains("field-error", "bukan angka");
    }

    @Test
    void aRefusedSaveComesBackAsTypedWithTheMessageBesideTheField() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/laporan-triwulan/" + ID).with(operator()).with(csrf())
                .param("etag", "\"5\"").param("value-0", "").param("numerator-1", "120").param("denominator-1", "100")
                .param("budget-0", "Rp 1.000.000").param("obstacles", "Banjir di Mulyojati").param("aksi", "simpan"))
                .andReturn().getResponse();
        String html = html(answer);
        assertThat(answer.getStatus()).as(html).isEqualTo(200);
        assertThat(html).contains("id=\"numerator-1-error\"", "Persentase 120 melebihi 100", "value=\"120\"",
                "href=\"#numerator-1\"",
                "Banjir di Mulyojati", "Belum tersimpan");
        assertThat(gateway.calls).anyMatch(c -> c.method().equals("PUT") && "\"5\"".equals(c.ifMatch())
                && c.body().contains("\"item\":1") && c.body().contains("\"numerator\":\"120\"")
                && c.body().contains("\"budgetRealised\":1000000"));
        String local = html(mvc.perform(post("/laporan-triwulan/" + ID).with(operator()).with(csrf())
                .param("etag", "\"5\"").param("value-0", "70").param("budget-0", "sejuta")).andReturn().getResponse());
        assertThat(local).contains("id=\"budget-0-error\"", "value=\"sejuta\"");
    }

    @Test
    void theApproverSeesTheQueueAndTheChecklistAndARefusedReturnKeepsTheTicks() throws Exception {
        String queue = html(mvc.perform(get("/penilaian-laporan").with(camat())).andReturn().getResponse());
        assertThat(queue).contains("Menunggu penilaian (1)", "Triwulan 3 tahun 2026", "Terlambat 2 hari kerja",
                "/penilaian-laporan/" + SUBMITTED, "Disetujui");
        String review = html(mvc.perform(post("/penilaian-laporan/" + SUBMITTED + "/pengembalian").with(camat()).with(csrf())
                .param("etag", "\"5\"").param("checklist", "RECHECK_CAPAIAN", "OTHER")).andReturn().getResponse());
        assertThat(review).contains("Laporan segera diperbaiki", "Target dan realisasi diteliti ulang",
                "id=\"other-error\"", "Uraikan tanggapan lain-lain.",
                "value=\"RECHECK_CAPAIAN\" checked=\"checked\"", "value=\"&quot;6&quot;\"", "Setujui laporan");
        assertThat(mvc.perform(get("/penilaian-laporan").with(operator())).andReturn().getResponse().getStatus())
                .as("an operator has no queue").isEqualTo(403);
        assertThat(mvc.perform(post("/laporan-triwulan/" + ID).with(camat()).with(csrf()).param("etag", "5"))
                .andReturn().getResponse().getStatus()).as("a camat does not edit the report").isEqualTo(403);
    }

    @Test
    void theHistoryShowsEveryTransitionWithTheChecklistAndTheReopening() throws Exception {
        String html = html(mvc.perform(get("/laporan-triwulan/" + ID + "/riwayat").with(camat())).andReturn()
                .getResponse());
        assertThat(html).contains("Disetujui → Draf (belum diserahkan)", "penilaian dibuka kembali",
                "angka survei terbaru", "Capaian diteliti ulang", "Lain-lain", "3 Oktober 2026 08.00 WIB",
                "metrobarat.camat", "/laporan-triwulan/" + ID + "/versi/1");
        String quarter = html(mvc.perform(get("/laporan-triwulan").param("tahun", "2026").param("triwulan", "3")
                .with(operator())).andReturn().getResponse());
        assertThat(quarter).contains("Camat Metro Barat", "Disepakati (revisi 1)");
    }
}
