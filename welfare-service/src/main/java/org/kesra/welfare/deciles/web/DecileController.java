package org.kesra.welfare.deciles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.ProblemDetailsAdvice;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SpooledUpload;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.deciles.DecileSnapshots;
import org.kesra.welfare.uploads.web.Uploads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Desil DTSEN", description = "Daftar desil kesejahteraan per keluarga per triwulan, dan kelayakan program")
public class DecileController {

    static final String ENDPOINT = "GET /api/v1/eligibility/{nik}";
    static final String CHECK_ENDPOINT = "POST /api/v1/eligibility/checks";

    private final DecileSnapshots snapshots;
    private final PersonalDataAccessLog accessLog;

    public DecileController(DecileSnapshots snapshots, PersonalDataAccessLog accessLog) {
        this.snapshots = snapshots;
        this.accessLog = accessLog;
    }

    @PostMapping(path = "/api/v1/deciles/{period}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Unggah daftar desil satu triwulan (CSV atau XLSX: no_kk, desil); semua atau tidak sama sekali")
    public DecileSnapshots.ImportResult upload(@PathVariable String period, @RequestPart("file") MultipartFile file)
            throws IOException {
        String actor = WelfareAccess.catalogueEditor().name();
        try (SpooledUpload spooled = Uploads.spool(file, "desil-")) {
            return snapshots.importList(period, file.getOriginalFilename(), spooled.file(), spooled.sha256(), actor);
        }
    }

    /**
     * A lookup by NIK answers differently for a registered and an unregistered NIK, so it would let a role that reads
     * NIKs masked complete one by trying the hidden digits: only the roles that read the full NIK may ask, with a
     * declared purpose, and every question is logged, the unknown NIKs too (docs/personal-data.md).
     */
    @GetMapping("/api/v1/eligibility/{nik}")
    @ReadsFullNik
    @Operation(summary = "Kelayakan program menurut desil keluarga pada suatu tanggal (bawaan: hari ini); hanya staf"
            + " Dinas Sosial, header X-Purpose wajib, setiap pertanyaan dicatat")
    public DecileSnapshots.Eligibility eligibility(@PathVariable String nik,
            @RequestParam(name = "tanggal", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        Caller caller = WelfareAccess.fullNikReader();
        if (!nik.matches("[0-9]{16}")) {
            throw WelfareProblems.NIK_INVALID.refuse("NIK harus 16 digit angka.");
        }
        return answer(caller, nik, date, purpose, ENDPOINT);
    }

    /** The question of {@link #eligibility} with the NIK in the body: nothing personal in the URL or access logs. */
    public record EligibilityQuestion(String nik, LocalDate tanggal) {
    }

    @PostMapping(path = "/api/v1/eligibility/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ReadsFullNik
    @Operation(summary = "Kelayakan program menurut desil keluarga, NIK di badan permintaan (tidak di alamat); hanya"
            + " staf Dinas Sosial, header X-Purpose wajib, setiap pertanyaan dicatat")
    public DecileSnapshots.Eligibility eligibilityCheck(@RequestBody EligibilityQuestion question,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        Caller caller = WelfareAccess.fullNikReader();
        String nik = question == null || question.nik() == null ? "" : question.nik().strip();
        if (!nik.matches("[0-9]{16}")) {
            throw WelfareProblems.NIK_INVALID.refuse("NIK harus 16 digit angka.",
                    List.of(Violation.field("/nik", "NIK harus 16 digit angka.")));
        }
        return answer(caller, nik, question.tanggal(), purpose, CHECK_ENDPOINT);
    }

    private DecileSnapshots.Eligibility answer(Caller caller, String nik, LocalDate date, String purpose,
                                               String endpoint) {
        String declared = PersonalDataAccessLog.requirePurpose(purpose);
        try {
            // The answer carries the NIK: logged with the others that do (FullNikAnswers).
            return snapshots.eligibility(nik, date == null ? LocalDate.now() : date);
        } catch (Refusal unknown) {
            accessLog.record(caller, List.of(nik), ProblemDetailsAdvice.STATUS.get(unknown.kind()).value(), endpoint,
                    declared);
            throw unknown;
        }
    }
}
