package org.kesra.performance.agreement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.units.Unit;

/** What the Perjanjian Kinerja API answers. */
public final class AgreementViews {

    private AgreementViews() {
    }

    @Schema(name = "PerjanjianKinerja", description = "Satu revisi Perjanjian Kinerja")
    public record AgreementView(UUID id, Unit unit, int year, Position position, String positionTitle,
                                int revision, int latestRevision, AgreementStatus status, String reason,
                                Instant createdAt, String createdBy, Instant agreedAt, String agreedBy,
                                List<RevisionSummary> revisions, List<ItemView> items) {
    }

    @Schema(name = "RevisiPerjanjianKinerja")
    public record RevisionSummary(int revision, AgreementStatus status, String reason, Instant createdAt,
                                  String createdBy, Instant agreedAt, String agreedBy) {
    }

    @Schema(name = "ButirPerjanjianKinerjaTersimpan")
    public record ItemView(String sasaran, String indicator, String unitOfMeasure, Direction direction,
                           BigDecimal target, BigDecimal targetMax, Long budget, UUID renstraIndicatorId) {
    }

    @Schema(name = "RingkasanPerjanjianKinerja")
    public record AgreementSummary(UUID id, String unitCode, int year, Position position, String positionTitle,
                                   int latestRevision, AgreementStatus status) {
    }
}
