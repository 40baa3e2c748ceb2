package org.kesra.reporting;

import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.refusal.RefusalKind;

/**
 * Every problem code reporting-service answers with besides the platform's own ({@code PlatformProblems}). Use cases
 * throw {@code ReportingProblems.X.refuse(detail)}; the kind becomes the HTTP status in one place (platform-web).
 */
public enum ReportingProblems implements ProblemType {

    /** A report parameter that cannot be read (period, format, region code): 400 with a pointer per parameter. */
    PARAMETER_INVALID("RP-PARAMETER-TIDAK-SAH", RefusalKind.INVALID, "Parameter laporan tidak sah"),
    /** A kecamatan or kelurahan code the city does not have. */
    REGION_UNKNOWN("RP-WILAYAH-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Wilayah tidak dikenal"),
    /** A unit (OPD code or kecamatan/kelurahan code) that the city does not have. */
    UNIT_UNKNOWN("RP-UNIT-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Unit kerja tidak dikenal"),
    /** A programme code no payment round was ever published for (and not one the city is known to run). */
    PROGRAMME_UNKNOWN("RP-PROGRAM-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Program tidak dikenal"),
    /** A year that lies outside every plan (Renstra) the unit has: 400 with a pointer to the year. */
    PERIOD_OUTSIDE_PLAN("RP-PERIODE-DI-LUAR-RENSTRA", RefusalKind.INVALID, "Periode di luar Renstra unit"),
    /** A region outside the caller's own; said without telling whether it exists or has data. */
    OUTSIDE_REGION("RP-DI-LUAR-WILAYAH", RefusalKind.FORBIDDEN, "Di luar wilayah Anda"),
    /** A caller whose role reads no report (the access table lets through only reading roles; this is the backstop). */
    ROLE_NOT_ALLOWED("RP-PERAN-TIDAK-DIIZINKAN", RefusalKind.FORBIDDEN, "Peran tidak diizinkan"),
    /** A read-model rebuild was asked for while another runs (on any instance). */
    REBUILD_RUNNING("RP-BANGUN-ULANG-BERJALAN", RefusalKind.CONFLICT, "Pembangunan ulang sedang berjalan"),
    /** A rebuild id that names no rebuild. */
    REBUILD_UNKNOWN("RP-BANGUN-ULANG-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Pembangunan ulang tidak dikenal");

    private final Definition definition;

    ReportingProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
