package org.kesra.household.registry.web;

import static org.kesra.household.registry.Versions.etag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonInput;
import org.kesra.household.search.RegistrySearch;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
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

/** Households (KK) and their members. Changes need If-Match with the ETag last read. */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Rumah tangga (KK)", description = "Daftar rumah tangga dan anggotanya")
public class HouseholdController {

    private final HouseholdRegistry registry;
    private final RegistrySearch search;
    private final ChangeHistory history;
    private final PersonalDataAccessLog accessLog;

    public HouseholdController(HouseholdRegistry registry, RegistrySearch search, ChangeHistory history,
                            PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.registry = registry;
        this.search = search;
        this.history = history;
    }

    @PostMapping
    @Operation(summary = "Daftarkan rumah tangga baru beserta anggotanya")
    public ResponseEntity<RegistryResponses.HouseholdView> register(@RequestBody RegisterHouseholdRequest request,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = scope();
        HouseholdRegistry.Household created = registry.register(scope, request.household(), request.members());
        RegistryResponses.HouseholdView body = RegistryResponses.household(created, scope);
        accessLog.householdRead(created.household().id(), RegistryResponses.fullNiks(body), "POST /api/v1/households",
                purpose);
        return ResponseEntity.created(URI.create("/api/v1/households/" + created.household().id()))
                .eTag(etag(created.household().version())).body(body);
    }

    @GetMapping
    @Operation(summary = "Cari rumah tangga di wilayah Anda", description = Cursor.PAGING)
    public ListPage<RegistrySearch.HouseholdSummary> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{16}", message = "nomor KK harus 16 digit") String kk,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}",
                    message = "kode kelurahan berbentuk 18.72.05.1001") String kelurahan,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,3}", message = "RW berupa nomor") String rw,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,3}", message = "RT berupa nomor") String rt,
            @RequestParam(required = false) @Pattern(regexp = "AKTIF|BUBAR", message = "status AKTIF atau BUBAR") String status,
            @Parameter(deprecated = true, description = Cursor.PAGE_PARAMETER)
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @Parameter(description = Cursor.CURSOR_PARAMETER) @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        RegistryScope scope = scope();
        scope.requireFullReaderFor("nomor KK", kk);
        RegistrySearch.HouseholdQuery query = new RegistrySearch.HouseholdQuery(kk, kelurahan, rw, rt, status);
        return cursor != null ? search.households(scope, query, cursor, size)
                : search.households(scope, query, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Satu rumah tangga dengan anggotanya; ETag untuk perubahan berikutnya. Header X-Purpose wajib;"
            + " setiap pembacaan dicatat.")
    public ResponseEntity<RegistryResponses.HouseholdView> get(@PathVariable UUID id,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = scope();
        String declared = PersonalDataAccessLog.requirePurpose(purpose);
        ResponseEntity<RegistryResponses.HouseholdView> response = respond(registry.household(scope, id), scope);
        accessLog.householdRead(id, RegistryResponses.fullNiks(response.getBody()), "GET /api/v1/households/{id}",
                declared);
        return response;
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Koreksi data rumah tangga (alamat, data sosial-ekonomi, ...) dengan alasan")
    public ResponseEntity<RegistryResponses.HouseholdView> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody Map<String, Object> patch) {
        RegistryScope scope = scope();
        return logged(respond(registry.correctHousehold(scope, id, ifMatch, patch), scope), id,
                "PATCH /api/v1/households/{id}", purpose);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Tambah anggota keluarga (kelahiran, perkawinan, anggota yang belum tercatat)")
    public ResponseEntity<RegistryResponses.HouseholdView> addMember(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody AddMemberRequest request) {
        RegistryScope scope = scope();
        return logged(respond(registry.addMember(scope, id, ifMatch, request.person(), request.reason()), scope), id,
                "POST /api/v1/households/{id}/members", purpose);
    }

    @PostMapping("/{id}/members/{personId}/removal")
    @Operation(summary = "Keluarkan anggota dari KK tanpa memindahkannya (misalnya tercatat keliru)")
    public ResponseEntity<RegistryResponses.HouseholdView> removeMember(@PathVariable UUID id,
            @PathVariable UUID personId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody ReasonRequest request) {
        RegistryScope scope = scope();
        return logged(respond(registry.removeMember(scope, id, personId, ifMatch, request.reason()), scope), id,
                "POST /api/v1/households/{id}/members/{personId}/removal", purpose);
    }

    @PostMapping("/{id}/members/{personId}/move")
    @Operation(summary = "Pindahkan anggota ke KK lain, atau ke KK baru (pecah KK); If-Match milik KK asal")
    public ResponseEntity<RegistryResponses.HouseholdView> moveMember(@PathVariable UUID id,
            @PathVariable UUID personId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody HouseholdRegistry.MoveMember request) {
        RegistryScope scope = scope();
        return logged(respond(registry.moveMember(scope, id, personId, ifMatch, request), scope), id,
                "POST /api/v1/households/{id}/members/{personId}/move", purpose);
    }

    @PostMapping("/{id}/head")
    @Operation(summary = "Ganti kepala keluarga")
    public ResponseEntity<RegistryResponses.HouseholdView> changeHead(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody HouseholdRegistry.HeadChange request) {
        RegistryScope scope = scope();
        return logged(respond(registry.changeHead(scope, id, ifMatch, request), scope), id,
                "POST /api/v1/households/{id}/head", purpose);
    }

    @PostMapping("/{id}/relocation")
    @Operation(summary = "Pindah alamat rumah tangga di dalam kota")
    public ResponseEntity<RegistryResponses.HouseholdView> relocate(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
            @RequestBody HouseholdRegistry.Relocation request) {
        RegistryScope scope = scope();
        return logged(respond(registry.relocate(scope, id, ifMatch, request), scope), id,
                "POST /api/v1/households/{id}/relocation", purpose);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Riwayat perubahan: siapa, kapan, sebelum dan sesudah, alasan; header X-Purpose wajib, dicatat")
    public PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = scope();
        String declared = PersonalDataAccessLog.requirePurpose(purpose);
        registry.household(scope, id);
        PageResponse<ChangeHistory.Entry> entries = history.of(ChangeHistory.Entity.HOUSEHOLD, id, page, size, scope);
        accessLog.householdRead(id, scope.seesFullNik() ? ChangeHistory.niks(entries.items()) : List.of(),
                "GET /api/v1/households/{id}/history", declared);
        return entries;
    }

    /** A member to add, and why (kelahiran, perkawinan, ...). */
    public record AddMemberRequest(String nik, String name, String birthPlace, java.time.LocalDate birthDate,
                                   String sex, String relationship, String maritalStatus, String education,
                                   String occupation, String disability, Boolean severeDisability,
                                   String chronicIllness, Boolean pregnant, String reason) {

        PersonInput person() {
            return new PersonInput(nik, name, birthPlace, birthDate, sex, relationship, maritalStatus, education,
                    occupation, disability, severeDisability, chronicIllness, pregnant);
        }
    }

    public record ReasonRequest(String reason) {
    }

    public static RegistryScope scope() {
        return RegistryScope.of(Caller.current());
    }

    /** A write's answer carries the members' full NIKs: logged too (the purpose is the write; X-Purpose optional). */
    private ResponseEntity<RegistryResponses.HouseholdView> logged(
            ResponseEntity<RegistryResponses.HouseholdView> response, UUID id, String endpoint, String purpose) {
        accessLog.householdRead(id, RegistryResponses.fullNiks(response.getBody()), endpoint, purpose);
        return response;
    }

    private static ResponseEntity<RegistryResponses.HouseholdView> respond(HouseholdRegistry.Household household,
                                                                              RegistryScope scope) {
        return ResponseEntity.ok().eTag(etag(household.household().version()))
                .body(RegistryResponses.household(household, scope));
    }
}
