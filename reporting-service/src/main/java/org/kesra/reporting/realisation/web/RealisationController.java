package org.kesra.reporting.realisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.realisation.RealisationPdf;
import org.kesra.reporting.realisation.RealisationReports;
import org.kesra.reporting.realisation.RealisationWorkbook;
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
public class RealisationController {

    private final RealisationReports reports;

    public RealisationController(RealisationReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/pkh-realisation")
    @Operation(summary = "Laporan realisasi PKH per tahap satu tahun (Tabel 2.1; JSON, XLSX atau PDF)",
            description = "Per tahap/bulan: SP2D jumlah KPM dan nominal, realisasi jumlah KPM dan nominal, % nominal, "
                    + "jumlah setahun, dan temuan atas angka yang tidak sesuai; disusun dari peristiwa welfare-service, "
                    + "dengan versi data. Laporan tingkat kota. format=xlsx|pdf|html atau Accept yang sesuai.")
    @ApiResponse(responseCode = "200", description = "Laporan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RealisationReports.PkhReport.class)),
            @Content(mediaType = RealisationWorkbook.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = RealisationPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> pkh(
            @Parameter(description = "Tahun (2018)") @RequestParam(required = false) String tahun,
            @Parameter(description = "Kode program; bawaan PKH") @RequestParam(required = false) String program,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        RealisationReports.PkhReport report = reports.stages(ReportingAccess.reader(), program, tahun);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(RealisationWorkbook.MEDIA_TYPE, RealisationWorkbook.fileName(report),
                    RealisationWorkbook.write(report));
            case "pdf" -> ReportResponses.file(RealisationPdf.MEDIA_TYPE, RealisationPdf.fileName(report),
                    RealisationPdf.write(report));
            case "html" -> ReportResponses.preview(RealisationPdf.html(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    @GetMapping("/api/v1/reports/sembako-monthly")
    @Operation(summary = "Jumlah KPM BPNT/Sembako per bulan satu tahun (JSON, XLSX atau PDF)",
            description = "Dua belas bulan: penyaluran yang mencakup bulan itu dengan jumlah KPM SP2D dan realisasi; "
                    + "bulan tanpa penyaluran ditandai, bukan nol; XLSX dan PDF dengan grafik garis KPM per bulan. "
                    + "Laporan tingkat kota. format=xlsx|pdf|html atau Accept yang sesuai.")
    @ApiResponse(responseCode = "200", description = "Deret bulanan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RealisationReports.MonthlyReport.class)),
            @Content(mediaType = RealisationWorkbook.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = RealisationPdf.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> sembako(
            @Parameter(description = "Tahun (2019)") @RequestParam(required = false) String tahun,
            @Parameter(description = "Kode program; bawaan SEMBAKO") @RequestParam(required = false) String program,
            @Parameter(description = "json (bawaan), xlsx, pdf atau html (pratinjau halaman PDF)")
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = ReportResponses.format(format, accept);
        RealisationReports.MonthlyReport report = reports.monthly(ReportingAccess.reader(), program, tahun);
        return switch (chosen) {
            case "xlsx" -> ReportResponses.file(RealisationWorkbook.MEDIA_TYPE, RealisationWorkbook.fileName(report),
                    RealisationWorkbook.write(report));
            case "pdf" -> ReportResponses.file(RealisationPdf.MEDIA_TYPE, RealisationPdf.fileName(report),
                    RealisationPdf.write(report));
            case "html" -> ReportResponses.preview(RealisationPdf.html(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }
}
