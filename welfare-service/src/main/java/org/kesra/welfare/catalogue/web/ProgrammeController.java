package org.kesra.welfare.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.catalogue.ProgrammeExclusions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Katalog program", description = "Program bantuan sosial, nilai bantuan dan aturannya menurut tanggal berlaku")
public class ProgrammeController {

    private final ProgrammeCatalogue catalogue;
    private final ProgrammeExclusions exclusions;

    public ProgrammeController(ProgrammeCatalogue catalogue, ProgrammeExclusions exclusions) {
        this.catalogue = catalogue;
        this.exclusions = exclusions;
    }

    @GetMapping
    @Operation(summary = "Daftar program")
    public List<ProgrammeCatalogue.Programme> programmes() {
        WelfareAccess.programmeListReader();
        return catalogue.programmes();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Program dengan nilai bantuan dan aturan yang berlaku pada suatu tanggal (bawaan: hari ini)")
    public ProgrammeCatalogue.ProgrammeInForce programme(@PathVariable String code,
            @RequestParam(name = "berlakuPada", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date) {
        WelfareAccess.reader();
        LocalDate on = date == null ? LocalDate.now() : date;
        return catalogue.inForce(code, on).withExcludedProgrammes(exclusions.inForce(code, on));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat program baru dalam katalog (mis. program nasional yang dimulai kemudian)")
    public ProgrammeCatalogue.Programme addProgramme(@RequestBody ProgrammeCatalogue.NewProgramme programme) {
        WelfareAccess.catalogueEditor();
        return catalogue.addProgramme(programme);
    }

    @GetMapping("/{code}/exclusions")
    @Operation(summary = "Riwayat aturan pengecualian: program yang penerimanya tidak boleh menerima program ini")
    public List<ProgrammeExclusions.Exclusion> exclusions(@PathVariable String code) {
        WelfareAccess.reader();
        return exclusions.history(code);
    }

    @PostMapping("/{code}/exclusions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat versi baru aturan pengecualian (berlaku mulai tanggal tertentu; excluded=false mencabutnya)")
    public ProgrammeExclusions.Exclusion addExclusion(@PathVariable String code,
                                                     @RequestBody ProgrammeExclusions.NewExclusion exclusion) {
        return exclusions.add(code, exclusion, WelfareAccess.catalogueEditor().name());
    }

    @GetMapping("/{code}/amounts")
    @Operation(summary = "Riwayat seluruh versi nilai bantuan sebuah program")
    public List<ProgrammeCatalogue.Amount> amounts(@PathVariable String code) {
        WelfareAccess.reader();
        return catalogue.amountHistory(code);
    }

    @PostMapping("/{code}/amounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat versi baru nilai bantuan (berlaku mulai tanggal tertentu; versi lama tetap)")
    public ProgrammeCatalogue.Amount addAmount(@PathVariable String code,
                                               @RequestBody ProgrammeCatalogue.NewAmount amount) {
        return catalogue.addAmount(code, amount, WelfareAccess.catalogueEditor().name());
    }
}
