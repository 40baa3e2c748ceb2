package org.kesra.household.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.kesra.platform.web.PageResponse;
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
    @Operation(summary = "Siapa membaca data lengkap penduduk atau rumah tangga, kapan, dan untuk apa (auditor)")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) UUID household,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 500, message = "ukuran halaman maksimal 500") int size) {
        return log.find(person, household, actor, page, size);
    }
}
