package org.kesra.performance.renstra;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.register.RegisterMeasure;
import org.kesra.performance.units.Unit;

/** What the Renstra API answers. */
public final class RenstraViews {

    private RenstraViews() {
    }

    @Schema(name = "Renstra", description = "Satu versi Renstra dengan seluruh pohonnya")
    public record PlanView(UUID id, Unit unit, int startYear, int endYear,
                           @Schema(description = "Versi yang ditampilkan") int version,
                           @Schema(description = "Versi terbaru rencana ini") int latestVersion,
                           String title, @Schema(description = "Alasan revisi versi ini; kosong untuk versi 1")
                           String reason, Instant createdAt, String createdBy,
                           @Schema(description = "Semua versi, yang lama tetap dapat dibaca") List<VersionSummary> versions,
                           List<NodeView> tujuan,
                           @Schema(description = "Hasil pemeriksaan konsistensi versi ini (tidak menghalangi"
                                   + " penyimpanan; diperbaiki dengan revisi)") List<Finding> checks) {
    }

    @Schema(name = "TemuanKonsistensi")
    public record Finding(@Schema(description = "Jenis pemeriksaan") Check check, UUID nodeId, String code, int year,
                          @Schema(description = "Nilai yang tertulis pada simpul") long stated,
                          @Schema(description = "Jumlah rinciannya") long sumOfParts, String detail) {
    }

    /** The consistency checks run on a plan version. */
    public enum Check {
        /** A program's or kegiatan's budget of a year differs from the sum of its kegiatan's or sub-kegiatan's. */
        BUDGET_SUM
    }

    @Schema(name = "VersiRenstra")
    public record VersionSummary(int version, String title, String reason, Instant createdAt, String createdBy) {
    }

    @Schema(name = "SimpulRenstra", description = "Tujuan, sasaran, program, kegiatan atau sub-kegiatan")
    public record NodeView(UUID id, NodeLevel level, String code, String name, List<IndicatorView> indicators,
                           List<NodeView> children) {
    }

    @Schema(name = "IndikatorRenstraTersimpan")
    public record IndicatorView(UUID id, String name, String unitOfMeasure, Direction direction, IndicatorKind kind,
                                String numeratorDefinition, String denominatorDefinition, Aggregation aggregation,
                                IndicatorSource source,
                                @Schema(description = "Angka register yang dipakai (sumber REGISTER)")
                                RegisterMeasure registerMeasure,
                                @Schema(description = "Program bantuan untuk ukuran KPM") String registerProgramme,
                                BigDecimal baseline, List<TargetView> targets) {
    }

    @Schema(name = "TargetTahunanTersimpan")
    public record TargetView(int year, BigDecimal target, BigDecimal targetMax, Long budget) {
    }

    @Schema(name = "RingkasanRenstra")
    public record PlanSummary(UUID id, Unit unit, int startYear, int endYear, int latestVersion, String title,
                              Instant updatedAt) {
    }
}
