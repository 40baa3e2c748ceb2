package org.kesra.performance.realisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.realisation.RealisationEvidence;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.IfMatch;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files of a realisation over HTTP: multipart upload (If-Match), list, download with the SHA-256. */
@RestController
@Tag(name = "Realisasi Triwulan")
public class EvidenceController {

    private final RealisationEvidence evidence;

    public EvidenceController(RealisationEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping(path = "/api/v1/realisations/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Unggah berkas bukti (PDF, PNG, JPEG, XLSX; paling besar 5 MiB) selama DRAFT/RETURNED")
    public ResponseEntity<RealisationEvidence.EvidenceView> upload(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestPart("file") MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        RealisationEvidence.EvidenceView stored = evidence.attach(scope(), id, basedOn(ifMatch),
                file.getOriginalFilename(), content);
        return ResponseEntity.created(URI.create("/api/v1/realisations/" + id + "/evidence/" + stored.id()))
                .eTag(IfMatch.etag(stored.realisationEtag())).body(stored);
    }

    @GetMapping("/api/v1/realisations/{id}/evidence")
    @Operation(summary = "Daftar berkas bukti realisasi dengan checksum SHA-256")
    public List<RealisationEvidence.EvidenceView> list(@PathVariable UUID id) {
        return evidence.list(scope(), id);
    }

    @GetMapping("/api/v1/realisations/{id}/evidence/{evidenceId}")
    @Operation(summary = "Unduh berkas bukti apa adanya; header Repr-Digest berisi SHA-256")
    public ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        RealisationEvidence.StoredFile file = evidence.read(scope(), id, evidenceId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())) + ":")
                .body(file.content());
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }

    private static int basedOn(String ifMatch) {
        return IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag realisasi yang"
                + " Anda baca.",
                () -> PerformanceProblems.REALISATION_STALE.refuse("If-Match tidak berisi ETag realisasi ini. Muat"
                        + " ulang, lalu ulangi."));
    }
}
