package org.kesra.performance.renstra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.kesra.performance.renstra.RenstraImport;
import org.kesra.performance.renstra.RenstraViews;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.IfMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The Renstra matrix (Tabel 6.1) of a unit uploaded as XLSX or CSV: a new plan, or a new version of the period's. */
@RestController
@Tag(name = "Renstra")
public class RenstraImportController {

    private final RenstraImport imports;

    public RenstraImportController(RenstraImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/performance/units/{unit}/plans/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Impor matriks Renstra (susunan kolom Tabel 6.1) dari XLSX atau CSV",
            description = "Kolom: kode, program/kegiatan/sub kegiatan, indikator, kondisi awal, target dan Rp per tahun"
                    + " (judul tahun boleh digabung di atas Target/Rp: 2023, Tahun 1, Kondisi akhir), perangkat daerah"
                    + " penanggung jawab; opsional Satuan, Arah, Pembilang, Penyebut. Unit tanpa Renstra periode itu"
                    + " mendapat Renstra baru; bila sudah ada, versi baru dengan alasan (reason). Semua atau tidak sama"
                    + " sekali: setiap masalah disebut dengan baris dan kolomnya (/rows/12/target2023).")
    public ResponseEntity<RenstraViews.PlanView> importMatrix(
            @Parameter(description = "Kode unit: kode OPD atau kode wilayah kecamatan/kelurahan")
            @PathVariable String unit,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @Parameter(description = "Tahun awal periode") @RequestParam(required = false) Integer startYear,
            @Parameter(description = "Tahun akhir periode (inklusif)") @RequestParam(required = false) Integer endYear,
            @Parameter(description = "Judul; kosong: 'Renstra <unit> <periode>' atau judul versi sebelumnya")
            @RequestParam(required = false) String title,
            @Parameter(description = "Alasan revisi, wajib bila unit sudah memiliki Renstra periode ini")
            @RequestParam(required = false) String reason,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        try (InputStream content = file == null ? null : file.getInputStream()) {
            RenstraImport.Imported imported = imports.importMatrix(UnitScope.of(Caller.current()), unit,
                    new RenstraImport.Upload(content, file == null ? null : file.getOriginalFilename(), startYear,
                            endYear, title, reason, basedOn(ifMatch)));
            RenstraViews.PlanView plan = imported.plan();
            URI location = URI.create("/api/v1/renstra/" + plan.id()
                    + (imported.revision() ? "/versions/" + plan.version() : ""));
            return ResponseEntity.created(location).eTag(IfMatch.etag(plan.latestVersion())).body(plan);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The version an If-Match names; absent or not a version: none (the newest is replaced, with the reason). */
    private static Integer basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", "").strip());
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }
}
