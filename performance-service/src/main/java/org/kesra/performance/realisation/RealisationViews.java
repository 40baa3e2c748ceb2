package org.kesra.performance.realisation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Capaian;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.capaian.RatingLabels;
import org.kesra.performance.renstra.IndicatorKind;
import org.kesra.performance.renstra.IndicatorSource;
import org.kesra.performance.units.Unit;

/** What the realisation API answers. */
public final class RealisationViews {

    private RealisationViews() {
    }

    @Schema(name = "RealisasiTriwulan", description = "Satu versi isi realisasi triwulan dengan status penilaiannya")
    public record RealisationView(UUID id, Unit unit, int year, int quarter, UUID agreementId, int agreementRevision,
                                  RealisationStatus status,
                                  @Schema(description = "Versi isi yang ditampilkan") int version,
                                  int latestVersion,
                                  @Schema(description = "Versi isi yang terakhir disetujui, bila ada") Integer approvedVersion,
                                  @Schema(description = "Sama dengan ETag") int etag,
                                  @Schema(description = "Tenggat penyerahan; kosong untuk data historis")
                                  LocalDate dueDate, Instant submittedAt,
                                  @Schema(description = "Hari kerja keterlambatan penyerahan pertama") Integer workingDaysLate,
                                  boolean late,
                                  @Schema(description = "Data historis: triwulan sebelum tahun pertama kalender hari"
                                          + " libur yang dimuat, diisi dari dokumen yang sudah ditandatangani;"
                                          + " tenggat dan keterlambatan tidak dihitung") boolean historical,
                                  String obstacles, String followUp, String reason,
                                  Instant createdAt, String createdBy, Instant approvedAt, String approvedBy,
                                  List<EntryView> entries) {
    }

    @Schema(name = "RealisasiButirTersimpan")
    public record EntryView(int item, String sasaran, String indicator, String unitOfMeasure, IndicatorKind kind,
                            Aggregation aggregation, Direction direction, BigDecimal target, BigDecimal targetMax,
                            BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                            @Schema(description = "Pagu butir (rupiah)") Long budget, Long budgetRealised,
                            @Schema(description = "Penyerapan anggaran (%), bila pagu ada") BigDecimal budgetAbsorption,
                            @Schema(description = "Capaian nilai triwulan ini terhadap target tahunan") CapaianView quarter,
                            @Schema(description = "Nilai kumulatif s.d. triwulan ini menurut agregasi indikator")
                            BigDecimal yearToDateValue,
                            @Schema(description = "Capaian kumulatif terhadap target tahunan") CapaianView yearToDate,
                            @Schema(description = "Efisiensi (Tabel 3.2 cost per outcome): capaian kinerja triwulan"
                                    + " dikurangi penyerapan anggaran, poin persen; positif = efisien; kosong bila"
                                    + " salah satu tidak memiliki rasio") BigDecimal efficiency,
                            @Schema(description = "Keterangan pelapor; untuk butir dari register: anotasinya")
                            String note,
                            @Schema(description = "Pelapor menyatakan realisasi anggaran memang melebihi pagu")
                            boolean budgetOverride,
                            @Schema(description = "Alasan melebihi pagu") String budgetOverrideReason,
                            @Schema(description = "ENTERED: diisi pelapor; REGISTER: dihitung dari angka"
                                    + " welfare-service, tidak dapat ditimpa") IndicatorSource source,
                            @Schema(description = "Waktu terbit angka register yang dipakai; kosong bila belum ada")
                            Instant registerPublishedAt) {
    }

    @Schema(name = "CapaianRealisasi", description = "Capaian mentah; bila batas capaian dikonfigurasi, batas dan"
            + " capaian terbatas ditampilkan di sampingnya. Predikat selalu dari capaian mentah")
    public record CapaianView(@Schema(description = "Capaian (%) mentah, 2 desimal half-up; kosong bila tidak ada"
                                      + " rasio") BigDecimal percent,
                              @Schema(description = "Batas capaian yang dikonfigurasi (%); kosong bila tidak ada")
                              BigDecimal cap,
                              @Schema(description = "Capaian setelah dibatasi: min(capaian, batas); kosong tanpa batas"
                                      + " atau tanpa rasio") BigDecimal capped,
                              boolean met,
                              @Schema(description = "Predikat dari capaian mentah") String rating, String note) {

        /** A capaian that cannot be shown (no value, no ratio of parts): {@code note} says why. */
        public CapaianView(BigDecimal percent, boolean met, String rating, String note) {
            this(percent, null, null, met, rating, note);
        }

        /**
         * The view of a computed capaian: raw percent, and with {@code cap} (may be {@code null}) the cap and the
         * capped value beside it; the rating is of the raw value (sakip-rules.md: the band of what was achieved).
         */
        public static CapaianView of(Capaian capaian, RatingLabels labels, BigDecimal cap) {
            Capaian shown = cap == null ? capaian : capaian.cappedAt(cap);
            return new CapaianView(shown.percent(), shown.cap(), shown.capped(), shown.met(),
                    shown.band() == null ? null : labels.label(shown.band()), shown.note());
        }
    }

    @Schema(name = "PratinjauCapaian", description = "Capaian triwulan ini untuk nilai yang diketik, belum disimpan")
    public record CapaianPreview(UUID realisationId, int item, String indicator, String unitOfMeasure,
                                 BigDecimal target, BigDecimal targetMax,
                                 @Schema(description = "Nilai realisasi (dari pembilang/penyebut bila diberikan)")
                                 BigDecimal value, CapaianView quarter) {
    }

    @Schema(name = "TransisiRealisasi", description = "Jejak audit satu perubahan status")
    public record TransitionView(int seq, Instant at, String by, RealisationStatus from, RealisationStatus to,
                                 int version, String reason, List<ReturnReason> checklist) {
    }

    @Schema(name = "RingkasanRealisasi")
    public record RealisationSummary(UUID id, String unitCode, int year, int quarter, UUID agreementId,
                                     int agreementRevision, RealisationStatus status, int latestVersion,
                                     Integer approvedVersion, LocalDate dueDate, Integer workingDaysLate) {
    }
}
