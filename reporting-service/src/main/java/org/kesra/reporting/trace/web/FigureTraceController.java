package org.kesra.reporting.trace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.trace.FigureTrace;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Laporan", description = "Laporan dinas yang disusun dari peristiwa layanan lain")
public class FigureTraceController {

    private final FigureTrace traces;

    public FigureTraceController(FigureTrace traces) {
        this.traces = traces;
    }

    @GetMapping("/api/v1/reports/traces")
    @Operation(summary = "Asal-usul satu angka laporan kinerja",
            description = "Untuk satu angka Laporan Kinerja Triwulan, LAKIP atau Matriks Renstra: nilai seperti di "
                    + "laporan, realisasi "
                    + "(versi, status, penyerah), persetujuan (penyetuju dan waktunya), Perjanjian Kinerja, dan "
                    + "peristiwa performance-service yang menjadi sumbernya secara berurutan, dengan topik, partisi "
                    + "dan offset Kafka. Aturan akses sama dengan laporannya.")
    public FigureTrace.Trace trace(
            @Parameter(description = "quarterly (Laporan Kinerja Triwulan), lakip atau renstra (Matriks Renstra)")
            @RequestParam(required = false) String report,
            @Parameter(description = "Kode unit: OPD (dinsos) atau kecamatan/kelurahan (18.72.03)")
            @RequestParam(required = false) String unit,
            @Parameter(description = "Tahun (2024)") @RequestParam(required = false) String tahun,
            @Parameter(description = "Triwulan 1-4 (hanya quarterly)") @RequestParam(required = false) String triwulan,
            @Parameter(description = "Nomor baris: butir Perjanjian Kinerja (quarterly), nomor IKU (lakip) atau "
                    + "baris indikator Matriks Renstra, 1 = baris pertama (renstra)")
            @RequestParam(required = false) String item,
            @Parameter(description = "realisasi, capaian, target atau anggaran (realisasi anggaran, hanya quarterly)")
            @RequestParam(required = false) String figure,
            @Parameter(description = "Id Perjanjian Kinerja, bila unit memiliki beberapa pada tahun itu")
            @RequestParam(required = false) String perjanjian,
            @Parameter(description = "Versi Renstra (hanya renstra; bawaan versi terbaru)")
            @RequestParam(required = false) String versi) {
        return traces.trace(ReportingAccess.reader(), report, unit, tahun, triwulan, item, figure, perjanjian, versi);
    }
}
