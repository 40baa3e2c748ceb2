package org.kesra.performance.realisation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What staff send for a quarterly realisation. Figures are text, parsed and checked by the service, so that a
 * non-numeric value is answered with its own code and pointer rather than as an unreadable body.
 */
public final class RealisationRequests {

    private RealisationRequests() {
    }

    @Schema(name = "RealisasiTriwulanBaru")
    public record NewRealisation(
            @Schema(example = "18.72.03") String unit,
            @Schema(example = "2024") Integer year,
            @Schema(description = "Triwulan 1-4", example = "1") Integer quarter,
            @Schema(description = "Perjanjian Kinerja yang dilaporkan") UUID agreementId,
            @Schema(description = "Revisi PK yang disepakati yang menjadi acuan", example = "1") Integer agreementRevision,
            List<Entry> entries,
            @Schema(description = "Kendala/hambatan") String obstacles,
            @Schema(description = "Rencana tindak lanjut") String followUp) {
    }

    @Schema(name = "PerubahanRealisasi", description = "Isi baru realisasi; sesudah disetujui wajib dengan alasan dan"
            + " membuka kembali penilaian (versi yang disetujui tetap dapat dibaca)")
    public record Change(String reason, List<Entry> entries, String obstacles, String followUp) {
    }

    @Schema(name = "RealisasiButir", description = "Realisasi satu butir PK: nilai, atau pembilang dan penyebut untuk"
            + " persentase")
    public record Entry(
            @Schema(description = "Urutan butir pada PK, mulai 0", example = "0") Integer item,
            @Schema(example = "82") String value,
            @Schema(example = "85") String numerator,
            @Schema(example = "100") String denominator,
            @Schema(description = "Realisasi anggaran (rupiah)", example = "5955000") Long budgetRealised,
            String note,
            @Schema(description = "true: realisasi anggaran memang melebihi pagu (wajib dengan alasan)")
            Boolean budgetOverride,
            @Schema(description = "Alasan realisasi anggaran melebihi pagu; wajib bila budgetOverride true")
            String budgetOverrideReason) {
    }

    @Schema(name = "PengembalianRealisasi", description = "Tanggapan atasan langsung saat mengembalikan laporan")
    public record Return(
            @Schema(description = "REPORT_TO_FIX, RECHECK_TARGET_AND_REALISATION, RECHECK_CAPAIAN, OTHER")
            List<String> checklist,
            @Schema(description = "Uraian untuk OTHER (lain-lain)") String other) {
    }
}
