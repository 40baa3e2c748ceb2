package org.kesra.household.accesslog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log, for auditors only (access table); there is no endpoint that changes it.
 *
 * <p>A NIK filter is taken only in the body of {@code POST /api/v1/personal-data-access/search}. The GET's {@code nik}
 * parameter was removed rather than kept as discouraged: the log is for auditors only (no agency scope reaches it),
 * its one caller outside the tests was the console, which now posts, and a parameter kept "for compatibility" would
 * go on writing NIKs into the gateway's and this service's request logs. A GET that still names {@code nik} is refused
 * with a problem naming the field, not answered unfiltered: an auditor must not read "all entries" as "this NIK's".
 */
@RestController
@Tag(name = "Catatan akses data pribadi")
public class PersonalDataAccessController {

    static final String NIK_IN_QUERY = "NIK tidak diterima di alamat: kirim di badan POST"
            + " /api/v1/personal-data-access/search agar tidak tercatat di log akses";

    private final PersonalDataAccessLog log;

    public PersonalDataAccessController(PersonalDataAccessLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/personal-data-access")
    @Operation(summary = "Siapa membaca data pribadi (NIK lengkap, data lengkap, riwayat), kapan, untuk apa, dan upaya"
            + " yang ditolak (auditor). Saring menurut NIK hanya melalui POST /api/v1/personal-data-access/search.")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) UUID household,
            @RequestParam(required = false) String actor,
            @Parameter(hidden = true) @RequestParam(required = false) String nik,
            @Paging.PageSize(value = 50, max = AccessLogSearch.MAX_SIZE) Paging paging, RegistryScope scope) {
        if (nik != null) {
            throw PlatformProblems.invalid(List.of(Violation.field("/nik", NIK_IN_QUERY)));
        }
        return page(person, household, actor, null, paging.page(), paging.size(), scope);
    }

    @PostMapping(path = "/api/v1/personal-data-access/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Catatan akses data pribadi seperti GET /api/v1/personal-data-access, dengan saringan (NIK"
            + " lengkap, pengguna, orang, rumah tangga) dan halaman di badan JSON, agar NIK tidak tercatat di log akses"
            + " gateway dan layanan (auditor)")
    public PageResponse<PersonalDataAccessLog.Access> search(@Valid @RequestBody AccessLogSearch request,
                                                             RegistryScope scope) {
        return page(request.person(), request.household(), request.actor(), request.nik(), request.pageOrFirst(),
                request.sizeOrDefault(), scope);
    }

    private PageResponse<PersonalDataAccessLog.Access> page(UUID person, UUID household, String actor, String nik,
                                                            int page, int size, RegistryScope scope) {
        // Auditors read NIKs masked everywhere, this log included; they filter by the full NIK they were given.
        return log.find(person, household, actor, nik, page, size).map(a ->
                new PersonalDataAccessLog.Access(a.id(),
                a.accessedAt(), a.actor(), a.clientId(), a.personId(), a.householdId(),
                a.niks().stream().map(scope::nik).toList(), a.status(), a.endpoint(), a.purpose(), a.requestId()));
    }
}
