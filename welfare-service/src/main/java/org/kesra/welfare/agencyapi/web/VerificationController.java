package org.kesra.welfare.agencyapi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.RequestIdFilter;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.agencyapi.BeneficiaryVerification;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Verifikasi penerima manfaat", description = "Untuk instansi lain (client credentials, scope beneficiary.verify)")
public class VerificationController {

    static final String SCOPE = "beneficiary.verify";
    static final String ENDPOINT = "GET /api/v1/verifications/{nik}";
    static final String NIK_IN_QUERY = "NIK tidak diterima di alamat: kirim di badan POST"
            + " /api/v1/verifications/access-log/search agar tidak tercatat di log akses";

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

    /**
     * The GET no longer takes a NIK: the log is for auditors only (no agency scope reaches it), its one caller outside
     * the tests was the console, which now posts to {@link #searchAccessLog}, and a NIK in a query string is written
     * into the gateway's and this service's request logs. A GET that still names {@code nik} is refused with a
     * problem naming the field rather than answered unfiltered.
     */
    @GetMapping("/api/v1/verifications/access-log")
    @Operation(summary = "Catatan akses data verifikasi (hanya auditor); tidak dapat diubah. Saring menurut NIK hanya"
            + " melalui POST /api/v1/verifications/access-log/search.")
    public List<BeneficiaryVerification.Access> accessLog(
            @Parameter(hidden = true) @RequestParam(required = false) String nik,
            @RequestParam(required = false) String client,
            @Paging.PageSize(value = 50, max = AccessLogSearch.MAX_SIZE) Paging paging) {
        if (nik != null) {
            throw PlatformProblems.invalid(List.of(Violation.field("/nik", NIK_IN_QUERY)));
        }
        return accesses(null, client, paging.page(), paging.size());
    }

    @PostMapping(path = "/api/v1/verifications/access-log/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Catatan akses data verifikasi seperti GET /api/v1/verifications/access-log, dengan saringan"
            + " (NIK lengkap, client id) dan halaman di badan JSON, agar NIK tidak tercatat di log akses gateway dan"
            + " layanan (hanya auditor); NIK tersamar")
    public List<BeneficiaryVerification.Access> searchAccessLog(@Valid @RequestBody AccessLogSearch request) {
        return accesses(request.nik(), request.client(), request.pageOrFirst(), request.sizeOrDefault());
    }

    private List<BeneficiaryVerification.Access> accesses(String nik, String client, int page, int size) {
        if (!Caller.current().hasRole("auditor")) {
            throw PlatformProblems.FORBIDDEN.refuse("Catatan akses hanya dapat dibaca auditor.");
        }
        // Auditors read NIKs masked everywhere, this log included; they filter by the full NIK they were given.
        return verification.accesses(nik, client, page, size).stream()
                .map(a -> new BeneficiaryVerification.Access(a.id(), a.accessedAt(), a.clientId(), a.caller(),
                        org.kesra.welfare.authorization.WelfareAccess.masked(a.nik()), a.personId(), a.endpoint(),
                        a.purpose(), a.requestId()))
                .toList();
    }

    /**
     * The filters of {@code POST /api/v1/verifications/access-log/search}: the GET's, the NIK among them, in the JSON
     * body; numbered pages as the GET.
     */
    record AccessLogSearch(
            @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            String client,
            @Min(value = 0, message = "nomor halaman adalah bilangan bulat mulai dari 0") Integer page,
            @Min(value = 1, message = "ukuran halaman adalah bilangan bulat 1 sampai " + AccessLogSearch.MAX_SIZE)
            @Max(value = AccessLogSearch.MAX_SIZE,
                    message = "ukuran halaman adalah bilangan bulat 1 sampai " + AccessLogSearch.MAX_SIZE) Integer size) {

        static final int DEFAULT_SIZE = 50;
        static final int MAX_SIZE = 500;

        int pageOrFirst() {
            return page == null ? 0 : page;
        }

        int sizeOrDefault() {
            return size == null ? DEFAULT_SIZE : size;
        }
    }
}
