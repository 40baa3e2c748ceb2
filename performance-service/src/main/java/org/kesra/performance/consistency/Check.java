package org.kesra.performance.consistency;

/**
 * The consistency checks run over a unit's plans, agreements and realisations, each with the stable code clients
 * match on. A finding does not block anything: SAKIP documents are corrected by their authors (a plan revision, an
 * agreement revision, an edited realisation), and the finding disappears once the figures agree.
 */
public enum Check {
    /** A program's or kegiatan's budget of a year differs from the sum of its kegiatan's or sub-kegiatan's. */
    BUDGET_SUM("PF-CEK-JUMLAH-ANGGARAN"),
    /**
     * The same figure quoted in two tables disagrees: an agreement item's target or budget against the Renstra
     * indicator it takes over, a realisation's pagu against the Renstra budget table.
     */
    FIGURE_DIFFERS("PF-CEK-ANGKA-BERBEDA-ANTARTABEL"),
    /** A realised budget above the item's pagu without an explicit override with a reason. */
    OVER_PAGU("PF-CEK-MELEBIHI-PAGU"),
    /** A percentage in plain % (a share) outside 0-100. */
    PERCENT_RANGE("PF-CEK-PERSENTASE-DI-LUAR-RENTANG"),
    /** An indicator of a plan without a target for one of the plan's years. */
    TARGET_YEAR_MISSING("PF-CEK-TARGET-TAHUN-KOSONG"),
    /** A realisation without an entry for one of its agreement's indicators. */
    REALISATION_MISSING("PF-CEK-REALISASI-BELUM-ADA");

    private final String code;

    Check(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
