package org.kesra.household.accesslog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
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

    @GetMapping("/api/v1/personal-data-access")
    @Operation(summary = "Siapa membaca data pribadi (NIK lengkap, data lengkap, riwayat), kapan, untuk apa, dan upaya yang ditolak (auditor)")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) UUID household,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            @Paging.PageSize(value = 50, max = 500) Paging paging, RegistryScope scope) {
        // Auditors read NIKs masked everywhere, this log included; they filter by the full NIK they were given.
        return log.find(person, household, actor, nik, paging.page(), paging.size()).map(a ->
                new PersonalDataAccessLog.Access(a.id(),
                a.accessedAt(), a.actor(), a.clientId(), a.personId(), a.householdId(),
                a.niks().stream().map(scope::nik).toList(), a.status(), a.endpoint(), a.purpose(), a.requestId()));
    }
}
