package org.kesra.reporting.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.dashboard.CityDashboard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Laporan", description = "Laporan dinas yang disusun dari peristiwa layanan lain")
public class CityDashboardController {

    private final CityDashboard dashboards;

    public CityDashboardController(CityDashboard dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/reports/dashboard")
    @Operation(summary = "Seri data dasbor kota untuk grafik konsol",
            description = "Per kecamatan (kota) atau kelurahan (kecamatan): KK, jiwa, PPKS, KPM per program; total "
                    + "tiap triwulan; PPKS per kategori; capaian kinerja per unit dan jumlah realisasi per status. "
                    + "Staf kecamatan/kelurahan hanya wilayahnya.")
    public CityDashboard.Dashboard dashboard(
            @Parameter(description = "Tahun (2026)") @RequestParam(required = false) String tahun,
            @Parameter(description = "Kode kecamatan (18.72.03); tanpa kode: seluruh kota, atau wilayah staf")
            @RequestParam(required = false) String kecamatan) {
        return dashboards.dashboard(ReportingAccess.reader(), tahun, kecamatan);
    }
}
