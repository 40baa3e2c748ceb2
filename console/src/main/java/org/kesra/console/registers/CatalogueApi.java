package org.kesra.console.registers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kesra.console.gateway.GatewayApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * welfare-service's programme catalogue as the Dinas Sosial admin keeps it (programmes, their benefit amounts and
 * exclusions, each a dated version; the expansion rounds of seed 001 Tabel 2.2), the publication of the kelurahan
 * indicators for reporting, and the decile eligibility of one person. Only the eligibility answers a full NIK, so
 * only it carries {@code X-Purpose}.
 */
@Component
public class CatalogueApi {

    private final GatewayApi api;
    private final String eligibilityPurpose;

    public CatalogueApi(GatewayApi api,
                        @Value("${kesra.console.eligibility-purpose:Pemeriksaan kelayakan program menurut desil melalui konsol Kesra}")
                        String eligibilityPurpose) {
        this.api = api;
        this.eligibilityPurpose = eligibilityPurpose;
    }

    public List<Map<String, Object>> programmes() {
        return api.getList("/api/v1/programmes");
    }

    /** The programme with the amounts, parameters and exclusions in force on a date (today when none). */
    public Map<String, Object> programme(String code, String date) {
        return api.get(u -> u.path("/api/v1/programmes/{code}")
                .queryParamIfPresent("berlakuPada", Optional.ofNullable(date)).build(code), new HttpHeaders());
    }

    public Map<String, Object> addProgramme(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/programmes").build(), new HttpHeaders(), body).body();
    }

    /** Every amount version, oldest first per component. */
    public List<Map<String, Object>> amounts(String code) {
        return api.getList(u -> u.path("/api/v1/programmes/{code}/amounts").build(code), new HttpHeaders());
    }

    public Map<String, Object> addAmount(String code, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/programmes/{code}/amounts").build(code),
                new HttpHeaders(), body).body();
    }

    /** Every exclusion version, oldest first per excluded programme. */
    public List<Map<String, Object>> exclusions(String code) {
        return api.getList(u -> u.path("/api/v1/programmes/{code}/exclusions").build(code), new HttpHeaders());
    }

    public Map<String, Object> addExclusion(String code, Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/programmes/{code}/exclusions").build(code),
                new HttpHeaders(), body).body();
    }

    /** The expansion, update and validation rounds (candidates, eligible, not eligible) with the totals per year. */
    public Map<String, Object> expansions(String code) {
        return api.get(u -> u.path("/api/v1/programmes/{code}/expansions").build(code), new HttpHeaders());
    }

    /** Publishes the PPKS and KPM figures per kelurahan of a period (one event per kelurahan) and answers them. */
    public Map<String, Object> publishIndicators(Map<String, Object> body) {
        return api.send(HttpMethod.POST, u -> u.path("/api/v1/indicators/publication").build(), new HttpHeaders(),
                body).body();
    }

    /**
     * The decile eligibility of a person on a date (today when none). The NIK goes in the body of
     * {@code POST /api/v1/eligibility/checks}: never in a URL, the console's or the gateway's.
     */
    public Map<String, Object> eligibility(String nik, String date) {
        Map<String, Object> question = new java.util.LinkedHashMap<>();
        question.put("nik", nik);
        if (date != null) {
            question.put("tanggal", date);
        }
        return api.send(org.springframework.http.HttpMethod.POST, u -> u.path("/api/v1/eligibility/checks").build(),
                GatewayApi.purpose(eligibilityPurpose), question).body();
    }
}
