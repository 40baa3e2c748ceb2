package org.kesra.welfare.cycles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.cycles.BenefitCycles;
import org.kesra.welfare.cycles.ExpansionRounds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Penyaluran", description = "Tahap/bulan penyaluran program: SP2D, realisasi dan alasan selisihnya")
public class CycleController {

    private final BenefitCycles cycles;
    private final ExpansionRounds expansions;

    public CycleController(BenefitCycles cycles, ExpansionRounds expansions) {
        this.cycles = cycles;
        this.expansions = expansions;
    }

    @GetMapping("/api/v1/programmes/{code}/expansions")
    @Operation(summary = "Perluasan, pemutakhiran dan validasi: calon (CKPM), eligible, non-eligible, dengan jumlah per tahun")
    public ExpansionRounds.Report expansions(@PathVariable String code) {
        WelfareAccess.reader();
        return expansions.report(code);
    }

    @GetMapping("/api/v1/programmes/{code}/cycles")
    @Operation(summary = "Laporan realisasi per tahap/bulan, dengan jumlah per tahun (bentuk Tabel 2.1 Renstra Dinas Sosial)")
    public BenefitCycles.CycleReport report(@PathVariable String code,
                                            @RequestParam(name = "tahun", required = false) Integer year) {
        WelfareAccess.reader();
        return cycles.report(code, year);
    }

    @PostMapping("/api/v1/programmes/{code}/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat satu tahap/bulan penyaluran: SP2D, realisasi, alasan selisih")
    public BenefitCycles.Cycle record(@PathVariable String code, @RequestBody BenefitCycles.NewCycle cycle) {
        return cycles.record(code, cycle, WelfareAccess.enroller().name());
    }
}
