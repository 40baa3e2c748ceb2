package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.seeds.SeedPlans;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * A configured cap on capaian (kesra.performance.capaian.cap = 90) is never silent: every capaian of a realisation view
 * carries the raw percent and, beside it, the cap and the capped value, and the rating stays that of the raw value.
 * Its own database and context (the property is fixed at startup); the demo mode loads seed 004's Metro Barat Q4 2022
 * (IKM 85.37, participation 100, PBB 74.79, conflicts 100) through the use cases, so nothing is entered here.
 */
@PlatformInfrastructure(database = "performance_cap_it")
@SpringBootTest(classes = PerformanceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.demo.population=true", "kesra.events.consumer.enabled=false",
                "kesra.performance.capaian.cap=90"})
class CapaianCapIT extends PerformanceApiTest {

    @Test
    void aConfiguredCapIsShownBesideTheRawCapaianAndTheRatingStaysThatOfTheRawValue() {
        JsonNode list = get(PLANNER, "/api/v1/realisations?unit=" + SeedPlans.METRO_BARAT + "&tahun=2022").body();
        assertThat(list.path("items").size()).as(list.toString()).isEqualTo(1);
        ApiClient.Response read = get(PLANNER, "/api/v1/realisations/" + list.at("/items/0/id").asString());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode entries = read.body().path("entries");

        JsonNode participation = entries.get(1).path("yearToDate");
        assertThat(participation.path("percent").decimalValue()).as("raw, never silently capped")
                .isEqualByComparingTo("100.00");
        assertThat(participation.path("cap").decimalValue()).isEqualByComparingTo("90");
        assertThat(participation.path("capped").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(participation.path("rating").asString()).as("the band of the raw 100, not of 90")
                .isEqualTo("Sangat Tinggi");
        JsonNode quarter = entries.get(1).path("quarter");
        assertThat(quarter.path("percent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(quarter.path("capped").decimalValue()).isEqualByComparingTo("90.00");

        JsonNode ikm = entries.get(0).path("yearToDate");
        assertThat(ikm.path("percent").decimalValue()).isEqualByComparingTo("85.37");
        assertThat(ikm.path("cap").decimalValue()).isEqualByComparingTo("90");
        assertThat(ikm.path("capped").decimalValue()).as("below the cap: the same").isEqualByComparingTo("85.37");
        assertThat(ikm.path("rating").asString()).isEqualTo("Tinggi");

        JsonNode pbb = entries.get(2).path("yearToDate");
        assertThat(pbb.path("percent").decimalValue()).isEqualByComparingTo("74.79");
        assertThat(pbb.path("capped").decimalValue()).isEqualByComparingTo("74.79");
    }
}
