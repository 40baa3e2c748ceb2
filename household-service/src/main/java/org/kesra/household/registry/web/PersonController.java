package org.kesra.household.registry.web;

import static org.kesra.household.registry.RegistryProblems.etag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonRecord;
import org.kesra.household.search.RegistrySearch;
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
    @Operation(summary = "Cari penduduk di wilayah Anda menurut NIK, nama (toleran ejaan), kelurahan, tanggal lahir",
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
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        RegistrySearch.PersonQuery query =
                new RegistrySearch.PersonQuery(nik, name, kelurahan, household, birthDate, flag, lifeStatus);
        return cursor != null ? search.persons(HouseholdController.scope(), query, cursor, size)
                : search.persons(HouseholdController.scope(), query, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Data lengkap satu penduduk; ETag untuk perubahan berikutnya. Setiap pembacaan dicatat"
            + " (siapa, kapan, tujuan dari header X-Purpose).")
    public ResponseEntity<RegistryResponses.PersonResponse> get(@PathVariable UUID id,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        ResponseEntity<RegistryResponses.PersonResponse> response = respond(registry.person(scope, id), scope);
        accessLog.personRead(id, "GET /api/v1/persons/{id}", purpose);
        return response;
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Koreksi data penduduk dengan alasan; NIK yang tidak sesuai tanggal lahir ditandai, tidak ditolak")
    public ResponseEntity<RegistryResponses.PersonResponse> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Map<String, Object> patch) {
        RegistryScope scope = HouseholdController.scope();
        return respond(registry.correctPerson(scope, id, ifMatch, patch), scope);
    }

    @PostMapping("/{id}/death")
    @Operation(summary = "Catat kematian")
    public ResponseEntity<RegistryResponses.PersonResponse> death(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdRegistry.Death request) {
        RegistryScope scope = HouseholdController.scope();
        return respond(registry.recordDeath(scope, id, ifMatch, request), scope);
    }

    @PostMapping("/{id}/move-away")
    @Operation(summary = "Catat pindah ke luar kota")
    public ResponseEntity<RegistryResponses.PersonResponse> moveAway(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdRegistry.MoveAway request) {
        RegistryScope scope = HouseholdController.scope();
        return respond(registry.recordMoveAway(scope, id, ifMatch, request), scope);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Riwayat perubahan data penduduk")
    public PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        RegistryScope scope = HouseholdController.scope();
        registry.person(scope, id);
        return history.of(ChangeHistory.Entity.PERSON, id, page, size, scope::nik);
    }

    private static ResponseEntity<RegistryResponses.PersonResponse> respond(PersonRecord person, RegistryScope scope) {
        return ResponseEntity.ok().eTag(etag(person.version())).body(RegistryResponses.person(person, scope));
    }
}
