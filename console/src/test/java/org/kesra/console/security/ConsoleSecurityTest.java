package org.kesra.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's wall without a browser: security headers on every page, CSRF refused without its token, the login
 * (authorization code with PKCE, redirect URI at the gateway's forwarded address), htmx requests without a session,
 * and the menu by role.
 */
@SpringBootTest(properties = {"kesra.console.issuer-uri=http://sso.kesra.test/realms/kota-metro",
    "kesra.console.gateway-url=http://127.0.0.1:9", "management.server.port=0"})
@AutoConfigureMockMvc
class ConsoleSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    RequestPostProcessor operator(String... roles) {
        SimpleGrantedAuthority[] authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toArray(SimpleGrantedAuthority[]::new);
        return oidcLogin().clientRegistration(registrations.findByRegistrationId(ConsoleSecurity.REGISTRATION))
                .authorities(authorities)
                .idToken(t -> t.claim("preferred_username", "uji.operator").claim("wilayah", "18.72.05.1001"));
    }

    @Test
    void everyPageCarriesAPolicyWithoutInlineScriptsOrStylesAndRefusesFraming() throws Exception {
        for (MockHttpServletResponse page : java.util.List.of(
                mvc.perform(get("/keluar-selesai")).andReturn().getResponse(),
                mvc.perform(get("/").with(operator("kelurahan-operator"))).andReturn().getResponse())) {
            assertThat(page.getStatus()).isEqualTo(200);
            String csp = page.getHeader("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
                    "object-src 'none'", "form-action 'self' http://sso.kesra.test");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.getContentAsString()).doesNotContain("<script>").doesNotContain("style=\"");
        }
    }

    @Test
    void scriptsAndStylesAreServedByTheConsoleItselfWithoutLogin() throws Exception {
        for (String asset : java.util.List.of("/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/dist/echarts.min.js",
                "/css/console.css")) {
            MockHttpServletResponse answer = mvc.perform(get(asset)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(asset).isEqualTo(200);
            assertThat(answer.getContentAsByteArray().length).as(asset).isGreaterThan(1000);
        }
    }

    @Test
    void pagesNameScriptsAndStylesByTheirContentSoBrowsersKeepThemForAYear() throws Exception {
        String page = mvc.perform(get("/keluar-selesai")).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("/css/console-[0-9a-f]{32}\\.css").matcher(page);
        java.util.regex.Matcher htmx = java.util.regex.Pattern
                .compile("/webjars/htmx.org/[0-9.]+/dist/htmx.min-[0-9a-f]{32}\\.js").matcher(page);
        assertThat(css.find()).as("the stylesheet's address carries its content hash: " + page).isTrue();
        assertThat(htmx.find()).as("htmx's address carries its content hash").isTrue();
        for (String asset : java.util.List.of(css.group(), htmx.group())) {
            MockHttpServletResponse answer = mvc.perform(get(asset)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(asset).isEqualTo(200);
            assertThat(answer.getHeader("Cache-Control")).as(asset).contains("max-age=31536000");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndWithItGoesThrough() throws Exception {
        MockHttpServletResponse without = mvc.perform(post("/rumah-tangga/cari").param("by", "NIK")
                .param("term", "1872051205800001").with(operator("kelurahan-operator"))).andReturn().getResponse();
        assertThat(without.getStatus()).isEqualTo(403);

        MockHttpServletResponse logout = mvc.perform(post("/logout").with(operator("kelurahan-operator")).with(csrf()))
                .andReturn().getResponse();
        assertThat(logout.getStatus()).isEqualTo(302);
        assertThat(logout.getRedirectedUrl()).as("RP-initiated logout ends the Keycloak session")
                .startsWith("http://sso.kesra.test/realms/kota-metro/protocol/openid-connect/logout")
                .contains("post_logout_redirect_uri=");
    }

    @Test
    void pagesCarryTheCsrfTokenForHtmxInTheBodyAttribute() throws Exception {
        String page = mvc.perform(get("/").with(operator("kelurahan-operator"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("<body hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;:&quot;[A-Za-z0-9_=-]+&quot;\\}\">");
    }

    @Test
    void aPageWithoutSessionStartsTheLoginWithPkceAtTheGatewaysAddress() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/rumah-tangga").header("X-Forwarded-Host", "konsol.kota.test")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).isEqualTo("https://konsol.kota.test/oauth2/authorization/keycloak");

        MockHttpServletResponse login = mvc.perform(get("/oauth2/authorization/keycloak")
                .header("X-Forwarded-Host", "konsol.kota.test").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")).andReturn().getResponse();
        assertThat(login.getRedirectedUrl())
                .startsWith("http://sso.kesra.test/realms/kota-metro/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=kesra-console", "code_challenge_method=S256",
                        "code_challenge=", "redirect_uri=https://konsol.kota.test/login/oauth2/code/keycloak");
    }

    @Test
    void anHtmxRequestWithoutSessionIsSentToReloadThePageItCameFrom() throws Exception {
        // The session ended: the token the page carries is unknown now, which is no reason for a 403.
        MockHttpServletResponse fragment = mvc.perform(post("/rumah-tangga/cari").header("X-CSRF-TOKEN", "lama")
                .header("HX-Request", "true").header("HX-Current-URL", "http://localhost:8080/rumah-tangga"))
                .andReturn().getResponse();
        assertThat(fragment.getStatus()).isEqualTo(401);
        assertThat(fragment.getHeader("HX-Redirect")).isEqualTo("/rumah-tangga");
        assertThat(fragment.getContentAsString()).isEmpty();

        MockHttpServletResponse elsewhere = mvc.perform(get("/rumah-tangga").header("HX-Request", "true")
                .header("HX-Current-URL", "https://jahat.test//contoh")).andReturn().getResponse();
        assertThat(elsewhere.getHeader("HX-Redirect")).as("never another site").isEqualTo("/");

        MockHttpServletResponse form = mvc.perform(post("/rumah-tangga/baru").param("_csrf", "lama")).andReturn()
                .getResponse();
        assertThat(form.getStatus()).as("a form posted after the session ended: log in again").isEqualTo(302);
        assertThat(form.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theMenuShowsOnlyWhatTheRolesAllowAndTheServerRefusesTheRest() throws Exception {
        String operatorHome = mvc.perform(get("/").with(operator("kelurahan-operator"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(operatorHome).contains("Cari rumah tangga", "Daftarkan rumah tangga", "Operator kelurahan");

        String monitorHome = mvc.perform(get("/").with(operator("disnakertrans-monitor"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(monitorHome).contains("Cari rumah tangga").doesNotContain("Daftarkan rumah tangga");

        String plannerHome = mvc.perform(get("/").with(operator("planner"))).andReturn().getResponse()
                .getContentAsString();
        // A planner reports the quarter of their OPD (journey 3), monitors and reads reports, and decides nothing.
        assertThat(plannerHome).doesNotContain("Cari rumah tangga", "Penilaian laporan triwulan",
                "Verifikasi daftar penerima").contains("Laporan kinerja triwulan", "PPKS dan KPM", "Pemantauan kinerja",
                "Unduh laporan");
        String camatHome = mvc.perform(get("/").with(operator("kecamatan-approver"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(camatHome).contains("Penilaian laporan triwulan").doesNotContain("Laporan kinerja triwulan",
                "Cari rumah tangga");
        String auditorHome = mvc.perform(get("/").with(operator("auditor"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(auditorHome).doesNotContain("Laporan kinerja triwulan", "Penilaian laporan triwulan");

        String agencyHome = mvc.perform(get("/").with(operator("agency"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(agencyHome).contains("Belum ada pekerjaan");
        assertThat(mvc.perform(get("/rumah-tangga").with(operator("planner"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/rumah-tangga/baru").with(operator("auditor"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
