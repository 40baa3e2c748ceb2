package org.kesra.reporting.generation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.lakip.LakipPdf;
import org.kesra.reporting.lakip.LakipReport;
import org.kesra.reporting.lakip.LakipWorkbook;
import org.kesra.reporting.quarterly.QuarterlyPdf;
import org.kesra.reporting.quarterly.QuarterlyPerformanceReport;
import org.kesra.reporting.quarterly.QuarterlyWorkbook;
import org.kesra.reporting.recap.PpksRecap;
import org.kesra.reporting.recap.RecapPdf;
import org.kesra.reporting.realisation.RealisationPdf;
import org.kesra.reporting.realisation.RealisationReports;
import org.kesra.reporting.realisation.RealisationWorkbook;
import org.kesra.reporting.recap.RecapWorkbook;
import org.kesra.reporting.renstra.RenstraMatrixPdf;
import org.kesra.reporting.renstra.RenstraMatrixReport;
import org.kesra.reporting.renstra.RenstraMatrixWorkbook;
import org.springframework.stereotype.Component;

/**
 * The reports that can be kept as files, each read through its own use case, so a generated file is refused, scoped
 * and laid out exactly as the same report's GET is. Reading the report (cheap: the read model) happens when the
 * generation is asked for, so bad parameters and regions are refused at once; rendering the file is what runs later.
 */
@Component
class ReportKinds {

    static final Map<String, List<String>> PARAMETERS = Map.of(
            "quarterly", List.of("unit", "tahun", "triwulan"),
            "lakip", List.of("unit", "tahun"),
            "recap", List.of("period", "kecamatan"),
            "renstra", List.of("unit", "versi"),
            "pkh", List.of("tahun", "program"),
            "sembako", List.of("tahun", "program"));
    /** The kinds, as refusals list them. */
    static final String KNOWN = "quarterly, lakip, recap, renstra, pkh atau sembako";
    /** Reports with no file (JSON only); asked for as a file, the format is refused rather than the type. */
    static final Set<String> JSON_ONLY = Set.of("dashboard");
    static final List<String> FORMATS = List.of("xlsx", "pdf");

    /** The file formats a kind can be kept in (none for a JSON-only one); every file kind has both. */
    static List<String> formats(String type) {
        return JSON_ONLY.contains(type) ? List.of() : FORMATS;
    }

    /** A rendered file. */
    record File(String name, String mediaType, byte[] bytes) {
    }

    /**
     * A report read for the given parameters: the parameters as the report understood them, the unit the history is
     * filtered by, the narrowest region its content lies in (null: city-wide readers only), the data version and the
     * offsets it reflects (read in the snapshot of its data) and how to render it as a file of a format.
     */
    record Prepared(String type, Map<String, String> parameters, String unitCode, String audienceRegion,
                    List<GenerationStatus.DataVersion> dataVersion, List<GenerationStatus.SourceOffsets> offsets,
                    Instant dataAsOf, Function<String, File> render) {
    }

    private final QuarterlyPerformanceReport quarterly;
    private final LakipReport lakip;
    private final PpksRecap recap;
    private final RenstraMatrixReport renstra;
    private final RealisationReports realisation;

    ReportKinds(QuarterlyPerformanceReport quarterly, LakipReport lakip, PpksRecap recap,
                RenstraMatrixReport renstra, RealisationReports realisation) {
        this.quarterly = quarterly;
        this.lakip = lakip;
        this.recap = recap;
        this.renstra = renstra;
        this.realisation = realisation;
    }

    /**
     * Reads the report; the use case's refusals come out with pointers into the request body
     * ({@code /parameters/unit} instead of the GET's {@code /unit}).
     */
    Prepared prepare(String type, Map<String, String> parameters, ReportingAccess.Scope scope) {
        try {
            return switch (type) {
                case "quarterly" -> {
                    QuarterlyPerformanceReport.Report report = quarterly.report(scope, parameters.get("unit"),
                            parameters.get("tahun"), parameters.get("triwulan"));
                    Map<String, String> read = ordered("unit", report.unitCode(), "tahun",
                            String.valueOf(report.year()), "triwulan", String.valueOf(report.quarter()));
                    yield new Prepared(type, read, report.unitCode(), audience(scope, regionOf(report.unitCode())),
                            GenerationStatus.DataVersion.of(report.sources()),
                            GenerationStatus.SourceOffsets.of(report.sources()), report.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(QuarterlyWorkbook.fileName(report),
                                        QuarterlyWorkbook.MEDIA_TYPE, QuarterlyWorkbook.write(report));
                                default -> new File(QuarterlyPdf.fileName(report), QuarterlyPdf.MEDIA_TYPE,
                                        QuarterlyPdf.write(report));
                            });
                }
                case "lakip" -> {
                    LakipReport.Report report = lakip.report(scope, parameters.get("unit"), parameters.get("tahun"));
                    Map<String, String> read = ordered("unit", report.unitCode(), "tahun",
                            String.valueOf(report.year()));
                    yield new Prepared(type, read, report.unitCode(), audience(scope, regionOf(report.unitCode())),
                            GenerationStatus.DataVersion.of(report.sources()),
                            GenerationStatus.SourceOffsets.of(report.sources()), report.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(LakipWorkbook.fileName(report), LakipWorkbook.MEDIA_TYPE,
                                        LakipWorkbook.write(report));
                                default -> new File(LakipPdf.fileName(report), LakipPdf.MEDIA_TYPE,
                                        LakipPdf.write(report));
                            });
                }
                case "recap" -> {
                    String kecamatan = parameters.get("kecamatan");
                    PpksRecap.Recap read = recap.recap(scope, parameters.get("period"), kecamatan);
                    Map<String, String> normalised = ordered("period", read.period(), "kecamatan",
                            kecamatan == null ? null : kecamatan.trim());
                    String region = kecamatan == null ? null : kecamatan.trim();
                    yield new Prepared(type, normalised, region, audience(scope, region),
                            GenerationStatus.DataVersion.of(read.sources()),
                            GenerationStatus.SourceOffsets.of(read.sources()), read.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(RecapWorkbook.fileName(read), RecapWorkbook.MEDIA_TYPE,
                                        RecapWorkbook.write(read));
                                default -> new File(RecapPdf.fileName(read), RecapPdf.MEDIA_TYPE,
                                        RecapPdf.write(read));
                            });
                }
                case "renstra" -> {
                    RenstraMatrixReport.Report report = renstra.report(scope, parameters.get("unit"),
                            parameters.get("versi"));
                    // the version read, so a verification regenerates this version after a newer one is published
                    Map<String, String> read = ordered("unit", report.unitCode(), "versi",
                            report.plan() == null ? null : String.valueOf(report.plan().version()));
                    yield new Prepared(type, read, report.unitCode(), audience(scope, regionOf(report.unitCode())),
                            GenerationStatus.DataVersion.of(report.sources()),
                            GenerationStatus.SourceOffsets.of(report.sources()), report.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(RenstraMatrixWorkbook.fileName(report),
                                        RenstraMatrixWorkbook.MEDIA_TYPE, RenstraMatrixWorkbook.write(report));
                                default -> new File(RenstraMatrixPdf.fileName(report), RenstraMatrixPdf.MEDIA_TYPE,
                                        RenstraMatrixPdf.write(report));
                            });
                }
                case "pkh" -> {
                    // city-level: the use case refuses a regional scope before anything is read
                    RealisationReports.PkhReport report = realisation.stages(scope, parameters.get("program"),
                            parameters.get("tahun"));
                    Map<String, String> read = ordered("tahun", String.valueOf(report.year()), "program",
                            report.programme());
                    yield new Prepared(type, read, null, null, GenerationStatus.DataVersion.of(report.sources()),
                            GenerationStatus.SourceOffsets.of(report.sources()),
                            report.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(RealisationWorkbook.fileName(report),
                                        RealisationWorkbook.MEDIA_TYPE, RealisationWorkbook.write(report));
                                default -> new File(RealisationPdf.fileName(report), RealisationPdf.MEDIA_TYPE,
                                        RealisationPdf.write(report));
                            });
                }
                case "sembako" -> {
                    RealisationReports.MonthlyReport report = realisation.monthly(scope, parameters.get("program"),
                            parameters.get("tahun"));
                    Map<String, String> read = ordered("tahun", String.valueOf(report.year()), "program",
                            report.programme());
                    yield new Prepared(type, read, null, null, GenerationStatus.DataVersion.of(report.sources()),
                            GenerationStatus.SourceOffsets.of(report.sources()),
                            report.dataAsOf(), format -> switch (format) {
                                case "xlsx" -> new File(RealisationWorkbook.fileName(report),
                                        RealisationWorkbook.MEDIA_TYPE, RealisationWorkbook.write(report));
                                default -> new File(RealisationPdf.fileName(report), RealisationPdf.MEDIA_TYPE,
                                        RealisationPdf.write(report));
                            });
                }
                default -> throw ReportingProblems.REPORT_TYPE_UNKNOWN.refuse(
                        "Jenis laporan '" + type + "' tidak dikenal.");
            };
        } catch (Refusal refusal) {
            if (refusal.violations().isEmpty()) {
                throw refusal;
            }
            List<Violation> moved = refusal.violations().stream()
                    .map(v -> v.pointer() == null || v.pointer().equals("/format") ? v
                            : new Violation("/parameters" + v.pointer(), v.row(), v.column(), v.value(), v.detail()))
                    .toList();
            throw new Refusal(refusal.type(), refusal.detail(), moved);
        }
    }

    /** A kecamatan or kelurahan code names a region; an OPD code (dinsos) does not. */
    private static String regionOf(String unitCode) {
        return unitCode != null && !unitCode.isEmpty() && Character.isDigit(unitCode.charAt(0)) ? unitCode : null;
    }

    /**
     * The narrowest region the content lies in: the deeper of the region the report is about and the reader's own
     * (a kelurahan operator's recap of their kecamatan holds their kelurahan only). The use cases have already
     * refused regions that do not overlap, so one lies within the other.
     */
    static String audience(ReportingAccess.Scope scope, String region) {
        Optional<String> own = scope.region();
        if (own.isEmpty()) {
            return region;
        }
        if (region == null) {
            return own.get();
        }
        return own.get().length() > region.length() ? own.get() : region;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
