package org.kesra.performance.units;

/** A unit that keeps plans and reports performance: an OPD, a kecamatan or a kelurahan. */
public record Unit(String code, UnitKind kind, String name, String parentCode) {
}
