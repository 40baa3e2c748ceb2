package org.kesra.reporting.performancefigures;

import java.util.List;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.wilayah.Regions;
import org.springframework.stereotype.Service;

/**
 * The unit a performance report (quarterly, LAKIP, Renstra matrix) is asked for, read one way for all of them: out of
 * the caller's scope it is refused before anything is looked up; its code is a kecamatan/kelurahan code or an OPD's
 * realm code; its name is the region's ("Kecamatan Metro Barat") or the OPD's as the read model holds it.
 */
@Service
public class ReportUnits {

    private static final Pattern OPD_UNIT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** A known unit: code, name as reports print it, kind ({@code kecamatan}, {@code kelurahan} or {@code opd}). */
    public record Named(String code, String name, String kind) {
    }

    private final Regions regions;
    private final PerformanceFigures figures;

    ReportUnits(Regions regions, PerformanceFigures figures) {
        this.regions = regions;
        this.figures = figures;
    }

    /** The code as asked (trimmed); a unit outside the caller's scope is refused without saying whether it exists. */
    public static String covered(ReportingAccess.Scope scope, String unitText) {
        String unit = unitText == null ? "" : unitText.trim();
        if (!unit.isEmpty() && !scope.covers(unit)) {
            throw ReportingProblems.OUTSIDE_REGION.refuse("Unit yang diminta berada di luar wilayah kerja Anda.");
        }
        return unit;
    }

    /** Adds the {@code /unit} violation of a missing or malformed code to the report's other parameter checks. */
    public static void check(String unit, List<Violation> violations) {
        if (unit.isEmpty()) {
            violations.add(Violation.field("/unit", "Unit kerja wajib diisi (kode OPD seperti dinsos, atau kode "
                    + "kecamatan/kelurahan seperti 18.72.03)."));
        } else if (!Regions.CODE.matcher(unit).matches() && !OPD_UNIT.matcher(unit).matches()) {
            violations.add(Violation.field("/unit", "Kode unit '" + unit + "' tidak sah."));
        }
    }

    /** The unit's name and kind, or 404 {@code RP-UNIT-TIDAK-DIKENAL}. */
    public Named named(String unit) {
        if (Regions.CODE.matcher(unit).matches()) {
            Regions.Region region = regions.region(unit).orElseThrow(() ->
                    ReportingProblems.UNIT_UNKNOWN.refuse("Unit " + unit + " tidak dikenal."));
            return new Named(unit, ("kecamatan".equals(region.level()) ? "Kecamatan " : "Kelurahan ")
                    + region.name(), region.level());
        }
        String name = figures.opdName(unit).orElseThrow(() ->
                ReportingProblems.UNIT_UNKNOWN.refuse("Unit " + unit + " tidak dikenal."));
        return new Named(unit, name, "opd");
    }
}
