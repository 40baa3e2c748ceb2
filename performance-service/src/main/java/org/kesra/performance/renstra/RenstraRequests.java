package org.kesra.performance.renstra;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a planner sends to store a Renstra: the whole tree in one request, level by level, so that a pointer in a
 * refusal names the node ({@code /tujuan/0/sasaran/1/program/0/kegiatan/2/code}). Enumerated fields are text and
 * checked by {@link PlanValidator}, so that an unknown value is a catalogued refusal with a pointer, not a parse error.
 */
public final class RenstraRequests {

    private RenstraRequests() {
    }

    @Schema(name = "RenstraBaru", description = "Renstra baru satu unit kerja untuk satu periode, dengan seluruh pohonnya")
    public record NewPlan(
            @Schema(description = "Kode unit: kode OPD (dinsos) atau kode wilayah kecamatan/kelurahan (18.72.03)",
                    example = "18.72.03") String unit,
            @Schema(example = "Renstra Kecamatan Metro Barat 2021-2026") String title,
            @Schema(example = "2021") Integer startYear,
            @Schema(description = "Tahun terakhir periode (inklusif), paling lama 6 tahun", example = "2026")
            Integer endYear,
            List<Tujuan> tujuan) {
    }

    @Schema(name = "RevisiRenstra", description = "Versi baru Renstra: seluruh pohon beserta alasan revisi")
    public record Revision(String title, @Schema(description = "Alasan revisi") String reason, List<Tujuan> tujuan) {
    }

    public record Tujuan(String name, List<Indicator> indicators, List<Sasaran> sasaran) {
    }

    public record Sasaran(String name, List<Indicator> indicators, List<Program> program) {
    }

    public record Program(@Schema(example = "1.06.04") String code, String name, List<Indicator> indicators,
                          List<Kegiatan> kegiatan) {
    }

    public record Kegiatan(@Schema(example = "1.06.04.2.01") String code, String name, List<Indicator> indicators,
                           List<SubKegiatan> subKegiatan) {
    }

    public record SubKegiatan(@Schema(description = "2 atau 4 digit sub-kegiatan; disimpan 4 digit",
            example = "1.06.04.2.01.0001") String code, String name, List<Indicator> indicators) {
    }

    @Schema(name = "IndikatorRenstra")
    public record Indicator(
            String name,
            @Schema(description = "Satuan, mis. %, orang, dokumen", example = "%") String unitOfMeasure,
            @Schema(allowableValues = {"HIGHER", "LOWER", "RANGE"}) String direction,
            @Schema(allowableValues = {"PERCENTAGE", "COUNT", "INDEX", "RUPIAH", "MONTHS"}) String kind,
            @Schema(description = "Wajib untuk PERCENTAGE") String numeratorDefinition,
            @Schema(description = "Wajib untuk PERCENTAGE") String denominatorDefinition,
            @Schema(allowableValues = {"SUM", "LAST", "AVERAGE", "RATIO"}) String aggregation,
            @Schema(allowableValues = {"ENTERED", "REGISTER"}) String source,
            @Schema(description = "Hanya untuk sumber REGISTER: angka welfare-service yang dipakai",
                    allowableValues = {"PPKS_HANDLED_SHARE", "PPKS_FOUND", "PPKS_HANDLED", "KPM"})
            String registerMeasure,
            @Schema(description = "Kode program bantuan untuk ukuran KPM", example = "PKH") String registerProgramme,
            @Schema(description = "Kondisi awal (tahun 0); kosong bila tidak diketahui") BigDecimal baseline,
            @Schema(description = "Satu target untuk setiap tahun periode") List<YearTarget> targets) {
    }

    @Schema(name = "TargetTahunan")
    public record YearTarget(
            Integer year,
            @Schema(description = "Target; batas bawah untuk indikator RANGE") BigDecimal target,
            @Schema(description = "Batas atas, hanya untuk indikator RANGE") BigDecimal targetMax,
            @Schema(description = "Pendanaan indikatif dalam rupiah; kosong bila tidak ada") Long budget) {
    }
}
