package org.kesra.performance.yearonyear;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.agreement.Position;
import org.kesra.performance.realisation.RealisationViews;
import org.kesra.performance.units.Unit;

/** What the year-on-year comparison (seed 004 Tabel 3.2) answers. */
public final class YearOnYearViews {

    private YearOnYearViews() {
    }

    @Schema(name = "PerbandinganTahunan", description = "Capaian tiap butir Perjanjian Kinerja yang disepakati suatu"
            + " tahun dibanding tahun sebelumnya (LAKIP Tabel 3.2)")
    public record UnitYearOnYear(Unit unit, int year, int previousYear,
                                 @Schema(description = "Satu per Perjanjian Kinerja (jabatan) tahun itu yang"
                                         + " disepakati") List<AgreementComparison> agreements) {
    }

    @Schema(name = "PerbandinganTahunanPK")
    public record AgreementComparison(UUID agreementId,
                                      @Schema(description = "Revisi terbaru yang disepakati") int revision,
                                      Position position, String positionTitle, List<ItemComparison> items) {
    }

    @Schema(name = "PerbandinganTahunanButir")
    public record ItemComparison(int item, String sasaran, String indicator, String unitOfMeasure,
                                 UUID renstraIndicatorId, YearFigure current,
                                 @Schema(description = "Indikator yang sama tahun sebelumnya; kosong bila tidak ada")
                                 YearFigure previous,
                                 @Schema(description = "Perubahan capaian (poin persen), 2 desimal half-up; kosong"
                                         + " bila salah satu tahun tidak memiliki capaian") BigDecimal changePoints,
                                 String note) {
    }

    @Schema(name = "AngkaTahunan", description = "Angka satu tahun: nilai kumulatif triwulan terakhir yang dilaporkan"
            + " (versi yang disetujui, atau yang terbaru) dan capaiannya terhadap target tahunan")
    public record YearFigure(int year, UUID agreementId, int agreementRevision, int item, BigDecimal target,
                             BigDecimal targetMax,
                             @Schema(description = "Triwulan terakhir yang dilaporkan; kosong bila belum ada")
                             Integer quarter, UUID realisationId, Integer realisationVersion,
                             @Schema(description = "Angka dari versi yang disetujui") boolean approved,
                             @Schema(description = "Nilai kumulatif s.d. triwulan itu") BigDecimal value,
                             RealisationViews.CapaianView capaian) {
    }
}
