package org.kesra.console.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The platform admin's holiday calendar against answers shaped like performance-service's (a stand-in gateway): the
 * year's days in Indonesian, the list sent as the service takes it, each refusal shown against the line it concerns
 * with the list and reason kept, an unreadable date caught before anything is sent, and nobody else let in.
 */
class HolidayPagesRenderTest extends RenderTestSupport {

    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on("GET", "/api/v1/holidays/2026", 200, """
                    {"year":2026,"days":[{"date":"2026-01-01","kind":"libur","name":"Tahun Baru 2026 Masehi"},
                      {"date":"2026-03-20","kind":"cuti_bersama","name":null}],
                     "lastChange":{"changedBy":"platform.admin","changedAt":"2026-12-07T03:00:00Z","reason":"SKB 2026"}}""");
            g.on("GET", "/api/v1/holidays/2027", 200, """
                    {"year":2027,"days":[],"lastChange":null}""");
            g.on(c -> c.method().equals("PUT") && c.path().equals("/api/v1/holidays/2027") && c.body().contains("minggu"),
                    400, """
                    {"status":400,"code":"PF-HARI-LIBUR-TIDAK-SAH","detail":"Daftar hari libur tahun 2027 tidak dapat dimuat.",
                     "errors":[{"pointer":"/days/1/kind","detail":"Jenis harus libur atau cuti_bersama."},
                               {"pointer":"/reason","detail":"Alasan perubahan wajib diisi."}]}""", null);
            g.on("PUT", "/api/v1/holidays/2027", 200, """
                    {"year":2027,"days":[{"date":"2027-01-01","kind":"libur","name":"Tahun Baru 2027 Masehi"},
                      {"date":"2027-02-08","kind":"cuti_bersama","name":"Cuti bersama Imlek"}],
                     "lastChange":{"changedBy":"platform.admin","changedAt":"2026-12-07T04:00:00Z","reason":"SKB 2027"}}""");
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role) {
        return login(role, "platform.admin", Map.of("wilayah", "18.72"));
    }

    @Test
    void aYearsHolidaysAreShownInIndonesianWithTheLastChange() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/admin/hari-libur").param("tahun", "2026")
                .with(as("platform-admin"))).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(html).contains("1 Januari 2026", "Libur nasional", "Tahun Baru 2026 Masehi", "20 Maret 2026",
                "Cuti bersama", "SKB 2026", "2026-01-01; libur; Tahun Baru 2026 Masehi");
        assertThat(mvc.perform(get("/admin/hari-libur").param("tahun", "2027").with(as("platform-admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Belum ada hari libur", "belum dapat dihitung");
    }

    @Test
    void theListIsSentAsTheServiceTakesItAndItsRefusalsNameTheirLines() throws Exception {
        gateway.calls.clear();
        String typed = "2027-01-01; libur; Tahun Baru 2027 Masehi\n\n2027-02-08\tminggu\n";
        MockHttpServletResponse refused = mvc.perform(post("/admin/hari-libur").with(as("platform-admin"))
                .with(csrf()).param("tahun", "2027").param("lines", typed).param("reason", ""))
                .andReturn().getResponse();
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html).contains("Belum tersimpan", "Baris 3 (jenis): Jenis harus libur atau cuti_bersama.",
                "Alasan perubahan wajib diisi.", "2027-02-08\tminggu");
        assertThat(gateway.calls).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"date\":\"2027-01-01\"", "\"kind\":\"libur\"",
                        "\"name\":\"Tahun Baru 2027 Masehi\"", "\"kind\":\"minggu\""));

        MockHttpServletResponse saved = mvc.perform(post("/admin/hari-libur").with(as("platform-admin")).with(csrf())
                .param("tahun", "2027").param("lines", "2027-01-01; libur; Tahun Baru 2027 Masehi\n"
                        + "2027-02-08; cuti bersama; Cuti bersama Imlek").param("reason", "SKB 2027"))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString(StandardCharsets.UTF_8)).contains("tersimpan", "8 Februari 2027");
        assertThat(gateway.calls).filteredOn(c -> c.method().equals("PUT")).last()
                .satisfies(c -> assertThat(c.body()).contains("\"kind\":\"cuti_bersama\"", "\"reason\":\"SKB 2027\""));
    }

    @Test
    void anUnreadableDateIsNamedByItsLineAndNothingIsSent() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(post("/admin/hari-libur").with(as("platform-admin")).with(csrf())
                .param("tahun", "2027").param("lines", "2027-01-01; libur\n01/02/2027; libur").param("reason", "SKB"))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("Baris 2: tanggal &quot;01/02/2027&quot; tidak terbaca", "01/02/2027; libur");
        assertThat(gateway.calls).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void onlyAPlatformAdminReachesTheCalendar() throws Exception {
        for (String role : new String[] {"planner", "kecamatan-approver", "auditor"}) {
            assertThat(mvc.perform(get("/admin/hari-libur").with(as(role))).andReturn().getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(mvc.perform(get("/").with(as(role))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).as(role).doesNotContain("Kalender hari libur");
        }
        assertThat(mvc.perform(get("/").with(as("platform-admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Kalender hari libur");
    }
}
