package org.kesra.performance.consistency;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.kesra.performance.units.Unit;

/** What the consistency check answers. */
public final class ConsistencyViews {

    private ConsistencyViews() {
    }

    /** The kind of document a place lies in. */
    public enum Document {
        RENSTRA, PERJANJIAN_KINERJA, REALISASI
    }

    @Schema(name = "TempatTemuan", description = "Satu tempat yang dirujuk temuan: dokumen (href ke API), JSON"
            + " pointer ke angka di dalam jawaban href itu, label untuk pengguna dan angka yang tertulis")
    public record Place(Document document, String href, String pointer, String label, String value) {
    }

    @Schema(name = "TemuanPemeriksaan", description = "Satu ketidaksesuaian dengan kode tetap dan kedua tempat yang"
            + " bertentangan")
    public record Finding(@Schema(example = "PF-CEK-ANGKA-BERBEDA-ANTARTABEL") String code, Check check,
                          String message, Integer year, Integer quarter, List<Place> places) {
    }

    @Schema(name = "TemuanUnit", description = "Hasil pemeriksaan konsistensi seluruh Renstra, Perjanjian Kinerja dan"
            + " realisasi satu unit (dihitung setiap kali dibaca)")
    public record UnitFindings(Unit unit, Integer year, int count, List<Finding> findings) {
    }
}
