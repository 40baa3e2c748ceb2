package org.kesra.welfare.enrolment.web;

import org.kesra.welfare.enrolment.EnrolmentReviews;
import org.kesra.welfare.enrolment.Enrolments;
import org.kesra.welfare.enrolment.PkhComponents;
import org.kesra.welfare.WelfareProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.welfare.access.WelfareAccess;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
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
                                               @Parameter(deprecated = true, description = Cursor.PAGE_PARAMETER)
                                               @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
                                               @Parameter(description = Cursor.CURSOR_PARAMETER) @RequestParam(required = false) String cursor,
                                               @RequestParam(defaultValue = "20") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        reader.requireCovers(kelurahan);
        ListPage<Enrolments.Enrolment> found = cursor != null
                ? enrolments.list(reader, programme, kelurahan, status, cursor, size)
                : enrolments.list(reader, programme, kelurahan, status, page, size);
        return WelfareAccess.seesFullNik(reader.caller()) ? found : found.map(EnrolmentController::masked);
    }

    @GetMapping("/api/v1/enrolments/{id}")
    @ReadsFullNik
    @Operation(summary = "Satu kepesertaan")
    public Enrolments.Enrolment one(@PathVariable UUID id) {
        WelfareAccess.RegionalReader reader = WelfareAccess.regionalReader();
        // Outside the caller's region: not found, as if it did not exist.
        Enrolments.Enrolment found = enrolments.find(id, reader).orElseThrow(() -> WelfareProblems.ENROLMENT_NOT_FOUND.refuse("Kepesertaan " + id + " tidak ditemukan."));
        return WelfareAccess.seesFullNik(reader.caller()) ? found : masked(found);
    }

    @GetMapping("/api/v1/enrolments/{id}/pkh-components")
    @Operation(summary = "Komponen PKH keluarga pada suatu tanggal (bawaan: hari ini), dari anggota keluarga saat ini")
    public PkhComponents.Result pkhComponents(@PathVariable UUID id,
            @RequestParam(name = "tanggal", required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate date) {
        Caller caller = WelfareAccess.reader();
        PkhComponents.Result result = components.forEnrolment(id, date == null ? java.time.LocalDate.now() : date);
        // A component such as pregnancy or severe disability is health data about the member it names: planners and
        // auditors get the amounts and the person ids, not the names (docs/personal-data.md).
        return WelfareAccess.seesFullNik(caller) ? result : new PkhComponents.Result(result.enrolmentId(),
                result.householdId(), result.date(), result.components().stream()
                        .map(c -> new PkhComponents.Component(c.component(), c.personId(), null, c.age(),
                                c.rupiahPerTahap(), c.rupiahPerYear(), c.counted(), c.note()))
                        .toList(), result.counted(), result.familyCap(), result.rupiahPerTahap(), result.rupiahPerYear());
    }

    @GetMapping("/api/v1/enrolment-reviews")
    @ReadsFullNik
    @Operation(summary = "Peninjauan kepesertaan (anggota keluarga meninggal, pindah keluar kota, atau keluar dari KK), dengan nilai sebelum dan sesudah")
    public PageResponse<EnrolmentReviews.Review> reviews(@RequestParam(required = false) String status,
                                                         @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
                                                         @RequestParam(defaultValue = "20") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        Caller caller = WelfareAccess.reader();
        PageResponse<EnrolmentReviews.Review> found = reviews.list(status, page, size);
        return WelfareAccess.seesFullNik(caller) ? found : found.map(r -> r.withNiks(WelfareAccess::masked));
    }

    @PostMapping("/api/v1/enrolment-reviews/{id}/decision")
    @Operation(summary = "Putuskan peninjauan, dengan alasan: KONFIRMASI (kepesertaan berakhir bila endsOnConfirm, selain itu berlanjut dengan nilai sesudah) atau TOLAK")
    public EnrolmentReviews.Review decide(@PathVariable UUID id, @RequestBody EnrolmentReviews.DecisionRequest request) {
        return reviews.decide(id, request, WelfareAccess.verifier().name());
    }

    private static Enrolments.Enrolment masked(Enrolments.Enrolment e) {
        return new Enrolments.Enrolment(e.id(), e.programme(), WelfareAccess.masked(e.nik()), e.personId(),
                e.householdId(), e.kelurahanCode(), e.periodStart(), e.periodEnd(), e.status(), e.enrolledBy(),
                e.endReason());
    }

}
