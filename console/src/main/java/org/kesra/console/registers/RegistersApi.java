package org.kesra.console.registers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * welfare-service's registers as the Dinas Sosial operator keeps them: PPKS cases (register, services given,
 * closing) and enrolments of families and persons in programmes (enrol, PKH components, ending). The reads that
 * answer full NIKs carry {@code X-Purpose} (welfare-service refuses Dinas Sosial staff's reads without one and logs
 * each), with the one purpose of this work.
 */
@Component
public class RegistersApi {

    private final GatewayApi api;
    private final String purpose;

    public RegistersApi(GatewayApi api,
                        @Value("${kesra.console.registers-purpose:Pengelolaan register PPKS dan kepesertaan program melalui konsol Kesra}")
                        String purpose) {
        this.api = api;
        this.purpose = purpose;
    }

    private HttpHeaders purpose() {
        return GatewayApi.purpose(purpose);
    }

    /** The 26 PPKS categories of Permensos 8/2012, abbreviation to "AJ – Anak Jalanan", in the regulation's order. */
    public Map<String, String> ppksCategories() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, Object> c : api.getList("/api/v1/ppks/categories")) {
            result.put(String.valueOf(c.get("abbrev")), c.get("abbrev") + " – " + c.get("name"));
        }
        return result;
    }

    /** One page of cases (newest first, as the API orders them), of a kelurahan, status and category when given. */
    public Map<String, Object> ppksCases(String kelurahan, String status, String category, int page, int size) {
        return api.get(u -> {
            u.path("/api/v1/ppks").queryParam("page", page).queryParam("size", size);
            if (kelurahan != null) {
                u.queryParam("kelurahan", kelurahan);
            }
            if (status != null) {
                u.queryParam("status", status);
            }
            if (category != null) {
                u.queryParam("kategori", category);
            }
            return u.build();
        }, purpose());
    }

    public Map<String, Object> ppksCase(UUID id) {
        return api.get(u -> u.path("/api/v1/ppks/{id}").build(id), purpose());
    }

    public Map<String, Object> registerPpks(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/ppks").build(), new HttpHeaders(), body).body();
    }

    public Map<String, Object> servePpks(UUID id, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/ppks/{id}/services").build(id), new HttpHeaders(),
                body).body();
    }

    public Map<String, Object> closePpks(UUID id, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/ppks/{id}/closing").build(id), new HttpHeaders(),
                body).body();
    }

    /** The programmes of the catalogue, code to "code – name". */
    public Map<String, String> programmes() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, Object> p : api.getList("/api/v1/programmes")) {
            result.put(String.valueOf(p.get("code")), p.get("code") + " – " + p.get("name"));
        }
        return result;
    }

    /** One page of a programme's enrolments, of a kelurahan and status when given. */
    public Map<String, Object> enrolments(String programme, String kelurahan, String status, int page, int size) {
        return api.get(u -> {
            u.path("/api/v1/enrolments").queryParam("programme", programme).queryParam("page", page)
                    .queryParam("size", size);
            if (kelurahan != null) {
                u.queryParam("kelurahan", kelurahan);
            }
            if (status != null) {
                u.queryParam("status", status);
            }
            return u.build();
        }, purpose());
    }

    public Map<String, Object> enrolment(UUID id) {
        return api.get(u -> u.path("/api/v1/enrolments/{id}").build(id), purpose());
    }

    /** The family's PKH components today, from its members as the registry knows them now. */
    public Map<String, Object> pkhComponents(UUID id) {
        return api.get(u -> u.path("/api/v1/enrolments/{id}/pkh-components").build(id), new HttpHeaders());
    }

    public Map<String, Object> enrol(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/enrolments").build(), new HttpHeaders(), body).body();
    }

    public Map<String, Object> endEnrolment(UUID id, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/enrolments/{id}/ending").build(id), new HttpHeaders(),
                body).body();
    }

    /** A page's items, or none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
