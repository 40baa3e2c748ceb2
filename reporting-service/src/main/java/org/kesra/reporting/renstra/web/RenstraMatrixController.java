package org.kesra.reporting.renstra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.renstra.RenstraMatrixPdf;
import org.kesra.reporting.renstra.RenstraMatrixReport;
import org.kesra.reporting.renstra.RenstraMatrixWorkbook;
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
public class RenstraMatrixController {

    private final RenstraMatrixReport reports;

    public RenstraMatrixController(RenstraMatrixReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/renstra-matrix")
    @Operation(summary = "Matriks capaian Renstra satu unit (JSON, XLSX atau PDF)",
            description = "Tabel 6.1 Renstra (kode, program/kegiatan/sub kegiatan, indikator, kondisi awal, target dan "
                    + "Rp per tahun, kondisi akhir, penanggung jawab) dengan realisasi, capaian dan realisasi Rp tiap "
                    + "tahun; disusun dari peristiwa performance-service, dengan versi data. versi: versi Renstra "
                    + "(bawaan: terbaru). format=xlsx|pdf|html atau Accept yang sesuai.")
    @ApiResponse(responseCode = "200", description = "Laporan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RenstraMatrixReport.Report.class)),
            @Content(mediaType = RenstraMatrixWorkbook.MEDIA_TYPE,
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = RenstraMatrixPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> report(
            @Parameter(description = "Kode unit: OPD (dinsos) atau kecamatan/kelurahan (18.72.03, 18.72.03.1001)")
            @RequestParam(required = false) String unit,
            @Parameter(description = "Versi Renstra (1, 2, ...); bawaan: versi terbaru Renstra terbaru unit")
            @RequestParam(required = false) String versi,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        RenstraMatrixReport.Report report = reports.report(ReportingAccess.reader(), unit, versi);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(RenstraMatrixWorkbook.MEDIA_TYPE,
                    RenstraMatrixWorkbook.fileName(report), RenstraMatrixWorkbook.write(report));
            case "pdf" -> ReportResponses.file(RenstraMatrixPdf.MEDIA_TYPE, RenstraMatrixPdf.fileName(report),
                    RenstraMatrixPdf.write(report));
            case "html" -> ReportResponses.preview(RenstraMatrixPdf.html(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }
}
