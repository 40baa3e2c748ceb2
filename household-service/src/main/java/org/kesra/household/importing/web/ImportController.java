package org.kesra.household.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.importing.DuplicateReviews;
import org.kesra.household.importing.HouseholdImports;
import org.kesra.household.importing.ImportJobs;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import of the cadres' spreadsheets: start and follow an import; the queue of likely duplicates it found. */
@RestController
@RequestMapping("/api/v1/household-imports")
@Tag(name = "Impor data rumah tangga", description = "Impor CSV/XLSX dari kader, profil pemetaan kolom, dugaan data ganda")
public class ImportController {

    public record DecisionRequest(DuplicateReviews.Decision decision, String reason) {
    }

    private final HouseholdImports imports;
    private final DuplicateReviews reviews;
    private final PersonalDataAccessLog accessLog;

    public ImportController(HouseholdImports imports, DuplicateReviews reviews, PersonalDataAccessLog accessLog) {
        this.imports = imports;
        this.reviews = reviews;
        this.accessLog = accessLog;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Mulai impor berkas CSV/XLSX (satu baris per orang); berkas yang sama dua kali tidak membuat"
            + " data baru")
    public ResponseEntity<ImportJobs.Job> start(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String profile, @RequestParam(required = false) String mode,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, RegistryScope scope) {
        HouseholdImports.Started started = imports.start(scope, file == null ? null
                : new HouseholdImports.Upload(file.getOriginalFilename(), file.isEmpty(), file::getInputStream),
                profile, mode, key);
        URI location = URI.create("/api/v1/household-imports/" + started.job().id());
        return (started.created() ? ResponseEntity.accepted() : ResponseEntity.ok()).location(location)
                .body(started.job());
    }

    @GetMapping
    @Operation(summary = "Daftar impor di wilayah Anda, terbaru dulu")
    public PageResponse<ImportJobs.Job> list(@Paging.PageSize(value = 20, max = 200) Paging paging, RegistryScope scope) {
        return imports.list(scope, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status dan kemajuan impor")
    public ImportJobs.Job get(@PathVariable UUID id, RegistryScope scope) {
        return imports.find(scope, id);
    }

    @GetMapping("/reviews")
    @Operation(summary = "Dugaan data ganda (nama, tanggal lahir dan kelurahan sama, NIK berbeda); bagi peran yang"
            + " melihat NIK lengkap, header X-Purpose wajib dan setiap jawaban dicatat")
    public PageResponse<DuplicateReviews.Review> reviews(@RequestParam(required = false) @Pattern(
            regexp = "TERBUKA|ORANG_SAMA|ORANG_BERBEDA", message = "status TERBUKA, ORANG_SAMA atau ORANG_BERBEDA")
            String status, @RequestParam(required = false) UUID importId,
            @Paging.PageSize(value = 50, max = 500) Paging paging, RegistryScope scope, AccessRequest access) {
        String purpose = access.purposeRequiredFor(scope);
        PageResponse<DuplicateReviews.Review> found = reviews.list(scope, status, importId, paging.page(),
                paging.size());
        if (scope.seesFullNik()) {
            accessLog.niksRead(null, found.items().stream().flatMap(r -> Stream.of(r.nik(), r.otherNik()))
                    .filter(Objects::nonNull).toList(), access.endpoint(), purpose);
        }
        return found.map(r -> shown(r, scope));
    }

    @PostMapping("/reviews/{id}/decision")
    @Operation(summary = "Putuskan dugaan data ganda: ORANG_SAMA atau ORANG_BERBEDA, dengan alasan")
    public DuplicateReviews.Review decide(@PathVariable UUID id, @RequestBody DecisionRequest request,
                                          RegistryScope scope) {
        return shown(reviews.decide(scope, id, request.decision(), request.reason()), scope);
    }

    /** A queued pair as the caller may read it: both NIKs masked for a masked reader. */
    private static DuplicateReviews.Review shown(DuplicateReviews.Review r, RegistryScope scope) {
        return new DuplicateReviews.Review(r.id(), r.importId(), r.rowNumber(), scope.nik(r.nik()), r.name(),
                r.birthDate(), r.kelurahanCode(), scope.nik(r.otherNik()), r.otherPersonId(), r.otherRowNumber(),
                r.status(), r.decidedBy(), r.decidedAt(), r.decisionReason());
    }
}
