package org.kesra.household.registry.web;

import static org.kesra.household.registry.Versions.etag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonRecord;
import org.kesra.household.search.RegistrySearch;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.refusal.RefusalKind;
import org.kesra.platform.web.ProblemDetailsAdvice;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Persons (NIK): search, the full record, life events and corrections. */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Penduduk (NIK)", description = "Pencarian penduduk, koreksi data, kematian dan pindah keluar kota")
public class PersonController {

    private final HouseholdRegistry registry;
    private final RegistrySearch search;
    private final ChangeHistory history;
    private final PersonalDataAccessLog accessLog;

    public PersonController(HouseholdRegistry registry, RegistrySearch search, ChangeHistory history,
                            PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.registry = registry;
        this.search = search;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "Cari penduduk di wilayah Anda menurut NIK, nama (toleran ejaan), kelurahan, tanggal lahir."
            + " Bagi peran yang melihat NIK lengkap, header X-Purpose wajib dan setiap jawaban dicatat.",
            description = Cursor.PAGING)
    public ListPage<RegistrySearch.PersonSummary> search(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}",
                    message = "kode kelurahan berbentuk 18.72.05.1001") String kelurahan,
            @RequestParam(required = false) UUID household,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) @Pattern(regexp = "TANGGAL_LAHIR_TIDAK_SESUAI|JENIS_KELAMIN_TIDAK_SESUAI",
                    message = "flag TANGGAL_LAHIR_TIDAK_SESUAI atau JENIS_KELAMIN_TIDAK_SESUAI") String flag,
            @RequestParam(required = false) @Pattern(regexp = "HIDUP|MENINGGAL|PINDAH",
                    message = "status HIDUP, MENINGGAL atau PINDAH") String lifeStatus,
            @Parameter(deprecated = true, description = Cursor.PAGE_PARAMETER)
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @Parameter(description = Cursor.CURSOR_PARAMETER) @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        scope.requireVisibleKelurahan(kelurahan);
        scope.requireFullReaderFor("NIK", nik);
        scope.requireFullReaderFor("tanggal lahir", birthDate);
        // A full reader's answer carries full NIKs: declared purpose and a log entry, like a full-record read.
        String declared = scope.seesFullNik() ? PersonalDataAccessLog.requirePurpose(purpose) : null;
        RegistrySearch.PersonQuery query =
                new RegistrySearch.PersonQuery(nik, name, kelurahan, household, birthDate, flag, lifeStatus);
        ListPage<RegistrySearch.PersonSummary> found = cursor != null ? search.persons(scope, query, cursor, size)
                : search.persons(scope, query, page, size);
        if (scope.seesFullNik()) {
            List<String> shown = new ArrayList<>(found.items().stream().map(RegistrySearch.PersonSummary::nik).toList());
            if (nik != null) {
                shown.add(nik.trim());
            }
            accessLog.niksRead(household, shown, "GET /api/v1/persons", declared);
        }
        return found;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Data lengkap satu penduduk; ETag untuk perubahan berikutnya. Setiap pembacaan dicatat"
            + " (siapa, kapan, tujuan dari header X-Purpose yang wajib diisi).")
    public ResponseEntity<RegistryResponses.PersonView> get(@PathVariable UUID id,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        String declared = PersonalDataAccessLog.requirePurpose(purpose);
        PersonRecord person = readable(scope, id, "GET /api/v1/persons/{id}", declared);
        ResponseEntity<RegistryResponses.PersonView> response = respond(person, scope);
        accessLog.personRead(id, RegistryResponses.fullNiks(response.getBody()), "GET /api/v1/persons/{id}", declared);
        return response;
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Koreksi data penduduk dengan alasan; NIK yang tidak sesuai tanggal lahir ditandai, tidak ditolak")
    public ResponseEntity<RegistryResponses.PersonView> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody Map<String, Object> patch) {
        RegistryScope scope = HouseholdController.scope();
        return logged(respond(registry.correctPerson(scope, id, ifMatch, patch), scope), id,
                "PATCH /api/v1/persons/{id}", purpose);
    }

    @PostMapping("/{id}/death")
    @Operation(summary = "Catat kematian")
    public ResponseEntity<RegistryResponses.PersonView> death(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody HouseholdRegistry.Death request) {
        RegistryScope scope = HouseholdController.scope();
        return logged(respond(registry.recordDeath(scope, id, ifMatch, request), scope), id,
                "POST /api/v1/persons/{id}/death", purpose);
    }

    @PostMapping("/{id}/move-away")
    @Operation(summary = "Catat pindah ke luar kota")
    public ResponseEntity<RegistryResponses.PersonView> moveAway(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody HouseholdRegistry.MoveAway request) {
        RegistryScope scope = HouseholdController.scope();
        return logged(respond(registry.recordMoveAway(scope, id, ifMatch, request), scope), id,
                "POST /api/v1/persons/{id}/move-away", purpose);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Riwayat perubahan data penduduk; header X-Purpose wajib, setiap pembacaan dicatat")
    public PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        String declared = PersonalDataAccessLog.requirePurpose(purpose);
        PersonRecord person = readable(scope, id, "GET /api/v1/persons/{id}/history", declared);
        PageResponse<ChangeHistory.Entry> entries = history.of(ChangeHistory.Entity.PERSON, id, page, size, scope);
        List<String> shown = new ArrayList<>();
        if (scope.seesFullNik()) {
            shown.add(person.data().nik());
            shown.addAll(ChangeHistory.niks(entries.items()));
        }
        accessLog.personRead(id, shown, "GET /api/v1/persons/{id}/history", declared);
        return entries;
    }

    /** The person, or the refusal (403 outside the caller's rights, 404 unknown or outside the region), logged. */
    private PersonRecord readable(RegistryScope scope, UUID id, String endpoint, String purpose) {
        try {
            return registry.person(scope, id);
        } catch (Refusal refused) {
            if (refused.kind() == RefusalKind.FORBIDDEN || refused.kind() == RefusalKind.NOT_FOUND) {
                accessLog.personRefused(id, ProblemDetailsAdvice.STATUS.get(refused.kind()).value(), endpoint, purpose);
            }
            throw refused;
        }
    }

    /** A write's answer carries the person's full NIK: logged too (the purpose is the write; X-Purpose optional). */
    private ResponseEntity<RegistryResponses.PersonView> logged(ResponseEntity<RegistryResponses.PersonView> response,
                                                               UUID id, String endpoint, String purpose) {
        accessLog.personRead(id, RegistryResponses.fullNiks(response.getBody()), endpoint, purpose);
        return response;
    }

    private static ResponseEntity<RegistryResponses.PersonView> respond(PersonRecord person, RegistryScope scope) {
        return ResponseEntity.ok().eTag(etag(person.version())).body(RegistryResponses.person(person, scope));
    }
}
