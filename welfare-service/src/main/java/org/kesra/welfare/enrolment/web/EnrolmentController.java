package org.kesra.welfare.enrolment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.enrolment.EnrolmentReviews;
import org.kesra.welfare.enrolment.Enrolments;
import org.kesra.welfare.enrolment.PkhComponents;
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
@Tag(name = "Kepesertaan", description = "Keluarga/orang penerima manfaat (KPM) per program dan periode, dan peninjauannya")
public class EnrolmentController {

    private final Enrolments enrolments;
    private final EnrolmentReviews reviews;
    private final PkhComponents components;

    public EnrolmentController(Enrolments enrolments, EnrolmentReviews reviews, PkhComponents components) {
        this.enrolments = enrolments;
        this.reviews = reviews;
        this.components = components;
    }

    @PostMapping("/api/v1/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Daftarkan penerima manfaat pada program untuk suatu periode")
    public Enrolments.Enrolment enrol(@RequestBody Enrolments.NewEnrolment request) {
        return enrolments.enrol(request, WelfareAccess.enroller().name());
    }

    @GetMapping("/api/v1/enrolments")
    @ReadsFullNik
    @Operation(summary = "Daftar kepesertaan (halaman), menurut program, kelurahan, status; staf kecamatan/kelurahan hanya wilayahnya",
            description = Cursor.PAGING)
    public ListPage<Enrolments.Enrolment> list(@RequestParam(required = false) String programme,
                                               @RequestParam(required = false) String kelurahan,
                                               @RequestParam(required = false) String status,
                                               @Paging.PageSize(value = 20, max = 200) Paging paging) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        reader.requireCovers(kelurahan);
        ListPage<Enrolments.Enrolment> found = paging.byCursor()
                ? enrolments.list(reader, programme, kelurahan, status, paging.cursor(), paging.size())
                : enrolments.list(reader, programme, kelurahan, status, paging.page(), paging.size());
        return found.map(e -> EnrolmentAnswers.shown(e, reader.caller()));
    }

    @GetMapping("/api/v1/enrolments/kpm")
    @Operation(summary = "Jumlah KPM per program pada suatu tanggal (bawaan: hari ini); staf kecamatan/kelurahan hanya wilayahnya",
            description = "Keluarga (atau orang, untuk program perorangan) yang periode kepesertaannya mencakup tanggal itu, "
                    + "dihitung sekali per program, seperti angka indikator yang diterbitkan; berapa di antaranya sedang ditinjau.")
    public Enrolments.KpmReport kpm(@RequestParam(name = "tanggal", required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return enrolments.kpm(WelfareAccess.regionalReader(), date == null ? LocalDate.now() : date);
    }

    @GetMapping("/api/v1/enrolments/{id}")
    @ReadsFullNik
    @Operation(summary = "Satu kepesertaan")
    public Enrolments.Enrolment one(@PathVariable UUID id) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        // Outside the caller's region: not found, as if it did not exist.
        return EnrolmentAnswers.shown(enrolments.find(id, reader).orElseThrow(() ->
                WelfareProblems.ENROLMENT_NOT_FOUND.refuse(
                        "Kepesertaan " + id + " tidak ditemukan.")), reader.caller());
    }

    @PostMapping("/api/v1/enrolments/{id}/ending")
    @Operation(summary = "Akhiri kepesertaan dengan alasan dan tanggal berakhirnya (tidak di masa depan)")
    public Enrolments.Enrolment end(@PathVariable UUID id, @RequestBody Enrolments.Ending request) {
        var caller = WelfareAccess.enroller();
        return EnrolmentAnswers.shown(enrolments.endByOperator(id, request, caller.name()), caller);
    }

    @GetMapping("/api/v1/enrolments/{id}/pkh-components")
    @Operation(summary = "Komponen PKH keluarga pada suatu tanggal (bawaan: hari ini), dari anggota keluarga saat ini")
    public PkhComponents.Result pkhComponents(@PathVariable UUID id, @RequestParam(name = "tanggal", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var caller = WelfareAccess.reader();
        return EnrolmentAnswers.shown(components.forEnrolment(id, date == null ? LocalDate.now() : date), caller);
    }

    @GetMapping("/api/v1/enrolment-reviews")
    @ReadsFullNik
    @Operation(summary = "Peninjauan kepesertaan (anggota keluarga meninggal, pindah keluar kota, atau keluar dari KK), dengan nilai sebelum dan sesudah")
    public PageResponse<EnrolmentReviews.Review> reviews(@RequestParam(required = false) String status,
                                                         @Paging.PageSize(value = 20, max = 200) Paging paging) {
        var caller = WelfareAccess.reader();
        return reviews.list(status, paging.page(), paging.size()).map(r -> EnrolmentAnswers.shown(r, caller));
    }

    @PostMapping("/api/v1/enrolment-reviews/{id}/decision")
    @Operation(summary = "Putuskan peninjauan, dengan alasan: KONFIRMASI (kepesertaan berakhir bila endsOnConfirm, selain itu berlanjut dengan nilai sesudah) atau TOLAK")
    public EnrolmentReviews.Review decide(@PathVariable UUID id, @RequestBody EnrolmentReviews.DecisionRequest request) {
        return reviews.decide(id, request, WelfareAccess.verifier().name());
    }
}
