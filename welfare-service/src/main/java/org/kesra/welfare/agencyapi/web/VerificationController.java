package org.kesra.welfare.agencyapi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.RequestIdFilter;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.agencyapi.BeneficiaryVerification;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Verifikasi penerima manfaat", description = "Untuk instansi lain (client credentials, scope beneficiary.verify)")
public class VerificationController {

    static final String SCOPE = "beneficiary.verify";
    static final String ENDPOINT = "GET /api/v1/verifications/{nik}";

    private final BeneficiaryVerification verification;

    public VerificationController(BeneficiaryVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/v1/verifications/{nik}")
    @Operation(summary = "Apakah NIK ini penerima manfaat aktif tiap program, dan sejak kapan. Setiap panggilan dicatat.")
    public BeneficiaryVerification.Answer verify(@PathVariable String nik,
            @RequestHeader(name = "X-Purpose", required = false) String purpose) {
        Caller caller = Caller.current();
        if (!caller.hasScope(SCOPE)) {
            throw PlatformProblems.FORBIDDEN.refuse("Token ini tidak memiliki scope " + SCOPE + ".");
        }
        if (!nik.matches("[0-9]{16}")) {
            throw WelfareProblems.NIK_INVALID.refuse("NIK harus 16 digit angka.");
        }
        String declared = purpose == null || purpose.isBlank() ? null
                : purpose.strip().substring(0, Math.min(purpose.strip().length(), 200));
        return verification.verify(nik, caller, ENDPOINT, declared, MDC.get(RequestIdFilter.MDC_KEY));
    }

    @GetMapping("/api/v1/verifications/access-log")
    @Operation(summary = "Catatan akses data verifikasi (hanya auditor); tidak dapat diubah")
    public List<BeneficiaryVerification.Access> accessLog(@RequestParam(required = false) String nik,
                                                          @RequestParam(required = false) String client,
                                                          @Paging.PageSize(value = 50, max = 500) Paging paging) {
        if (!Caller.current().hasRole("auditor")) {
            throw PlatformProblems.FORBIDDEN.refuse("Catatan akses hanya dapat dibaca auditor.");
        }
        // Auditors read NIKs masked everywhere, this log included; they filter by the full NIK they were given.
        return verification.accesses(nik, client, paging.page(), paging.size()).stream()
                .map(a -> new BeneficiaryVerification.Access(a.id(), a.accessedAt(), a.clientId(), a.caller(),
                        org.kesra.welfare.authorization.WelfareAccess.masked(a.nik()), a.personId(), a.endpoint(),
                        a.purpose(), a.requestId()))
                .toList();
    }
}
