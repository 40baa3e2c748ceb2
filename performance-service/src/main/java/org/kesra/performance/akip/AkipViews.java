package org.kesra.performance.akip;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the AKIP evaluation API reads and answers. */
public final class AkipViews {

    private AkipViews() {
    }

    @Schema(name = "EvaluasiAkipBaru", description = "Nilai evaluasi AKIP satu unit dan tahun dari evaluator"
            + " (Inspektorat); menggantikan nilai sebelumnya, yang tetap tercatat")
    public record Evaluation(
            @Schema(description = "Nilai 0-100, paling banyak 2 desimal (angka atau teks)", example = "90.01")
            String score,
            @Schema(description = "Evaluator, sebagaimana laporan evaluasi menyebutnya",
                    example = "Inspektorat Kota Metro") String evaluator,
            @Schema(description = "Alasan atau nomor laporan hasil evaluasi") String reason) {
    }

    @Schema(name = "EvaluasiAkip", description = "Nilai evaluasi AKIP dan predikatnya (PermenPANRB 88/2021)")
    public record EvaluationView(String unit, int year, BigDecimal score,
                                 @Schema(description = "AA, A, BB, B, CC, C atau D") String predicate,
                                 @Schema(description = "Arti predikat, misalnya Sangat Memuaskan") String meaning,
                                 String evaluator, String reason, Instant recordedAt, String recordedBy,
                                 @Schema(description = "Versi evaluasi, sama dengan ETag; penggantian menyebutnya"
                                         + " dalam If-Match") int etag,
                                 @Schema(description = "Riwayat pencatatan dan penggantian, terlama dahulu; kosong"
                                         + " pada daftar") List<ChangeView> changes) {
    }

    @Schema(name = "PerubahanEvaluasiAkip", description = "Satu pencatatan atau penggantian: siapa, kapan, sebelum"
            + " dan sesudah")
    public record ChangeView(Instant changedAt, String changedBy, State before, State after) {
    }

    @Schema(name = "KeadaanEvaluasiAkip")
    public record State(BigDecimal score, String predicate, String evaluator, String reason) {
    }

    @Schema(name = "DaftarEvaluasiAkip")
    public record EvaluationList(String unit, List<EvaluationView> evaluations) {
    }
}
