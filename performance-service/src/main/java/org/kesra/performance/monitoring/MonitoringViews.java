package org.kesra.performance.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kesra.performance.akip.AkipViews;
import org.kesra.platform.web.PageResponse;

/** What the monitoring API answers. */
public final class MonitoringViews {

    private MonitoringViews() {
    }

    /** Where a unit's report of a quarter stands; NOT_STARTED when nothing was drafted yet. */
    public enum QuarterStatus {
        NOT_STARTED, DRAFT, RETURNED, SUBMITTED, APPROVED
    }

    @Schema(name = "PemantauanKinerja", description = "Pemantauan satu tahun: per unit dan triwulan (halaman), dengan"
            + " rekap per kelurahan, per kecamatan dan seluruh wilayah yang dapat Anda lihat")
    public record MonitoringView(int year, @Schema(description = "Wilayah yang dipantau; 18.72 untuk seluruh kota")
                                 String region, @Schema(description = "Tanggal acuan keterlambatan") LocalDate asOf,
                                 PageResponse<UnitRow> units, List<Rollup> rollups) {
    }

    @Schema(name = "PemantauanUnit")
    public record UnitRow(String code, String kind, String name, String parentCode, List<UnitQuarter> quarters) {
    }

    @Schema(name = "PemantauanUnitTriwulan", description = "Satu unit dalam satu triwulan")
    public record UnitQuarter(int quarter,
                              @Schema(description = "Status laporan; bila unit memiliki beberapa PK, yang paling"
                                      + " belum maju") QuarterStatus status,
                              @Schema(description = "Banyak laporan (satu per Perjanjian Kinerja)") int reports,
                              LocalDate dueDate,
                              @Schema(description = "Hari kerja terlambat: penyerahan pertama, atau s.d. hari ini"
                                      + " bila belum diserahkan; kosong bila kalender belum tersedia")
                              Integer workingDaysLate,
                              boolean late,
                              @Schema(description = "Ada laporan yang menunggu penilaian atasan") boolean waitsForReview,
                              @Schema(description = "Indikator yang dinilai") int indicators,
                              @Schema(description = "Rata-rata capaian indikator (%), 2 desimal half-up")
                              BigDecimal averageCapaian, String rating) {
    }

    @Schema(name = "RekapPemantauan", description = "Rekap satu kelurahan, satu kecamatan (dengan kelurahannya) atau"
            + " seluruh wilayah yang dipantau")
    public record Rollup(@Schema(allowableValues = {"KELURAHAN", "KECAMATAN", "WILAYAH"}) String level, String code,
                         String name, List<RollupQuarter> quarters) {
    }

    @Schema(name = "RekapPemantauanTriwulan")
    public record RollupQuarter(int quarter, int units, int notStarted, int draft, int returned,
                                @Schema(description = "Menunggu penilaian") int submitted, int approved,
                                @Schema(description = "Unit yang terlambat") int late, int indicators,
                                BigDecimal averageCapaian, String rating) {
    }

    @Schema(name = "GrafikPemantauan", description = "Deret untuk grafik: satu nilai per triwulan 1-4")
    public record ChartView(int year, String region, List<Integer> quarters,
                            @Schema(description = "Banyak unit per status, per triwulan") List<Series> unitsByStatus,
                            @Schema(description = "Rata-rata capaian (%) tiap indikator, per triwulan")
                            List<Series> capaianByIndicator,
                            @Schema(description = "Rata-rata capaian seluruh indikator, per triwulan")
                            Series averageCapaian) {
    }

    @Schema(name = "DeretGrafik")
    public record Series(String key, String label, List<BigDecimal> values) {
    }

    @Schema(name = "PemantauanIndikatorUnit", description = "Capaian per indikator satu unit, per triwulan")
    public record UnitIndicators(String unit, int year, List<IndicatorRow> indicators,
                                 @Schema(description = "Evaluasi AKIP unit tahun ini (nilai dari evaluator, predikat"
                                         + " AA..D dan artinya); kosong bila belum dicatat")
                                 AkipViews.EvaluationView akipEvaluation) {
    }

    @Schema(name = "PemantauanIndikator")
    public record IndicatorRow(String indicator, String unitOfMeasure, String direction, BigDecimal target,
                               BigDecimal targetMax, List<IndicatorQuarter> quarters) {
    }

    @Schema(name = "PemantauanIndikatorTriwulan")
    public record IndicatorQuarter(int quarter, BigDecimal value, BigDecimal capaian, String rating, String note) {
    }
}
