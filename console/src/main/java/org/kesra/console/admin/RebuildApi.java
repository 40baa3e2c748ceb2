package org.kesra.console.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * reporting-service's read-model rebuilds, reached through the gateway's operator route
 * ({@code /ops/reporting/...}, platform admins only): start one, list the recent ones, follow one.
 */
@Component
public class RebuildApi {

    private static final String PATH = "/ops/reporting/read-model-rebuilds";

    private final GatewayApi api;

    public RebuildApi(GatewayApi api) {
        this.api = api;
    }

    /** The recent rebuilds, newest first, as reporting-service's {@code RebuildStatus}. */
    public List<Map<String, Object>> recent() {
        return api.getList(PATH);
    }

    /** Starts a rebuild of every read model from the start of the source topics; refused while one runs (409). */
    public Map<String, Object> start() {
        return api.send(HttpMethod.POST, u -> u.path(PATH).build(), new HttpHeaders(), Map.of()).body();
    }

    public Map<String, Object> status(UUID id) {
        return api.get(u -> u.path(PATH + "/{id}").build(id), new HttpHeaders());
    }
}
