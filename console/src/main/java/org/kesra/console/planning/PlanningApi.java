package org.kesra.console.planning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * performance-service's Renstra and Perjanjian Kinerja API as the planner's pages use it. The plan's and the
 * agreement's ETag (newest version, newest revision) goes back as If-Match with every change, so a planner cannot
 * overwrite a colleague's version unseen.
 */
@Component
public class PlanningApi {

    private final GatewayApi api;

    public PlanningApi(GatewayApi api) {
        this.api = api;
    }

    static HttpHeaders ifMatch(String etag) {
        HttpHeaders headers = new HttpHeaders();
        if (etag != null && !etag.isBlank()) {
            String tag = etag.strip();
            headers.setIfMatch(tag.startsWith("\"") || tag.startsWith("W/") ? tag : "\"" + tag + "\"");
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The plans of a unit (null: every plan the user may read). */
    public List<Map<String, Object>> plans(String unit) {
        return items(api.get(u -> {
            u.path("/api/v1/renstra").queryParam("size", 200);
            if (unit != null) {
                u.queryParam("unit", unit);
            }
            return u.build();
        }, new HttpHeaders()));
    }

    /** A plan's newest version with its tree; the ETag names that version. */
    public GatewayApi.Answer plan(UUID id) {
        return api.getWithEtag(u -> u.path("/api/v1/renstra/{id}").build(id), new HttpHeaders());
    }

    public Map<String, Object> planVersion(UUID id, int version) {
        return api.get(u -> u.path("/api/v1/renstra/{id}/versions/{v}").build(id, version), new HttpHeaders());
    }

    /**
     * The capaian and rating performance-service computes for a realisation of one plan indicator in a year (with
     * the cap shown beside it when {@code cap} is given): a planner's "what if" while the year is still running.
     */
    public Map<String, Object> indicatorCapaian(UUID id, int version, UUID indicatorId, String year,
                                                String realisation, String cap) {
        return api.get(u -> {
            u.path("/api/v1/renstra/{id}/versions/{v}/indicators/{i}/capaian").queryParam("tahun", year)
                    .queryParam("realisasi", realisation);
            if (cap != null && !cap.isBlank()) {
                u.queryParam("batas", cap);
            }
            return u.build(id, version, indicatorId);
        }, new HttpHeaders());
    }

    /** What the planner typed beside the Tabel 6.1 file. */
    public record MatrixUpload(Resource file, String startYear, String endYear, String title, String reason,
                               String etag) {
    }

    /**
     * The Renstra matrix (XLSX or CSV) passed on as it came, with the period and, for a revision of the unit's plan
     * of that period, the reason and the version read (If-Match). Read and checked whole by the service.
     */
    public GatewayApi.Answer importMatrix(String unit, MatrixUpload upload) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", upload.file());
        add(parts, "startYear", upload.startYear());
        add(parts, "endYear", upload.endYear());
        add(parts, "title", upload.title());
        add(parts, "reason", upload.reason());
        return api.upload("/api/v1/performance/units/" + UriUtils.encodePathSegment(unit, "UTF-8")
                + "/plans/import", ifMatch(upload.etag()), parts);
    }

    private static void add(MultiValueMap<String, Object> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name, value.strip());
        }
    }

    /** The Perjanjian Kinerja of a unit (null: all the user may read) and a year. */
    public List<Map<String, Object>> agreements(String unit, int year) {
        return items(api.get(u -> {
            u.path("/api/v1/agreements").queryParam("tahun", year).queryParam("size", 200);
            if (unit != null) {
                u.queryParam("unit", unit);
            }
            return u.build();
        }, new HttpHeaders()));
    }

    public GatewayApi.Answer agreement(UUID id) {
        return api.getWithEtag(u -> u.path("/api/v1/agreements/{id}").build(id), new HttpHeaders());
    }

    public Map<String, Object> agreementRevision(UUID id, int revision) {
        return api.get(u -> u.path("/api/v1/agreements/{id}/revisions/{r}").build(id, revision), new HttpHeaders());
    }

    /** The newest revision agreed (frozen afterwards); {@code etag} is the revision the page showed. */
    public GatewayApi.Answer agree(UUID id, String etag) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/agreements/{id}/agreement").build(id), ifMatch(etag),
                null);
    }

    /**
     * The agreement's items (and reason) changed: a DRAFT revision in place, an agreed one as a new revision with the
     * reason; {@code etag} is the revision the form was filled from, so another planner's change is not overwritten.
     */
    public GatewayApi.Answer change(UUID id, String etag, Map<String, Object> body) {
        return api.send(HttpMethod.PUT, u -> u.path("/api/v1/agreements/{id}").build(id), ifMatch(etag), body);
    }

    /** A new Perjanjian Kinerja (revision 1, DRAFT) from the typed items. */
    public GatewayApi.Answer draft(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/agreements").build(), new HttpHeaders(), body);
    }
}
