package org.kesra.performance.renstra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.renstra.IndicatorCapaian;
import org.kesra.performance.renstra.RenstraPlans;
import org.kesra.performance.renstra.RenstraRequests;
import org.kesra.performance.renstra.RenstraViews;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renstra plans over HTTP. The ETag of a plan is its newest version; a revision names it in If-Match, so two planners
 * revising at once cannot overwrite each other's version unseen.
 */
@RestController
@Tag(name = "Renstra", description = "Rencana strategis unit kerja: tujuan, sasaran, program, kegiatan, sub-kegiatan,"
        + " indikator, target dan pendanaan indikatif per tahun, dengan versi")
public class RenstraController {

    private final RenstraPlans plans;
    private final IndicatorCapaian capaian;

    public RenstraController(RenstraPlans plans, IndicatorCapaian capaian) {
        this.plans = plans;
        this.capaian = capaian;
    }

    @PostMapping("/api/v1/renstra")
    @Operation(summary = "Simpan Renstra baru satu unit kerja beserta seluruh pohonnya (versi 1)")
    public ResponseEntity<RenstraViews.PlanView> create(@RequestBody RenstraRequests.NewPlan request) {
        RenstraViews.PlanView plan = plans.create(scope(), request);
        return ResponseEntity.created(URI.create("/api/v1/renstra/" + plan.id())).eTag(etag(plan.latestVersion()))
                .body(plan);
    }

    @GetMapping("/api/v1/renstra")
    @Operation(summary = "Daftar Renstra (halaman) satu unit kerja, atau semua unit yang boleh Anda baca")
    public PageResponse<RenstraViews.PlanSummary> list(
            @Parameter(description = "Kode unit: kode OPD atau kode wilayah kecamatan/kelurahan")
            @RequestParam(required = false) String unit,
            @Paging.PageSize(value = 20, max = 200) Paging paging) {
        return plans.list(scope(), unit == null || unit.isBlank() ? null : unit.strip(), paging);
    }

    @GetMapping("/api/v1/renstra/{id}")
    @Operation(summary = "Versi terbaru satu Renstra dengan pohonnya; ETag = nomor versi terbaru")
    public ResponseEntity<RenstraViews.PlanView> latest(@PathVariable UUID id) {
        RenstraViews.PlanView plan = plans.read(scope(), id, null);
        return ResponseEntity.ok().eTag(etag(plan.latestVersion())).body(plan);
    }

    @GetMapping("/api/v1/renstra/{id}/versions/{version}")
    @Operation(summary = "Satu versi Renstra (versi lama tetap dapat dibaca apa adanya)")
    public RenstraViews.PlanView version(@PathVariable UUID id, @PathVariable int version) {
        return plans.read(scope(), id, version);
    }

    @PostMapping("/api/v1/renstra/{id}/versions")
    @Operation(summary = "Revisi Renstra: versi baru dengan alasan; If-Match berisi ETag versi terbaru yang Anda baca")
    public ResponseEntity<RenstraViews.PlanView> revise(@PathVariable UUID id,
                                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                        String ifMatch,
                                                        @RequestBody RenstraRequests.Revision request) {
        RenstraViews.PlanView plan = plans.revise(scope(), id, basedOn(ifMatch), request);
        return ResponseEntity.created(URI.create("/api/v1/renstra/" + id + "/versions/" + plan.version()))
                .eTag(etag(plan.latestVersion())).body(plan);
    }

    @GetMapping("/api/v1/renstra/{id}/versions/{version}/indicators/{indicatorId}/capaian")
    @Operation(summary = "Capaian satu indikator untuk realisasi yang diberikan, terhadap target tahunnya",
            description = "Tinggi lebih baik: R/T x 100; rendah lebih baik: (2T - R)/T x 100; rentang: 100 di dalam"
                    + " rentang. Target 0 tidak menghasilkan rasio (hasRatio=false). Batas (batas) ditampilkan di"
                    + " samping nilai mentah, tidak menggantikannya. Pembulatan half-up 2 desimal.")
    public IndicatorCapaian.Result capaian(@PathVariable UUID id, @PathVariable int version,
                                           @PathVariable UUID indicatorId, @RequestParam int tahun,
                                           @RequestParam BigDecimal realisasi,
                                           @Parameter(description = "Batas capaian (%) untuk pelaporan, mis. 100")
                                           @RequestParam(required = false) BigDecimal batas) {
        return capaian.of(scope(), id, version, indicatorId, tahun, realisasi, batas);
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }

    private static String etag(int version) {
        return IfMatch.etag(version);
    }

    /** The version an If-Match names ({@code "3"} or {@code W/"3"}); anything else cannot match the newest. */
    private static int basedOn(String ifMatch) {
        return IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag versi terbaru"
                + " Renstra yang Anda baca, agar revisi orang lain tidak tertimpa.",
                () -> PerformanceProblems.PLAN_STALE.refuse("If-Match tidak berisi ETag versi Renstra ini. Muat ulang"
                        + " versi terbaru, lalu ulangi revisi Anda."));
    }
}
