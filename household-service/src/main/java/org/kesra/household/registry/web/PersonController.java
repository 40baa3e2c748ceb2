package org.kesra.household.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonRecord;
import org.kesra.household.search.RegistrySearch;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Persons (NIK): search (GET, or POST with the terms in the body), the full record and its history (changes: {@link PersonChangeController}). */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Penduduk (NIK)", description = "Pencarian penduduk, koreksi data, kematian dan pindah keluar kota")
public class PersonController {

    private final HouseholdRegistry registry;
    private final RegistrySearch search;
    private final ChangeHistory history;
    private final RegistryAnswers answers;

    public PersonController(HouseholdRegistry registry, RegistrySearch search, ChangeHistory history,
                            RegistryAnswers answers) {
        this.registry = registry;
        this.search = search;
        this.history = history;
        this.answers = answers;
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
            @Paging.PageSize(value = 50, max = 200) Paging paging, RegistryScope scope, AccessRequest access) {
        return persons(new RegistrySearch.PersonQuery(nik, name, kelurahan, household, birthDate, flag, lifeStatus),
                paging, scope, access);
    }

    @PostMapping("/search")
    @Operation(summary = "Cari penduduk seperti GET /api/v1/persons, tetapi NIK, nama dan kursor di badan JSON,"
            + " agar tidak tercatat di log akses gateway dan layanan. Bagi peran yang melihat NIK lengkap, header"
            + " X-Purpose wajib dan setiap jawaban dicatat.", description = Cursor.PAGING)
    public ListPage<RegistrySearch.PersonSummary> searchByBody(@Valid @RequestBody SearchRequests.PersonSearch request,
                                                               RegistryScope scope, AccessRequest access) {
        return persons(new RegistrySearch.PersonQuery(request.nik(), request.name(), request.kelurahan(),
                request.household(), request.birthDate(), request.flag(), request.lifeStatus()), request.paging(),
                scope, access);
    }

    private ListPage<RegistrySearch.PersonSummary> persons(RegistrySearch.PersonQuery query, Paging paging,
                                                           RegistryScope scope, AccessRequest access) {
        scope.requireVisibleKelurahan(query.kelurahanCode());
        scope.requireFullReaderFor("NIK", query.nik());
        scope.requireFullReaderFor("tanggal lahir", query.birthDate());
        String purpose = access.purposeRequiredFor(scope);
        ListPage<RegistrySearch.PersonSummary> found = search.persons(scope, query, paging);
        return answers.persons(found, query.nik(), query.householdId(), scope, access, purpose);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Data lengkap satu penduduk; ETag untuk perubahan berikutnya. Setiap pembacaan dicatat"
            + " (siapa, kapan, tujuan dari header X-Purpose yang wajib diisi).")
    public ResponseEntity<RegistryResponses.PersonView> get(@PathVariable UUID id, RegistryScope scope,
                                                            AccessRequest access) {
        String purpose = access.requiredPurpose();
        return answers.person(id, answers.readable(id, () -> registry.person(scope, id), access, purpose), scope,
                access, purpose);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Riwayat perubahan data penduduk; header X-Purpose wajib, setiap pembacaan dicatat")
    public PageResponse<ChangeHistory.Entry> history(@PathVariable UUID id,
            @Paging.PageSize(value = 50, max = 200) Paging paging, RegistryScope scope, AccessRequest access) {
        String purpose = access.requiredPurpose();
        PersonRecord person = answers.readable(id, () -> registry.person(scope, id), access, purpose);
        return answers.personHistory(person, history.of(ChangeHistory.Entity.PERSON, id, paging.page(), paging.size(),
                scope), scope, access, purpose);
    }
}
