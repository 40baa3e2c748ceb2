package org.kesra.performance.yearonyear.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.yearonyear.YearOnYear;
import org.kesra.performance.yearonyear.YearOnYearViews;
import org.kesra.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A unit's capaian of a year beside the year before (LAKIP Tabel 3.2). */
@RestController
@Tag(name = "Perbandingan Tahunan", description = "Capaian indikator Perjanjian Kinerja satu tahun dibanding tahun"
        + " sebelumnya")
public class YearOnYearController {

    private final YearOnYear yearOnYear;

    public YearOnYearController(YearOnYear yearOnYear) {
        this.yearOnYear = yearOnYear;
    }

    @GetMapping("/api/v1/performance/units/{unit}/year-on-year")
    @Operation(summary = "Capaian tiap butir PK yang disepakati tahun itu dibanding indikator yang sama tahun"
            + " sebelumnya, dengan perubahan dalam poin persen")
    public YearOnYearViews.UnitYearOnYear compare(@PathVariable String unit,
                                                  @RequestParam(name = "tahun", required = false) String year) {
        return yearOnYear.compare(UnitScope.of(Caller.current()), unit.strip(), year);
    }
}
