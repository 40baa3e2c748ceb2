package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Evidence files of a realisation: stored with their SHA-256, limited in size and type (by content), scoped. */
class EvidenceIT extends PerformanceApiTest {

    private static final String OPERATOR = "metrobarat.operator";

    @TempDir
    Path dir;

    @Test
    void evidenceIsStoredWithItsChecksumAndRefusedWhenTooLargeOfAForbiddenTypeOrStale() throws Exception {
        String path = draftRealisation();
        byte[] pdf = "%PDF-1.4\n% daftar hadir kunjungan pembinaan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ApiClient.Response stored = upload(path, "\"1\"", file("daftar-hadir.pdf", pdf), "arsip/daftar-hadir.pdf");
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(stored.body().path("sha256").asString()).isEqualTo(sha256);
        assertThat(stored.body().path("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(stored.body().path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(stored.body().path("fileName").asString()).as("no client path").isEqualTo("daftar-hadir.pdf");
        assertThat(stored.header("ETag")).as("evidence moves the realisation's ETag").isEqualTo("\"2\"");

        assertProblem(upload(path, "\"1\"", file("lagi.pdf", pdf), "lagi.pdf"), 412, "PF-REALISASI-BERUBAH", null);
        assertProblem(upload(path, "\"2\"", file("bukti.pdf", "MZ bukan pdf".getBytes(StandardCharsets.US_ASCII)),
                "bukti.pdf"), 415, "PF-BUKTI-JENIS-TIDAK-DIIZINKAN", "/file");
        assertProblem(upload(path, "\"2\"", file("kosong.pdf", new byte[0]), "kosong.pdf"), 400, "PF-ISIAN-WAJIB",
                "/file");
        byte[] large = Arrays.copyOf(pdf, 5 * 1024 * 1024 + 1);
        assertProblem(upload(path, "\"2\"", file("besar.pdf", large), "besar.pdf"), 413, "PF-BUKTI-TERLALU-BESAR",
                "/file");
        assertThat(api.upload(path + "/evidence", token("metrobarat.camat"), file("c.pdf", pdf), "c.pdf",
                Map.of("If-Match", "\"2\"")).status()).as("the approver does not upload").isEqualTo(403);

        JsonNode listed = get("metrobarat.camat", path + "/evidence").body();
        assertThat(listed).as("refused uploads leave nothing").hasSize(1);
        String evidencePath = path + "/evidence/" + stored.body().path("id").asString();
        ApiClient.Response download = get("inspektorat.auditor", evidencePath);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.text()).isEqualTo(new String(pdf, StandardCharsets.US_ASCII));
        assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(sha256)) + ":");
        assertProblem(get("rejomulyo.operator", evidencePath), 404, "PF-REALISASI-TIDAK-DITEMUKAN", null);
        assertProblem(get(OPERATOR, path + "/evidence/" + java.util.UUID.randomUUID()), 404,
                "PF-BUKTI-TIDAK-DITEMUKAN", null);

        assertThat(api.send("POST", path + "/submission", token(OPERATOR), null, Map.of("If-Match", "\"2\""))
                .status()).isEqualTo(200);
        assertProblem(upload(path, "\"3\"", file("late.pdf", pdf), "late.pdf"), 422, "PF-STATUS-TIDAK-MEMUNGKINKAN",
                null);
    }

    private String draftRealisation() {
        ObjectNode agreement = JSON.createObjectNode();
        agreement.put("unit", "18.72.03");
        agreement.put("year", 2026);
        agreement.put("position", "HEAD");
        agreement.put("positionTitle", "Camat Metro Barat (uji bukti)");
        ObjectNode item = agreement.putArray("items").addObject();
        item.put("sasaran", "Meningkatnya kualitas pelayanan publik");
        item.put("indicator", "Indeks Kepuasan Masyarakat");
        item.put("unitOfMeasure", "indeks");
        item.put("direction", "HIGHER");
        item.put("target", 82);
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", agreement);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String agreementId = drafted.body().path("id").asString();
        assertThat(api.send("POST", "/api/v1/agreements/" + agreementId + "/agreement", token(ADMIN), null,
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", 2026);
        body.put("quarter", 1);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        body.putArray("entries").addObject().put("item", 0).put("value", "80");
        ApiClient.Response created = post(OPERATOR, "/api/v1/realisations", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return "/api/v1/realisations/" + created.body().path("id").asString();
    }

    private Path file(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private ApiClient.Response upload(String path, String ifMatch, Path file, String fileName) {
        return api.upload(path + "/evidence", token(OPERATOR), file, fileName, Map.of("If-Match", ifMatch));
    }
}
