package org.kesra.performance.units;

/** What a unit is; OPDs are named by their realm opd code, kecamatan and kelurahan by their region code. */
public enum UnitKind {
    OPD, KECAMATAN, KELURAHAN;

    public boolean isRegion() {
        return this != OPD;
    }
}
