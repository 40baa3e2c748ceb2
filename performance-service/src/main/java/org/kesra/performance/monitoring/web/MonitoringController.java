package org.kesra.performance.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.monitoring.Monitoring;
import org.kesra.performance.monitoring.MonitoringViews;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitoring of quarterly reporting for Disnakertrans, Bappeda, auditors, admins (city-wide) and camat (region). */
@RestController
@Tag(name = "Pemantauan Kinerja", description = "Siapa sudah melapor, siapa terlambat, apa yang menunggu penilaian,"
        + " capaian per indikator dan predikatnya; per unit, kelurahan, kecamatan dan seluruh kota")
public class MonitoringController {

    private final Monitoring monitoring;

    public MonitoringController(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping("/api/v1/performance/monitoring")
    @Operation(summary = "Pemantauan satu tahun: unit per triwulan (halaman) dan rekap per kelurahan/kecamatan/wilayah")
    public MonitoringViews.MonitoringView overview(
            @RequestParam(name = "tahun", required = false) Integer year,
            @Parameter(description = "Kode kecamatan, kelurahan atau unit; kosong atau 18.72: seluruh wilayah Anda")
            @RequestParam(name = "wilayah", required = false) String region,
            @Parameter(description = "Hanya unit dengan triwulan TERLAMBAT (lewat tenggat) atau MENUNGGU_PENILAIAN;"
                    + " kosong: semua unit")
            @RequestParam(name = "keadaan", required = false) String state,
            @Paging.PageSize(value = 50, max = 200) Paging paging) {
        return monitoring.overview(scope(), year, region, state, paging);
    }

    @GetMapping("/api/v1/performance/monitoring/chart")
    @Operation(summary = "Deret grafik: banyak unit per status dan rata-rata capaian per indikator, per triwulan")
    public MonitoringViews.ChartView chart(@RequestParam(name = "tahun", required = false) Integer year,
                                           @RequestParam(name = "wilayah", required = false) String region) {
        return monitoring.chart(scope(), year, region);
    }

    @GetMapping("/api/v1/performance/monitoring/units/{unit}")
    @Operation(summary = "Capaian dan predikat tiap indikator satu unit, per triwulan")
    public MonitoringViews.UnitIndicators unit(@PathVariable String unit,
                                               @RequestParam(name = "tahun", required = false) Integer year) {
        return monitoring.unit(scope(), unit.strip(), year);
    }

    private static UnitScope scope() {
        return UnitScope.of(Caller.current());
    }
}
