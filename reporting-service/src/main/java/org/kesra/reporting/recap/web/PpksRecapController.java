package org.kesra.reporting.recap.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.recap.PpksRecap;
import org.kesra.reporting.recap.RecapPdf;
import org.kesra.reporting.recap.RecapWorkbook;
import org.kesra.reporting.web.ReportResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Laporan", description = "Laporan dinas yang disusun dari peristiwa layanan lain")
public class PpksRecapController {

    private final PpksRecap recaps;

    public PpksRecapController(PpksRecap recaps) {
        this.recaps = recaps;
    }

    @GetMapping("/api/v1/reports/ppks-recap")
    @Operation(summary = "Rekapitulasi PPKS dan program per kelurahan (JSON, XLSX atau PDF)",
            description = "Per kelurahan: KK dan jiwa terdaftar, PPKS terdata dan ditangani, KPM per program untuk "
                    + "periode tersebut, PPKS per 26 kategori, subtotal kecamatan, dengan versi data dan keterlambatan "
                    + "tiap sumber peristiwa. XLSX dengan format=xlsx atau Accept: " + RecapWorkbook.MEDIA_TYPE
                    + "; PDF dengan format=pdf atau Accept: application/pdf. Staf kecamatan/kelurahan hanya "
                    + "wilayahnya.")
    @ApiResponse(responseCode = "200", description = "Rekapitulasi", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PpksRecap.Recap.class)),
            @Content(mediaType = RecapWorkbook.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = RecapPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> recap(
            @Parameter(description = "Tahun (2026), triwulan (2026-Q3) atau bulan (2026-11)")
            @RequestParam(required = false) String period,
            @Parameter(description = "Kode kecamatan (18.72.03); tanpa kode: seluruh kota, atau wilayah staf")
            @RequestParam(required = false) String kecamatan,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        PpksRecap.Recap recap = recaps.recap(ReportingAccess.reader(), period, kecamatan);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(RecapWorkbook.MEDIA_TYPE, RecapWorkbook.fileName(recap),
                    RecapWorkbook.write(recap));
            case "pdf" -> ReportResponses.file(RecapPdf.MEDIA_TYPE, RecapPdf.fileName(recap), RecapPdf.write(recap));
            case "html" -> ReportResponses.preview(RecapPdf.html(recap));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(recap);
        };
    }


}
