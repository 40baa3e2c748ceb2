package org.kesra.console.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
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
     * {@code id, accessedAt, actor, clientId, personId, householdId, niks, status, endpoint, purpose, requestId}.
     */
    public Map<String, Object> householdAccesses(UUID person, UUID household, String actor, String nik, int page) {
        return api.get(u -> u.path("/api/v1/personal-data-access").queryParamIfPresent("person", opt(person))
                .queryParamIfPresent("household", opt(household)).queryParamIfPresent("actor", opt(actor))
                .queryParamIfPresent("nik", opt(nik)).queryParam("page", page).queryParam("size", PAGE_SIZE).build(),
                new HttpHeaders());
    }

    /**
     * welfare-service's log of its registers (PPKS, enrolments, verivali: every answer carrying full NIKs given to city
     * staff), newest first, as a page like household-service's; items have no person or household id.
     */
    public Map<String, Object> registerAccesses(String actor, String nik, int page) {
        return api.get(u -> u.path("/api/v1/welfare/personal-data-access").queryParamIfPresent("actor", opt(actor))
                .queryParamIfPresent("nik", opt(nik)).queryParam("page", page).queryParam("size", PAGE_SIZE).build(),
                new HttpHeaders());
    }

    /**
     * welfare-service's log of the verification API (other agencies' systems checking a NIK), newest first; a plain
     * list without a total: each {@code id, accessedAt, clientId, caller, nik, personId, endpoint, purpose, requestId}.
     */
    public List<Map<String, Object>> verificationAccesses(String client, String nik, int page) {
        return api.getList(u -> u.path("/api/v1/verifications/access-log").queryParamIfPresent("client", opt(client))
                .queryParamIfPresent("nik", opt(nik)).queryParam("page", page).queryParam("size", PAGE_SIZE).build(),
                new HttpHeaders());
    }

    private static java.util.Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? java.util.Optional.empty()
                : java.util.Optional.of(value instanceof String s ? s.strip() : value);
    }
}
