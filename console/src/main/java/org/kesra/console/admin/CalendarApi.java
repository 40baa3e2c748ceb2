package org.kesra.console.admin;

import java.util.List;
import java.util.Map;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** performance-service's holiday calendar, the basis of every quarterly deadline, as the platform admin keeps it. */
@Component
public class CalendarApi {

    private final GatewayApi api;

    public CalendarApi(GatewayApi api) {
        this.api = api;
    }

    /** {@code {year, days: [{date, kind, name}], lastChange: {changedBy, changedAt, reason}}}. */
    public Map<String, Object> year(int year) {
        return api.get(u -> u.path("/api/v1/holidays/{year}").build(year), new HttpHeaders());
    }

    /** Replaces the year's whole list; the service refuses it whole, with a pointer to each wrong place. */
    public Map<String, Object> replace(int year, String reason, List<Map<String, Object>> days) {
        return api.send(HttpMethod.PUT, u -> u.path("/api/v1/holidays/{year}").build(year), new HttpHeaders(),
                Map.of("reason", reason, "days", days)).body();
    }
}
