package org.kesra.welfare.accesslog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log, for auditors only (access table); there is no endpoint that changes it. */
@RestController
@Tag(name = "Catatan akses data pribadi")
public class PersonalDataAccessController {

    private final PersonalDataAccessLog log;

    public PersonalDataAccessController(PersonalDataAccessLog log) {
        this.log = log;
    }

    /**
     * Also under {@code /api/v1/welfare/}: the gateway routes {@code /api/v1/personal-data-access} to
     * household-service (its log of the population registry), so this is the path auditors reach welfare's log by.
     */
    @GetMapping({"/api/v1/personal-data-access", "/api/v1/welfare/personal-data-access"})
    @Operation(summary = "Siapa menerima jawaban berisi NIK lengkap, kapan, dan untuk apa (auditor); NIK tersamar")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            @RequestParam(required = false) String actor,
            @Paging.PageSize(value = 50, max = 500) Paging paging) {
        return log.find(Caller.current(), nik, actor, paging.page(), paging.size());
    }
}
