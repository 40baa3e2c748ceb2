package org.kesra.welfare.accesslog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log, for auditors only (access table); there is no endpoint that changes it.
 *
 * <p>A NIK filter is taken only in the body of {@code POST /api/v1/welfare/personal-data-access/search}. The GET's
 * {@code nik} parameter was removed rather than kept as discouraged: the log is for auditors only (no agency scope
 * reaches it), its one caller outside the tests was the console, which now posts, and a parameter kept "for
 * compatibility" would go on writing NIKs into the gateway's and this service's request logs. A GET that still names
 * {@code nik} is refused with a problem naming the field, not answered unfiltered: an auditor must not read "all
 * entries" as "this NIK's".
 */
@RestController
@Tag(name = "Catatan akses data pribadi")
public class PersonalDataAccessController {

    static final String NIK_IN_QUERY = "NIK tidak diterima di alamat: kirim di badan POST"
            + " /api/v1/welfare/personal-data-access/search agar tidak tercatat di log akses";

    private final PersonalDataAccessLog log;

    public PersonalDataAccessController(PersonalDataAccessLog log) {
        this.log = log;
    }

    /**
     * Also under {@code /api/v1/welfare/}: the gateway routes {@code /api/v1/personal-data-access} to
     * household-service (its log of the population registry), so this is the path auditors reach welfare's log by.
     */
    @GetMapping({"/api/v1/personal-data-access", "/api/v1/welfare/personal-data-access"})
    @Operation(summary = "Siapa menerima jawaban berisi NIK lengkap, kapan, dan untuk apa (auditor); NIK tersamar."
            + " Saring menurut NIK hanya melalui POST /api/v1/welfare/personal-data-access/search.")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @Parameter(hidden = true) @RequestParam(required = false) String nik,
            @RequestParam(required = false) String actor,
            @Paging.PageSize(value = 50, max = AccessLogSearch.MAX_SIZE) Paging paging) {
        if (nik != null) {
            throw PlatformProblems.invalid(List.of(Violation.field("/nik", NIK_IN_QUERY)));
        }
        return log.find(Caller.current(), null, actor, paging.page(), paging.size());
    }

    /** Only under {@code /api/v1/welfare/}: the path the gateway routes to this service (see the GET). */
    @PostMapping(path = "/api/v1/welfare/personal-data-access/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Catatan akses data pribadi seperti GET /api/v1/welfare/personal-data-access, dengan saringan"
            + " (NIK lengkap, pengguna) dan halaman di badan JSON, agar NIK tidak tercatat di log akses gateway dan"
            + " layanan (auditor); NIK tersamar")
    public PageResponse<PersonalDataAccessLog.Access> search(@Valid @RequestBody AccessLogSearch request) {
        return log.find(Caller.current(), request.nik(), request.actor(), request.pageOrFirst(),
                request.sizeOrDefault());
    }
}
