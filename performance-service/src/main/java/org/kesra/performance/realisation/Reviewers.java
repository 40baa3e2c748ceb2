package org.kesra.performance.realisation;

import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitKind;
import org.kesra.platform.web.Caller;

/**
 * Who reports a unit's quarter and who decides on it, from the token. A kecamatan is reported by its
 * {@code kecamatan-operator}, a kelurahan by its {@code kelurahan-operator} (their {@code wilayah} is the unit), an OPD by
 * its {@code planner} (their {@code opd}); platform admins may report for any unit. Decisions belong to the parent: the
 * {@code kecamatan-approver} of the kecamatan for the kecamatan and its kelurahan; for an OPD the realm has no role of
 * the head of an agency yet, so a {@code platform-admin} decides in their stead until one exists. Nobody decides on a
 * report they submitted ({@link Realisations}).
 */
final class Reviewers {

    private Reviewers() {
    }

    static boolean submits(Caller caller, Unit unit) {
        if (caller.hasRole("platform-admin")) {
            return true;
        }
        return switch (unit.kind()) {
            case KECAMATAN -> caller.hasRole("kecamatan-operator") && isRegion(caller, unit.code());
            case KELURAHAN -> caller.hasRole("kelurahan-operator") && isRegion(caller, unit.code());
            case OPD -> caller.hasRole("planner") && caller.opd().map(unit.code()::equals).orElse(false);
        };
    }

    static boolean decides(Caller caller, Unit unit) {
        if (unit.kind() == UnitKind.OPD) {
            return caller.hasRole("platform-admin");
        }
        String kecamatan = unit.kind() == UnitKind.KECAMATAN ? unit.code() : unit.code().substring(0, 8);
        return caller.hasRole("kecamatan-approver") && isRegion(caller, kecamatan);
    }

    private static boolean isRegion(Caller caller, String code) {
        return caller.wilayah().map(code::equals).orElse(false);
    }
}
