package org.kesra.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bulk import: every rule of the file and of its rows, the modes, idempotency, profiles, encodings, duplicates. */
class ImportIT extends ImportApiIntegrationBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsAFileWithHistoryAndEventsAndTheSameFileTwiceCreatesNothing() {
        String kk1 = kk();
        String kk2 = kk();
        List<String> rows = new ArrayList<>(family(kk1, MULYOJATI, "Raharjo"));
        rows.addAll(family(kk2, GANJAR_AGUNG, "Santoso"));
        Path file = csv(HEADER, rows);

        JsonNode done = imported(OPERATOR, file, null);

        assertThat(done.path("status").asString()).isEqualTo("SELESAI");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(6);
        assertThat(done.path("householdsCreated").asLong()).isEqualTo(2);
        assertThat(done.path("personsCreated").asLong()).isEqualTo(6);
        assertThat(done.path("phaseProgress").asDouble()).isEqualTo(100.0);
        String importId = done.path("id").asString();
        JsonNode household = api.get("/api/v1/households?kk=" + kk1, token(OPERATOR)).body().path("items").get(0);
        assertThat(household.path("kelurahanCode").asString()).isEqualTo(MULYOJATI);
        JsonNode full = read("/api/v1/households/" + household.path("id").asString(), OPERATOR).body();
        assertThat(full.path("members")).hasSize(3);
        String headId = member(full, "SUGENG RAHARJO").path("id").asString();
        JsonNode history = read("/api/v1/persons/" + headId + "/history", OPERATOR).body().path("items");
        assertThat(history.get(0).path("action").asString()).isEqualTo("TERDAFTAR");
        assertThat(history.get(0).path("reason").asString()).contains(importId);
        assertThat(history.get(0).path("after").path("birthDate").asString()).isEqualTo("1979-04-02");
        // Imported ids are version 7 and rise with the NIK order the persons were inserted in (uuid_v7 migration).
        List<UUID> ids = jdbc.sql("SELECT id FROM person WHERE import_id = ?::uuid ORDER BY nik").param(importId)
                .query(UUID.class).list();
        assertThat(ids).hasSize(6).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(UUID.fromString(household.path("id").asString()).version()).isEqualTo(7);
        assertThat(ids.stream().map(id -> id.getMostSignificantBits() >>> 16).toList()).isSorted();

        List<ConsumerRecord<String, byte[]>> events = TopicReader.read("household.events",
                r -> household.path("id").asString().equals(r.key())
                        && "household.household.registered".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(20));
        JsonNode payload = JSON.readTree(new String(events.get(0).value(), StandardCharsets.UTF_8));
        assertThat(payload.path("source").asString()).isEqualTo("IMPORT:" + importId);
        assertThat(payload.path("members")).hasSize(3);
        assertThat(payload.path("members").get(0).path("relationship").asString()).isEqualTo("KEPALA_KELUARGA");

        long persons = count("person");
        long outbox = count("event_outbox");
        ApiClient.Response again = upload(OPERATOR, file, "data-lagi.csv", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(importId);
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("event_outbox")).isLessThanOrEqualTo(outbox);
        assertThat(jdbc.sql("SELECT count(*) FROM household_import WHERE file_sha256 = ?")
                .param(done.path("fileSha256").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHouseholdIsTakenFromTheHeadsRowWhereverItIsInTheFile() {
        String kk = kk();
        List<String> family = family(kk, MULYOJATI, "Urutan");
        // The child first, with another address text; then the wife; the head last, at his own address.
        List<String> rows = List.of(family.get(2), family.get(1),
                family.get(0).replace("Jl. Merpati No. 7", "Jl. Kepala No. 1"));

        assertThat(imported(OPERATOR, csv(HEADER, rows), null).path("status").asString()).isEqualTo("SELESAI");

        JsonNode household = api.get("/api/v1/households?kk=" + kk, token(OPERATOR)).body().path("items").get(0);
        JsonNode full = read("/api/v1/households/" + household.path("id").asString(), OPERATOR).body();
        assertThat(full.path("address").asString()).isEqualTo("Jl. Kepala No. 1");
        assertThat(full.path("members")).hasSize(3);
    }

    @Test
    void anyProblemRejectsTheWholeFileAndEachIsReportedByRowAndColumn() {
        String good = kk();
        String twoHeads = kk();
        String movedRt = kk();
        String registeredNik = registeredNik();
        String dup = nik(LocalDate.of(1990, 6, 6), "L");
        List<String> rows = new ArrayList<>(family(good, MULYOJATI, "Baik"));                          // rows 2-4
        rows.add(row(kk(), MULYOJATI, "1", "18720312058", "Salah Nik", LocalDate.of(1980, 5, 12), "L",
                "KEPALA_KELUARGA"));                                                                     // row 5
        rows.add(row("12345", MULYOJATI, "1", nik(LocalDate.of(1981, 1, 1), "L"), "Salah Kk",
                LocalDate.of(1981, 1, 1), "L", "KEPALA_KELUARGA"));                                     // row 6
        rows.add(row(kk(), "18.72.09.9999", "1", nik(LocalDate.of(1982, 2, 2), "L"), "Salah Kelurahan",
                LocalDate.of(1982, 2, 2), "L", "KEPALA_KELUARGA"));                                    // row 7
        rows.add(row(twoHeads, MULYOJATI, "1", nik(LocalDate.of(1990, 6, 7), "L"), "Kepala Satu",
                LocalDate.of(1990, 6, 7), "L", "KEPALA_KELUARGA"));                                    // row 8
        rows.add(row(twoHeads, MULYOJATI, "1", nik(LocalDate.of(1991, 7, 7), "L"), "Kepala Dua",
                LocalDate.of(1991, 7, 7), "L", "KEPALA_KELUARGA"));                                    // row 9
        rows.add(row(movedRt, MULYOJATI, "1", dup, "Nik Kembar", LocalDate.of(1990, 6, 6), "L",
                "KEPALA_KELUARGA"));                                                                    // row 10
        rows.add(row(movedRt, MULYOJATI, "9", registeredNik, "Sudah Terdaftar", LocalDate.of(1980, 5, 12), "L",
                "ANAK"));                                                                               // row 11
        rows.add(row(kk(), MULYOJATI, "1", nik(LocalDate.of(1993, 3, 3), "L"), "=HYPERLINK(\"http://x\")",
                LocalDate.of(1993, 3, 3), "L", "KEPALA_KELUARGA"));                                    // row 12
        rows.add(row(kk(), MULYOJATI, "1", dup, "Nik Kembar Lagi", LocalDate.of(1990, 6, 6), "L",
                "KEPALA_KELUARGA"));                                                                    // row 13
        long persons = count("person");

        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);

        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(done.path("failure").asString()).contains("SEMUA_ATAU_TIDAK");
        assertThat(count("person")).isEqualTo(persons);
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE kk_number = ?").param(good).query(Long.class).single())
                .isZero();
        List<JsonNode> problems = problems(OPERATOR, done.path("id").asString());
        assertThat(problem(problems, 5, "nik").path("message").asString()).contains("16 digit");
        assertThat(problem(problems, 6, "kk_number").path("value").asString()).isEqualTo("12345");
        assertThat(problem(problems, 7, "kelurahan_code").path("message").asString()).contains("tidak dikenal");
        assertThat(problem(problems, 10, "nik").path("message").asString()).contains("baris 10, 13");
        assertThat(problem(problems, 13, "nik").path("message").asString()).contains("lebih dari sekali");
        assertThat(problem(problems, 8, "relationship").path("message").asString()).contains("2 kepala keluarga");
        assertThat(problem(problems, 9, "relationship").path("message").asString()).contains("2 kepala keluarga");
        assertThat(problem(problems, 11, "nik").path("message").asString()).contains("sudah terdaftar");
        assertThat(problem(problems, 11, "kelurahan_code").path("message").asString()).contains("baris 10");
        assertThat(problem(problems, 12, "name").path("value").asString()).startsWith("=HYPERLINK");
        assertThat(problems.stream().noneMatch(p -> p.path("rowNumber").asLong() >= 2 && p.path("rowNumber").asLong() <= 4))
                .isTrue();
        assertThat(done.path("rowsWithProblems").asLong()).isEqualTo(9);

        ApiClient.Response report = read("/api/v1/household-imports/" + done.path("id").asString()
                + "/problems.csv", OPERATOR);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(report.text()).startsWith("\uFEFFbaris,kolom,nilai,masalah");
        assertThat(report.text()).contains("12,name,\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(report.text()).doesNotContain(",=HYPERLINK");
    }

    @Test
    void partialModeAppliesTheCardsWhoseRowsAreAllValid() {
        String good = kk();
        String bad = kk();
        List<String> rows = new ArrayList<>(family(good, MULYOJATI, "Utuh"));
        rows.add(row(bad, MULYOJATI, "1", nik(LocalDate.of(1970, 1, 1), "L"), "Kepala Benar", LocalDate.of(1970, 1, 1),
                "L", "KEPALA_KELUARGA"));
        rows.add(row(bad, MULYOJATI, "1", "0000000000000000", "Anak Salah", LocalDate.of(2001, 1, 1), "L", "ANAK"));

        JsonNode done = imported(OPERATOR, csv(HEADER, rows), "mode=SEBAGIAN");

        assertThat(done.path("status").asString()).isEqualTo("SELESAI");
        assertThat(done.path("mode").asString()).isEqualTo("SEBAGIAN");
        assertThat(done.path("householdsCreated").asLong()).isEqualTo(1);
        assertThat(done.path("personsCreated").asLong()).isEqualTo(3);
        assertThat(done.path("rowsWithProblems").asLong()).isEqualTo(1);
        assertThat(kkCount(good)).isEqualTo(1);
        assertThat(kkCount(bad)).as("a card with one bad row is held back whole").isZero();
    }

    @Test
    void aProfileMapsTheCadresHeadersAndSemicolonWindows1252FilesAreRead() {
        ApiClient.Response saved = call("PUT", "/api/v1/household-imports/profiles/wakuncar-metro", OPERATOR, Map.of(
                "description", "Formulir Wakuncar kader PKK",
                "columns", Map.ofEntries(Map.entry("No. KK", "kk_number"), Map.entry("Kode Kelurahan", "kelurahan_code"),
                        Map.entry("RW", "rw"), Map.entry("RT", "rt"), Map.entry("NIK", "nik"),
                        Map.entry("Nama Lengkap", "name"), Map.entry("Tgl Lahir", "birth_date"),
                        Map.entry("Jenis Kelamin", "sex"), Map.entry("Hubungan", "relationship"),
                        Map.entry("Alamat", "address"))), null);
        assertThat(saved.status()).isEqualTo(200);
        String kk = kk();
        String text = "No. KK;Kode Kelurahan;RW;RT;Alamat;NIK;Nama Lengkap;Tgl Lahir;Jenis Kelamin;Hubungan;Catatan\r\n"
                + kk + ";" + MULYOJATI + ";1;2;Jl. Kenanga, Gg. Café;" + nik(LocalDate.of(1975, 12, 1), "L")
                + ";Paiman;01-12-1975;Laki-laki;Kepala Keluarga;lama\r\n"
                + kk + ";" + MULYOJATI + ";1;2;Jl. Kenanga, Gg. Café;" + nik(LocalDate.of(1978, 2, 3), "P")
                + ";Sumarni;03/02/1978;P;istri;\r\n";
        Path file = file(text, Charset.forName("windows-1252"), new byte[0], ".csv");

        JsonNode done = imported(OPERATOR, file, "profile=wakuncar-metro");

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SELESAI");
        assertThat(done.path("encoding").asString()).isEqualTo("windows-1252");
        assertThat(done.path("delimiter").asString()).isEqualTo(";");
        assertThat(jdbc.sql("SELECT address FROM household WHERE kk_number = ?").param(kk).query(String.class).single())
                .isEqualTo("Jl. Kenanga, Gg. Café");
    }

    @Test
    void utf8WithBomAndTabsAndUtf16AreRead() {
        String kk = kk();
        String tabbed = (HEADER + "\n" + String.join("\n", family(kk, MULYOJATI, "Bom"))).replace(',', '\t');
        JsonNode bom = imported(OPERATOR, file(tabbed, StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, ".csv"), null);
        assertThat(bom.path("status").asString()).as(bom.toString()).isEqualTo("SELESAI");
        assertThat(bom.path("delimiter").asString()).isEqualTo("TAB");

        String kk16 = kk();
        JsonNode utf16 = imported(OPERATOR, file(HEADER + "\r\n" + String.join("\r\n", family(kk16, MULYOJATI, "Enambelas")),
                StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, ".csv"), null);
        assertThat(utf16.path("status").asString()).as(utf16.toString()).isEqualTo("SELESAI");
        assertThat(utf16.path("encoding").asString()).isEqualTo("UTF-16LE");
        assertThat(kkCount(kk16)).isEqualTo(1);
    }

    @Test
    void xlsxIsStreamedAndANikStoredAsAnExcelNumberIsReported() throws IOException {
        String kk = kk();
        String headNik = nik(LocalDate.of(1968, 8, 17), "L");
        Path ok = xlsx(List.of(HEADER.split(",")), List.of(
                List.of(kk, MULYOJATI, "3", "5", "=Jl. Mawar", headNik, "Slamet Widodo", "Metro", "1968-08-17", "L",
                        "KEPALA_KELUARGA", "KAWIN", "SD", "Petani")), false);
        JsonNode done = imported(OPERATOR, ok, null);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SELESAI");
        assertThat(done.path("format").asString()).isEqualTo("XLSX");
        assertThat(jdbc.sql("SELECT address FROM household WHERE kk_number = ?").param(kk).query(String.class).single())
                .as("a cell starting with = is kept as text, never evaluated").isEqualTo("=Jl. Mawar");

        Path numeric = xlsx(List.of(HEADER.split(",")), List.of(
                List.of(kk(), MULYOJATI, "3", "5", "Jl. Mawar", nik(LocalDate.of(1969, 8, 17), "L"), "Slamet Riyadi",
                        "Metro", "1969-08-17", "L", "KEPALA_KELUARGA", "KAWIN", "SD", "Petani")), true);
        JsonNode refused = imported(OPERATOR, numeric, null);
        assertThat(refused.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(problem(problems(OPERATOR, refused.path("id").asString()), 2, "nik").path("message").asString())
                .contains("angka di Excel");
    }

    @Test
    void likelyDuplicatesAreQueuedForADecision() {
        JsonNode existing = registered(OPERATOR, household(MULYOJATI, List.of(
                person("Joko Susilo", LocalDate.of(1977, 7, 7), "L", "KEPALA_KELUARGA"))));
        assertThat(existing.path("members")).hasSize(1);
        String kk = kk();
        String otherNik = nik(LocalDate.of(1977, 7, 7), "L");
        JsonNode done = imported(OPERATOR, csv(HEADER, List.of(row(kk, MULYOJATI, "1", otherNik, "Djoko  Soesilo",
                LocalDate.of(1977, 7, 7), "L", "KEPALA_KELUARGA"))), null);
        assertThat(done.path("status").asString()).isEqualTo("SELESAI");
        assertThat(done.path("reviewItems").asLong()).isEqualTo(1);

        JsonNode reviews = read("/api/v1/household-imports/reviews?status=TERBUKA&importId=" + done.path("id").asString(),
                OPERATOR).body().path("items");
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).path("nik").asString()).isEqualTo(otherNik);
        String reviewId = reviews.get(0).path("id").asString();
        ApiClient.Response monitor = api.get("/api/v1/household-imports/reviews?importId=" + done.path("id").asString(),
                token("disnakertrans.monitor"));
        assertThat(monitor.status()).as(monitor.text()).isEqualTo(200);
        assertThat(monitor.body().path("items").get(0).path("nik").asString()).contains("******");

        ApiClient.Response noReason = call("POST", "/api/v1/household-imports/reviews/" + reviewId + "/decision",
                OPERATOR, Map.of("decision", "ORANG_BERBEDA"), null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/reason");
        ApiClient.Response decided = call("POST", "/api/v1/household-imports/reviews/" + reviewId + "/decision",
                OPERATOR, Map.of("decision", "ORANG_BERBEDA", "reason", "dicek ke rumah: kakak beradik kembar nama"), null);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("status").asString()).isEqualTo("ORANG_BERBEDA");
        assertThat(decided.body().path("decidedBy").asString()).isEqualTo(OPERATOR);
        ApiClient.Response twice = call("POST", "/api/v1/household-imports/reviews/" + reviewId + "/decision",
                OPERATOR, Map.of("decision", "ORANG_SAMA", "reason", "ulang"), null);
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aKelurahanOperatorImportsOnlyIntoTheirKelurahan() {
        List<String> rows = new ArrayList<>(family(kk(), MULYOJATI, "Dalam"));
        rows.addAll(family(kk(), REJOMULYO, "Luar"));
        JsonNode done = imported(KELURAHAN_OPERATOR, csv(HEADER, rows), null);
        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        List<JsonNode> problems = problems(KELURAHAN_OPERATOR, done.path("id").asString());
        assertThat(problem(problems, 5, "kelurahan_code").path("message").asString()).contains("di luar wilayah");
        assertThat(problems).hasSize(3);
        ApiClient.Response elsewhere = api.get("/api/v1/household-imports/" + done.path("id").asString(),
                token("rejomulyo.operator"));
        assertThat(elsewhere.status()).isEqualTo(404);
    }

    @Test
    void readOnlyRolesCannotImport() {
        ApiClient.Response refused = upload("disnakertrans.monitor", csv(HEADER, family(kk(), MULYOJATI, "Baca")),
                "data.csv", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void fileProblemsAreAnsweredAtOnce() {
        ApiClient.Response empty = upload(OPERATOR, file("", StandardCharsets.UTF_8, new byte[0], ".csv"), "kosong.csv",
                null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/file");

        ApiClient.Response headerOnly = upload(OPERATOR, csv(HEADER, List.of()), "judul.csv", null);
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(headerOnly.body().path("detail").asString()).contains("tanpa baris data");

        ApiClient.Response missing = upload(OPERATOR, csv("kk_number,nik,name", List.of(kk() + ",1,x")), "kurang.csv",
                null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("code").asString()).isEqualTo("HH-IMPOR-KOLOM-WAJIB");
        assertThat(missing.body().path("errors").findValuesAsString("column"))
                .contains("kelurahan_code", "birth_date", "sex", "relationship").doesNotContain("nik");

        ApiClient.Response xls = upload(OPERATOR, file("x", StandardCharsets.US_ASCII, new byte[] {(byte) 0xD0,
                (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, ".xls"), "lama.xls", null);
        assertThat(xls.status()).isEqualTo(415);
        assertThat(xls.body().path("detail").asString()).contains(".xlsx");

        ApiClient.Response unknownProfile = upload(OPERATOR, csv(HEADER, family(kk(), MULYOJATI, "X")), "a.csv",
                "profile=tidak-ada&mode=SEMUA");
        assertThat(unknownProfile.status()).isEqualTo(400);
        assertThat(unknownProfile.body().path("errors").findValuesAsString("pointer")).contains("/profile", "/mode");

        ApiClient.Response badProfile = call("PUT", "/api/v1/household-imports/profiles/Salah_Nama", OPERATOR,
                Map.of("columns", Map.of("Nama", "nama_lengkap", "NIK", "nik", "No NIK", "nik")), null);
        assertThat(badProfile.status()).isEqualTo(400);
        assertThat(badProfile.body().path("errors").findValuesAsString("pointer"))
                .contains("/name", "/columns/Nama");
    }

    @Test
    void aFileThatBreaksOffMidwayIsRejectedWithNothingWritten() {
        String kk = kk();
        List<String> rows = new ArrayList<>(family(kk, MULYOJATI, "Putus"));
        rows.add(kk() + "," + MULYOJATI + ",1,1,\"Jl. Tanpa Tutup," + nik(LocalDate.of(1960, 1, 1), "L"));
        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);
        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(done.path("failure").asString()).contains("tidak dapat dibaca setelah baris data ke-3");
        assertThat(kkCount(kk)).isZero();
    }

    @Test
    void aMalformedCsvIsExplainedInIndonesianWithItsLine() {
        String unclosed = kk() + "," + MULYOJATI + ",1,1,\"Jl. Tanpa Tutup," + nik(LocalDate.of(1961, 1, 1), "L");
        ApiClient.Response refused = upload(OPERATOR, csv(HEADER, List.of(unclosed)), "petik.csv", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asString()).contains("tanda petik").contains("baris 2")
                .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("EOF");

        List<String> rows = new ArrayList<>(family(kk(), MULYOJATI, "Sisipan"));
        rows.add(kk() + "," + MULYOJATI + ",1,1,\"Jl. Mawar\" No. 5," + nik(LocalDate.of(1962, 1, 1), "L")
                + ",Sisipan,Metro,1962-01-01,L,KEPALA_KELUARGA,KAWIN,SD,Petani");
        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);
        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(done.path("failure").asString()).contains("baris 5").contains("tanda petik")
                .doesNotContain("Exception").doesNotContain("Invalid character");
    }

    @Test
    void anIdempotencyKeyAnswersTheFirstImportAndRefusesAnotherFile() {
        Path first = csv(HEADER, family(kk(), MULYOJATI, "Kunci"));
        ApiClient.Response started = upload(OPERATOR, first, "a.csv", null, Map.of("Idempotency-Key", "kader-17-batch-1"));
        assertThat(started.status()).isEqualTo(202);
        finished(OPERATOR, started.body().path("id").asString());
        ApiClient.Response repeated = upload(OPERATOR, first, "a.csv", null, Map.of("Idempotency-Key", "kader-17-batch-1"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("id").asString()).isEqualTo(started.body().path("id").asString());
        ApiClient.Response other = upload(OPERATOR, csv(HEADER, family(kk(), MULYOJATI, "Lain")), "b.csv", null,
                Map.of("Idempotency-Key", "kader-17-batch-1"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("code").asString()).isEqualTo("HH-IMPOR-KUNCI-DIPAKAI");
    }

    private static JsonNode problem(List<JsonNode> problems, long row, String column) {
        return problems.stream().filter(p -> p.path("rowNumber").asLong() == row && column.equals(p.path("column").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no problem at row " + row + " column " + column
                        + " in " + problems));
    }

    private String registeredNik() {
        JsonNode household = registered(OPERATOR, household(MULYOJATI, List.of(
                person("Ada Sebelumnya", LocalDate.of(1980, 5, 12), "L", "KEPALA_KELUARGA"))));
        return household.path("members").get(0).path("nik").asString();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long kkCount(String kk) {
        return jdbc.sql("SELECT count(*) FROM household WHERE kk_number = ?").param(kk).query(Long.class).single();
    }

    private static Path xlsx(List<String> header, List<List<String>> rows, boolean nikAsNumber) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Data");
            XSSFRow first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    String value = rows.get(r).get(i);
                    if (nikAsNumber && "nik".equals(header.get(i))) {
                        row.createCell(i).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(i).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            Path file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, out.toByteArray());
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
