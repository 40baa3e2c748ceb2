package org.kesra.console.monitoring;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The APIs the monitoring pages read: performance-service's monitoring (status per unit and quarter, roll-ups per
 * kecamatan and kelurahan, chart series, one unit's indicators) and reporting-service's reports (the quarterly
 * performance report and the PPKS and KPM recap per kelurahan, as JSON to show and as files to download). The pages
 * lay these answers out; every figure (capaian, lateness, shares) is the services'.
 */
@Component
public class MonitoringApi {

    /** The file formats reporting-service makes; HTML is the PDF's own page, shown as a preview. */
    public enum Format { XLSX, PDF, HTML }

    private static final String GENERATIONS = "/api/v1/reports/generations";

    private final GatewayApi api;

    public MonitoringApi(GatewayApi api) {
        this.api = api;
    }

    /** One year's monitoring: a page of units with their four quarters, and the roll-ups of the whole region. */
    /** {@code state}: null for every unit, or performance-service's TERLAMBAT / MENUNGGU_PENILAIAN filter. */
    public Map<String, Object> overview(int year, String region, String state, int page) {
        return api.get(u -> {
            u.path("/api/v1/performance/monitoring").queryParam("tahun", year).queryParam("page", page)
                    .queryParam("size", 50);
            if (region != null) {
                u.queryParam("wilayah", region);
            }
            if (state != null) {
                u.queryParam("keadaan", state);
            }
            return u.build();
        }, new HttpHeaders());
    }

    /** The chart series: units per status and the mean capaian per indicator, one value per quarter. */
    public Map<String, Object> chart(int year, String region) {
        return api.get(u -> {
            u.path("/api/v1/performance/monitoring/chart").queryParam("tahun", year);
            if (region != null) {
                u.queryParam("wilayah", region);
            }
            return u.build();
        }, new HttpHeaders());
    }

    /** One unit's indicators with their value, capaian and rating per quarter. */
    public Map<String, Object> unit(String unit, int year) {
        return api.get(u -> u.path("/api/v1/performance/monitoring/units/{unit}").queryParam("tahun", year)
                .build(unit), new HttpHeaders());
    }

    /** The quarterly performance report as JSON: whether it has data, its data version and its notes. */
    public Map<String, Object> quarterlyReport(String unit, String year, String quarter) {
        return api.get(u -> u.path("/api/v1/reports/quarterly-performance").queryParam("unit", unit)
                .queryParam("tahun", year).queryParam("triwulan", quarter).queryParam("format", "json").build(),
                new HttpHeaders());
    }

    /**
     * Where one figure of a report comes from (reporting-service's trace): the parameters go as given (blank ones
     * left out), so the service's refusal names the one that is wrong.
     */
    public Map<String, Object> trace(Map<String, String> parameters) {
        return api.get(u -> {
            u.path("/api/v1/reports/traces");
            parameters.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    u.queryParam(name, value.strip());
                }
            });
            return u.build();
        }, new HttpHeaders());
    }

    public void quarterlyReportFile(String unit, String year, String quarter, Format format,
                                    Consumer<HttpHeaders> head, Supplier<OutputStream> to) {
        api.downloadFile(u -> u.path("/api/v1/reports/quarterly-performance").queryParam("unit", unit)
                .queryParam("tahun", year).queryParam("triwulan", quarter)
                .queryParam("format", format.name().toLowerCase(java.util.Locale.ROOT)).build(), new HttpHeaders(),
                head, to);
    }

    /** The PPKS and KPM recap per kelurahan of a kecamatan (or the user's whole region) for a period. */
    public Map<String, Object> ppksRecap(String period, String kecamatan) {
        return api.get(u -> recap(u, period, kecamatan, "json"), new HttpHeaders());
    }

    public void ppksRecapFile(String period, String kecamatan, Format format, Consumer<HttpHeaders> head,
                              Supplier<OutputStream> to) {
        api.downloadFile(u -> recap(u, period, kecamatan, format.name().toLowerCase(java.util.Locale.ROOT)),
                new HttpHeaders(), head, to);
    }

    /** The LAKIP of one unit for a year (seed 004 Bab III), as reporting-service lays it out. */
    public void lakipFile(String unit, String year, Format format, Consumer<HttpHeaders> head,
                          Supplier<OutputStream> to) {
        api.downloadFile(u -> u.path("/api/v1/reports/lakip").queryParam("unit", unit).queryParam("tahun", year)
                .queryParam("format", format.name().toLowerCase(java.util.Locale.ROOT)).build(), new HttpHeaders(),
                head, to);
    }

    /**
     * The Renstra progress matrix of one unit (seed 001 Tabel 6.1 with realisation and capaian per year);
     * {@code version} null: the newest plan version.
     */
    public void renstraMatrixFile(String unit, String version, Format format, Consumer<HttpHeaders> head,
                                  Supplier<OutputStream> to) {
        api.downloadFile(u -> {
            u.path("/api/v1/reports/renstra-matrix").queryParam("unit", unit)
                    .queryParam("format", format.name().toLowerCase(java.util.Locale.ROOT));
            if (version != null) {
                u.queryParam("versi", version);
            }
            return u.build();
        }, new HttpHeaders(), head, to);
    }

    /**
     * The city-level reports of one programme for one year, which reporting-service takes alike (year, programme,
     * format); each names the programme it reports when none is given.
     */
    public enum ProgrammeReport {
        /** A programme's realisation per stage (seed 001 Tabel 2.1); the service's default programme is PKH. */
        PKH_REALISATION("/api/v1/reports/pkh-realisation"),
        /** The BPNT/Sembako KPM per month; the service's default programme is SEMBAKO. */
        SEMBAKO_MONTHLY("/api/v1/reports/sembako-monthly");

        private final String path;

        ProgrammeReport(String path) {
            this.path = path;
        }
    }

    /** One programme report for a year (city level); {@code programme} null: the report's default programme. */
    public void programmeReportFile(ProgrammeReport report, String year, String programme, Format format,
                                    Consumer<HttpHeaders> head, Supplier<OutputStream> to) {
        api.downloadFile(u -> programmeReport(u, report.path, year, programme, format), new HttpHeaders(), head, to);
    }

    private static java.net.URI programmeReport(org.springframework.web.util.UriBuilder u, String path, String year,
                                                String programme, Format format) {
        u.path(path).queryParam("tahun", year).queryParam("format", format.name().toLowerCase(java.util.Locale.ROOT));
        if (programme != null) {
            u.queryParam("program", programme);
        }
        return u.build();
    }

    private static java.net.URI recap(org.springframework.web.util.UriBuilder u, String period, String kecamatan,
                                      String format) {
        u.path("/api/v1/reports/ppks-recap").queryParam("period", period).queryParam("format", format);
        if (kecamatan != null) {
            u.queryParam("kecamatan", kecamatan);
        }
        return u.build();
    }

    /** The city dashboard's series for a year (reporting-service), of one kecamatan when given. */
    public Map<String, Object> dashboard(int year, String kecamatan) {
        return api.get(u -> {
            u.path("/api/v1/reports/dashboard").queryParam("tahun", year);
            if (kecamatan != null) {
                u.queryParam("kecamatan", kecamatan);
            }
            return u.build();
        }, new HttpHeaders());
    }

    /**
     * Asks reporting-service to make and keep a report file ({@code type} quarterly, lakip or recap with its
     * parameters, {@code format} xlsx or pdf): the answer is the generation's status (202), with its id.
     */
    public Map<String, Object> requestGeneration(String type, Map<String, String> parameters, Format format) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", type);
        body.put("parameters", parameters);
        body.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        return api.send(org.springframework.http.HttpMethod.POST, u -> u.path(GENERATIONS).build(), new HttpHeaders(),
                body).body();
    }

    /** A kept file's status: QUEUED, RUNNING, DONE (file name, size, SHA-256) or FAILED with its problem. */
    public Map<String, Object> generation(java.util.UUID id) {
        return api.get(u -> u.path(GENERATIONS + "/{id}").build(id), new HttpHeaders());
    }

    /** The kept files the user may see, newest first; {@code type} null for every type. */
    public Map<String, Object> generations(String type, int page) {
        return api.get(u -> {
            u.path(GENERATIONS).queryParam("page", page).queryParam("size", 20);
            if (type != null) {
                u.queryParam("type", type);
            }
            return u.build();
        }, new HttpHeaders());
    }

    /** Who downloaded a kept file and when (auditor, platform admin). */
    public List<Map<String, Object>> generationDownloads(java.util.UUID id) {
        return api.getList(GENERATIONS + "/" + id + "/downloads");
    }

    /** Regenerates a kept file and compares: MATCH, DATA_CHANGED or MISMATCH (nothing is stored). */
    public Map<String, Object> verifyGeneration(java.util.UUID id) {
        return api.send(org.springframework.http.HttpMethod.POST, u -> u.path(GENERATIONS + "/{id}/verifications")
                .build(id), new HttpHeaders(), null).body();
    }

    /** A kept file's bytes (the service logs the download). */
    public void generationFile(java.util.UUID id, Consumer<HttpHeaders> head, Supplier<OutputStream> to) {
        api.downloadFile(u -> u.path(GENERATIONS + "/{id}/file").build(id), new HttpHeaders(), head, to);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
