package org.kesra.welfare.accesslog.web;

import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.kesra.platform.web.Caller;
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
    @Operation(summary = "Siapa menerima jawaban berisi NIK lengkap, kapan, dan untuk apa (auditor); NIK tersamar")
    public PageResponse<PersonalDataAccessLog.Access> find(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 500, message = "ukuran halaman maksimal 500") int size) {
        return log.find(Caller.current(), nik, actor, page, size);
    }
}
