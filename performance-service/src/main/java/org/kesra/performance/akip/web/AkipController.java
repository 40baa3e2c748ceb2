package org.kesra.performance.akip.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.akip.AkipEvaluations;
import org.kesra.performance.akip.AkipViews;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The unit's AKIP evaluation score per year and its predicate (AA..D). */
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
            + " tetap tercatat dalam riwayat")
    public AkipViews.EvaluationView record(@PathVariable String unit, @PathVariable String year,
                                           @RequestBody AkipViews.Evaluation request) {
        return evaluations.record(scope(), unit.strip(), year, request);
    }

    @GetMapping("/api/v1/performance/units/{unit}/akip-evaluations/{year}")
    @Operation(summary = "Nilai evaluasi AKIP satu tahun, predikat dan artinya, dengan riwayat perubahannya")
    public AkipViews.EvaluationView read(@PathVariable String unit, @PathVariable String year) {
        return evaluations.read(scope(), unit.strip(), year);
    }

    @GetMapping("/api/v1/performance/units/{unit}/akip-evaluations")
    @Operation(summary = "Evaluasi AKIP unit per tahun, tahun terbaru dahulu")
    public AkipViews.EvaluationList list(@PathVariable String unit) {
        return evaluations.list(scope(), unit.strip());
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }
}
