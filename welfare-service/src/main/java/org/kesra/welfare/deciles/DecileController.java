package org.kesra.welfare.deciles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.sheets.SpooledUpload;
import org.kesra.welfare.access.WelfareAccess;
import org.kesra.welfare.uploads.UploadedSheets;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Desil DTSEN", description = "Daftar desil kesejahteraan per keluarga per triwulan, dan kelayakan program")
public class DecileController {

    private final DecileSnapshots snapshots;

    public DecileController(DecileSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @PostMapping(path = "/api/v1/deciles/{period}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Unggah daftar desil satu triwulan (CSV atau XLSX: no_kk, desil); semua atau tidak sama sekali")
    public DecileSnapshots.ImportResult upload(@PathVariable String period, @RequestPart("file") MultipartFile file)
            throws IOException {
        String actor = WelfareAccess.catalogueEditor().name();
        try (SpooledUpload spooled = UploadedSheets.spool(file, "desil-")) {
            return snapshots.importList(period, file.getOriginalFilename(), spooled.file(), spooled.sha256(), actor);
        }
    }

    @GetMapping("/api/v1/eligibility/{nik}")
    @Operation(summary = "Kelayakan program menurut desil keluarga pada suatu tanggal (bawaan: hari ini)")
    public DecileSnapshots.Eligibility eligibility(@PathVariable String nik,
            @RequestParam(name = "tanggal", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date) {
        WelfareAccess.reader();
        if (!nik.matches("[0-9]{16}")) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "WF-NIK-TIDAK-VALID", null, "NIK harus 16 digit angka.");
        }
        return snapshots.eligibility(nik, date == null ? LocalDate.now() : date);
    }
}
