package org.kesra.console.accountability;

import java.util.Map;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * performance-service's yearly accountability figures as the pages use them: a unit's capaian beside the year before
 * (seed 004 Tabel 3.2) and its AKIP evaluation per year with the predicate the service derives from the score.
 */
@Component
public class AccountabilityApi {

    private final GatewayApi api;

    public AccountabilityApi(GatewayApi api) {
        this.api = api;
    }

    /** The unit's agreed items of {@code year} beside last year's; the year goes as typed, the service checks it. */
    public Map<String, Object> yearOnYear(String unit, String year) {
        return api.get(u -> u.path("/api/v1/performance/units/{unit}/year-on-year").queryParam("tahun", year)
                .build(unit), new HttpHeaders());
    }

    /** The unit's evaluations, newest year first. */
    public Map<String, Object> evaluations(String unit) {
        return api.get(u -> u.path("/api/v1/performance/units/{unit}/akip-evaluations").build(unit),
                new HttpHeaders());
    }

    /** One year's evaluation with every recording and replacement, and its ETag (the version a replacement names). */
    public GatewayApi.Answer evaluation(String unit, String year) {
        return api.getWithEtag(u -> u.path("/api/v1/performance/units/{unit}/akip-evaluations/{year}")
                .build(unit, year), new HttpHeaders());
    }

    /**
     * Records or replaces a year's score. {@code etag}: the evaluation's ETag as the form read it, sent as If-Match so
     * that a score saved by someone else meanwhile is refused (412) instead of overwritten; empty for a year the form
     * read without evaluation (the first recording sends none, and the API refuses it with 428 if one exists by now).
     */
    public Map<String, Object> record(String unit, String year, String etag, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        if (etag != null && !etag.isBlank()) {
            headers.setIfMatch(etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"");
        }
        return api.send(HttpMethod.PUT, u -> u.path("/api/v1/performance/units/{unit}/akip-evaluations/{year}")
                .build(unit, year), headers, body).body();
    }
}
