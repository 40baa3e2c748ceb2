package org.kesra.console.admin.web;

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
 * The platform admin's read-model rebuild against answers shaped like reporting-service's operator endpoint (a
 * stand-in gateway, reached as {@code /ops/reporting/...}): the recent rebuilds in Indonesian, a rebuild started
 * and followed (htmx asks again only while it runs), a second start refused with the service's words, nobody else
 * let in.
 */
class RebuildPagesRenderTest extends RenderTestSupport {

    static final String RUNNING = "71717171-7171-7171-7171-717171717171";
    static final String DONE = "72727272-7272-7272-7272-727272727272";
    static final String STATUS = """
            {"id":"%s","state":"%s","requestedBy":"platform.admin","readModels":["population","welfarefigures"],
             "replayFrom":"earliest","startedAt":"2026-12-07T03:00:00Z","heartbeatAt":"2026-12-07T03:00:05Z",
             "finishedAt":%s,"eventsApplied":123456,"eventsDuplicate":2,"eventsSkipped":1,
             "topics":[{"topic":"household.events","replayedFrom":0,"replayed":120000,"liveCommitted":120500,
                        "end":120500,"partitions":[]}],"error":null}""";
    /** While set, the stand-in answers a start as reporting-service does while another rebuild runs. */
    static final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on(c -> busy.get() && c.method().equals("POST") && c.path().equals("/ops/reporting/read-model-rebuilds"),
                    409, """
                    {"status":409,"code":"RP-PEMBANGUNAN-ULANG-BERJALAN",
                     "detail":"Pembangunan ulang lain masih berjalan; tunggu sampai selesai."}""", null);
            g.on("GET", "/ops/reporting/read-model-rebuilds/" + RUNNING, 200, STATUS.formatted(RUNNING, "RUNNING",
                    "null"));
            g.on("GET", "/ops/reporting/read-model-rebuilds/" + DONE, 200, STATUS.formatted(DONE, "COMPLETED",
                    "\"2026-12-07T03:02:00Z\""));
            g.on("GET", "/ops/reporting/read-model-rebuilds", 200, "[" + STATUS.formatted(DONE, "COMPLETED",
                    "\"2026-12-07T03:02:00Z\"") + "]");
            g.on("POST", "/ops/reporting/read-model-rebuilds", 202, STATUS.formatted(RUNNING, "RUNNING", "null"));
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role) {
        return login(role, "platform.admin", Map.of("wilayah", "18.72"));
    }

    @Test
    void theRecentRebuildsAreListedAndOneIsStartedAndFollowedWhileItRuns() throws Exception {
        String list = html(mvc.perform(get("/admin/model-baca").with(as("platform-admin"))).andReturn().getResponse());
        assertThat(list).contains("Bangun ulang model baca laporan", "Selesai: model baru melayani laporan",
                "123.456", "7 Desember 2026", "/admin/model-baca/" + DONE, "Mulai bangun ulang");

        MockHttpServletResponse started = mvc.perform(post("/admin/model-baca").with(as("platform-admin"))
                .with(csrf())).andReturn().getResponse();
        assertThat(started.getRedirectedUrl()).isEqualTo("/admin/model-baca/" + RUNNING);
        assertThat(gateway.calls).anyMatch(c -> c.method().equals("POST")
                && c.path().equals("/ops/reporting/read-model-rebuilds"));

        String running = html(mvc.perform(get("/admin/model-baca/" + RUNNING).with(as("platform-admin"))).andReturn()
                .getResponse());
        assertThat(running).contains("Sedang berjalan", "household.events", "120.000", "120.500",
                "hx-get=\"/admin/model-baca/" + RUNNING + "\"", "hx-trigger=\"every 3s\"");
        String fragment = html(mvc.perform(get("/admin/model-baca/" + RUNNING).header("HX-Request", "true")
                .with(as("platform-admin"))).andReturn().getResponse());
        assertThat(fragment).as("htmx gets the section only").contains("id=\"kemajuan\"").doesNotContain("<html");
        String done = html(mvc.perform(get("/admin/model-baca/" + DONE).with(as("platform-admin"))).andReturn()
                .getResponse());
        assertThat(done).contains("Selesai: model baru melayani laporan").doesNotContain("hx-trigger");
    }

    @Test
    void aSecondStartIsRefusedInTheServicesWordsAndOnlyPlatformAdminsGetIn() throws Exception {
        busy.set(true);
        try {
            MockHttpServletResponse refused = mvc.perform(post("/admin/model-baca").with(as("platform-admin"))
                    .with(csrf())).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(html(refused)).contains("Pembangunan ulang lain masih berjalan; tunggu sampai selesai.");
        } finally {
            busy.set(false);
        }
        assertThat(mvc.perform(get("/admin/model-baca").with(as("auditor"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/admin/model-baca").with(as("planner")).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
