package org.kesra.console.registers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;
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
    /**
     * The PSKS categories: welfare-service's catalogue, the same for every caller and changed by a release, not by
     * users; fetched once per few minutes, as HouseholdApi keeps its code lists. A refused fetch leaves nothing behind.
     */
    private final Cache<String, Map<String, String>> reference = Caffeine.newBuilder().maximumSize(1)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

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

    /** The 12 PSKS categories of Permensos 8/2012, abbreviation to name, in the regulation's order. */
    public Map<String, String> psksCategories() {
        return reference.get("psks-categories", key -> {
            Map<String, String> result = new LinkedHashMap<>();
            for (Map<String, Object> c : api.getList("/api/v1/psks/categories")) {
                result.put(String.valueOf(c.get("abbrev")), String.valueOf(c.get("name")));
            }
            return java.util.Collections.unmodifiableMap(result);
        });
    }

    /** One page of cases (newest first, as the API orders them), of a kelurahan, status and category when given. */
    public Map<String, Object> ppksCases(String kelurahan, String status, String category, int page, int size) {
        return api.get(u -> u.path("/api/v1/ppks").queryParam("page", page).queryParam("size", size)
                .queryParamIfPresent("kelurahan", Optional.ofNullable(kelurahan))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("kategori", Optional.ofNullable(category)).build(), purpose());
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
        return api.get(u -> u.path("/api/v1/enrolments").queryParam("programme", programme).queryParam("page", page)
                .queryParam("size", size).queryParamIfPresent("kelurahan", Optional.ofNullable(kelurahan))
                .queryParamIfPresent("status", Optional.ofNullable(status)).build(), purpose());
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

    /** One page of PSKS (persons and organisations), of a category, kelurahan and status when given. */
    public Map<String, Object> psks(String category, String kelurahan, String status, int page, int size) {
        return api.get(u -> u.path("/api/v1/psks").queryParam("page", page).queryParam("size", size)
                .queryParamIfPresent("kategori", Optional.ofNullable(category))
                .queryParamIfPresent("kelurahan", Optional.ofNullable(kelurahan))
                .queryParamIfPresent("status", Optional.ofNullable(status)).build(), purpose());
    }

    public Map<String, Object> registerPsks(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/psks").build(), new HttpHeaders(), body).body();
    }

    public Map<String, Object> deactivatePsks(UUID id, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/psks/{id}/deactivation").build(id), new HttpHeaders(),
                body).body();
    }

    /** A programme's payment rounds (of a year when given) with the totals per year. */
    public Map<String, Object> cycles(String programme, Integer year) {
        return api.get(u -> u.path("/api/v1/programmes/{code}/cycles")
                .queryParamIfPresent("tahun", Optional.ofNullable(year)).build(programme), new HttpHeaders());
    }

    public Map<String, Object> openCycle(String programme, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/programmes/{code}/cycles").build(programme),
                new HttpHeaders(), body).body();
    }

    /** A round's payments per kelurahan beside its SP2D and realisation. */
    public Map<String, Object> paymentSummary(String programme, int year, String label) {
        return api.get(u -> u.path("/api/v1/programmes/{code}/cycles/{year}/{label}/payments/summary")
                .build(programme, year, label), new HttpHeaders());
    }

    /** One page of a round's payments per KPM (full NIKs for Dinas Sosial staff, hence the purpose). */
    public Map<String, Object> payments(String programme, int year, String label, int page, int size) {
        return api.get(u -> u.path("/api/v1/programmes/{code}/cycles/{year}/{label}/payments")
                .queryParam("page", page).queryParam("size", size).build(programme, year, label), purpose());
    }

    /** The bank's payment list of a round as it came (CSV or XLSX), streamed through. */
    public Map<String, Object> uploadPayments(String programme, int year, String label, Resource file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file);
        return api.upload("/api/v1/programmes/" + segment(programme) + "/cycles/" + year + "/" + segment(label)
                + "/payments", new HttpHeaders(), parts).body();
    }

    /** One page of the musyawarah kelurahan proposals the user's region covers, of a status when given. */
    public Map<String, Object> proposals(String status, int page, int size) {
        return api.get(u -> u.path("/api/v1/musyawarah-proposals").queryParam("page", page)
                .queryParam("size", size).queryParamIfPresent("status", Optional.ofNullable(status)).build(),
                purpose());
    }

    public Map<String, Object> propose(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/musyawarah-proposals").build(), new HttpHeaders(),
                body).body();
    }

    public Map<String, Object> decide(UUID id, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/musyawarah-proposals/{id}/decision").build(id),
                new HttpHeaders(), body).body();
    }

    /** The national deciles of a period (CSV or XLSX: no_kk, desil), all rows or none. */
    public Map<String, Object> uploadDeciles(String period, Resource file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file);
        return api.upload("/api/v1/deciles/" + segment(period), new HttpHeaders(), parts).body();
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A page's items, or none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
