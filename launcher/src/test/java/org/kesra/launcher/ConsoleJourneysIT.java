package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.devinfra.PlatformInfrastructureExtension;
import org.kesra.devinfra.Ports;
import org.kesra.devinfra.PostgresAdmin;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.launcher.console.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The web console's journeys in a real browser (Debian's headless Chromium), end to end: the launcher starts the
 * applications each journey needs from their jars against the build's Kafka and Keycloak, once for all journeys;
 * every journey logs in on Keycloak's own login page, reaches the console through the gateway, asserts what the user
 * sees, saves screenshots to {@code target/screenshots/} and fails on serious or critical axe-core findings.
 */
@PlatformInfrastructure(database = "console_journeys_it")
class ConsoleJourneysIT {

    static final DateTimeFormatter INDONESIAN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("id-ID"));

    static LauncherProcess launcher;
    static Browser browser;
    static String gateway;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        Path stateDir = layout.root().resolve("launcher/target/console-journeys-it");
        String prefix = PlatformInfrastructureExtension.databaseName("cj_");
        PostgresAdmin admin = new PostgresAdmin(PostgresConnection.fromEnvironment());
        for (String database : List.of("household", "welfare", "performance", "reporting")) {
            admin.recreateDatabase(prefix + database);
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("OIDC_ISSUER_URI", System.getProperty("OIDC_ISSUER_URI"));
        env.put("DB_NAME_PREFIX", prefix);
        env.put("PLATFORM_STATE_DIR", stateDir.toString());
        // The journeys between them use every service: household data, verification, performance, reports.
        env.put("PLATFORM_SERVICES", "household-service,welfare-service,performance-service,reporting-service,"
                + "gateway,console");
        for (String application : List.of("GATEWAY", "HOUSEHOLD", "WELFARE", "PERFORMANCE", "REPORTING", "CONSOLE")) {
            env.put(application + "_PORT", Integer.toString(Ports.free()));
            env.put(application + "_MANAGEMENT_PORT", Integer.toString(Ports.free()));
        }
        gateway = "http://localhost:" + env.get("GATEWAY_PORT");
        launcher = LauncherProcess.start(layout.root(), env);
        // Four minutes on a quiet machine; a machine shared with other builds may need longer
        // (-Dkesra.journeys.startup-minutes=N).
        launcher.awaitLine("Kesra is running",
                Duration.ofMinutes(Long.getLong("kesra.journeys.startup-minutes", 4)));
        browser = new Browser(layout.root().resolve("launcher/target/screenshots"));
    }

    /** The page the journey ended on (where it failed, if it failed), with its HTML, for whoever reads the failure. */
    @AfterEach
    void keepTheLastPage() throws IOException {
        if (browser != null) {
            Path shot = browser.screenshot("last-page");
            Files.writeString(shot.resolveSibling("last-page.html"), "<!-- " + browser.driver().getCurrentUrl()
                    + " -->\n" + browser.driver().getPageSource());
            // Every journey starts logged out, on Keycloak's page: a journey that failed before logging out would
            // otherwise leave its Keycloak session (a cookie of Keycloak's host, which deleteAllCookies on the
            // console's page does not reach) and the next journey would find itself logged in as that user.
            browser.driver().executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    /** Keycloak's own login page, as the user sees it; then back on the console through the gateway. */
    static void logIn(String username) {
        browser.find(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).as("Keycloak's login page, not the console")
                .contains("/realms/kota-metro/protocol/openid-connect/auth");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), KeycloakTokens.DEMO_PASSWORD);
        browser.click(By.id("kc-login"));
        browser.waitForUrl(gateway);
    }

    static void assertAccessible(String page) {
        assertThat(browser.accessibilityViolations()).as("axe-core, serious and critical, on " + page).isEmpty();
    }

    /**
     * Journey 1: a kelurahan operator finds, registers and keeps a household: the registration refused for a wrong
     * NIK shows the API's message beside the field and keeps what was typed; the NIK search goes by POST and never
     * into the address bar; a correction needs its reason; a death and a move are recorded with Indonesian dates; the
     * history shows who changed what and why; the cadres' household has its address corrected (refused without a
     * reason), a member taken off, its head changed (refused without the former head's relationship) and is
     * relocated, each in its history; an RW, an RT and a dasawisma group are added; the page is usable at 360 px; an
     * htmx request after the session ended sends the browser to log in again; logging out ends the Keycloak session.
     */
    @Test
    void aKelurahanOperatorRegistersFindsCorrectsAndKeepsAHousehold() throws IOException {
        browser.open(gateway + "/");
        logIn("rejomulyo.operator");
        assertThat(browser.text(By.tagName("h1"))).startsWith("Selamat datang");
        assertThat(browser.text(By.cssSelector(".who .role"))).isEqualTo("Operator kelurahan");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Cari rumah tangga", "Daftarkan rumah tangga");
        assertThat(browser.driver().manage().getCookieNamed("KESRA_KONSOL")).as("the session cookie").isNotNull();
        assertThat(browser.driver().manage().getCookies()).as("no token reaches the browser")
                .noneMatch(c -> c.getValue().startsWith("eyJ"));
        assertAccessible("Beranda");

        // Register: first with a wrong NIK, then right.
        long serial = System.nanoTime() % 9000 + 1000;
        String kk = "1872050101" + String.format("%06d", System.nanoTime() % 1_000_000);
        String headNik = "187205120580" + serial;
        String wifeNik = "187205440385" + serial;
        String childNik = "187205100316" + serial;
        browser.click(By.linkText("Daftarkan rumah tangga"));
        assertThat(browser.find(By.id("kelurahanCode")).getAttribute("value")).as("the operator's only kelurahan")
                .isEqualTo("18.72.05.1001");
        browser.type(By.id("kkNumber"), kk);
        browser.type(By.id("rw"), "3");
        browser.type(By.id("rt"), "7");
        browser.type(By.id("address"), "Jl. Kenanga No. 12");
        member(0, "12345", "Suparman", "1980-05-12", "L", "KEPALA_KELUARGA");
        member(1, wifeNik, "Sulastri", "1985-03-04", "P", "ISTRI");
        member(2, childNik, "Dimas", "2016-03-10", "L", "ANAK");
        browser.click(By.cssSelector("form.register button[type=submit]"));
        assertThat(browser.text(By.id("m0-nik-error"))).as("the API's message beside the field").contains("NIK");
        assertThat(browser.find(By.id("m0-nik")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("kkNumber")).getAttribute("value")).as("kept as typed").isEqualTo(kk);
        assertThat(browser.find(By.id("m1-name")).getAttribute("value")).isEqualTo("Sulastri");
        assertThat(browser.text(By.cssSelector(".problem"))).contains("Belum tersimpan");
        assertAccessible("Daftarkan rumah tangga (ditolak)");
        browser.screenshot("journey1-register-refused");

        browser.type(By.id("m0-nik"), headNik);
        browser.click(By.cssSelector("form.register button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "terdaftar dengan 3 anggota");
        String householdUrl = browser.driver().getCurrentUrl();
        assertThat(browser.text(By.cssSelector("table.members"))).contains(headNik, "SUPARMAN", "SULASTRI",
                "12 Mei 1980", "Kepala keluarga", "Istri", "Anak");
        assertAccessible("Rumah tangga");

        // Find it by NIK (POST through htmx: the NIK never lands in the address bar), by KK and by name.
        browser.click(By.linkText("Cari rumah tangga"));
        browser.click(By.cssSelector("input[name=by][value=NIK]"));
        browser.type(By.id("term"), headNik);
        browser.click(By.cssSelector("form.search button[type=submit]"));
        browser.waitFor(By.id("hasil"), "1 penduduk");
        assertThat(browser.text(By.id("hasil"))).contains("SUPARMAN", headNik, "Kepala keluarga");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(headNik).endsWith("/rumah-tangga");
        browser.click(By.cssSelector("input[name=by][value=KK]"));
        browser.type(By.id("term"), "1872");
        browser.click(By.cssSelector("form.search button[type=submit]"));
        browser.waitFor(By.id("hasil"), "16 digit");
        browser.type(By.id("term"), kk);
        browser.click(By.cssSelector("form.search button[type=submit]"));
        browser.waitFor(By.id("hasil"), "1 rumah tangga");
        assertThat(browser.text(By.id("hasil"))).contains("SUPARMAN", "Jl. Kenanga No. 12");
        assertAccessible("Cari rumah tangga");
        browser.screenshot("journey1-search");
        browser.click(By.cssSelector("input[name=by][value=NAMA]"));
        browser.type(By.id("term"), "sulastri");
        browser.click(By.cssSelector("form.search button[type=submit]"));
        browser.waitFor(By.id("hasil"), "SULASTRI");
        browser.click(By.partialLinkText("Buka rumah tangga"));
        browser.waitForUrl(householdUrl);

        // Correct the wife's occupation: refused without a reason, then saved.
        browser.click(memberAction("SULASTRI", "Koreksi"));
        browser.select(By.id("field"), "occupation");
        browser.type(By.id("value"), "PEDAGANG");
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("reason-error"))).contains("alasan wajib diisi");
        assertThat(browser.find(By.id("value")).getAttribute("value")).isEqualTo("PEDAGANG");
        assertAccessible("Koreksi (ditolak)");
        browser.type(By.id("reason"), "salah ketik saat pendataan");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Pekerjaan dikoreksi");

        // Record the wife's death and the child's move out of the city.
        LocalDate died = LocalDate.now().minusDays(3);
        browser.click(memberAction("SULASTRI", "Catat kematian"));
        browser.script("document.getElementById('dateOfDeath').value = arguments[0]", died.toString());
        browser.type(By.id("reason"), "surat keterangan kematian kelurahan");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Kematian tercatat");
        assertThat(browser.text(By.cssSelector("table.members"))).contains("Meninggal sejak " + INDONESIAN_DATE.format(died));
        browser.click(memberAction("DIMAS", "Catat pindah"));
        browser.script("document.getElementById('movedOn').value = arguments[0]", LocalDate.now().toString());
        browser.type(By.id("destination"), "Kota Bandar Lampung");
        browser.type(By.id("reason"), "surat pindah");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Kepindahan ke luar kota tercatat");
        assertThat(browser.text(By.cssSelector("table.members"))).contains("Pindah ke luar kota")
                .containsIgnoringCase("Kota Bandar Lampung");
        assertAccessible("Rumah tangga (sesudah perubahan)");
        browser.screenshot("journey1-household");

        // The wife's history: the correction with its reason, then the death.
        browser.click(memberAction("SULASTRI", "Riwayat"));
        String history = browser.text(By.cssSelector("ol.history"));
        assertThat(history).contains("Terdaftar", "Dikoreksi", "salah ketik saat pendataan", "Pekerjaan", "PEDAGANG",
                "Meninggal", "rejomulyo.operator").containsPattern("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni"
                + "|Juli|Agustus|September|Oktober|November|Desember) \\d{4} \\d{2}\\.\\d{2} WIB");
        assertAccessible("Riwayat anggota");
        browser.screenshot("journey1-history");

        // A cadre's spreadsheet: two households, one with a wrong NIK; the right one is saved, the wrong row reported.
        Path sheet = Files.createTempFile("kader-rejomulyo-", ".csv");
        String kkA = "1872050303" + String.format("%06d", (System.nanoTime() / 7) % 1_000_000);
        String kkB = "1872050404" + String.format("%06d", (System.nanoTime() / 11) % 1_000_000);
        Files.writeString(sheet, String.join("\n",
                "kk_number,kelurahan_code,rw,rt,address,nik,name,birth_place,birth_date,sex,relationship",
                kkA + ",18.72.05.1001,4,2,Jl. Melati 3,187205020275" + serial + ",Wagiyo,Metro,1975-02-02,L,KEPALA_KELUARGA",
                kkA + ",18.72.05.1001,4,2,Jl. Melati 3,187205430378" + serial + ",Painem,Metro,1978-03-03,P,ISTRI",
                kkB + ",18.72.05.1001,4,3,Jl. Mawar 9,12345,Sumarni,Metro,1980-04-04,P,KEPALA_KELUARGA") + "\n");
        browser.click(By.linkText("Impor berkas kader"));
        browser.find(By.id("file")).sendKeys(sheet.toAbsolutePath().toString());
        browser.click(By.cssSelector("form.upload button[type=submit]"));
        browser.waitFor(By.cssSelector("#kemajuan .status"), "Selesai", Duration.ofSeconds(90));
        assertThat(browser.text(By.cssSelector("#kemajuan dl"))).contains("Baris dibaca\n3", "Rumah tangga baru\n1",
                "Penduduk baru\n2");
        String rowReport = browser.text(By.cssSelector("table.problems"));
        assertThat(rowReport).as("the wrong row, its column and the API's message").contains("4", "nik", "NIK");
        Object csv = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('a[download]').href).then(r => r.text()).then(done, e => done('GAGAL ' + e));""");
        assertThat(String.valueOf(csv)).as("the row report to download").contains("12345").doesNotContain("GAGAL");
        assertAccessible("Impor berkas");
        browser.screenshot("journey1-import");

        // A baby born into the first household (refused first as a second head, the message beside the field), then
        // moved to a household of the cadres' spreadsheet by its KK number.
        browser.open(householdUrl);
        browser.click(By.linkText("Tambah anggota"));
        browser.type(By.id("nik"), "187205150126" + serial);
        browser.type(By.id("name"), "Bayu");
        browser.type(By.id("birthPlace"), "Metro");
        browser.script("document.getElementById('birthDate').value = arguments[0]", "2026-01-15");
        browser.select(By.id("sex"), "L");
        browser.select(By.id("relationship"), "KEPALA_KELUARGA");
        browser.type(By.id("reason"), "akta kelahiran");
        browser.click(By.cssSelector("form.member-add button[type=submit]"));
        assertThat(browser.text(By.id("relationship-error"))).contains("kepala keluarga");
        assertThat(browser.find(By.id("name")).getAttribute("value")).as("kept as typed").isEqualTo("Bayu");
        assertAccessible("Tambah anggota (ditolak)");
        browser.select(By.id("relationship"), "ANAK");
        browser.click(By.cssSelector("form.member-add button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Anggota BAYU ditambahkan");
        assertThat(browser.text(By.cssSelector("table.members"))).contains("BAYU", "15 Januari 2026");
        browser.click(memberAction("BAYU", "Pindah ke KK lain"));
        browser.type(By.id("toKkNumber"), kkA);
        browser.select(By.id("relationship"), "ANAK");
        browser.type(By.id("reason"), "ikut keluarga Wagiyo");
        assertAccessible("Pindah ke KK lain");
        browser.click(By.cssSelector("form.member-move button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Anggota dipindahkan ke KK " + kkA);
        assertThat(browser.text(By.cssSelector("table.members"))).doesNotContain("BAYU");

        // The cadres' household (Wagiyo, Painem, and now Bayu): its address corrected with a reason (refused without
        // one, the typed value kept), Bayu taken off the card again (recorded there by mistake), Painem made head
        // (refused until Wagiyo's new relationship is given), the household relocated within the kelurahan; each
        // change in the household's history with its reason.
        browser.click(By.linkText("Cari rumah tangga"));
        browser.click(By.cssSelector("input[name=by][value=KK]"));
        browser.type(By.id("term"), kkA);
        browser.click(By.cssSelector("form.search button[type=submit]"));
        browser.waitFor(By.id("hasil"), "1 rumah tangga");
        clickAndAwaitNewPage(By.linkText(kkA));
        assertThat(browser.text(By.cssSelector("table.members"))).contains("WAGIYO", "PAINEM", "BAYU");
        browser.click(By.linkText("Koreksi data rumah tangga"));
        assertThat(browser.find(By.id("value")).getAttribute("value")).as("the address as it is")
                .isEqualToIgnoringCase("Jl. Melati 3");
        browser.type(By.id("value"), "Jl. Melati 3A");
        clickAndAwaitNewPage(By.cssSelector("form.household-correct button[type=submit]"));
        assertThat(browser.text(By.id("reason-error"))).contains("alasan");
        assertThat(browser.find(By.id("value")).getAttribute("value")).as("kept as typed").isEqualTo("Jl. Melati 3A");
        assertAccessible("Koreksi data rumah tangga (ditolak)");
        browser.screenshot("journey1-household-correct-refused");
        browser.type(By.id("reason"), "nomor rumah salah tulis");
        clickAndAwaitNotice(By.cssSelector("form.household-correct button[type=submit]"), "Alamat dikoreksi");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Jl. Melati 3A");

        browser.click(memberAction("BAYU", "Keluarkan dari KK"));
        browser.type(By.id("reason"), "tercatat keliru pada KK ini");
        assertAccessible("Keluarkan anggota");
        clickAndAwaitNotice(By.cssSelector("form.member-remove button[type=submit]"), "Anggota dikeluarkan dari KK");
        assertThat(browser.text(By.cssSelector("table.members"))).doesNotContain("BAYU");

        browser.click(By.linkText("Ganti kepala keluarga"));
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("personId"))).selectByVisibleText("PAINEM (Istri)");
        browser.type(By.id("reason"), "KK baru dari Disdukcapil");
        clickAndAwaitNewPage(By.cssSelector("form.head button[type=submit]"));
        assertThat(browser.text(By.id("formerHeadRelationship-error"))).contains("kepala keluarga lama");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("personId")))
                .getFirstSelectedOption().getText()).as("kept as chosen").isEqualTo("PAINEM (Istri)");
        assertAccessible("Ganti kepala keluarga (ditolak)");
        browser.select(By.id("formerHeadRelationship"), "SUAMI");
        clickAndAwaitNotice(By.cssSelector("form.head button[type=submit]"), "Kepala keluarga sekarang PAINEM");
        assertThat(browser.text(memberRow("PAINEM"))).contains("Kepala keluarga");
        assertThat(browser.text(memberRow("WAGIYO"))).contains("Suami");

        browser.click(By.linkText("Pindah alamat"));
        browser.type(By.id("rw"), "5");
        browser.type(By.id("rt"), "1");
        browser.type(By.id("address"), "Jl. Anggrek 7");
        browser.type(By.id("reason"), "surat keterangan pindah alamat");
        assertAccessible("Pindah alamat");
        browser.screenshot("journey1-relocate");
        clickAndAwaitNotice(By.cssSelector("form.relocate button[type=submit]"),
                "Pindah alamat tercatat: RW 005 / RT 001, Jl. Anggrek 7");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Jl. Anggrek 7");
        assertAccessible("Rumah tangga kader (sesudah perubahan)");
        browser.screenshot("journey1-household-changes");

        browser.click(By.linkText("Riwayat perubahan rumah tangga"));
        String householdHistory = browser.text(By.cssSelector("ol.history"));
        assertThat(householdHistory).contains("Dikoreksi", "nomor rumah salah tulis", "Alamat", "Jl. Melati 3A",
                "Anggota dikeluarkan", "tercatat keliru pada KK ini", "Kepala keluarga diganti",
                "KK baru dari Disdukcapil", "Pindah alamat", "Jl. Anggrek 7", "rejomulyo.operator");
        assertAccessible("Riwayat rumah tangga");
        // The screenshot shows the newest changes (the history lists the oldest first).
        browser.script("document.querySelector('ol.history > li:last-child').scrollIntoView()");
        browser.screenshot("journey1-household-history");

        // The kelurahan's RW, RT and dasawisma groups: a new RW, an RT on it, a group on that RT.
        browser.click(By.linkText("RW, RT dan dasawisma"));
        browser.waitFor(By.tagName("h1"), "RW, RT dan dasawisma");
        String rw = String.format("%03d", 100 + serial % 800);
        browser.type(By.id("rw-number"), rw);
        clickAndAwaitNotice(By.cssSelector("form.add-rw button[type=submit]"), "RW " + rw + " ditambahkan");
        browser.select(By.id("rt-rw"), rw);
        browser.type(By.id("rt-number"), "1");
        clickAndAwaitNotice(By.cssSelector("form.add-rt button[type=submit]"), "RT 001 ditambahkan pada RW " + rw);
        browser.type(By.id("dw-name"), "Mawar " + serial);
        browser.type(By.id("dw-rw"), rw);
        browser.type(By.id("dw-rt"), "1");
        clickAndAwaitNotice(By.cssSelector("form.add-dasawisma button[type=submit]"), "Mawar " + serial + " dibentuk");
        assertThat(browser.text(By.cssSelector("table.groups"))).contains("Mawar " + serial);
        assertAccessible("RW, RT dan dasawisma");
        browser.screenshot("journey1-wilayah");

        // A phone: 360 px wide, nothing wider than the screen.
        browser.open(householdUrl);
        browser.emulateWidth(360, 800);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        assertAccessible("Rumah tangga, 360 px");
        browser.screenshot("journey1-household-360px");
        browser.stopEmulating();

        // The session ends while the page is open: the htmx search sends the browser to log in again (Keycloak's
        // session still holds, so it comes straight back), instead of a broken fragment.
        browser.click(By.linkText("Cari rumah tangga"));
        browser.script("window.kesraMarker = 'halaman lama'");
        browser.driver().manage().deleteCookieNamed("KESRA_KONSOL");
        browser.type(By.id("term"), kk);
        browser.click(By.cssSelector("form.search button[type=submit]"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> browser.script("return window.kesraMarker") == null);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Cari rumah tangga");
        Cookie session = browser.driver().manage().getCookieNamed("KESRA_KONSOL");
        assertThat(session).as("a new session after logging in again").isNotNull();

        // Log out: the Keycloak session ends too, so the console asks for the password again.
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
        assertAccessible("Keluar");
        browser.click(By.linkText("Masuk lagi"));
        assertThat(browser.find(By.id("password")).isDisplayed()).isTrue();
    }

    /**
     * Journey 2: a Dinas Sosial verifier works through the verification queue. A family is registered, enrolled in
     * PKH and its wife's death recorded through the APIs (as a kelurahan's and Dinas Sosial's operators would); a PPKS
     * case is found and served. The verifier uploads a recipient list of that family (one row padan, a wrong NIK, the
     * deceased, a malformed NIK), sees the counts, opens the wrong NIK's row beside the registry's candidates, is
     * refused without a reason and keeps what was chosen, decides with one, downloads the result, confirms the review
     * the death opened, and reads PPKS per kelurahan and KPM per programme. Independent of the other journeys: it
     * starts from a browser without a session and logs out at the end.
     */
    @Test
    void aDinasSosialVerifierWorksThroughTheVerificationQueue() throws IOException {
        // The data the journey needs, through the APIs (via the gateway), with the demo users' tokens.
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        String operator = tokens.forUser("dinsos.operator");
        long serial = System.nanoTime() % 9000 + 1000;
        String kk = "1872050202" + String.format("%06d", System.nanoTime() % 1_000_000);
        String headNik = "187205020280" + serial;
        String wifeNik = "187205440386" + serial;
        String childNik = "187205100314" + serial;
        String household = """
                {"kkNumber":"%s","kelurahanCode":"18.72.05.1001","rw":"5","rt":"1","address":"Jl. Flamboyan No. 8",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":36,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[
                  {"nik":"%s","name":"Warsito","birthPlace":"Metro","birthDate":"1980-02-02","sex":"L",
                   "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"},
                  {"nik":"%s","name":"Painem","birthPlace":"Metro","birthDate":"1986-03-04","sex":"P",
                   "relationship":"ISTRI","maritalStatus":"KAWIN","education":"SLTA","occupation":"PEDAGANG"},
                  {"nik":"%s","name":"Galih Pratama","birthPlace":"Metro","birthDate":"2014-03-10","sex":"L",
                   "relationship":"ANAK","maritalStatus":"BELUM_KAWIN","education":"SD","occupation":"PELAJAR"}]}"""
                .formatted(kk, headNik, wifeNik, childNik);
        org.kesra.devinfra.ApiClient.Response registered = api.post("/api/v1/households", operator, household);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        tools.jackson.databind.JsonNode wife = registered.body().path("members").get(1);
        // welfare-service learns the family from household-service's event; enrol it as soon as it has.
        String enrolment = "{\"programme\":\"PKH\",\"nik\":\"" + headNik + "\",\"periodStart\":\""
                + LocalDate.now().withDayOfYear(1) + "\"}";
        org.kesra.devinfra.ApiClient.Response enrolled = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60)).until(() -> api.post("/api/v1/enrolments", operator, enrolment),
                        response -> response.status() != 422);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        LocalDate died = LocalDate.now().minusDays(2);
        org.kesra.devinfra.ApiClient.Response death = api.send("POST", "/api/v1/persons/" + wife.path("id").asString()
                + "/death", operator, "{\"dateOfDeath\":\"" + died + "\",\"reason\":\"surat kematian\"}",
                Map.of("If-Match", "\"" + wife.path("version").asInt() + "\""));
        assertThat(death.status()).as(death.text()).isEqualTo(200);
        String verifierToken = tokens.forUser("dinsos.verifier");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api.send("GET",
                "/api/v1/enrolment-reviews?status=TERBUKA&size=200", verifierToken, null,
                Map.of("X-Purpose", "persiapan uji konsol")).text().contains(wifeNik));
        // A PPKS case found in Sumbersari Bantul and served: ditangani.
        String sumbersari = "18.72.05.1003";
        org.kesra.devinfra.ApiClient.Response found = api.post("/api/v1/ppks", operator, """
                {"nik":"1872054507700%03d","name":"Mbah Sarinah","kelurahanCode":"%s","foundOn":"%s",
                 "foundAt":"Pasar Sumbersari","categories":["LUT"]}""".formatted(serial % 1000, sumbersari,
                LocalDate.now().minusDays(5)));
        assertThat(found.status()).as(found.text()).isEqualTo(201);
        org.kesra.devinfra.ApiClient.Response served = api.post("/api/v1/ppks/" + found.body().path("id").asString()
                + "/services", operator, """
                {"servedOn":"%s","kind":"bantuan sembako","provider":"TKSK Metro Utara"}""".formatted(
                LocalDate.now().minusDays(1)));
        assertThat(served.status()).as(served.text()).isEqualTo(200);

        // A browser without a session: cookies are per host, so this clears the console's and Keycloak's alike.
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("dinsos.verifier");
        assertThat(browser.text(By.cssSelector(".who .role"))).isEqualTo("Verifikator Dinas Sosial");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Verifikasi daftar penerima",
                "Peninjauan kepesertaan", "PPKS dan KPM").doesNotContain("Daftarkan rumah tangga");

        // Upload the list: refused first without a file (the programme chosen stays chosen), then matched.
        Path list = Files.createTempDirectory("verivali-").resolve("daftar-penerima-pkh.csv");
        String wrongNik = "187205100314" + (serial == 9999 ? 1000 : serial + 1);
        Files.writeString(list, String.join("\n", "nik,nama,tanggal_lahir,kode_kelurahan",
                headNik + ",Warsito,02-02-1980,18.72.05.1001",
                wrongNik + ",Galih Pratama,10-03-2014,18.72.05.1001",
                wifeNik + ",Painem,04-03-1986,18.72.05.1001",
                "12345,Tanpa NIK,01-01-1990,18.72.05.1001") + "\n");
        browser.click(By.linkText("Verifikasi daftar penerima"));
        assertAccessible("Verifikasi daftar penerima");
        browser.select(By.id("program"), "PKH");
        browser.click(By.cssSelector("form.upload button[type=submit]"));
        assertThat(browser.text(By.id("file-error"))).contains("Pilih berkas");
        assertThat(browser.find(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.cssSelector("#program option[value=PKH]")).isSelected()).as("kept as chosen")
                .isTrue();
        assertAccessible("Verifikasi daftar penerima (ditolak)");
        browser.find(By.id("file")).sendKeys(list.toAbsolutePath().toString());
        browser.click(By.cssSelector("form.upload button[type=submit]"));
        browser.waitFor(By.tagName("h1"), "Hasil verifikasi");
        String listUrl = browser.driver().getCurrentUrl();
        assertThat(listUrl).doesNotContain(headNik).doesNotContain("Warsito");
        assertThat(browser.text(By.id("jumlah-baris"))).isEqualTo("4");
        assertThat(browser.text(By.id("jumlah-padan"))).isEqualTo("1");
        assertThat(browser.text(By.id("jumlah-tidak-padan"))).isEqualTo("3");
        assertThat(browser.text(By.cssSelector("ul.reasons"))).contains("NIK berbeda (ada penduduk yang mirip): 1",
                "Meninggal: 1", "NIK tidak valid: 1");
        assertThat(browser.text(By.cssSelector("table.list"))).contains(wrongNik, "Galih Pratama", "Painem",
                "Rejomulyo");
        assertAccessible("Hasil verifikasi");
        browser.screenshot("journey2-list");

        // The wrong NIK's row beside the registry's candidates; a decision without a reason is refused.
        browser.click(By.linkText("Baris 3"));
        browser.waitFor(By.tagName("h1"), "Baris 3");
        String compared = browser.text(By.cssSelector("table.compare"));
        assertThat(compared).contains("Daftar penerima", wrongNik, "Calon 1", childNik, "GALIH PRATAMA",
                "10 Maret 2014", "dipadankan sistem", "tanggal lahir sama", "kelurahan sama", "nama 100% mirip");
        browser.click(By.cssSelector("input[name=decision][value=DITERIMA]"));
        browser.click(By.cssSelector("form.decide button[type=submit]"));
        assertThat(browser.text(By.id("reason-error"))).contains("Alasan keputusan wajib diisi");
        assertThat(browser.find(By.cssSelector("input[name=decision][value=DITERIMA]")).isSelected())
                .as("the decision kept as chosen").isTrue();
        assertAccessible("Baris daftar (ditolak)");
        browser.emulateWidth(1280, 1100); // the whole page in one picture: the row, its candidates, the refused form
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("journey2-row");
        browser.stopEmulating();
        browser.type(By.id("reason"), "NIK salah ketik di daftar; KK diperiksa di kelurahan");
        // A phone: the comparison stacks, nothing wider than the screen.
        browser.emulateWidth(360, 800);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        assertAccessible("Baris daftar, 360 px");
        browser.screenshot("journey2-row-360px");
        browser.stopEmulating();
        browser.click(By.cssSelector("form.decide button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"), "Baris 3 diterima");
        assertThat(browser.text(By.id("jumlah-diputuskan"))).isEqualTo("1");

        // The result for the national system, as the download link gives it.
        Object csv = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('a[download]').href).then(r => r.text()).then(done, e => done('GAGAL ' + e));""");
        assertThat(String.valueOf(csv)).contains("NO,NIK,NAMA,TANGGAL_LAHIR", wrongNik, "NIK_BERBEDA", "DITERIMA",
                "NIK salah ketik di daftar", "MENINGGAL").doesNotContain("GAGAL");

        // The review the wife's death opened on the family's PKH: confirmed with a reason.
        browser.click(By.linkText("Peninjauan kepesertaan"));
        By review = By.xpath("//article[contains(@class,'review')][.//dd[normalize-space()='" + wifeNik + "']]");
        assertThat(browser.text(review)).contains("PKH", "Meninggal", "pada " + INDONESIAN_DATE.format(died), headNik,
                "Rp");
        assertAccessible("Peninjauan kepesertaan");
        browser.find(review).findElement(By.cssSelector("input[name=decision][value=KONFIRMASI]")).click();
        browser.find(review).findElement(By.cssSelector("input[name=reason]")).sendKeys("akta kematian diterima");
        browser.find(review).findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".notice"), "Peninjauan PKH dikonfirmasi");
        assertThat(browser.driver().findElements(review)).as("no longer waiting").isEmpty();

        // PPKS per kelurahan with the served case as ditangani; KPM per programme.
        browser.click(By.linkText("PPKS dan KPM"));
        List<String> ppks = browser.driver().findElements(By.xpath("//table[@id='ppks-kelurahan']//tr[th[normalize-space()"
                + "='Sumbersari Bantul']]/td")).stream().map(org.openqa.selenium.WebElement::getText).toList();
        assertThat(ppks).as("terdata, ditangani, persen").containsExactly("1", "1", "100%");
        assertThat(browser.text(By.id("kpm-program"))).contains("PKH – Program Keluarga Harapan", "SEMBAKO");
        assertAccessible("PPKS dan KPM");
        browser.screenshot("journey2-ppks-kpm");

        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * The Dinas Sosial operator's registers: a PPKS case registered with its categories (first refused without one,
     * the form kept as typed), served (ditangani) and found again in its kelurahan's list; a family enrolled in PKH
     * with its PKH components from the registry's members, then the enrolment ended with its reason (first refused
     * without one). The family is registered through the API first and welfare-service awaited until it knows it.
     */
    @Test
    void aDinasSosialOperatorRegistersAPpksCaseAndEnrolsAFamily() throws IOException {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        String operator = tokens.forUser("dinsos.operator");
        long serial = System.nanoTime() % 9000 + 1000;
        String kk = "1872050303" + String.format("%06d", System.nanoTime() % 1_000_000);
        String headNik = "187205030375" + serial;
        String childNik = "187205150316" + serial;
        String household = """
                {"kkNumber":"%s","kelurahanCode":"18.72.05.1001","rw":"2","rt":"4","address":"Jl. Melati No. 3",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":30,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[
                  {"nik":"%s","name":"Sutrisno","birthPlace":"Metro","birthDate":"1975-03-03","sex":"L",
                   "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"},
                  {"nik":"%s","name":"Rina Lestari","birthPlace":"Metro","birthDate":"2016-03-15","sex":"P",
                   "relationship":"ANAK","maritalStatus":"BELUM_KAWIN","education":"SD","occupation":"PELAJAR"}]}"""
                .formatted(kk, headNik, childNik);
        org.kesra.devinfra.ApiClient.Response registered = api.post("/api/v1/households", operator, household);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        // welfare-service learns the family from household-service's event: a Sembako enrolment through the API
        // succeeds as soon as it has (the browser then enrols the family in PKH).
        String sembako = "{\"programme\":\"SEMBAKO\",\"nik\":\"" + headNik + "\",\"periodStart\":\""
                + LocalDate.now().withDayOfYear(1) + "\"}";
        org.kesra.devinfra.ApiClient.Response enrolled = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60)).until(() -> api.post("/api/v1/enrolments", operator, sembako),
                        response -> response.status() != 422);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);

        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("dinsos.operator");
        assertThat(browser.text(By.cssSelector(".who .role"))).isEqualTo("Operator Dinas Sosial");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Register PPKS", "Kepesertaan program");

        // A PPKS case: refused without a category (the API's message beside the choice, the form as typed).
        clickAndAwaitNewPage(By.linkText("Register PPKS"));
        assertAccessible("Register PPKS");
        clickAndAwaitNewPage(By.linkText("Catat kasus PPKS baru"));
        browser.type(By.id("nik"), childNik);
        browser.type(By.id("name"), "Rina Lestari");
        browser.select(By.id("kelurahanCode"), "18.72.05.1001");
        LocalDate found = LocalDate.now().minusDays(3);
        browser.script("document.getElementById('foundOn').value = arguments[0]", found.toString());
        browser.type(By.id("foundAt"), "Terminal Metro");
        clickAndAwaitNewPage(By.cssSelector("form.ppks-new button[type=submit]"));
        assertThat(browser.text(By.id("categories-error"))).contains("minimal satu kategori");
        assertThat(browser.find(By.id("foundAt")).getAttribute("value")).as("kept as typed").isEqualTo("Terminal Metro");
        assertThat(browser.find(By.id("foundOn")).getAttribute("value")).isEqualTo(found.toString());
        assertAccessible("Catat kasus PPKS (ditolak)");
        browser.click(By.cssSelector("input[name=categories][value=AJ]"));
        browser.click(By.cssSelector("input[name=categories][value=FM]"));
        clickAndAwaitNotice(By.cssSelector("form.ppks-new button[type=submit]"), "Kasus PPKS tercatat");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(childNik);
        assertThat(browser.text(By.id("status-kasus"))).isEqualTo("Terdata");
        assertThat(browser.text(By.id("kategori-kasus"))).contains("AJ – Anak Jalanan", "FM – Fakir Miskin");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains(childNik, "Ya", "Rejomulyo");

        // A service given: the case is ditangani, its history says by whom.
        browser.script("document.getElementById('servedOn').value = arguments[0]", LocalDate.now().toString());
        browser.type(By.id("kind"), "rujukan rumah singgah");
        browser.type(By.id("provider"), "TKSK Metro Pusat");
        clickAndAwaitNotice(By.cssSelector("form.serve button[type=submit]"), "Pelayanan tercatat");
        assertThat(browser.text(By.id("status-kasus"))).isEqualTo("Ditangani");
        assertThat(browser.text(By.id("riwayat"))).contains(INDONESIAN_DATE.format(found) + ": ditemukan di Terminal Metro",
                INDONESIAN_DATE.format(LocalDate.now()) + ": pelayanan rujukan rumah singgah oleh TKSK Metro Pusat",
                "dinsos.operator");
        assertAccessible("Kasus PPKS");
        browser.screenshot("registers-ppks-case");
        browser.emulateWidth(360, 800);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        browser.stopEmulating();
        clickAndAwaitNewPage(By.linkText("Kasus lain di kelurahan ini"));
        assertThat(browser.text(By.id("daftar-ppks"))).contains("RINA LESTARI", "Rejomulyo", "Ditangani");

        // The family enrolled in PKH by the head's NIK: its PKH components from the registry's members.
        clickAndAwaitNewPage(By.linkText("Kepesertaan program"));
        assertThat(browser.text(By.tagName("h1"))).contains("PKH");
        assertAccessible("Kepesertaan program");
        clickAndAwaitNewPage(By.linkText("Daftarkan KPM"));
        browser.select(By.id("programme"), "PKH");
        browser.type(By.id("nik"), headNik);
        browser.script("document.getElementById('periodStart').value = arguments[0]",
                LocalDate.now().withDayOfYear(1).toString());
        clickAndAwaitNotice(By.cssSelector("form.enrol button[type=submit]"), "Kepesertaan PKH tercatat");
        assertThat(browser.text(By.id("status-kepesertaan"))).isEqualTo("Aktif");
        assertThat(browser.text(By.id("periode"))).isEqualTo(INDONESIAN_DATE.format(LocalDate.now().withDayOfYear(1))
                + " – seterusnya");
        assertThat(browser.text(By.id("komponen-judul"))).startsWith("Komponen PKH per");
        assertThat(browser.text(By.id("komponen-pkh")).toUpperCase(Locale.ROOT)).contains("RINA LESTARI", "RP");
        assertAccessible("Kepesertaan PKH");
        browser.screenshot("registers-enrolment");

        // Ended with its reason: refused without one first.
        browser.script("document.getElementById('endedOn').value = arguments[0]", LocalDate.now().toString());
        clickAndAwaitNewPage(By.cssSelector("form.end button[type=submit]"));
        assertThat(browser.text(By.id("reason-error"))).contains("Alasan berakhirnya kepesertaan wajib diisi");
        assertThat(browser.find(By.id("endedOn")).getAttribute("value")).isEqualTo(LocalDate.now().toString());
        browser.type(By.id("reason"), "keluarga pindah ke program daerah");
        clickAndAwaitNotice(By.cssSelector("form.end button[type=submit]"), "Kepesertaan diakhiri");
        assertThat(browser.text(By.id("status-kepesertaan"))).isEqualTo("Berakhir");
        assertThat(browser.text(By.id("alasan-berakhir"))).isEqualTo("keluarga pindah ke program daerah (dinsos.operator)");
        assertThat(browser.driver().findElements(By.cssSelector("form.end"))).as("ended once").isEmpty();

        // This month's Sembako round opened with its SP2D (refused first: a realisation above SP2D, beside its field,
        // the form as typed), the bank's payment list uploaded as a file, what was paid against SP2D.
        LocalDate month = LocalDate.now().withDayOfMonth(1);
        String label = month.format(DateTimeFormatter.ofPattern("MMMM", Locale.forLanguageTag("id-ID")))
                .toUpperCase(Locale.ROOT);
        clickAndAwaitNewPage(By.linkText("Penyaluran bantuan"));
        browser.select(By.id("program"), "SEMBAKO");
        clickAndAwaitNewPage(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.text(By.tagName("h1"))).contains("SEMBAKO");
        assertAccessible("Penyaluran bantuan");
        clickAndAwaitNewPage(By.linkText("Buka tahap penyaluran"));
        browser.select(By.id("kind"), "BULAN");
        browser.type(By.id("label"), label);
        browser.script("document.getElementById('periodStart').value = arguments[0]", month.toString());
        browser.script("document.getElementById('periodEnd').value = arguments[0]",
                month.plusMonths(1).minusDays(1).toString());
        browser.type(By.id("sp2dKpm"), "2");
        browser.type(By.id("sp2dRupiah"), "400.000");
        browser.type(By.id("realisedKpm"), "3");
        browser.type(By.id("realisedRupiah"), "600.000");
        clickAndAwaitNewPage(By.cssSelector("form.round-new button[type=submit]"));
        assertThat(browser.text(By.id("realisedKpm-error"))).contains("melebihi SP2D 2 KPM");
        assertThat(browser.find(By.id("sp2dRupiah")).getAttribute("value")).as("kept as typed").isEqualTo("400.000");
        assertAccessible("Buka tahap penyaluran (ditolak)");
        browser.type(By.id("realisedKpm"), "");
        browser.type(By.id("realisedRupiah"), "");
        clickAndAwaitNotice(By.cssSelector("form.round-new button[type=submit]"), "tercatat");
        Path payments = Files.createTempDirectory("pembayaran-").resolve("sembako-" + label.toLowerCase(Locale.ROOT)
                + ".csv");
        Files.writeString(payments, "nik,status,rupiah,alasan,catatan\n" + headNik + ",DIBAYAR,200000,,\n");
        browser.find(By.id("file")).sendKeys(payments.toAbsolutePath().toString());
        clickAndAwaitNotice(By.cssSelector("form.upload button[type=submit]"), "Daftar pembayaran tersimpan: 1 baris");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Penyaluran SEMBAKO " + month.getYear()
                + ", tahap/bulan " + label);
        assertThat(browser.text(By.id("ringkasan-tahap"))).contains("Rp 400.000", "belum dilaporkan");
        assertThat(browser.text(By.id("dibayar"))).contains("1", "Rp 200.000");
        assertThat(browser.text(By.id("per-kelurahan"))).contains("Rejomulyo");
        assertThat(browser.text(By.id("daftar-pembayaran"))).contains(headNik, "Dibayar", "Rp 200.000");
        assertAccessible("Tahap penyaluran");
        browser.screenshot("registers-payment-round");
        browser.emulateWidth(360, 800);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        browser.screenshot("registers-payment-round-360px");
        browser.stopEmulating();

        // A PSKS registered: the head of the family as a pekerja sosial masyarakat of Rejomulyo.
        clickAndAwaitNewPage(By.linkText("Register PSKS"));
        clickAndAwaitNewPage(By.linkText("Catat PSKS baru"));
        browser.select(By.id("category"), "PSM");
        browser.select(By.id("kind"), "ORANG");
        browser.type(By.id("name"), "Sutrisno");
        browser.type(By.id("nik"), headNik);
        browser.select(By.id("kelurahanCode"), "18.72.05.1001");
        browser.script("document.getElementById('activeSince').value = arguments[0]",
                LocalDate.now().minusYears(1).toString());
        assertAccessible("Catat PSKS");
        clickAndAwaitNotice(By.cssSelector("form.psks-new button[type=submit]"), "PSKS tercatat: Sutrisno (PSM)");
        assertThat(browser.text(By.id("daftar-psks"))).contains("Sutrisno", "Perorangan", headNik, "PSM", "Rejomulyo",
                INDONESIAN_DATE.format(LocalDate.now().minusYears(1)), "Aktif");
        // Deactivated from its row: refused without a reason first (the message beside the field, the row open).
        browser.click(By.cssSelector("#daftar-psks details.row-action summary"));
        browser.script("document.querySelector('#daftar-psks input[name=deactivatedOn]').value = arguments[0]",
                LocalDate.now().toString());
        clickAndAwaitNewPage(By.cssSelector("#daftar-psks details.row-action button[type=submit]"));
        assertThat(browser.text(By.cssSelector("#daftar-psks .field-error"))).contains("Alasan wajib diisi");
        assertAccessible("Register PSKS (penonaktifan ditolak)");
        browser.screenshot("registers-psks");
        browser.type(By.cssSelector("#daftar-psks input[name=reason]"), "pindah tugas ke Bandar Lampung");
        clickAndAwaitNotice(By.cssSelector("#daftar-psks details.row-action button[type=submit]"),
                "PSKS Sutrisno dinonaktifkan");
        assertThat(browser.text(By.id("daftar-psks"))).contains("Nonaktif",
                "sejak " + INDONESIAN_DATE.format(LocalDate.now()), "pindah tugas ke Bandar Lampung (dinsos.operator)");

        // A musyawarah kelurahan proposal: the family proposed for PKH again, waiting for Dinas Sosial's decision.
        clickAndAwaitNewPage(By.linkText("Usulan musyawarah"));
        clickAndAwaitNewPage(By.linkText("Ajukan usulan"));
        browser.select(By.id("kelurahanCode"), "18.72.05.1001");
        browser.script("document.getElementById('meetingDate').value = arguments[0]", LocalDate.now().toString());
        browser.select(By.id("programme"), "PKH");
        browser.select(By.id("kind"), "TAMBAH");
        browser.type(By.id("nik"), headNik);
        browser.select(By.id("reason"), "LAYAK");
        assertAccessible("Ajukan usulan musyawarah");
        clickAndAwaitNotice(By.cssSelector("form.musyawarah-new button[type=submit]"), "Usulan musyawarah tercatat");
        assertThat(browser.text(By.id("daftar-usulan"))).contains("Rejomulyo", "PKH", "Tambah penerima", headNik,
                "Diusulkan", "dinsos.operator");
        assertThat(browser.driver().findElements(By.cssSelector("#daftar-usulan details.row-action")))
                .as("an operator proposes, a verifier decides").isEmpty();
        assertAccessible("Usulan musyawarah");
        browser.screenshot("registers-musyawarah");

        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * Work that had only render tests, walked in the browser. A kelurahan operator saves a column-mapping profile for
     * a cadre's spreadsheet with its own headings (refused first without a name, the headings kept as typed) and
     * imports such a sheet with it; then records that a child of a PKH family (registered and enrolled through the
     * APIs first) moved out of the city. The Dinas Sosial verifier finds the review the move opened and confirms it
     * with a reason; it then shows under "Dikonfirmasi" with who decided and why.
     */
    @Test
    void aKelurahanOperatorImportsWithAColumnProfileAndAMoveOpensAReviewTheVerifierCloses() throws IOException {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        String dinsos = tokens.forUser("dinsos.operator");
        long serial = System.nanoTime() % 9000 + 1000;
        String kk = "1872050505" + String.format("%06d", System.nanoTime() % 1_000_000);
        String headNik = "187205120678" + serial;
        String childNik = "187205050710" + serial;
        org.kesra.devinfra.ApiClient.Response registered = api.post("/api/v1/households", dinsos, """
                {"kkNumber":"%s","kelurahanCode":"18.72.05.1001","rw":"6","rt":"2","address":"Jl. Dahlia No. 5",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":32,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[
                  {"nik":"%s","name":"Harjono","birthPlace":"Metro","birthDate":"1978-06-12","sex":"L",
                   "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"},
                  {"nik":"%s","name":"Bagas Saputra","birthPlace":"Metro","birthDate":"2010-07-05","sex":"L",
                   "relationship":"ANAK","maritalStatus":"BELUM_KAWIN","education":"SLTP","occupation":"PELAJAR"}]}"""
                .formatted(kk, headNik, childNik));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String householdId = registered.body().path("id").asString();
        String enrolment = "{\"programme\":\"PKH\",\"nik\":\"" + headNik + "\",\"periodStart\":\""
                + LocalDate.now().withDayOfYear(1) + "\"}";
        org.kesra.devinfra.ApiClient.Response enrolled = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.post("/api/v1/enrolments", dinsos, enrolment), response -> response.status() != 422);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);

        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("rejomulyo.operator");

        // The cadre's headings, one box per standard column; no name first: refused, the headings kept.
        String profile = "dasawisma-uji-" + serial;
        Map<String, String> headings = new java.util.LinkedHashMap<>();
        headings.put("kk_number", "No. KK");
        headings.put("kelurahan_code", "Kode Kelurahan");
        headings.put("rw", "Nomor RW");
        headings.put("rt", "Nomor RT");
        headings.put("address", "Alamat Rumah");
        headings.put("nik", "NIK Anggota");
        headings.put("name", "Nama Lengkap");
        headings.put("birth_place", "Tempat Lahir");
        headings.put("birth_date", "Tanggal Lahir");
        headings.put("sex", "L/P");
        headings.put("relationship", "Hubungan Keluarga");
        clickAndAwaitNewPage(By.linkText("Impor berkas kader"));
        clickAndAwaitNewPage(By.linkText("Profil pemetaan kolom"));
        assertThat(browser.text(By.tagName("h2"))).isEqualTo("Profil yang ada");
        headings.forEach((column, heading) -> browser.type(By.id("kolom-" + column), heading));
        browser.type(By.id("description"), "Format buku dasawisma Rejomulyo");
        clickAndAwaitNewPage(By.cssSelector("form.profile button[type=submit]"));
        assertThat(browser.text(By.id("name-error"))).contains("Nama profil wajib diisi");
        assertThat(browser.find(By.id("kolom-nik")).getAttribute("value")).as("kept as typed").isEqualTo("NIK Anggota");
        assertAccessible("Profil pemetaan kolom (ditolak)");
        browser.type(By.id("name"), profile);
        clickAndAwaitNotice(By.cssSelector("form.profile button[type=submit]"),
                "Profil " + profile + " tersimpan sebagai versi 1");
        assertThat(browser.text(By.cssSelector("ul.profiles"))).contains(profile,
                "Format buku dasawisma Rejomulyo", "(versi 1, 11 kolom)");
        assertThat(browser.find(By.id("kolom-sex")).getAttribute("value")).as("the saved mapping read back")
                .isEqualTo("L/P");
        assertAccessible("Profil pemetaan kolom");
        browser.screenshot("work-import-profile");

        // A sheet with those headings, imported with the profile: every row lands.
        String importedKk = "1872050606" + String.format("%06d", (System.nanoTime() / 13) % 1_000_000);
        Path sheet = Files.createTempFile("dasawisma-rejomulyo-", ".csv");
        Files.writeString(sheet, String.join("\n", String.join(",", headings.values()),
                importedKk + ",18.72.05.1001,6,3,Jl. Dahlia No. 9,187205150170" + serial
                        + ",Tukiman,Metro,1970-01-15,L,KEPALA_KELUARGA",
                importedKk + ",18.72.05.1001,6,3,Jl. Dahlia No. 9,187205600474" + serial
                        + ",Sumiyati,Metro,1974-04-20,P,ISTRI") + "\n");
        clickAndAwaitNewPage(By.linkText("Kembali ke impor"));
        browser.find(By.id("file")).sendKeys(sheet.toAbsolutePath().toString());
        browser.select(By.id("profile"), profile);
        browser.click(By.cssSelector("form.upload button[type=submit]"));
        browser.waitFor(By.cssSelector("#kemajuan .status"), "Selesai", Duration.ofSeconds(90));
        assertThat(browser.text(By.cssSelector("#kemajuan dl"))).contains("Baris dibaca\n2", "Rumah tangga baru\n1",
                "Penduduk baru\n2");
        assertThat(browser.text(By.tagName("main"))).as("no row refused").contains("Tidak ada baris bermasalah");
        assertAccessible("Impor berkas (dengan profil)");

        // The PKH family's child moves out of the city.
        browser.open(gateway + "/rumah-tangga/" + householdId);
        browser.click(memberAction("BAGAS SAPUTRA", "Catat pindah"));
        LocalDate moved = LocalDate.now().minusDays(1);
        browser.script("document.getElementById('movedOn').value = arguments[0]", moved.toString());
        browser.type(By.id("destination"), "Kabupaten Lampung Timur");
        browser.type(By.id("reason"), "surat pindah Disdukcapil");
        clickAndAwaitNotice(By.cssSelector("main form button[type=submit]"), "Kepindahan ke luar kota tercatat");
        assertThat(browser.text(memberRow("BAGAS SAPUTRA"))).contains("Pindah ke luar kota");
        logOut();

        // The verifier sees the review the move opened (welfare-service learns it from the registry's event).
        logIn("dinsos.verifier");
        clickAndAwaitNewPage(By.linkText("Peninjauan kepesertaan"));
        By review = By.xpath("//article[contains(@class,'review')][.//dd[normalize-space()='" + childNik + "']]");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.driver().navigate().refresh();
            return !browser.driver().findElements(review).isEmpty();
        });
        assertThat(browser.text(review)).contains("PKH", "Pindah keluar kota", "pada " + INDONESIAN_DATE.format(moved),
                headNik, "Rejomulyo", "Rp");
        assertAccessible("Peninjauan kepesertaan (pindah)");
        browser.script("arguments[0].scrollIntoView()", browser.find(review));
        browser.screenshot("work-review-move");
        browser.find(review).findElement(By.cssSelector("input[name=decision][value=KONFIRMASI]")).click();
        browser.find(review).findElement(By.cssSelector("input[name=reason]")).sendKeys("surat pindah diterima");
        org.openqa.selenium.WebElement page = browser.find(By.tagName("html"));
        browser.find(review).findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> isGone(page));
        browser.waitFor(By.cssSelector(".notice"), "Peninjauan PKH dikonfirmasi");
        assertThat(browser.driver().findElements(review)).as("no longer waiting").isEmpty();
        clickAndAwaitNewPage(By.linkText("Dikonfirmasi"));
        assertThat(browser.text(review)).contains("Pindah keluar kota", "Dikonfirmasi oleh dinsos.verifier",
                "Alasan: surat pindah diterima");
        assertAccessible("Peninjauan kepesertaan (dikonfirmasi)");
        logOut();
    }

    /**
     * The quarterly report with the keyboard alone, on a quarter still running: the page prints the deadline and the
     * working days left, checked against a count made here from the holidays performance-service holds (the next
     * year's loaded first if it is not yet: a fourth quarter falls due in January). From the top of the page, TAB
     * alone reaches every field of the form in order, each the labelled field expected and its focus visible (as is
     * every link and button passed on the way); the figures are typed, the form submitted with ENTER on "Simpan",
     * and the saved report shows them with their capaian.
     */
    @Test
    void aKecamatanOperatorFillsTheQuarterWithTheKeyboardAloneBeforeItsDeadline() {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        String admin = tokens.forUser("platform.admin");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        LocalDate quarterEnd = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
        java.util.Set<LocalDate> holidays = new java.util.HashSet<>();
        for (int y = year; y <= quarterEnd.plusDays(15).getYear(); y++) {
            org.kesra.devinfra.ApiClient.Response calendar = api.get("/api/v1/holidays/" + y, admin);
            assertThat(calendar.status()).as(calendar.text()).isEqualTo(200);
            if (calendar.body().path("days").isEmpty()) {
                // Not decreed in the reference yet: only New Year's Day, which every year's decree has.
                org.kesra.devinfra.ApiClient.Response loaded = api.send("PUT", "/api/v1/holidays/" + y, admin, """
                        {"reason":"uji konsol: Tahun Baru saja sampai SKB terbit",
                         "days":[{"date":"%d-01-01","kind":"libur","name":"Tahun Baru %d Masehi"}]}"""
                        .formatted(y, y), Map.of());
                assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
                calendar = api.get("/api/v1/holidays/" + y, admin);
            }
            calendar.body().path("days").forEach(d -> holidays.add(LocalDate.parse(d.path("date").asString())));
        }
        // The deadline counted here: the fifth working day after the quarter (no weekend, no holiday), and the
        // working days after today up to and including it.
        java.util.function.Predicate<LocalDate> working = d -> d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY
                && d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY && !holidays.contains(d);
        LocalDate due = quarterEnd;
        for (int n = 0; n < 5; ) {
            due = due.plusDays(1);
            n += working.test(due) ? 1 : 0;
        }
        long left = today.datesUntil(due.plusDays(1)).filter(d -> d.isAfter(today)).filter(working).count();

        String title = "Camat Metro Barat (uji papan ketik " + System.nanoTime() % 100_000 + ")";
        org.kesra.devinfra.ApiClient.Response drafted = api.post("/api/v1/agreements", admin, """
                {"unit":"18.72.03","year":%d,"position":"HEAD","positionTitle":"%s","items":[
                 {"sasaran":"Meningkatnya kualitas pelayanan publik","indicator":"Indeks Kepuasan Masyarakat",
                  "unitOfMeasure":"indeks","direction":"HIGHER","target":82,"budget":22900000},
                 {"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                  "unitOfMeasure":"%%","direction":"HIGHER","target":70,"budget":1000000}]}""".formatted(year, title));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        org.kesra.devinfra.ApiClient.Response agreed = api.send("POST", "/api/v1/agreements/"
                + drafted.body().path("id").asString() + "/agreement", admin, null, Map.of("If-Match", "\"1\""));
        assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);

        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("metrobarat.operator");
        clickAndAwaitNewPage(By.linkText("Laporan kinerja triwulan"));
        browser.type(By.id("tahun"), Integer.toString(year));
        browser.select(By.id("triwulan"), Integer.toString(quarter));
        clickAndAwaitNewPage(By.cssSelector("form.period button[type=submit]"));
        browser.waitFor(By.cssSelector("table.agreements"), title);
        clickAndAwaitNotice(By.xpath("//table[contains(@class,'agreements')]//tr[td[1][normalize-space()='" + title
                + "']]//form[contains(@class,'start')]//button"), "Laporan triwulan " + quarter + " tahun " + year
                + " dimulai");
        assertThat(browser.text(By.cssSelector("p.deadline"))).as("the deadline and the working days left")
                .isEqualTo("Tenggat " + INDONESIAN_DATE.format(due) + ": sisa " + left + " hari kerja.");
        assertAccessible("Laporan triwulan (tenggat belum lewat)");

        // From the top of the page: TAB until the form's first field, every stop visibly focused.
        browser.driver().navigate().refresh();
        List<String> passed = new java.util.ArrayList<>();
        Map<String, Object> focused = tab();
        assertThat(focused.get("label")).as("the first stop").isEqualTo("Langsung ke isi");
        while (!"value-0".equals(focused.get("id")) && passed.size() < 80) {
            assertThat(focused.get("visible")).as("focus visible on " + focused).isEqualTo(true);
            passed.add(String.valueOf(focused.get("label")));
            focused = tab();
        }
        assertThat(passed).as("the stops before the form").contains("Laporan kinerja triwulan")
                .hasSizeLessThan(80);
        // Then every field of the form in order: its id, its label, visible focus; typed where there is a figure.
        List<List<String>> fields = List.of(
                List.of("value-0", "Realisasi (indeks)", "80"),
                List.of("budget-0", "Realisasi anggaran (Rp)", "5.955.000"),
                List.of("override-0", "Realisasi anggaran memang melebihi pagu", ""),
                List.of("overrideReason-0", "Alasan melebihi pagu", ""),
                List.of("note-0", "Keterangan", "Survei IKM triwulan berjalan"),
                List.of("value-1", "Realisasi (%)", ""),
                List.of("numerator-1", "Pembilang (yang tercapai)", "60"),
                List.of("denominator-1", "Penyebut (seluruhnya)", "80"),
                List.of("budget-1", "Realisasi anggaran (Rp)", "750.000"),
                List.of("override-1", "Realisasi anggaran memang melebihi pagu", ""),
                List.of("overrideReason-1", "Alasan melebihi pagu", ""),
                List.of("note-1", "Keterangan", ""),
                List.of("obstacles", "Kendala/hambatan", "Belum ada kendala berarti"),
                List.of("followUp", "Rencana tindak lanjut", "Dilanjutkan pada triwulan berikutnya"));
        for (int i = 0; i < fields.size(); i++) {
            List<String> field = fields.get(i);
            if (i > 0) {
                focused = tab();
            }
            assertThat(focused.get("id")).as("stop " + (i + 1) + " of the form").isEqualTo(field.get(0));
            assertThat(focused.get("label")).as("the label of " + field.get(0)).isEqualTo(field.get(1));
            assertThat(focused.get("visible")).as("focus visible on " + focused).isEqualTo(true);
            if (!field.get(2).isEmpty()) {
                new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(field.get(2)).perform();
            }
        }
        browser.waitFor(By.id("capaian-0"), "97,56%");
        focused = tab();
        assertThat(focused.get("label")).as("after the last field, the first button").isEqualTo("Simpan");
        assertThat(focused.get("visible")).as("focus visible on " + focused).isEqualTo(true);
        browser.screenshot("work-quarter-keyboard");
        org.openqa.selenium.WebElement page = browser.find(By.tagName("html"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ENTER)
                .perform();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> isGone(page));
        browser.waitFor(By.cssSelector(".notice"), "Laporan tersimpan");
        assertThat(browser.find(By.id("value-0")).getAttribute("value")).isEqualTo("80");
        assertThat(browser.find(By.id("budget-0")).getAttribute("value")).isEqualTo("5.955.000");
        assertThat(browser.find(By.id("note-0")).getAttribute("value")).isEqualTo("Survei IKM triwulan berjalan");
        assertThat(browser.find(By.id("obstacles")).getAttribute("value")).isEqualTo("Belum ada kendala berarti");
        assertThat(browser.text(By.id("capaian-0"))).contains("97,56%");
        assertThat(browser.text(By.id("capaian-1"))).contains("107,14%");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Draf (belum diserahkan)");
        assertAccessible("Laporan triwulan (tersimpan lewat papan ketik)");
        logOut();
    }

    /**
     * Presses TAB (a real key event, so :focus-visible applies) and describes what has the focus: its id, its
     * label (the label tied to a field, else its text), and whether its focus shows (an outline or a box shadow).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tab() {
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB)
                .perform();
        return (Map<String, Object>) browser.script("""
                const e = document.activeElement;
                const s = getComputedStyle(e);
                const text = t => (t || '').replace(/\\s+/g, ' ').trim();
                const label = e.labels && e.labels.length ? text(e.labels[0].textContent)
                        : text(e.getAttribute('aria-label') || e.innerText || e.value);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                const shadow = Boolean(s.boxShadow) && s.boxShadow !== 'none';
                return {id: e.id, tag: e.tagName, label: label, visible: outline || shadow,
                        style: s.outlineStyle + ' ' + s.outlineWidth + ' / ' + s.boxShadow};""");
    }

    /**
     * The Dinas Sosial admin's part that needed the API until now: the programme catalogue (PKH with its amounts in
     * force and the expansion rounds loaded from seed 001), a new amount version refused without its basis (the
     * API's message beside the field, the form as typed) then recorded beside the old ones; the kelurahan indicators
     * of a past period published (refused first for a period ending before it starts); a NIK's eligibility asked by
     * POST, an unknown NIK told beside the field and never in the address bar.
     */
    @Test
    void aDinasSosialAdminKeepsTheCatalogueAndPublishesTheIndicators() {
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("dinsos.admin");
        assertThat(browser.text(By.cssSelector(".who .role"))).isEqualTo("Admin Dinas Sosial");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Katalog program", "Terbitkan indikator kelurahan",
                "Cek kelayakan desil");

        clickAndAwaitNewPage(By.linkText("Katalog program"));
        assertThat(browser.text(By.id("daftar-program"))).contains("PKH", "SEMBAKO");
        assertAccessible("Katalog program");
        clickAndAwaitNewPage(By.linkText("PKH"));
        assertThat(browser.text(By.id("nilai-berlaku"))).contains("Rp");
        assertThat(browser.text(By.id("daftar-perluasan"))).as("seed 001 Tabel 2.2").contains("Jumlah");
        LocalDate validFrom = LocalDate.now().plusYears(1).withDayOfYear(1);
        browser.click(By.xpath("//summary[contains(., 'Catat versi baru nilai bantuan')]"));
        browser.type(By.id("component"), "UJI_KONSOL");
        browser.select(By.id("funding"), "APBD");
        browser.select(By.id("per"), "TAHUN");
        browser.type(By.id("rupiah"), "1.250.000");
        browser.script("document.getElementById('amount-validFrom').value = arguments[0]", validFrom.toString());
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Simpan nilai bantuan']"));
        assertThat(browser.text(By.id("amount-source-error"))).contains("Dasar perubahan wajib diisi");
        assertThat(browser.find(By.id("rupiah")).getAttribute("value")).as("kept as typed").isEqualTo("1.250.000");
        assertAccessible("Catat nilai bantuan (ditolak)");
        browser.type(By.id("amount-source"), "Perwali uji konsol");
        clickAndAwaitNotice(By.xpath("//button[normalize-space()='Simpan nilai bantuan']"), "Nilai UJI_KONSOL (APBD");
        assertThat(browser.text(By.id("daftar-nilai"))).contains("UJI_KONSOL", "Rp 1.250.000",
                INDONESIAN_DATE.format(validFrom), "Perwali uji konsol", "dinsos.admin");
        assertAccessible("Program PKH");
        browser.screenshot("admin-catalogue-programme");

        // A past period, so that no other journey's quarter is corrected by it.
        int year = LocalDate.now().getYear() - 3;
        clickAndAwaitNewPage(By.linkText("Terbitkan indikator kelurahan"));
        browser.script("document.getElementById('periodFrom').value = arguments[0]", year + "-04-01");
        browser.script("document.getElementById('periodTo').value = arguments[0]", year + "-03-31");
        clickAndAwaitNewPage(By.cssSelector("form.indicator-publication button[type=submit]"));
        assertThat(browser.text(By.id("periodTo-error"))).contains("tidak boleh sebelum awal periode");
        browser.script("document.getElementById('periodTo').value = arguments[0]", year + "-06-30");
        clickAndAwaitNewPage(By.cssSelector("form.indicator-publication button[type=submit]"));
        assertThat(browser.text(By.id("hasil-terbit"))).contains("1 April " + year, "30 Juni " + year,
                "kelurahan diterbitkan");
        assertAccessible("Terbitkan indikator kelurahan");

        String unknownNik = "1872059999" + String.format("%06d", System.nanoTime() % 1_000_000);
        clickAndAwaitNewPage(By.linkText("Cek kelayakan desil"));
        browser.type(By.id("nik"), unknownNik);
        clickAndAwaitNewPage(By.cssSelector("form.eligibility button[type=submit]"));
        assertThat(browser.text(By.id("nik-error"))).contains("tidak ada dalam registri");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(unknownNik);
        assertAccessible("Cek kelayakan desil");

        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * Journey 4: a Disnakertrans monitor follows the quarterly reporting and takes the reports. The platform starts
     * empty, so the test first makes through the APIs what the pages show: Rejomulyo's agreement with its first
     * quarter submitted (performance-service), a PPKS case found in that quarter and the quarter's figures published
     * (welfare-service), then waits until reporting-service has both. In the browser: the status per unit and
     * quarter, the charts drawn beside their tables, one unit's indicators, the report's data version, XLSX and PDF
     * downloaded through the console with the session cookie (no token in the browser), a refused report worded in
     * Indonesian, the PPKS and KPM per kelurahan; then logging out.
     */
    @Test
    void aMonitorFollowsSubmissionsAndDownloadsTheReports() throws IOException {
        int year = LocalDate.now().getYear() - 1;
        String unit = "18.72.05.1001";
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        String admin = tokens.forUser("platform.admin");
        HttpResponse<String> drafted = PlatformIT.post(gateway + "/api/v1/agreements", admin, """
                {"unit":"%s","year":%d,"position":"HEAD","positionTitle":"Lurah Rejomulyo","items":[
                 {"sasaran":"Meningkatnya kualitas pelayanan kelurahan","indicator":"Indeks Kepuasan Masyarakat",
                  "unitOfMeasure":"indeks","direction":"HIGHER","target":82},
                 {"sasaran":"Meningkatnya kualitas pelayanan kelurahan","indicator":"Jumlah kunjungan pembinaan",
                  "unitOfMeasure":"kali","direction":"HIGHER","target":40}]}""".formatted(unit, year), Map.of());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String agreementId = PlatformIT.json(drafted).path("id").asString();
        HttpResponse<String> agreed = PlatformIT.post(gateway + "/api/v1/agreements/" + agreementId + "/agreement",
                admin, "", Map.of("If-Match", "\"1\""));
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        String operator = tokens.forUser("rejomulyo.operator");
        HttpResponse<String> realised = PlatformIT.post(gateway + "/api/v1/realisations", operator, """
                {"unit":"%s","year":%d,"quarter":1,"agreementId":"%s","agreementRevision":1,
                 "entries":[{"item":0,"value":70},{"item":1,"value":10}]}""".formatted(unit, year, agreementId),
                Map.of());
        assertThat(realised.statusCode()).as(realised.body()).isEqualTo(201);
        HttpResponse<String> submitted = PlatformIT.post(gateway + "/api/v1/realisations/"
                + PlatformIT.json(realised).path("id").asString() + "/submission", operator, "",
                Map.of("If-Match", "\"1\""));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> found = PlatformIT.post(gateway + "/api/v1/ppks", tokens.forUser("dinsos.operator"), """
                {"nik":"1872051508800%03d","name":"Sutrisno","kelurahanCode":"%s","foundOn":"%d-02-10",
                 "foundAt":"Pasar Rejomulyo","categories":["GLD"]}""".formatted(System.nanoTime() % 1000, unit, year),
                Map.of());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(201);
        // A family of Rejomulyo in PKH for the year (welfare-service learns the person from household's event).
        String dinsos = tokens.forUser("dinsos.operator");
        String headNik = String.format("1872051205800%03d", System.nanoTime() % 999 + 1);
        HttpResponse<String> registered = PlatformIT.post(gateway + "/api/v1/households", dinsos, """
                {"kkNumber":"%s","kelurahanCode":"%s","rw":"2","rt":"4","address":"Jl. Cempaka No. 8",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":36,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[{"nik":"%s","name":"Suparno","birthPlace":"Metro","birthDate":"1980-05-12","sex":"L",
                 "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"}]}"""
                .formatted(String.format("187205%010d", System.nanoTime() % 10_000_000_000L), unit, headNik),
                Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String enrolment = "{\"programme\":\"PKH\",\"nik\":\"%s\",\"periodStart\":\"%d-01-01\"}"
                .formatted(headNik, year);
        HttpResponse<String> enrolled = await().atMost(Duration.ofSeconds(30)).until(
                () -> PlatformIT.post(gateway + "/api/v1/enrolments", dinsos, enrolment, Map.of()),
                response -> response.statusCode() != 422);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        HttpResponse<String> published = PlatformIT.post(gateway + "/api/v1/indicators/publication",
                tokens.forUser("dinsos.admin"), "{\"periodFrom\":\"%d-01-01\",\"periodTo\":\"%d-03-31\"}"
                        .formatted(year, year), Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String monitor = tokens.forUser("disnakertrans.monitor");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> PlatformIT.json(
                PlatformIT.get(gateway + "/api/v1/reports/quarterly-performance?unit=" + unit + "&tahun=" + year
                        + "&triwulan=1", monitor)).path("hasData").asBoolean(false));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> PlatformIT.json(
                PlatformIT.get(gateway + "/api/v1/reports/ppks-recap?period=" + year + "-Q1", monitor))
                .path("figuresPublished").asBoolean(false));

        // Status per unit and quarter: Rejomulyo's first quarter waits for review.
        browser.open(gateway + "/pemantauan?tahun=" + year);
        logIn("disnakertrans.monitor");
        browser.waitFor(By.tagName("h1"), "Pemantauan kinerja " + year);
        assertThat(browser.text(By.cssSelector(".who .role"))).isEqualTo("Pemantau Disnakertrans");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Pemantauan kinerja", "PPKS dan KPM", "Unduh laporan")
                .doesNotContain("Daftarkan rumah tangga");
        String row = browser.text(By.cssSelector("tr[data-unit='" + unit + "']"));
        assertThat(row).contains("Menunggu penilaian", "menunggu penilaian", "Belum disusun");
        // The charts are drawn (ECharts on a canvas) and the tables beside them carry the figures, in Indonesian.
        for (String chart : List.of("grafik-status", "grafik-indikator", "grafik-wilayah")) {
            browser.find(By.cssSelector("#" + chart + " canvas"));
        }
        assertThat(browser.text(By.cssSelector("table.indicator-table"))).contains("Indeks Kepuasan Masyarakat",
                "85,37 %", "Jumlah kunjungan pembinaan", "25 %");
        assertThat(browser.text(By.cssSelector("table.area-table"))).contains("Metro Utara", "55,19 %");
        assertThat(browser.text(By.cssSelector("table.status-table"))).contains("Menunggu penilaian");
        assertAccessible("Pemantauan kinerja");
        browser.script("document.getElementById('grafik-indikator').closest('.chart-pair').previousElementSibling"
                + ".scrollIntoView()");
        browser.screenshot("journey4-monitoring");

        // One unit's indicators, then its quarterly report: what the report says about its data, and the files.
        browser.click(By.cssSelector("tr[data-unit='" + unit + "'] th a"));
        browser.waitFor(By.tagName("h1"), "Capaian unit " + unit);
        browser.find(By.cssSelector("#grafik-unit canvas"));
        assertThat(browser.text(By.cssSelector("table.unit-indicators"))).contains("Indeks Kepuasan Masyarakat",
                "nilai 70", "85,37 %");
        assertAccessible("Capaian unit");
        browser.click(By.linkText("Triwulan I"));
        browser.waitFor(By.cssSelector(".report-status"), "Laporan siap");
        assertThat(browser.text(By.cssSelector(".data-version"))).contains("Versi data", "Kinerja (performance-service)")
                .containsPattern("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober"
                        + "|November|Desember) \\d{4} \\d{2}\\.\\d{2} WIB");
        assertAccessible("Unduh laporan");
        browser.screenshot("journey4-reports");
        assertThat(fetch("a[href*='format=xlsx']")).as("the XLSX through the console with the session cookie")
                .startsWith("200|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|")
                .contains("filename=\"laporan-kinerja-triwulan-" + unit + "-" + year + "-Q1.xlsx\"")
                .doesNotEndWith("|0");
        assertThat(fetch("a[href*='format=pdf']")).startsWith("200|application/pdf|")
                .contains("laporan-kinerja-triwulan-" + unit + "-" + year + "-Q1.pdf").doesNotEndWith("|0");
        assertThat(browser.driver().manage().getCookies()).as("no token reaches the browser")
                .noneMatch(c -> c.getValue().startsWith("eyJ"));

        // A report the service refuses: its reason, in Indonesian, instead of a broken file.
        browser.open(gateway + "/laporan/kinerja-triwulan?unit=18.72.99.9999&tahun=" + year + "&triwulan=1&format=pdf");
        assertThat(browser.text(By.cssSelector(".problem"))).contains("Laporan tidak dapat dibuat", "tidak dikenal");
        assertAccessible("Unduh laporan (ditolak)");

        // PPKS and KPM per kelurahan, as a table and a chart, and the recap to download.
        browser.open(gateway + "/pemantauan/ppks?periode=" + year + "-Q1");
        browser.waitFor(By.tagName("h2"), "Triwulan I " + year);
        browser.find(By.cssSelector("#grafik-ppks canvas"));
        String kelurahan = "tr[data-kelurahan='" + unit + "'] ";
        assertThat(browser.text(By.cssSelector(kelurahan + "th"))).isEqualTo("Rejomulyo");
        assertThat(browser.text(By.cssSelector(kelurahan + "td:nth-child(4)"))).as("PPKS terdata").isEqualTo("1");
        assertThat(browser.text(By.cssSelector(kelurahan + "td:nth-child(5)"))).as("PPKS ditangani").isEqualTo("0");
        assertThat(browser.text(By.cssSelector(kelurahan + "td:nth-child(7)"))).as("KPM PKH").isEqualTo("1");
        assertThat(browser.text(By.cssSelector("table.ppks-table thead"))).contains("KPM PKH");
        browser.find(By.cssSelector("#grafik-kpm canvas"));
        assertThat(browser.text(By.cssSelector(".data-version"))).contains("Kesejahteraan sosial (welfare-service)");
        assertAccessible("PPKS dan KPM");
        browser.script("document.getElementById('grafik-ppks').previousElementSibling.scrollIntoView()");
        browser.screenshot("journey4-ppks");
        assertThat(fetch("a[href*='/laporan/rekap-ppks']")).startsWith(
                "200|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|")
                .contains("rekap-ppks-18.72-" + year + "-Q1.xlsx").doesNotEndWith("|0");

        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * The accountability readers' pages in a real browser. Through the APIs first: Mulyojati's agreed Perjanjian
     * Kinerja for two years with the same indicator, each year's first quarter submitted by the kelurahan and
     * approved by its camat, then reporting-service awaited. In the browser: Inspektorat's auditor records
     * Disnakertrans's AKIP score (refused first for a score above 100, the message beside the field, the form as
     * typed); Bappeda's planner reads it without a form to change it, compares Mulyojati's years, opens the quarterly
     * report and follows a Tabel 3.1 row's link to where its figure comes from.
     */
    @Test
    void readersFollowTheAkipScoreTheYearOnYearAndAFiguresTrace() {
        int year = LocalDate.now().getYear() - 1;
        String unit = "18.72.03.1001";
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        String admin = tokens.forUser("platform.admin");
        String operator = tokens.forUser("mulyojati.operator");
        String camat = tokens.forUser("metrobarat.camat");
        String agreementId = null;
        // Last year 80 of a target 82 (97,56%), the year before 70 of 80 (87,5%): 10,06 points better.
        for (int[] figures : new int[][] {{year - 1, 80, 70}, {year, 82, 80}}) {
            HttpResponse<String> drafted = PlatformIT.post(gateway + "/api/v1/agreements", admin, """
                    {"unit":"%s","year":%d,"position":"HEAD","positionTitle":"Lurah Mulyojati","items":[
                     {"sasaran":"Meningkatnya kualitas pelayanan kelurahan","indicator":"Indeks Kepuasan Layanan Kelurahan",
                      "unitOfMeasure":"indeks","direction":"HIGHER","target":%d}]}""".formatted(unit, figures[0],
                    figures[1]), Map.of());
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            agreementId = PlatformIT.json(drafted).path("id").asString();
            HttpResponse<String> agreed = PlatformIT.post(gateway + "/api/v1/agreements/" + agreementId
                    + "/agreement", admin, "", Map.of("If-Match", "\"1\""));
            assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
            HttpResponse<String> realised = PlatformIT.post(gateway + "/api/v1/realisations", operator, """
                    {"unit":"%s","year":%d,"quarter":1,"agreementId":"%s","agreementRevision":1,
                     "entries":[{"item":0,"value":%d}]}""".formatted(unit, figures[0], agreementId, figures[2]),
                    Map.of());
            assertThat(realised.statusCode()).as(realised.body()).isEqualTo(201);
            String realisation = gateway + "/api/v1/realisations/" + PlatformIT.json(realised).path("id").asString();
            HttpResponse<String> submitted = PlatformIT.post(realisation + "/submission", operator, "",
                    Map.of("If-Match", "\"1\""));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            HttpResponse<String> approved = PlatformIT.post(realisation + "/approval", camat, "",
                    Map.of("If-Match", submitted.headers().firstValue("ETag").orElseThrow()));
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }
        String planner = tokens.forUser("bappeda.planner");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> PlatformIT.json(
                PlatformIT.get(gateway + "/api/v1/reports/quarterly-performance?unit=" + unit + "&tahun=" + year
                        + "&triwulan=1", planner)).path("hasData").asBoolean(false));

        // The auditor records Disnakertrans's score: above 100 refused beside the field, then saved.
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/evaluasi-akip?unit=disnakertrans");
        logIn("inspektorat.auditor");
        browser.waitFor(By.tagName("h1"), "Evaluasi AKIP");
        browser.type(By.id("tahun"), Integer.toString(year));
        browser.type(By.id("score"), "120");
        browser.type(By.id("evaluator"), "Inspektorat Kota Metro");
        browser.type(By.id("reason"), "LHE uji konsol");
        clickAndAwaitNewPage(By.cssSelector("form.record-akip button[type=submit]"));
        assertThat(browser.text(By.id("score-error"))).as("the API's message beside the field")
                .contains("antara 0 dan 100");
        assertThat(browser.find(By.id("score")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text(By.cssSelector(".problem"))).contains("Nilai belum tersimpan");
        assertThat(browser.find(By.id("evaluator")).getAttribute("value")).as("kept as typed")
                .isEqualTo("Inspektorat Kota Metro");
        assertThat(browser.find(By.id("unit")).getAttribute("value")).isEqualTo("disnakertrans");
        assertAccessible("Evaluasi AKIP (ditolak)");
        browser.screenshot("reader-akip-refused");
        browser.type(By.id("score"), "78,25");
        clickAndAwaitNotice(By.cssSelector("form.record-akip button[type=submit]"),
                "Nilai evaluasi AKIP " + year + " tersimpan: predikat BB (Sangat Baik)");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Evaluasi AKIP disnakertrans tahun " + year);
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("78,25", "Inspektorat Kota Metro",
                "LHE uji konsol", "inspektorat.auditor");
        assertAccessible("Evaluasi AKIP satu tahun");
        logOut();

        // Bappeda's planner reads the score, with no form to change it.
        logIn("bappeda.planner");
        browser.open(gateway + "/evaluasi-akip?unit=disnakertrans");
        By yearRow = By.xpath("//table[contains(@class,'list')]//tr[td[1][normalize-space()='" + year + "']]");
        assertThat(browser.text(yearRow)).contains("78,25", "BB", "(Sangat Baik)", "Inspektorat Kota Metro");
        assertThat(browser.driver().findElements(By.cssSelector("form.record-akip"))).as("a reader records nothing")
                .isEmpty();
        assertAccessible("Evaluasi AKIP (pembaca)");
        clickAndAwaitNewPage(By.linkText(Integer.toString(year)));
        assertThat(browser.text(By.cssSelector("p.predicate"))).contains("BB", "Sangat Baik");
        assertThat(browser.text(By.cssSelector("table.list"))).contains("inspektorat.auditor", "78,25 (BB)");
        assertThat(browser.driver().findElements(By.cssSelector("form.record-akip"))).isEmpty();

        // Year on year: Mulyojati's last year beside the year before, as performance-service computes it.
        clickAndAwaitNewPage(By.linkText("Perbandingan capaian tahunan"));
        browser.type(By.id("unit"), unit);
        browser.type(By.id("tahun"), Integer.toString(year));
        clickAndAwaitNewPage(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.text(By.tagName("h2"))).contains(year + " dibanding " + (year - 1));
        assertThat(browser.text(By.cssSelector("section.year-on-year h3"))).isEqualTo("Lurah Mulyojati (revisi 1)");
        String compared = browser.text(By.cssSelector("section.year-on-year table"));
        assertThat(compared).contains("Indeks Kepuasan Layanan Kelurahan", "82 indeks", "80 indeks", "97,56%",
                "70 indeks", "87,5%", "+10,06 poin", "s.d. triwulan 1, disetujui");
        assertAccessible("Perbandingan capaian tahunan");
        browser.screenshot("reader-year-on-year");

        // The quarterly report's Tabel 3.1, and where its realisation comes from.
        browser.open(gateway + "/laporan?unit=" + unit + "&tahun=" + year + "&triwulan=1");
        browser.waitFor(By.cssSelector(".report-status"), "Laporan siap");
        assertThat(browser.text(By.cssSelector("table.report-rows"))).contains("Indeks Kepuasan Layanan Kelurahan", "97,56%");
        assertAccessible("Unduh laporan (Tabel 3.1)");
        clickAndAwaitNewPage(By.cssSelector("table.report-rows a[aria-label^='Asal-usul realisasi']"));
        browser.waitFor(By.tagName("h1"), "Asal-usul angka laporan");
        assertThat(browser.find(By.id("perjanjian")).getAttribute("value")).isEqualTo(agreementId);
        assertThat(browser.text(By.cssSelector("p.trace-value"))).contains("80");
        String trace = browser.text(By.tagName("main"));
        assertThat(trace).contains("Indeks Kepuasan Layanan Kelurahan", "Realisasi yang diserahkan", "Lurah Mulyojati, revisi 1",
                "metrobarat.camat", "mulyojati.operator");
        assertThat(browser.text(By.cssSelector("table.trace-events"))).contains("mulyojati.operator")
                .containsPattern("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober"
                        + "|November|Desember) \\d{4} \\d{2}\\.\\d{2} WIB");
        assertAccessible("Asal-usul angka laporan");

        // The capaian helper on Mulyojati's Renstra tree: a realisation typed, performance-service's answer swapped in.
        HttpResponse<String> planned = PlatformIT.post(gateway + "/api/v1/renstra", admin, """
                {"unit":"%s","title":"Renstra uji Kelurahan Mulyojati","startYear":%d,"endYear":%d,
                 "tujuan":[{"name":"Meningkatkan mutu pelayanan","sasaran":[{"name":"Meningkatnya kualitas pelayanan kelurahan",
                  "indicators":[{"name":"Indeks Kepuasan Masyarakat","unitOfMeasure":"indeks","direction":"HIGHER",
                   "kind":"INDEX","aggregation":"LAST","source":"ENTERED",
                   "targets":[{"year":%d,"target":80},{"year":%d,"target":82}]}]}]}]}""".formatted(unit, year - 1,
                year, year - 1, year), Map.of());
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String indicator = PlatformIT.json(planned).at("/tujuan/0/children/0/indicators/0/id").asString();
        browser.open(gateway + "/renstra/" + PlatformIT.json(planned).path("id").asString());
        browser.click(By.cssSelector("details.capaian-helper summary"));
        browser.select(By.id("tahun-" + indicator), Integer.toString(year));
        browser.type(By.id("realisasi-" + indicator), "80");
        browser.waitFor(By.id("capaian-" + indicator), "97,56%");
        assertThat(browser.text(By.id("capaian-" + indicator))).contains("terhadap target " + year,
                "belum memenuhi target");
        assertThat(browser.driver().getCurrentUrl()).as("swapped in, not a new page").doesNotContain("/capaian");
        assertAccessible("Renstra (hitung capaian)");
        logOut();
    }

    /**
     * A city reader of Dinas Sosial takes the city-level reports: the PKH realisation (Tabel 2.1) previewed as its PDF
     * page and downloaded as a PDF, the Sembako KPM per month as an XLSX (opened with POI); a Sembako file made and
     * kept in the archive, followed until done, found in the list and downloaded; the city dashboard's charts drawn.
     */
    @Test
    void aDinasSosialReaderTakesTheCityReportsTheKeptFilesAndTheDashboard() throws IOException {
        String year = Integer.toString(LocalDate.now().getYear() - 1);
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/laporan");
        logIn("dinsos.admin");
        browser.waitFor(By.tagName("h1"), "Unduh laporan");
        assertThat(browser.text(By.tagName("main"))).contains("Realisasi PKH per tahap (Tabel 2.1)",
                "KPM BPNT/Sembako per bulan");
        assertThat(browser.find(By.id("pkh-tahun")).getAttribute("value")).as("last year by default").isEqualTo(year);
        assertAccessible("Unduh laporan (pembaca kota)");

        // The PKH realisation previewed on screen: the PDF's own page.
        browser.select(By.id("pkh-format"), "html");
        clickAndAwaitNewPage(By.cssSelector("form.pkh button[type=submit]"));
        browser.waitFor(By.tagName("h1"), "LAPORAN REALISASI");
        assertThat(browser.driver().getCurrentUrl()).contains("/laporan/realisasi-pkh", "format=html");
        assertThat(browser.text(By.tagName("body"))).contains("Tabel 2.1", "Tahun " + year, "Dinas Sosial Kota Metro");
        // No axe here: the preview is sandboxed without scripts (ConsoleSecurity's preview policy), axe's included.
        browser.driver().navigate().back();
        browser.waitFor(By.tagName("h1"), "Unduh laporan");

        // The files as the browser takes them (the session cookie; no token in the browser).
        byte[] pdf = download(gateway + "/laporan/realisasi-pkh?tahun=" + year + "&format=pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        byte[] xlsx = download(gateway + "/laporan/kpm-sembako?tahun=" + year + "&format=xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("KPM per Bulan")).as("the Sembako months' sheet").isNotNull();
        }

        // A kept file: the Sembako months of last year as XLSX, followed until done, then downloaded.
        clickAndAwaitNewPage(By.partialLinkText("Arsip berkas laporan"));
        browser.waitFor(By.tagName("h1"), "Arsip berkas laporan");
        browser.select(By.id("jenis"), "sembako");
        browser.type(By.id("tahun"), year);
        browser.select(By.id("format"), "xlsx");
        assertAccessible("Arsip berkas laporan");
        clickAndAwaitNewPage(By.cssSelector("form.generation button[type=submit]"));
        browser.waitFor(By.cssSelector("#keadaan-berkas .status"), "Selesai", Duration.ofSeconds(90));
        String fileUrl = browser.driver().getCurrentUrl();
        assertThat(browser.text(By.cssSelector("#keadaan-berkas h2"))).isEqualTo("KPM BPNT/Sembako per bulan (XLSX)");
        assertThat(browser.text(By.cssSelector("#keadaan-berkas dl.facts"))).contains("Tahun " + year, "Diminta",
                "SHA-256", "bita", ".xlsx");
        assertAccessible("Berkas laporan");
        browser.screenshot("reader-archive-file");
        byte[] kept = download(browser.find(By.cssSelector("#keadaan-berkas a[download]")).getAttribute("href"));
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(kept))) {
            assertThat(workbook.getSheet("KPM per Bulan")).isNotNull();
        }
        clickAndAwaitNewPage(By.linkText("Arsip berkas laporan"));
        By keptRow = By.xpath("//table[contains(@class,'archive')]//tr[td[1]/a[@href='"
                + fileUrl.substring(gateway.length()) + "']]");
        assertThat(browser.text(keptRow)).contains("KPM BPNT/Sembako per bulan (XLSX)", "Tahun " + year, "Selesai",
                "Unduh XLSX");

        // The city dashboard: every chart drawn, with the figures beside it.
        clickAndAwaitNewPage(By.linkText("Dasbor kota"));
        browser.waitFor(By.tagName("h1"), "Dasbor kota");
        assertThat(browser.text(By.tagName("h2"))).contains("Kota Metro");
        // (The reports-per-status chart is drawn only once the year has a quarterly report; this run's has none.)
        for (String chart : List.of("grafik-ppks-triwulan", "grafik-wilayah-kk", "grafik-kategori")) {
            org.openqa.selenium.WebElement drawn = browser.find(By.cssSelector("#" + chart + " canvas"));
            assertThat(drawn.getSize().getWidth()).as(chart + " width").isGreaterThan(100);
            assertThat(drawn.getSize().getHeight()).as(chart + " height").isGreaterThan(100);
        }
        assertThat(browser.text(By.tagName("main"))).contains("PPKS per triwulan", "Metro Barat",
                "Laporan kinerja triwulan menurut status");
        assertAccessible("Dasbor kota");
        browser.screenshot("reader-city-dashboard");
        logOut();
    }

    /** A file as the browser downloads it (its session cookie): its bytes, after a 200. */
    private static byte[] download(String url) {
        String answer = String.valueOf(browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.blob().then(b => {
                    const reader = new FileReader();
                    reader.onload = () => done(r.status + '|' + String(reader.result).split(',')[1]);
                    reader.readAsDataURL(b); }))
                  .catch(e => done('GAGAL ' + e));""", url));
        assertThat(answer).as(url).startsWith("200|");
        return java.util.Base64.getDecoder().decode(answer.substring(4));
    }

    /** Fetches a link of the page as the browser would (its session cookie): "status|type|disposition|bytes". */
    private static String fetch(String linkSelector) {
        return String.valueOf(browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector(arguments[0]).href)
                  .then(r => r.arrayBuffer().then(b => done(r.status + '|' + r.headers.get('Content-Type') + '|'
                      + r.headers.get('Content-Disposition') + '|' + b.byteLength)))
                  .catch(e => done('GAGAL ' + e));""", linkSelector));
    }

    /**
     * Journey 3: a kecamatan reports its quarter and its camat reviews it. The plan's agreed Perjanjian Kinerja is
     * made through the API first (the databases start empty); then in the browser the operator types the figures and
     * sees the capaian performance-service computes for them, is refused a share above 100 with the message beside
     * the field, writes the narrative, uploads evidence and submits; the camat returns the report with a checklist
     * item (refused first for "lain-lain" without its text); the operator fixes and resubmits; the camat approves;
     * the operator's later correction re-opens it; the history shows every transition.
     */
    @Test
    void aKecamatanSubmitsItsQuarterAndTheCamatReturnsThenApprovesIt() throws Exception {
        String title = "Camat Metro Barat (uji konsol " + System.nanoTime() % 100_000 + ")";
        agreedKecamatanAgreement(title);
        Path evidence = Files.createTempFile("foto-kegiatan-", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", evidence.toFile());

        // The operator starts the report of the third quarter of 2026 for the agreed Perjanjian Kinerja.
        browser.open(gateway + "/");
        logIn("metrobarat.operator");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Laporan kinerja triwulan")
                .doesNotContain("Penilaian laporan triwulan");
        browser.click(By.linkText("Laporan kinerja triwulan"));
        browser.type(By.id("tahun"), "2026");
        browser.select(By.id("triwulan"), "3");
        browser.click(By.cssSelector("form.period button[type=submit]"));
        browser.waitFor(By.cssSelector("table.agreements"), title);
        assertAccessible("Laporan kinerja triwulan");
        clickAndAwaitNotice(By.xpath("//table[contains(@class,'agreements')]//tr[td[1][normalize-space()='" + title
                + "']]//form[contains(@class,'start')]//button"), "Laporan triwulan 3 tahun 2026 dimulai");
        String reportUrl = browser.driver().getCurrentUrl();
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Metro Barat", "Triwulan 3 tahun 2026",
                "Draf (belum diserahkan)", "Tenggat");
        assertThat(browser.text(By.cssSelector("p.deadline"))).containsPattern(
                "Tenggat \\d{1,2} Oktober 2026 sudah lewat: terlambat \\d+ hari kerja");
        assertThat(browser.text(By.cssSelector("section.findings"))).contains("Temuan pemeriksaan konsistensi");

        // The capaian appears as the figure is typed: performance-service computes it.
        browser.type(By.id("value-0"), "78,5");
        browser.waitFor(By.id("capaian-0"), "95,73%");
        assertThat(browser.text(By.id("capaian-0"))).contains("belum memenuhi target");
        browser.type(By.id("numerator-1"), "90");
        browser.type(By.id("denominator-1"), "80");
        browser.waitFor(By.id("capaian-1"), "melebihi 100");
        browser.type(By.id("budget-0"), "5.955.000");
        browser.type(By.id("note-0"), "Survei IKM September");
        browser.type(By.id("obstacles"), "Sebagian kegiatan tertunda karena hujan deras");
        browser.type(By.id("followUp"), "Kegiatan dijadwalkan ulang pada triwulan 4");
        browser.click(By.cssSelector("form.report button[value=serahkan]"));
        assertThat(browser.text(By.id("numerator-1-error"))).as("the API's message beside the field")
                .contains("melebihi 100");
        assertThat(browser.find(By.id("numerator-1")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("obstacles")).getAttribute("value")).as("kept as typed")
                .isEqualTo("Sebagian kegiatan tertunda karena hujan deras");
        assertThat(browser.find(By.id("value-0")).getAttribute("value")).isEqualTo("78,5");
        assertAccessible("Laporan triwulan (ditolak)");
        browser.screenshot("journey3-report-refused");
        browser.type(By.id("numerator-1"), "60");
        browser.waitFor(By.id("capaian-1"), "107,14%");
        clickAndAwaitNotice(By.cssSelector("form.report button[value=simpan]"), "Laporan tersimpan");
        assertThat(browser.find(By.id("budget-0")).getAttribute("value")).isEqualTo("5.955.000");

        // Evidence, then submit.
        browser.find(By.id("file")).sendKeys(evidence.toAbsolutePath().toString());
        clickAndAwaitNotice(By.cssSelector("form.upload button[type=submit]"), "terunggah");
        assertThat(browser.text(By.cssSelector("ul.evidence"))).contains(evidence.getFileName().toString(),
                "metrobarat.operator");
        assertAccessible("Laporan triwulan (draf)");
        browser.script("document.getElementById('butir-0').scrollIntoView()");
        browser.screenshot("journey3-report");
        clickAndAwaitNotice(By.cssSelector("form.report button[value=serahkan]"), "Laporan diserahkan");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Diserahkan, menunggu penilaian",
                "Terlambat");
        assertThat(browser.driver().findElements(By.cssSelector("form.report"))).as("read only while reviewed")
                .isEmpty();
        logOut();

        // The camat returns it: "lain-lain" without its text is refused, then a checklist item.
        logIn("metrobarat.camat");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Penilaian laporan triwulan")
                .doesNotContain("Laporan kinerja triwulan");
        openQueuedReport();
        assertThat(browser.text(By.cssSelector("table.entries"))).contains("95,73%", "107,14%", "Rp 5.955.000",
                "Survei IKM September");
        assertThat(browser.text(By.tagName("main"))).contains("Sebagian kegiatan tertunda karena hujan deras",
                evidence.getFileName().toString());
        assertAccessible("Nilai laporan");
        browser.click(By.id("cek-3"));
        browser.click(By.cssSelector("form.return button[type=submit]"));
        assertThat(browser.text(By.id("other-error"))).contains("lain-lain");
        assertThat(browser.find(By.id("cek-3")).isSelected()).as("kept as ticked").isTrue();
        browser.click(By.id("cek-3"));
        browser.click(By.id("cek-2"));
        clickAndAwaitNotice(By.cssSelector("form.return button[type=submit]"), "dikembalikan");
        logOut();

        // The operator sees why, corrects and resubmits.
        logIn("metrobarat.operator");
        browser.open(reportUrl);
        assertThat(browser.text(By.cssSelector(".returned"))).contains("metrobarat.camat", "Capaian diteliti ulang");
        browser.type(By.id("value-0"), "80");
        browser.waitFor(By.id("capaian-0"), "97,56%");
        clickAndAwaitNotice(By.cssSelector("form.report button[value=serahkan]"), "Laporan diserahkan");
        logOut();

        // The camat approves.
        logIn("metrobarat.camat");
        openQueuedReport();
        assertThat(browser.text(By.cssSelector("table.entries"))).contains("97,56%");
        clickAndAwaitNotice(By.cssSelector("form.approve button[type=submit]"), "Laporan disetujui");
        assertThat(browser.text(By.tagName("main"))).contains("Tidak ada laporan yang menunggu penilaian Anda");
        logOut();

        // A correction after approval re-opens it, with its reason; the history shows everything.
        logIn("metrobarat.operator");
        browser.open(reportUrl);
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Disetujui");
        browser.type(By.id("note-0"), "Survei IKM September, angka final");
        browser.type(By.id("reason"), "angka survei final dari BPS");
        clickAndAwaitNotice(By.cssSelector("form.report button[value=simpan]"), "Laporan tersimpan");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Draf (belum diserahkan)", "versi disetujui: 1");
        clickAndAwaitNewPage(By.linkText("Riwayat laporan"));
        String history = browser.text(By.cssSelector("ol.transitions"));
        assertThat(history).contains("Disusun", "Draf (belum diserahkan) → Diserahkan, menunggu penilaian",
                "Diserahkan, menunggu penilaian → Dikembalikan untuk diperbaiki", "Capaian diteliti ulang",
                "Dikembalikan untuk diperbaiki → Diserahkan, menunggu penilaian",
                "Diserahkan, menunggu penilaian → Disetujui", "Disetujui → Draf (belum diserahkan)",
                "penilaian dibuka kembali", "angka survei final dari BPS", "metrobarat.camat", "metrobarat.operator")
                .containsPattern("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober"
                        + "|November|Desember) \\d{4} \\d{2}\\.\\d{2} WIB");
        assertAccessible("Riwayat laporan");
        browser.screenshot("journey3-history");
        clickAndAwaitNewPage(By.linkText("Lihat isi versi 1"));
        assertThat(browser.text(By.tagName("main"))).contains("Versi ini disetujui", "97,56%");

        // A phone: the report at 360 px.
        browser.open(reportUrl);
        browser.emulateWidth(360, 800);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        assertAccessible("Laporan triwulan, 360 px");
        browser.screenshot("journey3-report-360px");
        browser.stopEmulating();
        logOut();
    }

    /**
     * The planner's job without the API: Bappeda's Renstra matrix (Tabel 6.1 layout, built here as the CSV an
     * Indonesian Excel writes) uploaded, refused first for a target that is not a number (the problem named by row and
     * column, the typed period kept), then imported and read as a tree with Indonesian figures; the agency's DRAFT
     * Perjanjian Kinerja agreed on its page.
     */
    @Test
    void aPlannerImportsTheRenstraMatrixAndAgreesThePerjanjianKinerja() throws Exception {
        String title = "Kepala Bappeda (uji konsol " + System.nanoTime() % 100_000 + ")";
        draftBappedaAgreement(title);
        Path good = renstraMatrix("30");
        Path bad = renstraMatrix("tiga puluh");

        browser.open(gateway + "/");
        logIn("bappeda.planner");
        assertThat(browser.text(By.cssSelector("nav"))).contains("Renstra", "Perjanjian Kinerja")
                .doesNotContain("Penilaian laporan triwulan");
        clickAndAwaitNewPage(By.linkText("Renstra"));
        browser.waitFor(By.tagName("h2"), "Renstra unit bappeda");
        assertAccessible("Renstra");
        clickAndAwaitNewPage(By.linkText("Impor matriks Renstra (Tabel 6.1)"));
        browser.type(By.id("startYear"), "2027");
        browser.type(By.id("endYear"), "2031");
        browser.type(By.id("title"), "Renstra Bappeda 2027-2031");
        browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        clickAndAwaitNewPage(By.cssSelector("form.upload button[type=submit]"));
        browser.waitFor(By.cssSelector("table.problems"), "Baris 8, kolom target 2027");
        assertThat(browser.find(By.id("startYear")).getAttribute("value")).isEqualTo("2027");
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Renstra Bappeda 2027-2031");
        assertAccessible("Impor matriks Renstra (ditolak)");
        browser.screenshot("planner-renstra-refused");

        browser.find(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        clickAndAwaitNotice(By.cssSelector("form.upload button[type=submit]"), "Matriks Renstra terimpor");
        String tree = browser.text(By.cssSelector("ul.tree"));
        assertThat(tree).contains("Sub kegiatan", "5.01.01.2.01.0001", "Rp 24.000.000", "30 dokumen", "85,5%");
        assertAccessible("Renstra (pohon)");
        browser.screenshot("planner-renstra");

        clickAndAwaitNewPage(By.linkText("Perjanjian Kinerja"));
        browser.type(By.id("tahun"), "2026");
        clickAndAwaitNewPage(By.cssSelector("form.filters button[type=submit]"));
        clickAndAwaitNewPage(By.partialLinkText(title));
        assertThat(browser.text(By.tagName("main"))).contains("Draf, belum disepakati", "Rp 22.900.000");
        assertAccessible("Perjanjian Kinerja");
        clickAndAwaitNotice(By.cssSelector("form.agree button[type=submit]"), "disepakati");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Disepakati");
        assertThat(browser.driver().findElements(By.cssSelector("form.agree"))).isEmpty();
        logOut();
    }

    /** A small Tabel 6.1 matrix of Bappeda as a semicolon CSV; {@code target} is the sub-kegiatan's 2027 target. */
    private static Path renstraMatrix(String target) throws IOException {
        String text = String.join("\r\n",
                "KODE;PROGRAM/KEGIATAN/SUB KEGIATAN;INDIKATOR;KONDISI AWAL;2027;;2028;;2029;;2030;;2031;;"
                        + "PERANGKAT DAERAH PENANGGUNG JAWAB",
                ";;;;Target;Rp;Target;Rp;Target;Rp;Target;Rp;Target;Rp;",
                "1;2;3;4;5;6;7;8;9;10;11;12;13;14;15",
                ";Tujuan 1 :;;;;;;;;;;;;;",
                ";Meningkatnya kualitas perencanaan pembangunan;;;;;;;;;;;;;",
                ";Sasaran 1 :;;;;;;;;;;;;;",
                ";Meningkatnya konsistensi perencanaan;Persentase program RPJMD yang termuat di RKPD;80%;\"85,5%\";-;"
                        + "88%;-;90%;-;95%;-;100%;-;Bappeda",
                "5.01.01;Program Perencanaan Pembangunan Daerah;Jumlah dokumen perencanaan yang tersusun;;"
                        + target + " dokumen;24.000.000;30;25.000.000;30;26.000.000;30;27.000.000;30;28.000.000;Bappeda",
                "5.01.01.2.01;Penyusunan Dokumen Perencanaan;Jumlah dokumen RKPD;;30 dokumen;24.000.000;30;"
                        + "25.000.000;30;26.000.000;30;27.000.000;30;28.000.000;Bappeda",
                "5.01.01.2.01.0001;Penyusunan RKPD;Jumlah RKPD yang tersusun;;30 dokumen;24.000.000;30;25.000.000;"
                        + "30;26.000.000;30;27.000.000;30;28.000.000;Bappeda") + "\r\n";
        Path file = Files.createTempFile("renstra-bappeda-", ".csv");
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        return file;
    }

    /** Bappeda's 2026 Perjanjian Kinerja as a DRAFT, drafted through the API by the planner themself. */
    private static void draftBappedaAgreement(String title) throws Exception {
        String planner = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI")).forUser("bappeda.planner");
        String body = """
                {"unit":"bappeda","year":2026,"position":"HEAD","positionTitle":"%s","items":[
                 {"sasaran":"Meningkatnya konsistensi perencanaan","indicator":"Persentase program RPJMD yang termuat di RKPD",
                  "unitOfMeasure":"%%","direction":"HIGHER","target":85.5,"budget":22900000}]}""".formatted(title);
        java.net.http.HttpResponse<String> drafted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + "/api/v1/agreements"))
                        .header("Authorization", "Bearer " + planner).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    }

    private static void openQueuedReport() {
        clickAndAwaitNewPage(By.linkText("Penilaian laporan triwulan"));
        browser.waitFor(By.tagName("h2"), "Menunggu penilaian (");
        assertAccessible("Penilaian laporan triwulan");
        browser.click(By.xpath("//table[contains(@class,'queue')]//tr[td[1][normalize-space()='18.72.03']]"
                + "//a[starts-with(normalize-space(.), 'Nilai laporan')]"));
        browser.find(By.cssSelector("table.entries"));
    }

    /**
     * Clicks a button that posts a form and waits for the next page's notice: the page before may show a notice
     * too, so first the old page has to go (else the wait may read an element of the document being replaced).
     */
    private static void clickAndAwaitNotice(By button, String text) {
        clickAndAwaitNewPage(button);
        browser.waitFor(By.cssSelector(".notice"), text);
    }

    private static void clickAndAwaitNewPage(By by) {
        org.openqa.selenium.WebElement page = browser.find(By.tagName("html"));
        browser.click(by);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> isGone(page));
    }

    /**
     * Whether an element's page has been replaced. Chromium answers a node of the old document either as stale or,
     * caught mid-navigation, with "Node with given id does not belong to the document", which Selenium's
     * stalenessOf does not take for gone (a journey failed on it once, the new page already shown).
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException other) {
            if (String.valueOf(other.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw other;
        }
    }

    /** Logs out (the Keycloak session ends too) and goes back to Keycloak's login page for the next user. */
    private static void logOut() {
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
        browser.click(By.linkText("Masuk lagi"));
    }

    /**
     * Metro Barat's 2026 Perjanjian Kinerja, drafted and agreed through the API by a platform admin (the demo realm's
     * Bappeda planner keeps the OPDs' plans), with two items: an index and a share.
     */
    private static void agreedKecamatanAgreement(String title) throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        String admin = tokens.forUser("platform.admin");
        String body = """
                {"unit":"18.72.03","year":2026,"position":"HEAD","positionTitle":"%s","items":[
                 {"sasaran":"Meningkatnya kualitas pelayanan publik","indicator":"Indeks Kepuasan Masyarakat",
                  "unitOfMeasure":"indeks","direction":"HIGHER","target":82,"budget":22900000},
                 {"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                  "unitOfMeasure":"%%","direction":"HIGHER","target":70,"budget":1000000}]}""".formatted(title);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> drafted = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway + "/api/v1/agreements")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(drafted.body()).path("id")
                .asString();
        java.net.http.HttpResponse<String> agreed = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway + "/api/v1/agreements/" + id + "/agreement"))
                .header("Authorization", "Bearer " + admin).header("If-Match", "\"1\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
    }

    /**
     * The platform admin loads a year's holidays once its decree is out (every quarterly deadline is counted on them):
     * a wrong kind is refused against its line with the list kept as typed; the corrected list is saved through the
     * gateway into performance-service and shown in Indonesian.
     */
    @Test
    void aPlatformAdminLoadsTheNextYearsHolidays() {
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("platform.admin");
        browser.click(By.linkText("Kalender hari libur"));
        browser.type(By.id("tahun-pilih"), "2031");
        browser.click(By.xpath("//button[normalize-space()='Tampilkan']"));
        browser.waitFor(By.tagName("h1"), "Kalender hari libur 2031");
        assertThat(browser.text(By.tagName("main"))).contains("Belum ada hari libur");
        browser.type(By.id("lines"), "2031-01-01; libur; Tahun Baru 2031 Masehi\n2031-05-01; liburan; Hari Buruh");
        browser.type(By.id("reason"), "SKB uji 2031");
        browser.click(By.xpath("//button[normalize-space()='Simpan kalender']"));
        browser.waitFor(By.id("masalah"), "Baris 2 (jenis)");
        assertThat(browser.find(By.id("lines")).getAttribute("value")).contains("2031-05-01; liburan; Hari Buruh");
        assertAccessible("Kalender hari libur, ditolak");
        browser.type(By.id("lines"), "2031-01-01; libur; Tahun Baru 2031 Masehi\n2031-05-01; libur; Hari Buruh");
        browser.click(By.xpath("//button[normalize-space()='Simpan kalender']"));
        browser.waitFor(By.cssSelector("p.notice"), "tersimpan");
        assertThat(browser.text(By.tagName("main"))).contains("1 Januari 2031", "1 Mei 2031", "Hari Buruh",
                "SKB uji 2031");
        assertAccessible("Kalender hari libur");
        browser.screenshot("admin-holidays");
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * The oversight a platform admin and an auditor keep without the API. A producer ahead of reporting-service (an
     * agreement event in a version it does not know, written onto the broker here as performance-service's relay
     * would) is dead-lettered; the admin finds it in reporting-service's list, opens it, processes it again and is
     * told it still fails (the letter stays, one attempt more), is refused discarding it without a reason, then
     * discards it with one. A kelurahan operator reads a person, a Dinas Sosial verifier a PPKS case of that person and
     * Dukcapil's system verifies the NIK (through the APIs); the auditor finds each in its log by the full NIK (posted,
     * never in the address bar): who, when, through which address, for which purpose, the NIK masked as the API
     * masks it.
     */
    @Test
    void aPlatformAdminResolvesADeadLetterAndAnAuditorReadsWhoLookedAtAPerson() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        String admin = tokens.forUser("platform.admin");
        String eventId = java.util.UUID.randomUUID().toString();
        String type = "performance.agreement.agreed";
        // CloudEvents in Kafka's binary mode, as the outbox relay writes them; only the data schema's version is ahead.
        java.util.List<org.apache.kafka.common.header.Header> headers = List.of(
                header("ce_specversion", "1.0"), header("ce_id", eventId), header("ce_type", type),
                header("ce_source", "urn:kesra:service:performance"), header("ce_subject", "18.72.03"),
                header("ce_dataschema", "urn:kesra:event:" + type + ":v2"), header("content-type", "application/json"));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.<String, Object>of(
                "bootstrap.servers", System.getProperty("KAFKA_BOOTSTRAP_SERVERS"), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("performance.events", null,
                    "18.72.03", "{\"unit\":\"18.72.03\",\"year\":2026,\"items\":[]}", headers)).get();
        }
        String letterId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (tools.jackson.databind.JsonNode item : api.get("/ops/reporting/dead-letters?status=NEW&size=200",
                    admin).body().path("items")) {
                if (eventId.equals(item.path("eventId").asString())) {
                    return item.path("id").asString();
                }
            }
            return null;
        }, java.util.Objects::nonNull);

        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("platform.admin");
        clickAndAwaitNewPage(By.linkText("Dead letter layanan"));
        browser.select(By.id("layanan"), "reporting");
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        browser.waitFor(By.id("daftar"), "Laporan (reporting-service)");
        By row = By.xpath("//table[contains(@class,'list')]//tr[td[1][normalize-space()='" + letterId + "']]");
        assertThat(browser.text(row)).contains(type, "performance.events", "version 2", "Baru: menunggu tindakan");
        assertAccessible("Dead letter layanan");
        browser.screenshot("admin-dead-letters");
        clickAndAwaitNewPage(By.linkText(letterId));
        String facts = browser.text(By.cssSelector("dl.facts"));
        assertThat(facts).contains("Baru: menunggu tindakan", type, eventId, "performance.events");
        assertThat(browser.text(By.cssSelector("main"))).contains("ce_dataschema", "urn:kesra:event:" + type + ":v2");
        assertAccessible("Dead letter");

        // Processed again: still fails (no handler knows v2), so it stays, with its attempt counted.
        By attempts = By.xpath("//dl[contains(@class,'facts')]/div[dt[normalize-space()='Percobaan']]/dd");
        int before = Integer.parseInt(browser.text(attempts));
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Proses ulang']"));
        assertThat(browser.text(By.id("masalah"))).contains("Ditolak layanan", "masih gagal diproses", "version 2");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Baru: menunggu tindakan");
        assertThat(browser.text(attempts)).isEqualTo(Integer.toString(before + 1));
        // Discarded: refused without a reason (beside the field), then with one.
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Abaikan event']"));
        assertThat(browser.text(By.id("reason-error"))).contains("alasan wajib diisi");
        assertThat(browser.find(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("Dead letter (diabaikan ditolak)");
        browser.type(By.id("reason"), "versi 2 belum dirilis; performance-service dikembalikan ke v1");
        clickAndAwaitNotice(By.xpath("//button[normalize-space()='Abaikan event']"), "Dead letter diabaikan");
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("Diabaikan");
        assertThat(browser.text(By.tagName("main"))).contains("oleh platform.admin",
                "catatan: versi 2 belum dirilis; performance-service dikembalikan ke v1");
        assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Proses ulang']")))
                .as("resolved once").isEmpty();
        assertAccessible("Dead letter (diabaikan)");
        browser.screenshot("admin-dead-letter");
        logOut();

        // A person of Mulyojati read by its operator, a PPKS case of theirs by a verifier, the NIK verified by Dukcapil.
        tools.jackson.databind.JsonNode head = mulyojatiHousehold(api, tokens, "Sukardi").path("members").get(0);
        String nik = head.path("nik").asString();
        org.kesra.devinfra.ApiClient.Response person = api.send("GET", "/api/v1/persons/" + head.path("id").asString(),
                tokens.forUser("mulyojati.operator"), null, Map.of("X-Purpose", "pemutakhiran data keluarga"));
        assertThat(person.status()).as(person.text()).isEqualTo(200);
        org.kesra.devinfra.ApiClient.Response ppks = api.post("/api/v1/ppks", tokens.forUser("dinsos.operator"), """
                {"nik":"%s","name":"Sukardi","kelurahanCode":"18.72.03.1001","foundOn":"%s",
                 "foundAt":"Balai Kelurahan Mulyojati","categories":["FM"]}""".formatted(nik, LocalDate.now()));
        assertThat(ppks.status()).as(ppks.text()).isEqualTo(201);
        org.kesra.devinfra.ApiClient.Response read = api.send("GET", "/api/v1/ppks/" + ppks.body().path("id")
                .asString(), tokens.forUser("dinsos.verifier"), null, Map.of("X-Purpose", "verifikasi kasus PPKS"));
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        org.kesra.devinfra.ApiClient.Response verified = api.send("GET", "/api/v1/verifications/" + nik,
                tokens.forClient("agency-dukcapil", "dukcapil-demo-secret", "beneficiary.verify"), null,
                Map.of("X-Purpose", "pemadanan data kependudukan"));
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        String masked = nik.substring(0, 6) + "******" + nik.substring(12);
        String today = INDONESIAN_DATE.format(LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")));

        logIn("inspektorat.auditor");
        clickAndAwaitNewPage(By.linkText("Catatan akses data pribadi"));
        assertAccessible("Catatan akses data pribadi");
        browser.type(By.id("nik"), nik);
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(nik);
        By personRead = By.xpath("//table[contains(@class,'list')]//tr[td[5][normalize-space()"
                + "='GET /api/v1/persons/{id}']]");
        assertThat(browser.text(personRead)).contains(today, "WIB", "mulyojati.operator", masked, "Diberikan",
                "pemutakhiran data keluarga");
        assertThat(browser.text(By.tagName("main"))).as("masked as the API masks it").doesNotContain(nik);
        assertAccessible("Catatan akses: data rumah tangga");
        browser.screenshot("audit-access-log");

        browser.select(By.id("sumber"), "register");
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        By caseRead = By.xpath("//table[contains(@class,'list')]//tr[td[5][normalize-space()='GET /api/v1/ppks/{id}']]");
        assertThat(browser.text(caseRead)).contains(today, "dinsos.verifier", masked, "verifikasi kasus PPKS");
        assertThat(browser.text(By.tagName("main"))).doesNotContain(nik);
        assertAccessible("Catatan akses: register");

        browser.select(By.id("sumber"), "verifikasi");
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        assertThat(browser.text(By.cssSelector("table.list tbody"))).contains(today, "agency-dukcapil", masked,
                "pemadanan data kependudukan");
        assertThat(browser.text(By.tagName("main"))).doesNotContain(nik);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(nik);
        assertAccessible("Catatan akses: verifikasi");
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /**
     * Dinas Sosial's decisions without the API: a kelurahan operator's musyawarah proposal, entered in the console
     * (their own kelurahan chosen for them, no decision offered), decided by the Dinas Sosial admin in its row, refused first without a reason (the message beside the field, the choice
     * kept), then approved, and found under its new status; a quarter's DTSEN deciles uploaded, refused first for a
     * row out of range (its row, column, value and message shown, the period as typed, nothing saved), then saved.
     */
    @Test
    void aDinasSosialAdminDecidesAKelurahanProposalAndUploadsTheDeciles() throws IOException {
        KeycloakTokens tokens = new KeycloakTokens(System.getProperty("OIDC_ISSUER_URI"));
        org.kesra.devinfra.ApiClient api = new org.kesra.devinfra.ApiClient(
                Integer.parseInt(gateway.substring(gateway.lastIndexOf(':') + 1)));
        tools.jackson.databind.JsonNode household = mulyojatiHousehold(api, tokens, "Rahmat Hidayat");
        String nik = household.path("members").get(0).path("nik").asString();
        String kk = household.path("kkNumber").asString();
        // The kelurahan's operator enters the musyawarah's result in the console, for their own kelurahan only.
        String note = "hasil musyawarah kelurahan " + kk.substring(kk.length() - 4);
        browser.open(gateway + "/keluar-selesai");
        browser.driver().manage().deleteAllCookies();
        browser.open(gateway + "/");
        logIn("mulyojati.operator");
        clickAndAwaitNewPage(By.linkText("Usulan musyawarah"));
        clickAndAwaitNewPage(By.linkText("Ajukan usulan"));
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("kelurahanCode"))).getOptions())
                .extracting(org.openqa.selenium.WebElement::getText).as("their own kelurahan, chosen for them")
                .containsExactly("– pilih –", "Mulyojati (18.72.03.1001)");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("kelurahanCode")))
                .getFirstSelectedOption().getText()).isEqualTo("Mulyojati (18.72.03.1001)");
        assertAccessible("Ajukan usulan musyawarah (operator kelurahan)");
        browser.select(By.id("programme"), "PKH");
        browser.type(By.id("nik"), nik);
        browser.script("document.getElementById('meetingDate').value = arguments[0]",
                LocalDate.now().minusDays(1).toString());
        browser.type(By.id("note"), note);
        // welfare-service learns the person from household-service's event; the form, kept as typed while it does
        // not yet, is sent again until the proposal is taken.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Ajukan usulan']"));
            return browser.driver().getCurrentUrl().contains("status=DIUSULKAN");
        });
        assertThat(browser.text(By.tagName("main"))).contains("Usulan musyawarah tercatat", note);
        String rowId = browser.find(By.xpath("//tr[starts-with(@id,'usulan-') and contains(., '" + note + "')]"))
                .getAttribute("id");
        String id = rowId.substring("usulan-".length());
        assertThat(browser.find(By.id(rowId)).findElements(By.tagName("details"))).as("a kelurahan decides nothing")
                .isEmpty();

        logOut();
        logIn("dinsos.admin");
        clickAndAwaitNewPage(By.linkText("Usulan musyawarah"));
        browser.select(By.id("status"), "DIUSULKAN");
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        By row = By.id("usulan-" + id);
        assertThat(browser.text(row)).contains("Mulyojati", "PKH", "Tambah penerima", nik, "mulyojati.operator",
                "Diusulkan");
        assertAccessible("Usulan musyawarah (menunggu keputusan)");
        browser.find(row).findElement(By.tagName("summary")).click();
        browser.select(By.id("decision-" + id), "DISETUJUI");
        clickAndAwaitNewPage(By.cssSelector("#usulan-" + id + " form button[type=submit]"));
        assertThat(browser.text(By.id("reason-" + id + "-error"))).contains("Alasan keputusan wajib diisi");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("decision-" + id)))
                .getFirstSelectedOption().getAttribute("value")).as("kept as chosen").isEqualTo("DISETUJUI");
        assertAccessible("Usulan musyawarah (keputusan ditolak)");
        browser.type(By.id("reason-" + id), "memenuhi kriteria PKH; hasil kunjungan rumah");
        clickAndAwaitNotice(By.cssSelector("#usulan-" + id + " form button[type=submit]"),
                "Usulan disetujui. Alasan: memenuhi kriteria PKH; hasil kunjungan rumah");
        assertThat(browser.driver().findElements(row)).as("no longer waiting for a decision").isEmpty();
        browser.select(By.id("status"), "DISETUJUI");
        clickAndAwaitNewPage(By.xpath("//button[normalize-space()='Tampilkan']"));
        assertThat(browser.text(row)).contains("Disetujui", "oleh dinsos.admin",
                "memenuhi kriteria PKH; hasil kunjungan rumah");
        assertThat(browser.find(row).findElements(By.tagName("details"))).as("decided once").isEmpty();
        assertAccessible("Usulan musyawarah (disetujui)");
        browser.screenshot("registers-musyawarah-decided");

        // The deciles of a past quarter (so no other journey's eligibility changes): one row out of range first.
        int year = LocalDate.now().getYear() - 4;
        String otherKk = "1872031111" + String.format("%06d", System.nanoTime() % 1_000_000);
        Path folder = Files.createTempDirectory("desil-");
        Path bad = Files.writeString(folder.resolve("desil-salah.csv"), "no_kk,desil\n" + kk + ",3\n" + otherKk
                + ",11\n");
        Path good = Files.writeString(folder.resolve("desil.csv"), "no_kk,desil\n" + kk + ",3\n" + otherKk + ",10\n");
        clickAndAwaitNewPage(By.linkText("Unggah desil DTSEN"));
        assertAccessible("Unggah desil DTSEN");
        browser.type(By.id("period"), year + "-Q2");
        browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        clickAndAwaitNewPage(By.cssSelector("form.upload button[type=submit]"));
        assertThat(browser.text(By.id("masalah"))).contains("Daftar desil tidak disimpan", "1 baris bermasalah");
        List<String> cells = browser.driver().findElements(By.cssSelector("#masalah-berkas tbody tr td")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertThat(cells).as("row, column, value, message").containsExactly("3", "desil", "11",
                "Desil harus bilangan bulat 1 sampai 10.");
        assertThat(browser.find(By.id("period")).getAttribute("value")).as("kept as typed").isEqualTo(year + "-Q2");
        assertAccessible("Unggah desil DTSEN (ditolak)");
        browser.screenshot("registers-deciles-refused");
        browser.find(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        clickAndAwaitNotice(By.cssSelector("form.upload button[type=submit]"), "Daftar desil periode " + year
                + "-Q2 tersimpan: 2 keluarga, berlaku sejak 1 April " + year);
        assertThat(browser.driver().findElements(By.id("masalah-berkas"))).isEmpty();
        assertAccessible("Unggah desil DTSEN (tersimpan)");
        browser.click(By.cssSelector("form.logout button"));
        browser.waitFor(By.tagName("h1"), "Anda telah keluar");
    }

    /** A one-person household of Mulyojati registered by its kelurahan operator, as the API answered it. */
    private static tools.jackson.databind.JsonNode mulyojatiHousehold(org.kesra.devinfra.ApiClient api, KeycloakTokens tokens, String name) {
        String nik = String.format("1872031505810%03d", System.nanoTime() % 999 + 1);
        String household = """
                {"kkNumber":"%s","kelurahanCode":"18.72.03.1001","rw":"2","rt":"3","address":"Jl. Dahlia No. 4",
                 "houseOwnership":"MILIK_SENDIRI","floorAreaM2":36,"floorMaterial":"KERAMIK","wallMaterial":"TEMBOK",
                 "roofMaterial":"GENTENG","waterSource":"SUMUR_BOR_POMPA","sanitation":"SENDIRI",
                 "lighting":"PLN_METERAN","cookingFuel":"GAS_LPG","assets":[],"incomeBand":"ANTARA_1_2_JUTA",
                 "members":[{"nik":"%s","name":"%s","birthPlace":"Metro","birthDate":"1981-05-15","sex":"L",
                 "relationship":"KEPALA_KELUARGA","maritalStatus":"KAWIN","education":"SLTA","occupation":"PETANI"}]}"""
                .formatted(String.format("187203%010d", System.nanoTime() % 10_000_000_000L), nik, name);
        org.kesra.devinfra.ApiClient.Response registered = api.post("/api/v1/households",
                tokens.forUser("mulyojati.operator"), household);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.body();
    }

    private static org.apache.kafka.common.header.Header header(String name, String value) {
        return new org.apache.kafka.common.header.internals.RecordHeader(name,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A member's row in the household's table. */
    private static By memberRow(String name) {
        return By.xpath("//table[contains(@class,'members')]//tr[td[2][normalize-space()='" + name + "']]");
    }

    /** A member's action link in the household's table (its hidden text names the member for screen readers). */
    private static By memberAction(String name, String action) {
        return By.xpath("//table[contains(@class,'members')]//tr[td[2][normalize-space()='" + name + "']]"
                + "//a[starts-with(normalize-space(.), '" + action + "')]");
    }

    private static void member(int row, String nik, String name, String birthDate, String sex, String relationship) {
        browser.type(By.id("m" + row + "-nik"), nik);
        browser.type(By.id("m" + row + "-name"), name);
        browser.type(By.id("m" + row + "-birthPlace"), "Metro");
        // A date input takes its value in the browser's locale; set the ISO value the form sends instead.
        browser.script("document.getElementById(arguments[0]).value = arguments[1]", "m" + row + "-birthDate",
                birthDate);
        browser.select(By.id("m" + row + "-sex"), sex);
        browser.select(By.id("m" + row + "-relationship"), relationship);
    }
}
