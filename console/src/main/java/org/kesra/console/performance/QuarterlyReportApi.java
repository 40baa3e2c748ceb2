package org.kesra.console.performance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/**
 * performance-service's API as the quarterly submission and review pages use it (named apart from other pages'
 * clients of the same service: one bean name each). Every SAKIP figure (capaian, absorption, lateness, working
 * days) is the service's answer: the console formats, never computes.
 */
@Component
public class QuarterlyReportApi {

    private final GatewayApi api;

    public QuarterlyReportApi(GatewayApi api) {
        this.api = api;
    }

    private static HttpHeaders ifMatch(String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch(etag.startsWith("\"") ? etag : "\"" + etag + "\"");
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The unit's Perjanjian Kinerja of a year (all positions). */
    public List<Map<String, Object>> agreements(String unit, int year) {
        return items(api.get(u -> u.path("/api/v1/agreements").queryParam("unit", unit).queryParam("tahun", year)
                .queryParam("size", 200).build(), new HttpHeaders()));
    }

    /** Realisations the user may read: of one unit (null: the whole region), a year and, optionally, a quarter. */
    public List<Map<String, Object>> realisations(String unit, int year, Integer quarter) {
        return items(api.get(u -> {
            u.path("/api/v1/realisations").queryParam("tahun", year).queryParam("size", 200);
            if (unit != null) {
                u.queryParam("unit", unit);
            }
            if (quarter != null) {
                u.queryParam("triwulan", quarter);
            }
            return u.build();
        }, new HttpHeaders()));
    }

    /** The items of one revision of a Perjanjian Kinerja, in their order (the realisation's item numbers). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> agreementItems(UUID id, int revision) {
        Object items = api.get(u -> u.path("/api/v1/agreements/{id}/revisions/{r}").build(id, revision),
                new HttpHeaders()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public GatewayApi.Answer realisation(UUID id) {
        return api.getWithEtag(u -> u.path("/api/v1/realisations/{id}").build(id), new HttpHeaders());
    }

    public Map<String, Object> version(UUID id, int version) {
        return api.get(u -> u.path("/api/v1/realisations/{id}/versions/{v}").build(id, version), new HttpHeaders());
    }

    public List<Map<String, Object>> transitions(UUID id) {
        return api.getList("/api/v1/realisations/" + id + "/transitions");
    }

    public List<Map<String, Object>> evidence(UUID id) {
        return api.getList("/api/v1/realisations/" + id + "/evidence");
    }

    /** An evidence file's bytes as uploaded, copied to {@code to}. */
    public void download(UUID id, UUID evidenceId, java.io.OutputStream to) {
        api.download(u -> u.path("/api/v1/realisations/{id}/evidence/{e}").build(id, evidenceId), new HttpHeaders(),
                to);
    }

    /** A new DRAFT of the unit's quarter against an agreed revision, with no figures yet. */
    public Map<String, Object> create(String unit, int year, int quarter, UUID agreementId, int revision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unit);
        body.put("year", year);
        body.put("quarter", quarter);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", revision);
        body.put("entries", List.of());
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/realisations").build(), new HttpHeaders(), body)
                .body();
    }

    public GatewayApi.Answer change(UUID id, String etag, Map<String, Object> body) {
        return api.send(HttpMethod.PUT, u -> u.path("/api/v1/realisations/{id}").build(id), ifMatch(etag), body);
    }

    public GatewayApi.Answer submit(UUID id, String etag) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/realisations/{id}/submission").build(id),
                ifMatch(etag), null);
    }

    /** Returned with the seed 002 checklist (and the superior's own text for OTHER). */
    public GatewayApi.Answer giveBack(UUID id, String etag, List<String> checklist, String other) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checklist", checklist);
        body.put("other", other == null || other.isBlank() ? null : other);
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/realisations/{id}/return").build(id), ifMatch(etag),
                body);
    }

    public GatewayApi.Answer approve(UUID id, String etag) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/realisations/{id}/approval").build(id),
                ifMatch(etag), null);
    }

    /** An evidence file, streamed through to the API (which checks its type and size). */
    public GatewayApi.Answer upload(UUID id, String etag, Resource file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file);
        return api.upload("/api/v1/realisations/" + id + "/evidence", ifMatch(etag), parts);
    }

    /** The capaian a typed figure would have, computed by performance-service (nothing is saved). */
    public Map<String, Object> capaian(UUID id, int item, String value, String numerator, String denominator) {
        return api.get(u -> {
            u.path("/api/v1/realisations/{id}/capaian").queryParam("item", item);
            if (value != null && !value.isBlank()) {
                u.queryParam("value", value.strip());
            }
            if (numerator != null && !numerator.isBlank()) {
                u.queryParam("numerator", numerator.strip());
            }
            if (denominator != null && !denominator.isBlank()) {
                u.queryParam("denominator", denominator.strip());
            }
            return u.build(id);
        }, new HttpHeaders());
    }

    /** The unit's consistency findings of a year. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findings(String unit, int year) {
        Object findings = api.get(u -> u.path("/api/v1/performance/units/{unit}/findings").queryParam("tahun", year)
                .build(unit), new HttpHeaders()).get("findings");
        return findings instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The quarter's due date and the working days left (or late) as of {@code today}. */
    public Map<String, Object> deadline(int year, int quarter, LocalDate today) {
        return api.get(u -> u.path("/api/v1/reporting-deadlines").queryParam("tahun", year)
                .queryParam("triwulan", quarter).queryParam("diserahkan", today).build(), new HttpHeaders());
    }
}
