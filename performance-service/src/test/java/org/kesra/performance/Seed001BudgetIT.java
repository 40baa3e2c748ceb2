package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.seeds.SeedPlans;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001 Tabel 6.1 (Dinas Sosial's Renstra 2021-2026, support programme) entered through the API: the kegiatan whose
 * budget equals its sub-kegiatan's passes, the one whose figures do not add up is named for every year, with both
 * figures, and the plan is still stored (a check informs, a revision fixes).
 */
class Seed001BudgetIT extends PerformanceApiTest {

    @Test
    void budgetsThatDoNotAddUpToTheirSubKegiatanAreReportedWithBothFigures() {
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", SeedPlans.dinsosSupportProgramme2021To2026());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode plan = get("inspektorat.auditor", "/api/v1/renstra/" + created.body().path("id").asString()).body();
        assertThat(plan.at("/tujuan/0/children/0/children/0/code").asString()).isEqualTo("X.XX.01");
        assertThat(plan.at("/tujuan/0/children/0/children/0/children/1/children/0/code").asString())
                .isEqualTo("X.XX.01.2.02.0001");

        JsonNode checks = plan.path("checks");
        List<String> codes = new ArrayList<>();
        checks.forEach(c -> codes.add(c.path("code").asString()));
        assertThat(codes).as("only Administrasi Keuangan, every year").containsOnly("X.XX.01.2.02").hasSize(6);
        JsonNode first = checks.get(0);
        assertThat(first.path("check").asString()).isEqualTo("BUDGET_SUM");
        assertThat(first.path("year").asInt()).isEqualTo(2021);
        assertThat(first.path("stated").asLong()).isEqualTo(2_637_458_000L);
        assertThat(first.path("sumOfParts").asLong()).isEqualTo(2_492_458_000L);
        assertThat(first.path("detail").asString()).contains("Rp 2.637.458.000").contains("Rp 2.492.458.000")
                .contains("Rp 145.000.000");
        assertThat(checks.get(4).path("stated").asLong()).as("year 5").isEqualTo(377_600_000L);
        assertThat(checks.get(4).path("sumOfParts").asLong()).isEqualTo(222_600_000L);
    }
}
