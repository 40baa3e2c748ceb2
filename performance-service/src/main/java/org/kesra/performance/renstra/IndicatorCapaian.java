package org.kesra.performance.renstra;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.capaian.Capaian;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.capaian.RatingLabels;
import org.kesra.performance.capaian.Target;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Violation;
import org.springframework.stereotype.Service;

/**
 * The capaian of one indicator of a plan version for a realisation the caller gives, computed by the capaian package
 * from the stored target and direction; until quarterly realisation exists this is how a planner checks a figure.
 */
@Service
public class IndicatorCapaian {

    private final RenstraPlans plans;
    private final RatingLabels labels;

    public IndicatorCapaian(RenstraPlans plans, RatingSettings settings) {
        this.plans = plans;
        this.labels = settings.ratingLabels();
    }

    @Schema(name = "CapaianIndikator", description = "Capaian satu indikator terhadap target tahunannya")
    public record Result(UUID planId, int version, UUID indicatorId, String indicator, Direction direction, int year,
                         BigDecimal target, BigDecimal targetMax, BigDecimal realisation,
                         @Schema(description = "Capaian mentah (%), 2 desimal half-up; kosong bila target 0")
                         BigDecimal capaian,
                         @Schema(description = "Batas yang diminta (%), bila ada") BigDecimal cap,
                         @Schema(description = "Capaian setelah dibatasi, ditampilkan di samping nilai mentah")
                         BigDecimal capaianCapped,
                         @Schema(description = "false bila target 0: tidak ada rasio") boolean hasRatio,
                         @Schema(description = "Realisasi memenuhi target") boolean met,
                         @Schema(description = "Kategori penilaian (pita Permendagri 86/2017; nama sesuai konfigurasi)")
                         String rating,
                         String note) {
    }

    public Result of(UnitScope scope, UUID planId, int version, UUID indicatorId, int year, BigDecimal realisation,
                     BigDecimal cap) {
        RenstraPlans.IndicatorTarget found = plans.indicatorTarget(scope, planId, version, indicatorId, year);
        RenstraViews.IndicatorView indicator = found.indicator();
        if (realisation.signum() < 0 && !indicator.kind().allowsNegative()) {
            throw PerformanceProblems.REALISATION_INVALID.refuse("Realisasi indikator " + indicator.kind()
                    + " tidak boleh negatif.", List.of(Violation.field("/realisasi", "Nilai negatif.")));
        }
        Target target = new Target(found.target().target(), found.target().targetMax());
        Capaian capaian = Capaian.measure(indicator.direction(), target, realisation);
        if (cap != null) {
            capaian = capaian.cappedAt(cap);
        }
        return new Result(planId, found.version(), indicatorId, indicator.name(), indicator.direction(), year,
                target.value(), target.upper(), realisation, capaian.percent(), capaian.cap(), capaian.capped(),
                capaian.hasRatio(), capaian.met(),
                capaian.band() == null ? null : labels.label(capaian.band()), capaian.note());
    }
}
