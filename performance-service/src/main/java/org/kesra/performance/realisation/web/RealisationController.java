package org.kesra.performance.realisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.realisation.RealisationRequests;
import org.kesra.performance.realisation.RealisationViews;
import org.kesra.performance.realisation.Realisations;
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

/** Quarterly realisation and its review over HTTP; the ETag changes with every change and decision (If-Match). */
@RestController
@Tag(name = "Realisasi Triwulan", description = "Realisasi kinerja triwulanan per unit terhadap Perjanjian Kinerja:"
        + " DRAFT, diserahkan, dikembalikan dengan tanggapan atasan, disetujui; perubahan sesudah disetujui membuka"
        + " kembali penilaian dan versi yang disetujui tetap dapat dibaca")
public class RealisationController {

    private final Realisations realisations;

    public RealisationController(Realisations realisations) {
        this.realisations = realisations;
    }

    @PostMapping("/api/v1/realisations")
    @Operation(summary = "Susun realisasi triwulan (DRAFT) terhadap revisi PK yang disepakati")
    public ResponseEntity<RealisationViews.RealisationView> create(
            @RequestBody RealisationRequests.NewRealisation request) {
        RealisationViews.RealisationView view = realisations.create(scope(), request);
        return ResponseEntity.created(URI.create("/api/v1/realisations/" + view.id())).eTag(etag(view)).body(view);
    }

    @GetMapping("/api/v1/realisations")
    @Operation(summary = "Daftar realisasi (halaman) menurut unit, tahun dan triwulan")
    public PageResponse<RealisationViews.RealisationSummary> list(
            @Parameter(description = "Kode unit") @RequestParam(required = false) String unit,
            @RequestParam(name = "tahun", required = false) Integer year,
            @RequestParam(name = "triwulan", required = false) Integer quarter,
            @Paging.PageSize(value = 20, max = 200) Paging paging) {
        return realisations.list(scope(), unit == null || unit.isBlank() ? null : unit.strip(), year, quarter,
                paging);
    }

    @GetMapping("/api/v1/realisations/{id}")
    @Operation(summary = "Versi terbaru satu realisasi dengan capaian per indikator; ETag untuk If-Match")
    public ResponseEntity<RealisationViews.RealisationView> latest(@PathVariable UUID id) {
        RealisationViews.RealisationView view = realisations.read(scope(), id, null);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @GetMapping("/api/v1/realisations/{id}/versions/{version}")
    @Operation(summary = "Satu versi isi realisasi (versi yang disetujui tetap dapat dibaca apa adanya)")
    public RealisationViews.RealisationView version(@PathVariable UUID id, @PathVariable int version) {
        return realisations.read(scope(), id, version);
    }

    @GetMapping("/api/v1/realisations/{id}/transitions")
    @Operation(summary = "Jejak audit perubahan status: siapa, kapan, dari, ke, alasan")
    public List<RealisationViews.TransitionView> transitions(@PathVariable UUID id) {
        return realisations.transitions(scope(), id);
    }

    @GetMapping("/api/v1/realisations/{id}/capaian")
    @Operation(summary = "Pratinjau capaian triwulan ini untuk nilai satu butir yang belum disimpan",
            description = "Pemeriksaan dan perhitungan sama dengan butir yang disimpan; tidak ada yang ditulis. Isi"
                    + " value, atau numerator dan denominator untuk persentase.")
    public RealisationViews.CapaianPreview capaian(@PathVariable UUID id,
            @Parameter(description = "Urutan butir PK, mulai 0") @RequestParam(required = false) Integer item,
            @RequestParam(required = false) String value, @RequestParam(required = false) String numerator,
            @RequestParam(required = false) String denominator) {
        return realisations.preview(scope(), id, item, value, numerator, denominator);
    }

    @PutMapping("/api/v1/realisations/{id}")
    @Operation(summary = "Ubah isi realisasi; sesudah disetujui wajib alasan dan membuka kembali penilaian")
    public ResponseEntity<RealisationViews.RealisationView> change(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RealisationRequests.Change request) {
        RealisationViews.RealisationView view = realisations.change(scope(), id, basedOn(ifMatch), request);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PostMapping("/api/v1/realisations/{id}/submission")
    @Operation(summary = "Serahkan realisasi kepada atasan (terlambat diterima dan ditandai)")
    public ResponseEntity<RealisationViews.RealisationView> submit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RealisationViews.RealisationView view = realisations.submit(scope(), id, basedOn(ifMatch));
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PostMapping("/api/v1/realisations/{id}/return")
    @Operation(summary = "Kembalikan realisasi dengan tanggapan atasan (atasan unit induk, bukan pelapor)")
    public ResponseEntity<RealisationViews.RealisationView> giveBack(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RealisationRequests.Return request) {
        RealisationViews.RealisationView view = realisations.giveBack(scope(), id, basedOn(ifMatch), request);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PostMapping("/api/v1/realisations/{id}/approval")
    @Operation(summary = "Setujui realisasi (atasan unit induk, bukan pelapor)")
    public ResponseEntity<RealisationViews.RealisationView> approve(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RealisationViews.RealisationView view = realisations.approve(scope(), id, basedOn(ifMatch));
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }

    private static String etag(RealisationViews.RealisationView view) {
        return IfMatch.etag(view.etag());
    }

    private static int basedOn(String ifMatch) {
        return IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag realisasi yang"
                + " Anda baca.",
                () -> PerformanceProblems.REALISATION_STALE.refuse("If-Match tidak berisi ETag realisasi ini. Muat"
                        + " ulang, lalu ulangi."));
    }
}
