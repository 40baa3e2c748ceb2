package org.kesra.reporting.lakip.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.lakip.LakipPdf;
import org.kesra.reporting.lakip.LakipReport;
import org.kesra.reporting.lakip.LakipWorkbook;
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
public class LakipController {

    private final LakipReport reports;

    public LakipController(LakipReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/lakip")
    @Operation(summary = "LAKIP satu unit untuk satu tahun (JSON, XLSX atau PDF)",
            description = "Bab III: capaian IKU dengan predikat, perbandingan dengan tahun lalu dan target akhir "
                    + "Renstra, realisasi anggaran per program dan kegiatan dengan jumlah dan penyerapan; disusun dari "
                    + "peristiwa performance-service, dengan versi data. format=xlsx|pdf|html atau Accept yang sesuai.")
    @ApiResponse(responseCode = "200", description = "Laporan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = LakipReport.Report.class)),
            @Content(mediaType = LakipWorkbook.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = LakipPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> report(
            @Parameter(description = "Kode unit: OPD (dinsos) atau kecamatan/kelurahan (18.72.03, 18.72.03.1001)")
            @RequestParam(required = false) String unit,
            @Parameter(description = "Tahun anggaran (2022)") @RequestParam(required = false) String tahun,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        LakipReport.Report report = reports.report(ReportingAccess.reader(), unit, tahun);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(LakipWorkbook.MEDIA_TYPE, LakipWorkbook.fileName(report),
                    LakipWorkbook.write(report));
            case "pdf" -> ReportResponses.file(LakipPdf.MEDIA_TYPE, LakipPdf.fileName(report),
                    LakipPdf.write(report));
            case "html" -> ReportResponses.preview(LakipPdf.html(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }


}
