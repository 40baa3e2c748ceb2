package org.kesra.console.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The personal-data access logs as the services keep them, for auditors only (the services' access tables): who read
 * full NIKs or full personal data, when, through which endpoint and for what declared purpose. NIKs come back as the
 * services mask them for auditors.
 */
@Component
public class AccessLogApi {

    /** The page size asked for; the services allow up to 500. */
    public static final int PAGE_SIZE = 50;

    private final GatewayApi api;

    public AccessLogApi(GatewayApi api) {
        this.api = api;
    }

    /**
     * household-service's log, newest first, as a page ({@code items, page, size, totalItems, totalPages}); each item
     * {@code id, accessedAt, actor, clientId, personId, householdId, niks, status, endpoint, purpose, requestId}. Asked
     * by POST with the filters in the body, whatever they are, so that a NIK never lands in a URL the gateway or the
     * service logs (and one call serves every filter).
     */
    public Map<String, Object> householdAccesses(UUID person, UUID household, String actor, String nik, int page) {
        Map<String, Object> filters = filters("actor", actor, nik, page);
        put(filters, "person", person);
        put(filters, "household", household);
        return search("/api/v1/personal-data-access/search", filters);
    }

    /**
     * welfare-service's log of its registers (PPKS, enrolments, verivali: every answer carrying full NIKs given to city
     * staff), newest first, as a page like household-service's; items have no person or household id. Asked by POST
     * as household-service's, under the path the gateway routes to welfare-service.
     */
    public Map<String, Object> registerAccesses(String actor, String nik, int page) {
        return search("/api/v1/welfare/personal-data-access/search", filters("actor", actor, nik, page));
    }

    /**
     * welfare-service's log of the verification API (other agencies' systems checking a NIK), newest first; a plain
     * list without a total: each {@code id, accessedAt, clientId, caller, nik, personId, endpoint, purpose, requestId}.
     * Asked by POST with the filters in the body, as the other two logs.
     */
    public List<Map<String, Object>> verificationAccesses(String client, String nik, int page) {
        return api.postForList("/api/v1/verifications/access-log/search", new HttpHeaders(),
                filters("client", client, nik, page));
    }

    private Map<String, Object> search(String path, Map<String, Object> filters) {
        return api.send(HttpMethod.POST, u -> u.path(path).build(), new HttpHeaders(), filters).body();
    }

    /** The filters every log takes: who read (a user, or an agency's client), a NIK, the page. */
    private static Map<String, Object> filters(String whoField, String who, String nik, int page) {
        Map<String, Object> filters = new LinkedHashMap<>();
        put(filters, whoField, who);
        put(filters, "nik", nik);
        filters.put("page", page);
        filters.put("size", PAGE_SIZE);
        return filters;
    }

    private static void put(Map<String, Object> filters, String name, Object value) {
        opt(value).ifPresent(v -> filters.put(name, v));
    }

    private static java.util.Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? java.util.Optional.empty()
                : java.util.Optional.of(value instanceof String s ? s.strip() : value);
    }
}
