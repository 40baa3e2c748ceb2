package org.kesra.welfare.ppks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.Paging;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.ppks.PpksRegister;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "PPKS", description = "Register Pemerlu Pelayanan Kesejahteraan Sosial, pelayanan dan penutupannya")
public class PpksController {

    private final PpksRegister register;

    public PpksController(PpksRegister register) {
        this.register = register;
    }

    @PostMapping("/api/v1/ppks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat PPKS (satu orang, satu atau lebih kategori)")
    public PpksRegister.Case register(@RequestBody PpksRegister.NewCase request) {
        return register.register(request, WelfareAccess.enroller().name());
    }

    @GetMapping("/api/v1/ppks")
    @ReadsFullNik
    @Operation(summary = "Daftar PPKS (halaman), menurut kelurahan, status, kategori; staf kecamatan/kelurahan hanya wilayahnya",
            description = Cursor.PAGING)
    public ListPage<PpksRegister.Case> list(@RequestParam(required = false) String kelurahan,
                                            @RequestParam(required = false) String status,
                                            @RequestParam(name = "kategori", required = false) String category,
                                            @Paging.PageSize(value = 20, max = 200) Paging paging) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        reader.requireCovers(kelurahan);
        ListPage<PpksRegister.Case> found = paging.byCursor()
                ? register.list(reader, kelurahan, status, category, paging.cursor(), paging.size())
                : register.list(reader, kelurahan, status, category, paging.page(), paging.size());
        return found.map(c -> PpksAnswers.shown(c, reader.caller()));
    }

    @GetMapping("/api/v1/ppks/categories")
    @Operation(summary = "26 kategori PPKS (Permensos 8/2012) yang dapat disebut sebuah kasus, menurut urutannya")
    public java.util.List<PpksRegister.Category> categories() {
        WelfareAccess.regionalReader();
        return register.categories();
    }

    @GetMapping("/api/v1/ppks/{id}")
    @ReadsFullNik
    @Operation(summary = "Satu kasus PPKS dengan pelayanannya")
    public PpksRegister.Case one(@PathVariable UUID id) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        // A case outside the caller's region is "not found", as if it did not exist: its existence is not told.
        return PpksAnswers.shown(register.find(id, reader).orElseThrow(() ->
                WelfareProblems.PPKS_NOT_FOUND.refuse("Kasus PPKS " + id + " tidak ditemukan.")), reader.caller());
    }

    @PostMapping("/api/v1/ppks/{id}/services")
    @Operation(summary = "Catat pelayanan yang diberikan (kasus menjadi DITANGANI)")
    public PpksRegister.Case serve(@PathVariable UUID id, @RequestBody PpksRegister.NewService request) {
        return register.serve(id, request, WelfareAccess.enroller().name());
    }

    @PostMapping("/api/v1/ppks/{id}/closing")
    @Operation(summary = "Tutup kasus dengan alasan")
    public PpksRegister.Case close(@PathVariable UUID id, @RequestBody PpksRegister.Closing request) {
        return register.close(id, request, WelfareAccess.enroller().name());
    }

    @GetMapping("/api/v1/ppks/indicators")
    @Operation(summary = "IKU Persentase PPKS yang ditangani per kelurahan untuk suatu periode")
    public PpksRegister.IndicatorReport indicators(
            @RequestParam("dari") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam("sampai") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        WelfareAccess.reader();
        return register.indicators(from, to);
    }
}
