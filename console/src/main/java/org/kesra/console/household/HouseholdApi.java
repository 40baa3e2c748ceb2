package org.kesra.console.household;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.ConsoleProperties;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * household-service's API as the household pages use it. Reads of personal data carry {@code X-Purpose}: the
 * console sends the one purpose of this work (kesra.console.purpose), which household-service logs with each read.
 */
@Component
public class HouseholdApi {

    public enum SearchBy { KK, NIK, NAMA }

    private final GatewayApi api;
    private final String purpose;
    /**
     * The region tree and the code lists: reference data, the same for every caller household-service admits, and
     * changed by a release rather than by users; fetched once per few minutes instead of on every form and page.
     * A refused fetch throws and leaves nothing behind, so the next user asks again with their own token.
     */
    private final Cache<String, Object> reference = Caffeine.newBuilder().maximumSize(2)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public HouseholdApi(GatewayApi api, ConsoleProperties properties) {
        this.api = api;
        this.purpose = properties.purpose();
    }

    private HttpHeaders purpose() {
        return GatewayApi.purpose(purpose);
    }

    private static HttpHeaders ifMatch(int version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("\"" + version + "\"");
        return headers;
    }

    /**
     * Households (by KK) or persons (by NIK or name) of the user's region; the API masks what the role may not see.
     * The term travels in the body of a POST search, never in a URL: the gateway's and the service's access logs
     * record every URL, and a NIK, KK number or name does not belong there.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> search(SearchBy by, String term) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(switch (by) {
            case KK -> "kk";
            case NIK -> "nik";
            case NAMA -> "name";
        }, term);
        body.put("size", 50);
        String path = by == SearchBy.KK ? "/api/v1/households/search" : "/api/v1/persons/search";
        Map<String, Object> page = api.send(HttpMethod.POST, u -> u.path(path).build(),
                by == SearchBy.KK ? new HttpHeaders() : purpose(), body).body();
        Object items = page.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public GatewayApi.Answer household(UUID id) {
        return api.getWithEtag(u -> u.path("/api/v1/households/{id}").build(id), purpose());
    }

    public GatewayApi.Answer person(UUID id) {
        return api.getWithEtag(u -> u.path("/api/v1/persons/{id}").build(id), purpose());
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> householdHistory(UUID id) {
        Object items = api.get(u -> u.path("/api/v1/households/{id}/history").queryParam("size", 100).build(id),
                purpose()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> personHistory(UUID id) {
        Object items = api.get(u -> u.path("/api/v1/persons/{id}/history").queryParam("size", 100).build(id),
                purpose()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public Map<String, Object> register(Map<String, Object> household) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/households").build(), new HttpHeaders(), household)
                .body();
    }

    /** A member added to a household (a birth, a marriage, someone not yet recorded); If-Match of the household. */
    public void addMember(UUID household, int version, Map<String, Object> person, String reason) {
        Map<String, Object> body = new LinkedHashMap<>(person);
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/households/{id}/members").build(household), ifMatch(version),
                body);
    }

    /** A member moved to another household of the city; If-Match of the household they leave. */
    public void moveMember(UUID household, int version, UUID person, UUID toHousehold, String relationship,
                           String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toHouseholdId", toHousehold);
        body.put("relationship", relationship);
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/households/{id}/members/{p}/move").build(household, person),
                ifMatch(version), body);
    }

    /** A JSON Merge Patch of one field of a household (its address, RW/RT, house, income, ...) with its reason. */
    public void correctHousehold(UUID id, int version, String field, Object value, String reason) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(field, value);
        patch.put("reason", reason);
        api.send(HttpMethod.PATCH, u -> u.path("/api/v1/households/{id}").build(id), ifMatch(version), patch);
    }

    /** The household moves within the city: its new kelurahan, RW, RT and address (a new KK number across kelurahan). */
    public void relocate(UUID id, int version, String kelurahanCode, String rw, String rt, String address,
                         String newKkNumber, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kelurahanCode", blankToNull(kelurahanCode));
        body.put("rw", blankToNull(rw));
        body.put("rt", blankToNull(rt));
        body.put("address", blankToNull(address));
        body.put("newKkNumber", blankToNull(newKkNumber));
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/households/{id}/relocation").build(id), ifMatch(version), body);
    }

    /** A member taken off the card without moving anywhere (recorded there by mistake); If-Match of the household. */
    public void removeMember(UUID household, int version, UUID person, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/households/{id}/members/{p}/removal").build(household, person),
                ifMatch(version), body);
    }

    /** A new head of household, and the former head's new relationship to them; If-Match of the household. */
    public void changeHead(UUID household, int version, UUID person, String formerHeadRelationship, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", person);
        body.put("formerHeadRelationship", blankToNull(formerHeadRelationship));
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/households/{id}/head").build(household), ifMatch(version),
                body);
    }

    /** A kelurahan's RW with their RT ({@code rw}, {@code rt}), as household-service keeps them. */
    public List<Map<String, Object>> rws(String kelurahan) {
        return api.getList(u -> u.path("/api/v1/wilayah/{k}/rw").build(kelurahan), new HttpHeaders());
    }

    /** A kelurahan's dasawisma groups ({@code id}, {@code rw}, {@code rt}, {@code name}). */
    public List<Map<String, Object>> dasawisma(String kelurahan) {
        return api.getList(u -> u.path("/api/v1/wilayah/{k}/dasawisma").build(kelurahan), new HttpHeaders());
    }

    public void addRw(String kelurahan, String number) {
        api.send(HttpMethod.POST, u -> u.path("/api/v1/wilayah/{k}/rw").build(kelurahan), new HttpHeaders(),
                number(number));
    }

    public void addRt(String kelurahan, String rw, String number) {
        api.send(HttpMethod.POST, u -> u.path("/api/v1/wilayah/{k}/rw/{rw}/rt").build(kelurahan, rw),
                new HttpHeaders(), number(number));
    }

    private static Map<String, Object> number(String number) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", blankToNull(number));
        return body;
    }

    public void addDasawisma(String kelurahan, String rw, String rt, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rw", blankToNull(rw));
        body.put("rt", blankToNull(rt));
        body.put("name", blankToNull(name));
        api.send(HttpMethod.POST, u -> u.path("/api/v1/wilayah/{k}/dasawisma").build(kelurahan), new HttpHeaders(),
                body);
    }

    /** A JSON Merge Patch of one field with its reason. */
    public void correctPerson(UUID id, int version, String field, Object value, String reason) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(field, value);
        patch.put("reason", reason);
        api.send(HttpMethod.PATCH, u -> u.path("/api/v1/persons/{id}").build(id), ifMatch(version), patch);
    }

    public void recordDeath(UUID id, int version, String dateOfDeath, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateOfDeath", blankToNull(dateOfDeath));
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/persons/{id}/death").build(id), ifMatch(version), body);
    }

    public void recordMoveAway(UUID id, int version, String movedOn, String destination, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("movedOn", blankToNull(movedOn));
        body.put("destination", destination);
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/persons/{id}/move-away").build(id), ifMatch(version), body);
    }

    /** The code lists (education, house materials, ...) with their labels, for the forms' choices. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, String>> codeLists() {
        return (Map<String, Map<String, String>>) reference.get("code-lists", key -> {
            Map<String, Object> lists = api.get(u -> u.path("/api/v1/wilayah/code-lists").build(), new HttpHeaders());
            Map<String, Map<String, String>> result = new LinkedHashMap<>();
            lists.forEach((k, v) -> result.put(k, (Map<String, String>) v));
            return result;
        });
    }

    /** The kelurahan inside the user's region, code to name. */
    public Map<String, String> kelurahan(String region) {
        Map<String, String> result = new LinkedHashMap<>();
        allKelurahan().forEach((code, name) -> {
            if (region == null || code.startsWith(region)) {
                result.put(code, name + " (" + code + ")");
            }
        });
        return result;
    }

    /** A kelurahan's name, or its code where the region tree does not know it. */
    public String kelurahanName(String code) {
        return code == null ? null : allKelurahan().getOrDefault(code, code);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> allKelurahan() {
        return (Map<String, String>) reference.get("kelurahan", key -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (Map<String, Object> w : api.getList("/api/v1/wilayah")) {
                if ("kelurahan".equalsIgnoreCase(String.valueOf(w.get("level")))) {
                    names.put(String.valueOf(w.get("code")), String.valueOf(w.get("name")));
                }
            }
            return Map.copyOf(names);
        });
    }

    /** Starts an import of a cadres' spreadsheet; the same key twice starts it once. */
    public Map<String, Object> startImport(org.springframework.core.io.Resource file, String profile, String mode,
                                           String idempotencyKey) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", file);
        if (profile != null && !profile.isBlank()) {
            parts.add("profile", profile);
        }
        parts.add("mode", mode);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", idempotencyKey);
        return api.upload("/api/v1/household-imports", headers, parts).body();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> imports() {
        Object items = api.get(u -> u.path("/api/v1/household-imports").queryParam("size", 10).build(),
                new HttpHeaders()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public Map<String, Object> importJob(UUID id) {
        return api.get(u -> u.path("/api/v1/household-imports/{id}").build(id), new HttpHeaders());
    }

    /** The rows with problems (NIKs in values masked for masked readers by the API); a full reader's read is logged. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> importProblems(UUID id) {
        Object items = api.get(u -> u.path("/api/v1/household-imports/{id}/problems").queryParam("size", 200)
                .build(id), purpose()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public void importProblemsCsv(UUID id, java.io.OutputStream to) {
        api.download(u -> u.path("/api/v1/household-imports/{id}/problems.csv").build(id), purpose(), to);
    }

    /** The column-mapping profiles the user may import with, name to label. */
    public Map<String, String> importProfiles() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, Object> p : api.getList("/api/v1/household-imports/profiles")) {
            Object description = p.get("description");
            result.put(String.valueOf(p.get("name")), p.get("name") + (description == null ? "" : " – " + description));
        }
        return result;
    }

    /** The columns a file may have without a profile (the API's own names), and whether each is required. */
    /** The column-mapping profiles in full: name, description, header to column, owner, version. */
    public List<Map<String, Object>> importProfilesInFull() {
        return api.getList("/api/v1/household-imports/profiles");
    }

    /** Saves a profile (a new version if it exists): the cadres' header -> the standard column. */
    public Map<String, Object> saveImportProfile(String name, String description, Map<String, String> columns) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", blankToNull(description));
        body.put("columns", columns);
        return api.send(HttpMethod.PUT, u -> u.path("/api/v1/household-imports/profiles/{name}").build(name),
                new HttpHeaders(), body).body();
    }

    /** Suspected duplicates (same name, birth date and kelurahan, other NIK), open ones first; NIKs as the API shows. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> duplicateReviews(String status, UUID importId) {
        Object items = api.get(u -> {
            u.path("/api/v1/household-imports/reviews").queryParam("size", 100);
            if (status != null) {
                u.queryParam("status", status);
            }
            if (importId != null) {
                u.queryParam("importId", importId);
            }
            return u.build();
        }, purpose()).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public void decideDuplicateReview(UUID id, String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", blankToNull(decision));
        body.put("reason", reason);
        api.send(HttpMethod.POST, u -> u.path("/api/v1/household-imports/reviews/{id}/decision").build(id),
                new HttpHeaders(), body);
    }

    public List<Map<String, Object>> importColumns() {
        return api.getList("/api/v1/household-imports/columns");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
