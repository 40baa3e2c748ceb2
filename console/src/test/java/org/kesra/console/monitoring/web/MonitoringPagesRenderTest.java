package org.kesra.console.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Answer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The monitoring and report pages rendered from answers shaped like performance-service's and reporting-service's
 * (a stand-in gateway): statuses per unit and quarter, the charts' options beside tables with the same figures,
 * the reports' data version, downloads streamed with the service's file name, refusals worded for the user.
 */
class MonitoringPagesRenderTest extends RenderTestSupport {

    static final String QUARTERS_LATE = """
            [{"quarter":1,"status":"SUBMITTED","reports":1,"dueDate":"2025-04-15","workingDaysLate":3,"late":true,
              "waitsForReview":true,"indicators":3,"averageCapaian":76.79,"rating":"Cukup"},
             {"quarter":2,"status":"DRAFT","reports":1,"dueDate":"2025-07-15","workingDaysLate":null,"late":false,
              "waitsForReview":false,"indicators":1,"averageCapaian":85.37,"rating":"Baik"},
             {"quarter":3,"status":"NOT_STARTED","reports":0,"late":false,"waitsForReview":false,"indicators":0},
             {"quarter":4,"status":"NOT_STARTED","reports":0,"late":false,"waitsForReview":false,"indicators":0}]""";
    static final String ROLLUP_QUARTERS = """
            [{"quarter":1,"units":5,"notStarted":4,"draft":0,"returned":0,"submitted":1,"approved":0,"late":1,
              "indicators":3,"averageCapaian":76.79,"rating":"Cukup"},
             {"quarter":2,"units":5,"notStarted":4,"draft":1,"returned":0,"submitted":0,"approved":0,"late":0,
              "indicators":1,"averageCapaian":85.37,"rating":"Baik"},
             {"quarter":3,"units":5,"notStarted":5,"draft":0,"returned":0,"submitted":0,"approved":0,"late":0,"indicators":0},
             {"quarter":4,"units":5,"notStarted":5,"draft":0,"returned":0,"submitted":0,"approved":0,"late":0,"indicators":0}]""";
    static final String SOURCES = """
            [{"topic":"performance.events","eventsApplied":1234,"lastEventType":"performance.realisation.submitted",
              "lastEventTime":"2026-12-07T03:05:00Z","lastAppliedAt":"2026-12-07T03:05:01Z","lagSeconds":420}]""";

    static final StandInGateway gateway = StandInGateway.start()
            .route("GET /api/v1/performance/monitoring", query -> query.contains("tahun=1999")
                    ? Answer.problem(400, """
                        {"status":400,"title":"Periode pemantauan tidak sah","code":"PF-PERIODE-PEMANTAUAN-TIDAK-SAH",
                         "detail":"Sebutkan tahun pemantauan antara 2000 dan 2100.",
                         "errors":[{"pointer":"/tahun","detail":"Tahun wajib, 2000-2100."}]}""")
                    : query.contains("wilayah=18.72.05") ? Answer.json("""
                        {"year":2025,"region":"18.72.05","asOf":"2026-12-07",
                         "units":{"items":[],"page":0,"size":50,"totalItems":0,"totalPages":0},
                         "rollups":[{"level":"WILAYAH","code":"18.72.05","name":"Metro Utara","quarters":%s},
                          {"level":"KELURAHAN","code":"18.72.05.1001","name":"Rejomulyo","quarters":%s}]}"""
                        .formatted(ROLLUP_QUARTERS, ROLLUP_QUARTERS))
                    : Answer.json("""
                        {"year":2025,"region":"18.72","asOf":"2026-12-07",
                         "units":{"items":[{"code":"18.72.05.1001","kind":"KELURAHAN","name":"Rejomulyo",
                           "parentCode":"18.72.05","quarters":%s}],"page":0,"size":50,"totalItems":1,"totalPages":1},
                         "rollups":[{"level":"WILAYAH","code":"18.72","name":"Kota Metro","quarters":%s},
                          {"level":"KECAMATAN","code":"18.72.05","name":"Metro Utara","quarters":%s},
                          {"level":"KELURAHAN","code":"18.72.05.1001","name":"Rejomulyo","quarters":%s}]}"""
                        .formatted(QUARTERS_LATE, ROLLUP_QUARTERS, ROLLUP_QUARTERS, ROLLUP_QUARTERS)))
            .route("GET /api/v1/performance/monitoring/chart", Answer.json("""
                    {"year":2025,"region":"18.72","quarters":[1,2,3,4],
                     "unitsByStatus":[{"key":"NOT_STARTED","label":"Belum disusun","values":[4,4,5,5]},
                      {"key":"SUBMITTED","label":"Menunggu penilaian","values":[1,0,0,0]}],
                     "capaianByIndicator":[{"key":"Indeks Kepuasan Masyarakat (indeks)","label":"Indeks Kepuasan Masyarakat",
                       "values":[85.37,85.37,null,null]}],
                     "averageCapaian":{"key":"rata-rata","label":"Rata-rata capaian","values":[76.79,85.37,null,null]}}"""))
            .route("GET /api/v1/performance/monitoring/units/18.72.05.1001", Answer.json("""
                    {"unit":"18.72.05.1001","year":2025,"indicators":[{"indicator":"Indeks Kepuasan Masyarakat",
                      "unitOfMeasure":"indeks","direction":"HIGHER","target":82,"targetMax":null,
                      "quarters":[{"quarter":1,"value":70,"capaian":85.37,"rating":"Baik","note":null}]}]}"""))
            .route("GET /api/v1/reports/quarterly-performance", query -> {
                if (query.contains("unit=dinsos")) {
                    return Answer.problem(403, """
                            {"status":403,"title":"Di luar wilayah Anda","code":"RP-DI-LUAR-WILAYAH",
                             "detail":"Unit yang diminta berada di luar wilayah kerja Anda."}""");
                }
                if (query.contains("format=xlsx")) {
                    return Answer.file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "laporan-kinerja-triwulan-18.72.05.1001-2025-Q1.xlsx", new byte[] {0x50, 0x4b, 3, 4});
                }
                if (query.contains("format=pdf")) {
                    return Answer.file("application/pdf", "laporan-kinerja-triwulan-18.72.05.1001-2025-Q1.pdf",
                            "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
                }
                boolean hasData = query.contains("triwulan=1");
                return Answer.json("""
                        {"unitCode":"18.72.05.1001","unitName":"Rejomulyo","unitKind":"KELURAHAN","year":2025,
                         "quarter":%s,"period":"2025-Q%s","periodLabel":"Triwulan %s 2025","hasData":%s,"sections":[],
                         "sources":%s,"notes":["Belum ada Renstra unit ini yang diterbitkan performance-service."]}"""
                        .formatted(hasData ? 1 : 2, hasData ? 1 : 2, hasData ? "I" : "II", hasData, SOURCES));
            })
            .route("GET /api/v1/reports/dashboard", query -> query.contains("tahun=1999")
                    ? Answer.problem(400, """
                        {"status":400,"title":"Parameter tidak sah","code":"RP-PARAMETER-TIDAK-SAH",
                         "detail":"Tahun di luar rentang.","errors":[{"pointer":"/tahun","detail":"Tahun 2000-2100."}]}""")
                    : Answer.json("""
                        {"tahun":2025,"area":{"code":"18.72","name":"Kota Metro","level":"kota"},"regionLevel":"kecamatan",
                         "shownPeriod":"2025-Q2","shownPeriodLabel":"Triwulan II 2025","figuresPublished":true,
                         "programmes":["PKH","BPNT"],
                         "regions":[{"code":"18.72.05","name":"Metro Utara","households":1250,"persons":4321,
                           "ppksTerdata":12,"ppksDitangani":9,"ppksDitanganiPersen":75.00,
                           "kpm":[{"programme":"PKH","kpm":40,"realisedRupiah":null}]}],
                         "total":{"code":"18.72","name":"Kota Metro","households":1250,"persons":4321,"ppksTerdata":12,
                           "ppksDitangani":9,"ppksDitanganiPersen":75.00,"kpm":[{"programme":"PKH","kpm":40}]},
                         "quarters":[
                          {"quarter":1,"period":"2025-Q1","label":"Triwulan I 2025","published":true,"ppksTerdata":10,
                           "ppksDitangani":6,"ppksDitanganiPersen":60.00,"kpm":[{"programme":"PKH","kpm":38},
                           {"programme":"BPNT","kpm":1234}]},
                          {"quarter":2,"period":"2025-Q2","label":"Triwulan II 2025","published":true,"ppksTerdata":12,
                           "ppksDitangani":9,"ppksDitanganiPersen":75.00,"kpm":[{"programme":"PKH","kpm":40}]},
                          {"quarter":3,"period":"2025-Q3","label":"Triwulan III 2025","published":false,"ppksTerdata":0,
                           "ppksDitangani":0,"ppksDitanganiPersen":null,"kpm":[]},
                          {"quarter":4,"period":"2025-Q4","label":"Triwulan IV 2025","published":false,"ppksTerdata":0,
                           "ppksDitangani":0,"ppksDitanganiPersen":null,"kpm":[]}],
                         "ppksCategories":[{"no":1,"category":"ANAK_BALITA_TERLANTAR","name":"Anak Balita Terlantar",
                           "terdata":3,"ditangani":2,"ditanganiPersen":66.67}],
                         "performance":{"units":[],"statusCounts":[
                           {"quarter":1,"status":"APPROVED","statusLabel":"Disetujui","count":7},
                           {"quarter":2,"status":"SUBMITTED","statusLabel":"Menunggu penilaian","count":2}]},
                         "sources":%s,"notes":["Angka PPKS dan KPM dari penerbitan welfare-service."]}"""
                        .formatted(SOURCES)))
            .route("GET /api/v1/reports/pkh-realisation", query -> query.contains("tahun=2021")
                    ? Answer.file("application/pdf", "realisasi-pkh-2021.pdf",
                            "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                    : Answer.problem(400, """
                            {"status":400,"title":"Parameter laporan realisasi tidak sah","code":"RP-PARAMETER-TIDAK-SAH",
                             "detail":"Parameter laporan realisasi tidak sah.",
                             "errors":[{"pointer":"/tahun","detail":"Tahun wajib 4 angka (2021)."}]}"""))
            .route("GET /api/v1/reports/sembako-monthly", Answer.file(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kpm-sembako-2019.xlsx",
                    new byte[] {'P', 'K', 3, 4}))
            .route("GET /api/v1/reports/lakip", query -> query.contains("unit=18.72.03")
                    ? query.contains("format=html") ? new Answer(200, "text/html;charset=UTF-8", Map.of(),
                            ("<html><head><style>td{color:#000}</style></head><body><h1>LAKIP 2022</h1>"
                                    + "<p>Tabel 3.1 Capaian IKU</p><svg width=\"10\" height=\"10\"></svg></body>"
                                    + "</html>").getBytes(StandardCharsets.UTF_8))
                    : Answer.file("application/pdf", "lakip-18.72.03-2022.pdf",
                            "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                    : Answer.problem(400, """
                            {"status":400,"title":"Periode di luar rencana","code":"RP-PERIODE-DI-LUAR-RENCANA",
                             "detail":"Tahun 2019 tidak tercakup Renstra unit ini.",
                             "errors":[{"pointer":"/tahun","detail":"Tahun 2019 di luar periode Renstra."}]}"""))
            .route("GET /api/v1/reports/renstra-matrix", query -> query.contains("versi=9")
                    ? Answer.problem(404, """
                            {"status":404,"title":"Versi Renstra tidak dikenal","code":"RP-VERSI-RENSTRA-TIDAK-DIKENAL",
                             "detail":"Renstra unit dinsos tidak memiliki versi 9.",
                             "errors":[{"pointer":"/versi","detail":"Versi yang ada: 2, 1."}]}""")
                    : Answer.file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "matriks-renstra-dinsos-2021-2026-v2.xlsx", new byte[] {0x50, 0x4b, 3, 4}))
            .route("GET /api/v1/reports/ppks-recap", query -> query.contains("format=xlsx")
                    ? Answer.file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "rekap-ppks-18.72-2025-Q1.xlsx", new byte[] {0x50, 0x4b, 3, 4})
                    : query.contains("format=pdf") ? Answer.file("application/pdf", "rekap-ppks-18.72-2025-Q1.pdf",
                            "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                    : Answer.json("""
                        {"period":"2025-Q1","periodLabel":"Triwulan I 2025","periodFrom":"2025-01-01","periodTo":"2025-03-31",
                         "area":{"code":"18.72","name":"Kota Metro","level":"kota"},"figuresPublished":true,
                         "programmes":["PKH","BPNT"],
                         "kelurahan":[{"code":"18.72.05.1001","name":"Rejomulyo","households":1250,"persons":4321,
                           "ppksTerdata":12,"ppksDitangani":9,"ppksDitanganiPersen":75.00,
                           "programmes":[{"programme":"PKH","kpm":340,"realisedRupiah":null},
                                         {"programme":"BPNT","kpm":512,"realisedRupiah":null}]}],
                         "total":{"code":null,"name":"Jumlah","households":1250,"persons":4321,"ppksTerdata":12,
                           "ppksDitangani":9,"ppksDitanganiPersen":75.00,
                           "programmes":[{"programme":"PKH","kpm":340},{"programme":"BPNT","kpm":512}]},
                         "sources":%s,"notes":["KK dan jiwa terdaftar adalah posisi terkini register."]}"""
                        .formatted(SOURCES)));

    RequestPostProcessor as(String role) {
        return login(role, "uji.pemantau", Map.of("wilayah", "18.72"));
    }

    MockHttpServletResponse answer(String path, String role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andReturn().getResponse();
    }

    String page(String path) throws Exception {
        return page(path, as("disnakertrans-monitor"));
    }

    /** Dinas Sosial's programme reports: offered to city-level readers only, as reporting-service serves them. */
    @Test
    void thePkhRealisationAndSembakoMonthsAreOfferedToCityReadersAndStreamedUnderTheirNames() throws Exception {
        String planner = answer("/laporan", "dinsos-operator").getContentAsString(StandardCharsets.UTF_8);
        assertThat(planner).contains("Realisasi PKH per tahap (Tabel 2.1)", "KPM BPNT/Sembako per bulan",
                "action=\"/laporan/realisasi-pkh\"", "action=\"/laporan/kpm-sembako\"");
        String kecamatan = answer("/laporan", "kecamatan-operator").getContentAsString(StandardCharsets.UTF_8);
        assertThat(kecamatan).as("a regional reader is refused city-level reports: not offered")
                .doesNotContain("/laporan/realisasi-pkh").doesNotContain("/laporan/kpm-sembako");

        MockHttpServletResponse pkh = answer("/laporan/realisasi-pkh?tahun=2021&program=&format=pdf",
                "dinsos-operator");
        assertThat(pkh.getStatus()).isEqualTo(200);
        assertThat(pkh.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"realisasi-pkh-2021.pdf\"");
        assertThat(gateway.lines()).anyMatch(call -> call.contains("/api/v1/reports/pkh-realisation")
                && call.contains("tahun=2021") && call.contains("format=pdf") && !call.contains("program"));
        MockHttpServletResponse refused = answer("/laporan/realisasi-pkh?tahun=dua&format=xlsx", "dinsos-operator");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Tahun wajib 4 angka",
                "value=\"dua\"");
        MockHttpServletResponse sembako = answer("/laporan/kpm-sembako?tahun=2019&program=SEMBAKO&format=xlsx",
                "dinsos-operator");
        assertThat(sembako.getStatus()).isEqualTo(200);
        assertThat(sembako.getHeader("Content-Disposition")).contains("kpm-sembako-2019.xlsx");
        assertThat(gateway.lines()).anyMatch(call -> call.contains("/api/v1/reports/sembako-monthly")
                && call.contains("tahun=2019") && call.contains("program=SEMBAKO") && call.contains("format=xlsx"));
        gateway.calls.clear();
        answer("/laporan/realisasi-pkh?tahun=2021", "dinsos-operator");
        answer("/laporan/kpm-sembako?tahun=2019&format=", "dinsos-operator");
        assertThat(gateway.lines()).as("each report's own format when none is chosen")
                .anyMatch(call -> call.contains("/api/v1/reports/pkh-realisation") && call.contains("format=pdf"))
                .anyMatch(call -> call.contains("/api/v1/reports/sembako-monthly") && call.contains("format=xlsx"));
    }

    @Test
    void theOverviewShowsWhoIsLateAndWhatWaitsWithChartsBesideTheirTables() throws Exception {
        String html = page("/pemantauan?tahun=2025");
        assertThat(html).contains("Pemantauan kinerja <span>2025</span>", "Rejomulyo", "Menunggu penilaian",
                "terlambat <span>3</span> hari kerja", "menunggu penilaian", "76,79 %", "85,37 %", "(<span>Cukup</span>)",
                "per <span>7 Desember 2026</span>", "/pemantauan/unit/18.72.05.1001?tahun=2025");
        assertThat(html).as("the chart options on data attributes, no inline script")
                .contains("id=\"grafik-status\"", "id=\"grafik-indikator\"", "id=\"grafik-wilayah\"",
                        "data-chart=\"{&quot;animation&quot;:false", "&quot;stack&quot;:&quot;jumlah&quot;",
                        "Indeks Kepuasan Masyarakat (indeks)", "Metro Utara", "/js/charts-",
                        "/webjars/echarts/5.3.1/dist/echarts.min-")
                .doesNotContainPattern("<script>(?!</script>)|<script(?![^>]*src=)[^>]*>");
        assertThat(html).as("per kecamatan, not per kelurahan, when kecamatan are shown")
                .contains("Capaian per kecamatan").doesNotContain("<th scope=\"row\">Rejomulyo</th>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/performance/monitoring?tahun=2025&page=0")
                && c.contains("auth=Bearer "));
    }

    @Test
    void theUnitsCanBeNarrowedToTheLateOnesAndTheFilterIsKeptWhilePaging() throws Exception {
        String html = page("/pemantauan?tahun=2025&keadaan=TERLAMBAT");
        assertThat(html).contains("<option value=\"TERLAMBAT\" selected=\"selected\">Hanya yang terlambat</option>",
                "Rejomulyo");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/performance/monitoring?tahun=2025&page=0")
                && c.contains("keadaan=TERLAMBAT"));
        assertThat(page("/pemantauan?tahun=2025")).as("no filter asked, none passed on")
                .contains("<option value=\"\" selected=\"selected\">Semua unit</option>");
    }

    @Test
    void aCamatsKecamatanIsShownPerKelurahan() throws Exception {
        MockHttpServletResponse answer = answer("/pemantauan?tahun=2025&wilayah=18.72.05", "kecamatan-approver");
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("Wilayah <strong>Metro Utara</strong>",
                "Capaian per kelurahan", "<th scope=\"row\">Rejomulyo</th>");
    }

    @Test
    void aRefusedYearIsToldInIndonesianBesideTheForm() throws Exception {
        MockHttpServletResponse answer = answer("/pemantauan?tahun=1999", "planner");
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("Pemantauan tidak dapat ditampilkan",
                "Sebutkan tahun pemantauan antara 2000 dan 2100. Tahun wajib, 2000-2100.", "value=\"1999\"");
        assertThat(answer("/pemantauan?tahun=dua", "auditor").getContentAsString(StandardCharsets.UTF_8))
                .contains("Tahun pemantauan berupa angka");
    }

    @Test
    void aUnitsIndicatorsPerQuarterWithLinksToItsReports() throws Exception {
        String html = page("/pemantauan/unit/18.72.05.1001?tahun=2025");
        assertThat(html).contains("Indeks Kepuasan Masyarakat", "85,37 %", "(Baik)", "id=\"grafik-unit\"",
                "/laporan?unit=18.72.05.1001&amp;tahun=2025&amp;triwulan=1");
    }

    @Test
    void thePpksRecapShowsPpksAndKpmPerKelurahanWithItsDataVersion() throws Exception {
        String html = page("/pemantauan/ppks?periode=2025-Q1");
        assertThat(html).contains("Kota Metro</span>, <span>Triwulan I 2025", "Rejomulyo", "1.250", "4.321", "75 %",
                "KPM PKH", "KPM BPNT", ">340<", ">512<", "id=\"grafik-ppks\"", "id=\"grafik-kpm\"",
                "Versi data: <strong>7 Desember 2026 10.05 WIB</strong>", "7 menit", "1.234",
                "/laporan/rekap-ppks?periode=2025-Q1");
    }

    @Test
    void theReportPageTellsWhetherTheReportHasDataAndHowFarBehindItIs() throws Exception {
        assertThat(page("/laporan?unit=18.72.05.1001&tahun=2025&triwulan=1")).contains("Laporan siap",
                "Versi data: <strong>7 Desember 2026 10.05 WIB</strong>", "Kinerja (performance-service)", "7 menit",
                "/laporan/kinerja-triwulan?unit=18.72.05.1001&amp;tahun=2025&amp;triwulan=1&amp;format=xlsx",
                "format=pdf", "Belum ada Renstra");
        assertThat(page("/laporan?unit=18.72.05.1001&tahun=2025&triwulan=2")).contains("Belum ada data",
                "tabel capaiannya kosong");
        MockHttpServletResponse refused = answer("/laporan?unit=dinsos&tahun=2025&triwulan=1", "kelurahan-operator");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Laporan tidak dapat dibuat",
                "Unit yang diminta berada di luar wilayah kerja Anda.");
    }

    @Test
    void downloadsStreamWithTheServicesFileNameAndARefusalShowsThePage() throws Exception {
        MockHttpServletResponse xlsx = answer("/laporan/kinerja-triwulan?unit=18.72.05.1001&tahun=2025&triwulan=1"
                + "&format=xlsx", "disnakertrans-monitor");
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"laporan-kinerja-triwulan-18.72.05.1001-2025-Q1.xlsx\"");
        assertThat(xlsx.getContentAsByteArray()).containsExactly(0x50, 0x4b, 3, 4);
        MockHttpServletResponse pdf = answer("/laporan/kinerja-triwulan?unit=18.72.05.1001&tahun=2025&triwulan=1"
                + "&format=pdf", "auditor");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), StandardCharsets.US_ASCII)).startsWith("%PDF");
        MockHttpServletResponse recap = answer("/laporan/rekap-ppks?periode=2025-Q1", "planner");
        assertThat(recap.getHeader("Content-Disposition")).contains("rekap-ppks-18.72-2025-Q1.xlsx");
        MockHttpServletResponse recapPdf = answer("/laporan/rekap-ppks?periode=2025-Q1&format=pdf", "planner");
        assertThat(recapPdf.getContentType()).isEqualTo("application/pdf");
        assertThat(recapPdf.getHeader("Content-Disposition")).contains("rekap-ppks-18.72-2025-Q1.pdf");
        MockHttpServletResponse lakip = answer("/laporan/lakip?unit=18.72.03&tahun=2022&format=pdf", "auditor");
        assertThat(lakip.getStatus()).isEqualTo(200);
        assertThat(lakip.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"lakip-18.72.03-2022.pdf\"");
        assertThat(new String(lakip.getContentAsByteArray(), StandardCharsets.US_ASCII)).startsWith("%PDF");
        // the preview: the PDF's own page, shown (not saved) under a policy that loads and runs nothing
        MockHttpServletResponse preview = answer("/laporan/lakip?unit=18.72.03&tahun=2022&format=html", "auditor");
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentType()).startsWith("text/html");
        assertThat(preview.getHeader("Content-Disposition")).isNull();
        assertThat(preview.getHeaders("Content-Security-Policy")).containsExactly("default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'none'");
        assertThat(preview.getContentAsString(StandardCharsets.UTF_8)).contains("Tabel 3.1 Capaian IKU", "<svg");
        assertThat(gateway.lines()).anyMatch(call -> call.contains("/api/v1/reports/lakip")
                && call.contains("format=html"));
        assertThat(lakip.getHeaders("Content-Security-Policy")).as("every other answer keeps the console's policy")
                .singleElement().asString().contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(answer("/laporan", "auditor").getContentAsString(StandardCharsets.UTF_8))
                .contains("value=\"html\"", "Pratinjau di layar (halaman PDF)");
        MockHttpServletResponse lakipRefused = answer("/laporan/lakip?unit=18.72.01&tahun=2019&format=xlsx",
                "auditor");
        assertThat(lakipRefused.getStatus()).isEqualTo(400);
        assertThat(lakipRefused.getHeader("Content-Disposition")).isNull();
        assertThat(lakipRefused.getContentAsString(StandardCharsets.UTF_8)).contains("Laporan tidak dapat dibuat",
                "Tahun 2019 di luar periode Renstra", "value=\"18.72.01\"");
        assertThat(gateway.lines()).anyMatch(call -> call.contains("/api/v1/reports/lakip")
                && call.contains("format=xlsx"));
        MockHttpServletResponse matrix = answer("/laporan/matriks-renstra?unit=dinsos&versi=&format=xlsx", "planner");
        assertThat(matrix.getStatus()).isEqualTo(200);
        assertThat(matrix.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"matriks-renstra-dinsos-2021-2026-v2.xlsx\"");
        assertThat(gateway.lines()).anyMatch(call -> call.contains("/api/v1/reports/renstra-matrix")
                && call.contains("unit=dinsos") && call.contains("format=xlsx") && !call.contains("versi"));
        MockHttpServletResponse matrixRefused = answer("/laporan/matriks-renstra?unit=dinsos&versi=9&format=pdf",
                "planner");
        assertThat(matrixRefused.getStatus()).isEqualTo(404);
        assertThat(matrixRefused.getHeader("Content-Disposition")).isNull();
        assertThat(matrixRefused.getContentAsString(StandardCharsets.UTF_8)).contains("Laporan tidak dapat dibuat",
                "Versi yang ada: 2, 1.", "value=\"9\"");
        MockHttpServletResponse refused = answer("/laporan/kinerja-triwulan?unit=dinsos&tahun=2025&triwulan=1"
                + "&format=pdf", "kelurahan-operator");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getHeader("Content-Disposition")).isNull();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Laporan tidak dapat dibuat",
                "di luar wilayah kerja Anda");
    }

    @Test
    void theCityDashboardDrawsEachSeriesBesideATableWithTheSameFigures() throws Exception {
        String html = page("/pemantauan/dasbor?tahun=2025");
        assertThat(html).contains("Dasbor kota <span>2025</span>", "Kota Metro", "Triwulan I 2025", "60 %",
                "1.234", "belum diterbitkan", "Metro Utara", "1.250", "4.321", "75 %", "Anak Balita Terlantar",
                "66,67 %", "Disetujui", "Menunggu penilaian", "Angka PPKS dan KPM dari penerbitan welfare-service.");
        assertThat(html).contains("id=\"grafik-ppks-triwulan\"", "id=\"grafik-kpm-triwulan\"",
                "id=\"grafik-wilayah-kk\"", "id=\"grafik-kategori\"", "id=\"grafik-status-laporan\"")
                .as("an unpublished quarter is a gap in the chart, not a zero").contains("[10,12,null,null]")
                .doesNotContainPattern("<script>(?!</script>)|<script(?![^>]*src=)[^>]*>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/reports/dashboard?tahun=2025"));
        MockHttpServletResponse refused = answer("/pemantauan/dasbor?tahun=1999", "planner");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Dasbor tidak dapat ditampilkan",
                "Tahun di luar rentang. Tahun 2000-2100.");
        assertThat(answer("/pemantauan/dasbor", "dinsos-operator").getStatus()).as("a report reader")
                .isEqualTo(200);
        assertThat(answer("/pemantauan/dasbor", "agency").getStatus()).isEqualTo(403);
    }

    @Test
    void theMenuAndTheUrlRulesFollowTheRoles() throws Exception {
        assertThat(page("/")).contains("Pemantauan kinerja", "PPKS dan KPM", "Unduh laporan");
        assertThat(answer("/pemantauan", "dinsos-operator").getStatus()).as("reads reports, does not monitor")
                .isEqualTo(403);
        assertThat(answer("/pemantauan/ppks?periode=2025-Q1", "dinsos-operator").getStatus()).isEqualTo(200);
        assertThat(answer("/laporan", "kelurahan-operator").getStatus()).isEqualTo(200);
        assertThat(answer("/laporan", "agency").getStatus()).isEqualTo(403);
    }
}
