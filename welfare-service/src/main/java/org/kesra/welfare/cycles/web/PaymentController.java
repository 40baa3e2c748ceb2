package org.kesra.welfare.cycles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.sheets.SpooledUpload;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.cycles.BenefitPayments;
import org.kesra.welfare.uploads.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Penyaluran")
public class PaymentController {

    private final BenefitPayments payments;

    public PaymentController(BenefitPayments payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/programmes/{code}/cycles/{year}/{label}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat pembayaran per KPM satu tahap/bulan (daftar penyaluran bank): dibayar dengan nominal, "
            + "atau tidak dibayar dengan alasan; disimpan utuh atau tidak sama sekali")
    public BenefitPayments.Recorded recordPayments(@PathVariable String code, @PathVariable int year,
                                                   @PathVariable String label,
                                                   @RequestBody BenefitPayments.PaymentList list) {
        return payments.record(code, year, label, list, WelfareAccess.enroller().name());
    }

    @PostMapping(path = "/api/v1/programmes/{code}/cycles/{year}/{label}/payments",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Catat pembayaran per KPM dari berkas bank (CSV atau XLSX: nik, status, rupiah, alasan, "
            + "catatan); kesalahan disebut per baris dan kolom; disimpan utuh atau tidak sama sekali")
    public BenefitPayments.Recorded recordPaymentFile(@PathVariable String code, @PathVariable int year,
                                                      @PathVariable String label,
                                                      @RequestPart("file") MultipartFile file) throws IOException {
        String actor = WelfareAccess.enroller().name();
        try (SpooledUpload spooled = Uploads.spool(file, "pembayaran-")) {
            return payments.recordFile(code, year, label, file.getOriginalFilename(), spooled.file(), actor);
        }
    }

    @GetMapping("/api/v1/programmes/{code}/cycles/{year}/{label}/payments")
    @ReadsFullNik
    @Operation(summary = "Pembayaran per KPM satu tahap/bulan (halaman), menurut kelurahan dan status")
    public PageResponse<BenefitPayments.Payment> payments(@PathVariable String code, @PathVariable int year,
            @PathVariable String label, @RequestParam(required = false) String kelurahan,
            @RequestParam(required = false) String status,
            @Paging.PageSize(value = 50, max = 500) Paging paging) {
        Caller caller = WelfareAccess.reader();
        return payments.list(code, year, label, kelurahan, status, paging.page(), paging.size())
                .map(p -> PaymentAnswers.shown(p, caller));
    }

    @GetMapping("/api/v1/programmes/{code}/cycles/{year}/{label}/payments/summary")
    @Operation(summary = "Jumlah pembayaran per kelurahan satu tahap/bulan, dibandingkan dengan SP2D dan realisasi")
    public BenefitPayments.Summary paymentSummary(@PathVariable String code, @PathVariable int year,
                                                  @PathVariable String label) {
        WelfareAccess.reader();
        return payments.summary(code, year, label);
    }
}
