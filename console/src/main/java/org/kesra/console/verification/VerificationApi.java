package org.kesra.console.verification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * welfare-service's API as the verification pages use it: recipient lists (verivali) with their rows and the
 * registry's candidates for a row, the enrolment reviews opened by deaths and moves, the PPKS figures per kelurahan
 * and the KPM per programme. The reads that answer full NIKs carry {@code X-Purpose} (welfare-service refuses them
 * without one and logs each), with the one purpose of this work.
 */
@Component
public class VerificationApi {

    private final GatewayApi api;
    private final String purpose;

    public VerificationApi(GatewayApi api,
                           @Value("${kesra.console.verification-purpose:Verifikasi dan validasi penerima bantuan sosial melalui konsol Kesra}")
                           String purpose) {
        this.api = api;
        this.purpose = purpose;
    }

    private HttpHeaders purpose() {
        return GatewayApi.purpose(purpose);
    }

    /** The programmes of the catalogue, code to "code – name", for the upload's choice. */
    public Map<String, String> programmes() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, Object> p : api.getList("/api/v1/programmes")) {
            result.put(String.valueOf(p.get("code")), p.get("code") + " – " + p.get("name"));
        }
        return result;
    }

    /** The lists uploaded, newest first. */
    public List<Map<String, Object>> lists() {
        return api.getList("/api/v1/verivali?size=20");
    }

    /** Uploads a recipient list; welfare-service matches every row before it answers with the summary. */
    public Map<String, Object> upload(Resource file, String programme) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file);
        // The pages send only a catalogue-shaped code (letters, digits, underscore): nothing to encode.
        return api.upload("/api/v1/verivali?program=" + programme, new HttpHeaders(), parts).body();
    }

    public Map<String, Object> summary(UUID id) {
        return api.get(u -> u.path("/api/v1/verivali/{id}").build(id), new HttpHeaders());
    }

    /** One page of rows (file order), of a match status and reason when given. */
    public Map<String, Object> rows(UUID id, String status, String reason, int page, int size) {
        return api.get(u -> {
            u.path("/api/v1/verivali/{id}/rows").queryParam("page", page).queryParam("size", size);
            if (status != null) {
                u.queryParam("status", status);
            }
            if (reason != null) {
                u.queryParam("alasan", reason);
            }
            return u.build(id);
        }, purpose());
    }

    /** A row beside the registry's residents it may mean, closest first. */
    public Map<String, Object> rowWithCandidates(UUID id, int rowNo) {
        return api.get(u -> u.path("/api/v1/verivali/{id}/rows/{rowNo}/candidates").build(id, rowNo), purpose());
    }

    public Map<String, Object> decideRow(UUID id, int rowNo, String decision, String reason) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/verivali/{id}/rows/{rowNo}/decision").build(id, rowNo),
                new HttpHeaders(), decision(decision, reason)).body();
    }

    public void export(UUID id, java.io.OutputStream to) {
        api.download(u -> u.path("/api/v1/verivali/{id}/export.csv").build(id), purpose(), to);
    }

    /** Enrolment reviews of a status (TERBUKA: waiting for a verifier), oldest first. */
    public Map<String, Object> reviews(String status, int page) {
        return api.get(u -> u.path("/api/v1/enrolment-reviews").queryParam("status", status)
                .queryParam("page", page).queryParam("size", 50).build(), purpose());
    }

    public Map<String, Object> decideReview(UUID id, String decision, String reason) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/enrolment-reviews/{id}/decision").build(id),
                new HttpHeaders(), decision(decision, reason)).body();
    }

    /** PPKS found in the period per kelurahan, and those among them served by its end (ditangani). */
    public Map<String, Object> ppksIndicators(LocalDate from, LocalDate to) {
        return api.get(u -> u.path("/api/v1/ppks/indicators").queryParam("dari", from).queryParam("sampai", to)
                .build(), new HttpHeaders());
    }

    /** KPM per programme on a date (families or persons whose enrolment period covers it). */
    public Map<String, Object> kpm(LocalDate date) {
        return api.get(u -> u.path("/api/v1/enrolments/kpm").queryParam("tanggal", date).build(), new HttpHeaders());
    }

    private static Map<String, Object> decision(String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision == null || decision.isBlank() ? null : decision);
        body.put("reason", reason);
        return body;
    }
}
