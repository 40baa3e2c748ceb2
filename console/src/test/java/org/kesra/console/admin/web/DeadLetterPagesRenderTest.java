package org.kesra.console.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The platform admin's dead letters against answers shaped like the event backbone's operator API behind the
 * gateway's {@code /ops/<service>/} routes (a stand-in gateway): a service's list by status, one letter with headers
 * and payload, a redrive, a discard refused without a reason (the message beside the field, the form as typed) and
 * then accepted, and nobody else let in.
 */
class DeadLetterPagesRenderTest extends RenderTestSupport {

    static final String LETTER = """
            {"id":12,"status":"%s","eventId":"5c1e0b9a-0000-4000-8000-000000000012","eventType":"HouseholdRegistered",
             "originalTopic":"kesra.household.events","originalPartition":0,"originalOffset":341,"key":"hh-1",
             "reason":"HANDLER_FAILED","failedAt":"2026-12-07T02:00:00Z","attempts":3,
             "lastError":"IllegalStateException: wilayah 18.72.01.9999 tidak dikenal","resolvedAt":%s,
             "resolvedBy":%s,"resolutionNote":%s,
             "headers":[{"name":"event-type","value":"HouseholdRegistered"},{"name":"event-version","value":"1"}],
             "payload":"{\\"householdId\\":\\"hh-1\\",\\"wilayah\\":\\"18.72.01.9999\\"}"}""";
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on("GET", "/ops/welfare/dead-letters", 200, """
                    {"items":[{"id":12,"status":"NEW","eventId":"5c1e0b9a-0000-4000-8000-000000000012",
                      "eventType":"HouseholdRegistered","originalTopic":"kesra.household.events",
                      "reason":"HANDLER_FAILED","failedAt":"2026-12-07T02:00:00Z","attempts":3}],
                     "page":0,"size":50,"totalItems":1,"totalPages":1}""");
            g.on("GET", "/ops/welfare/dead-letters/12", 200, LETTER.formatted("NEW", "null", "null", "null"));
            g.on("POST", "/ops/welfare/dead-letters/12/redrive", 409, """
                    {"status":409,"code":"EVT-REDRIVE-GAGAL",
                     "detail":"Event pada dead letter 12 masih gagal diproses: wilayah tidak dikenal"}""");
            g.on(c -> c.method().equals("POST") && c.path().equals("/ops/welfare/dead-letters/12/discard")
                    && (c.body().contains("\"reason\":\"  \"") || c.body().contains("Coba saja")), 400, """
                    {"status":400,"code":"PLAT-INPUT-TIDAK-SAH","detail":"Permintaan tidak sah.",
                     "errors":[{"pointer":"/reason","detail":"alasan wajib diisi"}]}""", null);
            g.on("POST", "/ops/welfare/dead-letters/12/discard", 200,
                    LETTER.formatted("DISCARDED", "\"2026-12-07T04:00:00Z\"", "\"platform.admin\"", "\"uji\""));
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role) {
        return login(role, "platform.admin", Map.of("wilayah", "18.72"));
    }

    @Test
    void aServicesDeadLettersAreListedByStatusThroughItsOperatorRoute() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/admin/dead-letter").param("layanan", "welfare")
                .with(as("platform-admin"))).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(html).as("the list's heading names the service (not only the chosen option)")
                .contains("<h2 id=\"daftar\">Kesejahteraan sosial (welfare-service)</h2>");
        assertThat(html).contains("Kesejahteraan sosial (welfare-service)", "7 Desember 2026", "HouseholdRegistered",
                "HANDLER_FAILED", "Baru: menunggu tindakan", "/admin/dead-letter/welfare/12");
        assertThat(gateway.calls).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/ops/welfare/dead-letters");
            assertThat(c.query()).contains("status=NEW", "page=0");
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/admin-dead-letters.html"), html);

        gateway.calls.clear();
        mvc.perform(get("/admin/dead-letter").param("layanan", "welfare").param("status", "SEMUA")
                .with(as("platform-admin")));
        assertThat(gateway.calls).singleElement().satisfies(c -> assertThat(c.query()).doesNotContain("status="));
        assertThat(mvc.perform(get("/admin/dead-letter").param("layanan", "gateway").with(as("platform-admin")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aLetterShowsItsHeadersAndPayloadAndARefusedRedriveInTheServicesWords() throws Exception {
        String html = mvc.perform(get("/admin/dead-letter/welfare/12").with(as("platform-admin"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("kesra.household.events / 0 / 341", "event-version",
                "wilayah 18.72.01.9999 tidak dikenal", "Proses ulang", "name=\"_csrf\"");
        MockHttpServletResponse refused = mvc.perform(post("/admin/dead-letter/welfare/12/proses-ulang")
                .with(as("platform-admin")).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Event pada dead letter 12 masih gagal diproses");
    }

    @Test
    void aDiscardWithoutAReasonIsRefusedBesideTheFieldAndKeptAsTypedThenAccepted() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse refused = mvc.perform(post("/admin/dead-letter/welfare/12/abaikan")
                .with(as("platform-admin")).with(csrf()).param("reason", "  ")).andReturn().getResponse();
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html).contains("id=\"reason-error\" class=\"field-error\">alasan wajib diisi</p>",
                "aria-describedby=\"reason-error\"", "HouseholdRegistered");
        Files.writeString(Path.of("target/admin-dead-letter-refused.html"), html);
        assertThat(mvc.perform(post("/admin/dead-letter/welfare/12/abaikan").with(as("platform-admin")).with(csrf())
                .param("reason", "Coba saja")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("the reason as typed").contains(">Coba saja</textarea>", "alasan wajib diisi");

        MockHttpServletResponse accepted = mvc.perform(post("/admin/dead-letter/welfare/12/abaikan")
                .with(as("platform-admin")).with(csrf()).param("reason", "Wilayah uji, tidak perlu diproses"))
                .andReturn().getResponse();
        assertThat(accepted.getStatus()).isEqualTo(302);
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/admin/dead-letter/welfare/12");
        assertThat(gateway.calls).filteredOn(c -> c.method().equals("POST")).last()
                .satisfies(c -> assertThat(c.body()).isEqualTo("{\"reason\":\"Wilayah uji, tidak perlu diproses\"}"));
    }

    @Test
    void aDiscardWithoutTheCsrfTokenIsRefused() throws Exception {
        gateway.calls.clear();
        assertThat(mvc.perform(post("/admin/dead-letter/welfare/12/abaikan").with(as("platform-admin"))
                .param("reason", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void onlyAPlatformAdminReachesTheDeadLettersAndOthersAreRefusedBeforeAnyApiCall() throws Exception {
        gateway.calls.clear();
        for (String role : new String[] {"auditor", "dinsos-admin", "planner"}) {
            assertThat(mvc.perform(get("/admin/dead-letter").with(as(role))).andReturn().getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(mvc.perform(post("/admin/dead-letter/welfare/12/proses-ulang").with(as(role)).with(csrf()))
                    .andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(mvc.perform(get("/").with(as(role))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).as(role).doesNotContain("Dead letter layanan");
        }
        assertThat(gateway.calls).isEmpty();
        assertThat(mvc.perform(get("/").with(as("platform-admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Dead letter layanan");
    }
}
