package org.kesra.performance.agreement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a planner sends for a Perjanjian Kinerja; enumerations as text, checked with catalogued refusals. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    @Schema(name = "PerjanjianKinerjaBaru")
    public record NewAgreement(
            @Schema(example = "18.72.03") String unit,
            @Schema(example = "2022") Integer year,
            @Schema(allowableValues = {"HEAD", "ESELON_III", "ESELON_IV"}) String position,
            @Schema(description = "Nama jabatan sebagaimana tertulis", example = "Camat Metro Barat")
            String positionTitle,
            List<Item> items) {
    }

    @Schema(name = "PerubahanPerjanjianKinerja",
            description = "Isi baru PK. Revisi DRAFT diubah di tempat; PK yang sudah disepakati menjadi revisi baru"
                    + " dengan alasan (wajib).")
    public record Change(String reason, List<Item> items) {
    }

    @Schema(name = "ButirPerjanjianKinerja")
    public record Item(
            String sasaran,
            String indicator,
            @Schema(example = "%") String unitOfMeasure,
            @Schema(allowableValues = {"HIGHER", "LOWER", "RANGE"}) String direction,
            @Schema(description = "Target tahun itu; batas bawah untuk RANGE") BigDecimal target,
            @Schema(description = "Batas atas, hanya untuk RANGE") BigDecimal targetMax,
            @Schema(description = "Anggaran (pagu) dalam rupiah") Long budget,
            @Schema(description = "Indikator Renstra unit ini yang diambil alih, bila ada") UUID renstraIndicatorId) {
    }
}
