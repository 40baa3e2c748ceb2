package org.kesra.household.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.search.RegistrySearch;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
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

/** Households (KK): register, search (GET, or POST with the terms in the body), read, correct, relocate, history. Changes need If-Match with the last ETag. */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Rumah tangga (KK)", description = "Daftar rumah tangga dan anggotanya")
public class HouseholdController {

    private final HouseholdRegistry registry;
    private final RegistrySearch search;
    private final ChangeHistory history;
    private final RegistryAnswers answers;

    public HouseholdController(HouseholdRegistry registry, RegistrySearch search, ChangeHistory history,
                               RegistryAnswers answers) {
        this.registry = registry;
        this.search = search;
        this.history = history;
        this.answers = answers;
    }

    @PostMapping
    @Operation(summary = "Daftarkan rumah tangga baru beserta anggotanya")
    public ResponseEntity<RegistryResponses.HouseholdView> register(@RequestBody RegisterHouseholdRequest request,
                                                                    RegistryScope scope, AccessRequest access) {
        return answers.created(registry.register(scope, request.household(), request.members()), scope, access);
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
            @Paging.PageSize(value = 50, max = 200) Paging paging, RegistryScope scope) {
        return households(new RegistrySearch.HouseholdQuery(kk, kelurahan, rw, rt, status), paging, scope);
    }

    @PostMapping("/search")
    @Operation(summary = "Cari rumah tangga seperti GET /api/v1/households, tetapi nomor KK dan kursor di badan JSON,"
            + " agar tidak tercatat di log akses gateway dan layanan", description = Cursor.PAGING)
    public ListPage<RegistrySearch.HouseholdSummary> searchByBody(
            @Valid @RequestBody SearchRequests.HouseholdSearch request, RegistryScope scope) {
        return households(new RegistrySearch.HouseholdQuery(request.kk(), request.kelurahan(), request.rw(),
                request.rt(), request.status()), request.paging(), scope);
    }

    private ListPage<RegistrySearch.HouseholdSummary> households(RegistrySearch.HouseholdQuery query, Paging paging,
                                                                 RegistryScope scope) {
        scope.requireVisibleKelurahan(query.kelurahanCode());
        scope.requireFullReaderFor("nomor KK", query.kkNumber());
        return search.households(scope, query, paging).map(h -> RegistryResponses.household(h, scope));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Satu rumah tangga dengan anggotanya; ETag untuk perubahan berikutnya. Header X-Purpose wajib;"
            + " setiap pembacaan dicatat.")
    public ResponseEntity<RegistryResponses.HouseholdView> get(@PathVariable UUID id, RegistryScope scope,
                                                               AccessRequest access) {
        String purpose = access.requiredPurpose();
        return answers.household(id, registry.household(scope, id), scope, access, purpose);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Koreksi data rumah tangga (alamat, data sosial-ekonomi, ...) dengan alasan")
    public ResponseEntity<RegistryResponses.HouseholdView> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdPatchRequest patch, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.correctHousehold(scope, id, ifMatch, patch.command()), scope, access,
                access.purpose());
    }

    @PostMapping("/{id}/relocation")
    @Operation(summary = "Pindah alamat rumah tangga di dalam kota")
    public ResponseEntity<RegistryResponses.HouseholdView> relocate(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdRegistry.Relocation request, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.relocate(scope, id, ifMatch, request), scope, access, access.purpose());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Riwayat perubahan: siapa, kapan, sebelum dan sesudah, alasan; header X-Purpose wajib, dicatat")
    public PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id,
            @Paging.PageSize(value = 50, max = 200) Paging paging, RegistryScope scope, AccessRequest access) {
        String purpose = access.requiredPurpose();
        registry.household(scope, id);
        return answers.householdHistory(id, history.of(ChangeHistory.Entity.HOUSEHOLD, id, paging.page(),
                paging.size(), scope), scope, access, purpose);
    }
}
