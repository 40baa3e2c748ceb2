package org.kesra.performance.akip.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.akip.AkipEvaluations;
import org.kesra.performance.akip.AkipViews;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.IfMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit's AKIP evaluation score per year and its predicate (AA..D). The ETag of a year's evaluation is its version;
 * a replacement names it in If-Match (the first recording of a year sends none), so two auditors saving at once do
 * not overwrite each other unseen.
 */
@RestController
@Tag(name = "Evaluasi AKIP", description = "Nilai evaluasi AKIP unit kerja dari evaluator (Inspektorat) dan"
        + " predikatnya menurut PermenPANRB 88/2021")
public class AkipController {

    private final AkipEvaluations evaluations;

    public AkipController(AkipEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PutMapping("/api/v1/performance/units/{unit}/akip-evaluations/{year}")
    @Operation(summary = "Catat atau ganti nilai evaluasi AKIP satu tahun (auditor, platform-admin); nilai sebelumnya"
            + " tetap tercatat dalam riwayat",
            description = "Pencatatan pertama suatu tahun tanpa If-Match; penggantian wajib menyertakan If-Match berisi"
                    + " ETag evaluasi yang Anda baca (428 bila tidak ada, 412 bila evaluasi telah diubah orang lain).")
    public ResponseEntity<AkipViews.EvaluationView> record(@PathVariable String unit, @PathVariable String year,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AkipViews.Evaluation request) {
        AkipViews.EvaluationView view = evaluations.record(scope(), unit.strip(), year, basedOn(ifMatch), request);
        return ResponseEntity.ok().eTag(IfMatch.etag(view.etag())).body(view);
    }

    @GetMapping("/api/v1/performance/units/{unit}/akip-evaluations/{year}")
    @Operation(summary = "Nilai evaluasi AKIP satu tahun, predikat dan artinya, dengan riwayat perubahannya; ETag untuk"
            + " If-Match")
    public ResponseEntity<AkipViews.EvaluationView> read(@PathVariable String unit, @PathVariable String year) {
        AkipViews.EvaluationView view = evaluations.read(scope(), unit.strip(), year);
        return ResponseEntity.ok().eTag(IfMatch.etag(view.etag())).body(view);
    }

    @GetMapping("/api/v1/performance/units/{unit}/akip-evaluations")
    @Operation(summary = "Evaluasi AKIP unit per tahun, tahun terbaru dahulu")
    public AkipViews.EvaluationList list(@PathVariable String unit) {
        return evaluations.list(scope(), unit.strip());
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }

    /**
     * The version If-Match names, or null when it is absent: whether it is required depends on whether the year has an
     * evaluation, which the use case knows (it answers 428 then).
     */
    private static Integer basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        return IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag evaluasi AKIP yang Anda baca.",
                () -> PerformanceProblems.AKIP_EVALUATION_STALE.refuse("If-Match tidak berisi ETag evaluasi AKIP ini."
                        + " Muat ulang, lalu ulangi."));
    }
}
