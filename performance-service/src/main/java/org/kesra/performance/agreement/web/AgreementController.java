package org.kesra.performance.agreement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.agreement.AgreementRequests;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.agreement.PerformanceAgreements;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.IfMatch;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Perjanjian Kinerja over HTTP; the ETag is the newest revision, named in If-Match by a change or the agreement. */
@RestController
@Tag(name = "Perjanjian Kinerja", description = "Perjanjian Kinerja tahunan per jabatan: DRAFT, disepakati lalu"
        + " dibekukan; perubahan sesudahnya menjadi revisi baru dengan alasan")
public class AgreementController {

    private final PerformanceAgreements agreements;

    public AgreementController(PerformanceAgreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping("/api/v1/agreements")
    @Operation(summary = "Susun Perjanjian Kinerja baru (revisi 1, DRAFT)")
    public ResponseEntity<AgreementViews.AgreementView> draft(@RequestBody AgreementRequests.NewAgreement request) {
        AgreementViews.AgreementView agreement = agreements.draft(scope(), request);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
                .eTag(etag(agreement.latestRevision())).body(agreement);
    }

    @GetMapping("/api/v1/agreements")
    @Operation(summary = "Daftar Perjanjian Kinerja (halaman) menurut unit dan tahun")
    public PageResponse<AgreementViews.AgreementSummary> list(
            @Parameter(description = "Kode unit") @RequestParam(required = false) String unit,
            @RequestParam(name = "tahun", required = false) Integer year,
            @Paging.PageSize(value = 20, max = 200) Paging paging) {
        return agreements.list(scope(), unit == null || unit.isBlank() ? null : unit.strip(), year, paging);
    }

    @GetMapping("/api/v1/agreements/{id}")
    @Operation(summary = "Revisi terbaru satu Perjanjian Kinerja; ETag = nomor revisi terbaru")
    public ResponseEntity<AgreementViews.AgreementView> latest(@PathVariable UUID id) {
        AgreementViews.AgreementView agreement = agreements.read(scope(), id, null);
        return ResponseEntity.ok().eTag(etag(agreement.latestRevision())).body(agreement);
    }

    @GetMapping("/api/v1/agreements/{id}/revisions/{revision}")
    @Operation(summary = "Satu revisi Perjanjian Kinerja (revisi yang disepakati tetap dapat dibaca apa adanya)")
    public AgreementViews.AgreementView revision(@PathVariable UUID id, @PathVariable int revision) {
        return agreements.read(scope(), id, revision);
    }

    @PutMapping("/api/v1/agreements/{id}")
    @Operation(summary = "Ubah Perjanjian Kinerja: DRAFT diubah di tempat; yang sudah disepakati menjadi revisi baru"
            + " dengan alasan")
    public ResponseEntity<AgreementViews.AgreementView> change(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AgreementRequests.Change request) {
        AgreementViews.AgreementView agreement = agreements.change(scope(), id, basedOn(ifMatch), request);
        return ResponseEntity.ok().eTag(etag(agreement.latestRevision())).body(agreement);
    }

    @PostMapping("/api/v1/agreements/{id}/agreement")
    @Operation(summary = "Sepakati revisi terbaru (dibekukan sesudahnya); If-Match berisi ETag revisi itu")
    public ResponseEntity<AgreementViews.AgreementView> agree(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AgreementViews.AgreementView agreement = agreements.agree(scope(), id, basedOn(ifMatch));
        return ResponseEntity.ok().eTag(etag(agreement.latestRevision())).body(agreement);
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }

    private static String etag(int revision) {
        return IfMatch.etag(revision);
    }

    private static int basedOn(String ifMatch) {
        return IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag revisi terbaru"
                + " Perjanjian Kinerja yang Anda baca.",
                () -> PerformanceProblems.AGREEMENT_STALE.refuse("If-Match tidak berisi ETag revisi Perjanjian Kinerja"
                        + " ini. Muat ulang, lalu ulangi."));
    }
}
