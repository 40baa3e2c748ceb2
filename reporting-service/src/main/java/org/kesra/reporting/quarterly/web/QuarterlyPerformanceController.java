package org.kesra.reporting.quarterly.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.quarterly.QuarterlyPdf;
import org.kesra.reporting.quarterly.QuarterlyPerformanceReport;
import org.kesra.reporting.quarterly.QuarterlyWorkbook;
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
public class QuarterlyPerformanceController {

    private final QuarterlyPerformanceReport reports;

    public QuarterlyPerformanceController(QuarterlyPerformanceReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/quarterly-performance")
    @Operation(summary = "Laporan Kinerja Triwulan satu unit (JSON, XLSX atau PDF)",
            description = "Perjanjian Kinerja, Tabel 3.1 capaian, Tabel 3.2 cost per outcome, rencana tindak lanjut, "
                    + "tanggapan atasan dan riwayat penilaian, disusun dari peristiwa performance-service, dengan "
                    + "versi data. format=xlsx|pdf|html atau Accept yang sesuai. Staf kecamatan/kelurahan hanya unit di "
                    + "wilayahnya.")
    @ApiResponse(responseCode = "200", description = "Laporan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = QuarterlyPerformanceReport.Report.class)),
            @Content(mediaType = QuarterlyWorkbook.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = QuarterlyPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> report(
            @Parameter(description = "Kode unit: OPD (dinsos) atau kecamatan/kelurahan (18.72.03, 18.72.03.1001)")
            @RequestParam(required = false) String unit,
            @Parameter(description = "Tahun anggaran (2024)") @RequestParam(required = false) String tahun,
            @Parameter(description = "Triwulan 1-4") @RequestParam(required = false) String triwulan,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        QuarterlyPerformanceReport.Report report = reports.report(ReportingAccess.reader(), unit, tahun, triwulan);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(QuarterlyWorkbook.MEDIA_TYPE, QuarterlyWorkbook.fileName(report),
                    QuarterlyWorkbook.write(report));
            case "pdf" -> ReportResponses.file(QuarterlyPdf.MEDIA_TYPE, QuarterlyPdf.fileName(report),
                    QuarterlyPdf.write(report));
            case "html" -> ReportResponses.preview(QuarterlyPdf.html(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }


}
