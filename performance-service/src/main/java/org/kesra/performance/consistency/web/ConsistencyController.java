package org.kesra.performance.consistency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.consistency.ConsistencyChecks;
import org.kesra.performance.consistency.ConsistencyViews;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The consistency findings of one unit, as its page lists them. */
@RestController
@Tag(name = "Pemeriksaan Konsistensi", description = "Ketidaksesuaian angka antar-tabel Renstra, Perjanjian Kinerja"
        + " dan realisasi satu unit, masing-masing dengan kode tetap dan kedua tempat yang bertentangan")
public class ConsistencyController {

    private final ConsistencyChecks checks;

    public ConsistencyController(ConsistencyChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/api/v1/performance/units/{unit}/findings")
    @Operation(summary = "Temuan pemeriksaan konsistensi satu unit (semua tahun, atau satu tahun)")
    public ConsistencyViews.UnitFindings findings(@PathVariable String unit,
                                                  @RequestParam(name = "tahun", required = false) Integer year) {
        return checks.forUnit(UnitScope.of(Caller.current()), unit.strip(), year);
    }
}
