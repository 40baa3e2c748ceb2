package org.kesra.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The dead letters of each service (the event backbone's operator API, platform admins only), reached through the
 * gateway's operator routes: {@code /ops/<service>/dead-letters} is {@code /api/v1/ops/dead-letters} of that service.
 */
@Component
public class DeadLetterApi {

    /** The services with an event backbone, by the gateway's route name, with the name users read. */
    public static final Map<String, String> SERVICES;

    static {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("household", "Data rumah tangga (household-service)");
        services.put("welfare", "Kesejahteraan sosial (welfare-service)");
        services.put("performance", "Kinerja (performance-service)");
        services.put("reporting", "Laporan (reporting-service)");
        SERVICES = java.util.Collections.unmodifiableMap(services);
    }

    public static final int PAGE_SIZE = 50;

    private final GatewayApi api;

    public DeadLetterApi(GatewayApi api) {
        this.api = api;
    }

    /**
     * A page of the service's dead letters ({@code items, page, size, totalItems, totalPages}), each
     * {@code id, status, eventId, eventType, originalTopic, reason, failedAt, attempts}; status NEW, REDRIVEN or
     * DISCARDED, or all when null.
     */
    public Map<String, Object> list(String service, String status, int page) {
        return api.get(u -> u.path("/ops/{service}/dead-letters").queryParamIfPresent("status",
                java.util.Optional.ofNullable(status)).queryParam("page", page).queryParam("size", PAGE_SIZE)
                .build(service), new HttpHeaders());
    }

    /** One dead letter with its Kafka headers and payload, and how it was resolved. */
    public Map<String, Object> letter(String service, long id) {
        return api.get(u -> u.path("/ops/{service}/dead-letters/{id}").build(service, id), new HttpHeaders());
    }

    /** Processes the event again once its cause is fixed; refused (409) when it still fails or is resolved. */
    public Map<String, Object> redrive(String service, long id) {
        return api.send(HttpMethod.POST, u -> u.path("/ops/{service}/dead-letters/{id}/redrive").build(service, id),
                new HttpHeaders(), Map.of()).body();
    }

    /** Leaves the event unprocessed for good, with the written reason the service requires. */
    public Map<String, Object> discard(String service, long id, String reason) {
        return api.send(HttpMethod.POST, u -> u.path("/ops/{service}/dead-letters/{id}/discard").build(service, id),
                new HttpHeaders(), Map.of("reason", reason)).body();
    }
}
