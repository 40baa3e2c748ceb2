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
    /** A report row (agreement item, IKU number) the unit's report for the period does not have. */
    ITEM_UNKNOWN("RP-BUTIR-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Butir laporan tidak dikenal"),
    /** A figure asked to be traced that the period has no data for yet (nothing submitted or agreed). */
    FIGURE_NO_DATA("RP-ANGKA-BELUM-ADA", RefusalKind.NOT_FOUND, "Angka belum ada untuk periode ini"),
    /** A plan version ({@code versi}) the unit's newest Renstra does not have: 404 with a pointer to the parameter. */
    PLAN_VERSION_UNKNOWN("RP-VERSI-RENSTRA-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Versi Renstra tidak dikenal"),
    /** A region outside the caller's own; said without telling whether it exists or has data. */
    OUTSIDE_REGION("RP-DI-LUAR-WILAYAH", RefusalKind.FORBIDDEN, "Di luar wilayah Anda"),
    /** A caller whose role reads no report (the access table lets through only reading roles; this is the backstop). */
    ROLE_NOT_ALLOWED("RP-PERAN-TIDAK-DIIZINKAN", RefusalKind.FORBIDDEN, "Peran tidak diizinkan"),
    /** A read-model rebuild was asked for while another runs (on any instance). */
    REBUILD_RUNNING("RP-BANGUN-ULANG-BERJALAN", RefusalKind.CONFLICT, "Pembangunan ulang sedang berjalan"),
    /** A rebuild id that names no rebuild. */
    REBUILD_UNKNOWN("RP-BANGUN-ULANG-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Pembangunan ulang tidak dikenal"),
    /** A report type the generation endpoint does not know (quarterly, lakip, recap are known). */
    REPORT_TYPE_UNKNOWN("RP-JENIS-LAPORAN-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Jenis laporan tidak dikenal"),
    /** A generated file id that names no file the caller may see (same answer for another region's file). */
    GENERATION_UNKNOWN("RP-BERKAS-LAPORAN-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Berkas laporan tidak dikenal"),
    /** The file is not made yet (queued or running) or its generation failed, so there are no bytes. */
    GENERATION_NOT_READY("RP-BERKAS-BELUM-SIAP", RefusalKind.CONFLICT, "Berkas laporan belum siap"),
    /** Too many generations waiting; the request is not kept. */
    GENERATION_QUEUE_FULL("RP-ANTREAN-PENUH", RefusalKind.UNAVAILABLE, "Antrean pembuatan laporan penuh"),
    /** Kept on a generation that an instance stopped running (restart) before it finished. */
    GENERATION_INTERRUPTED("RP-PEMBUATAN-TERPUTUS", RefusalKind.UNAVAILABLE, "Pembuatan laporan terputus"),
    /** Kept on a generation whose rendering failed for a reason that is not the request's. */
    GENERATION_FAILED("RP-PEMBUATAN-GAGAL", RefusalKind.UNAVAILABLE, "Pembuatan laporan gagal"),
    /** A file kept before offsets were recorded: there is no position to replay to. */
    REGENERATION_NO_OFFSETS("RP-BERKAS-TANPA-OFFSET", RefusalKind.CONFLICT, "Berkas tanpa posisi data"),
    /** A regeneration as of a file's offsets, or a rebuild, is already running (one replay at a time). */
    REGENERATION_BUSY("RP-REGENERASI-BERJALAN", RefusalKind.CONFLICT, "Pembuatan ulang sedang berjalan"),
    /** A regeneration id that names none of the file's regenerations. */
    REGENERATION_UNKNOWN("RP-REGENERASI-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Pembuatan ulang tidak dikenal"),
    /** Kept on a regeneration whose replay or rendering failed; the scratch schema was dropped. */
    REGENERATION_FAILED("RP-REGENERASI-GAGAL", RefusalKind.UNAVAILABLE, "Pembuatan ulang gagal");

    private final Definition definition;

    ReportingProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
