package org.kesra.welfare.cycles.web;

import org.kesra.welfare.cycles.BenefitCycles;
import org.kesra.welfare.cycles.BenefitPayments;
import org.kesra.welfare.cycles.ExpansionRounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.sheets.SpooledUpload;
import org.kesra.welfare.access.WelfareAccess;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
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
@Tag(name = "Penyaluran", description = "Tahap/bulan penyaluran program: SP2D, realisasi dan alasan selisihnya")
public class CycleController {

    private final BenefitCycles cycles;
    private final ExpansionRounds expansions;
    private final BenefitPayments payments;

    public CycleController(BenefitCycles cycles, ExpansionRounds expansions, BenefitPayments payments) {
        this.cycles = cycles;
        this.expansions = expansions;
        this.payments = payments;
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
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 500, message = "ukuran halaman maksimal 500") int size) {
        Caller caller = WelfareAccess.reader();
        PageResponse<BenefitPayments.Payment> found = payments.list(code, year, label, kelurahan, status, page, size);
        return WelfareAccess.seesFullNik(caller) ? found : found.map(p -> new BenefitPayments.Payment(p.enrolmentId(),
                WelfareAccess.masked(p.nik()), p.kelurahanCode(), p.status(), p.rupiah(), p.reason(), p.note(),
                p.recordedBy()));
    }

    @GetMapping("/api/v1/programmes/{code}/cycles/{year}/{label}/payments/summary")
    @Operation(summary = "Jumlah pembayaran per kelurahan satu tahap/bulan, dibandingkan dengan SP2D dan realisasi")
    public BenefitPayments.Summary paymentSummary(@PathVariable String code, @PathVariable int year,
                                                  @PathVariable String label) {
        WelfareAccess.reader();
        return payments.summary(code, year, label);
    }
}
