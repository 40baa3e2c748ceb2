package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        launcher.awaitLine("Kesra is running", Duration.ofMinutes(4));
        browser = new Browser(layout.root().resolve("launcher/target/screenshots"));
    }

    /** The page the journey ended on (where it failed, if it failed), with its HTML, for whoever reads the failure. */
    @AfterEach
    void keepTheLastPage() throws IOException {
        if (browser != null) {
            Path shot = browser.screenshot("last-page");
            Files.writeString(shot.resolveSibling("last-page.html"), "<!-- " + browser.driver().getCurrentUrl()
                    + " -->\n" + browser.driver().getPageSource());
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
     * history shows who changed what and why; the page is usable at 360 px; an htmx request after the session ended
     * sends the browser to log in again; logging out ends the Keycloak session.
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
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
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
