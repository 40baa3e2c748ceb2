package org.kesra.welfare.ppks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.ppks.PsksRegister;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "PSKS", description = "Potensi dan Sumber Kesejahteraan Sosial: perorangan dan lembaga per kelurahan")
public class PsksController {

    private final PsksRegister register;

    public PsksController(PsksRegister register) {
        this.register = register;
    }

    @PostMapping("/api/v1/psks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat PSKS (orang dengan NIK, atau lembaga)")
    public PsksRegister.Entry register(@RequestBody PsksRegister.NewEntry request) {
        return register.register(request, WelfareAccess.enroller().name());
    }

    @GetMapping("/api/v1/psks")
    @ReadsFullNik
    @Operation(summary = "Daftar PSKS (halaman), menurut kategori, kelurahan, status")
    public PageResponse<PsksRegister.Entry> list(@RequestParam(name = "kategori", required = false) String category,
                                                 @RequestParam(required = false) String kelurahan,
                                                 @RequestParam(required = false) String status,
                                                 @Paging.PageSize(value = 20, max = 200) Paging paging) {
        Caller caller = WelfareAccess.reader();
        return register.list(category, kelurahan, status, paging.page(), paging.size())
                .map(e -> PpksAnswers.shown(e, caller));
    }

    @GetMapping("/api/v1/psks/categories")
    @Operation(summary = "12 kategori PSKS (Permensos 8/2012) yang dapat disebut sebuah entri, menurut urutannya")
    public java.util.List<PsksRegister.Category> categories() {
        WelfareAccess.reader();
        return register.categories();
    }

    @PostMapping("/api/v1/psks/{id}/deactivation")
    @Operation(summary = "Nonaktifkan PSKS dengan alasan")
    public PsksRegister.Entry deactivate(@PathVariable UUID id, @RequestBody PsksRegister.Deactivation request) {
        return register.deactivate(id, request, WelfareAccess.enroller().name());
    }
}
