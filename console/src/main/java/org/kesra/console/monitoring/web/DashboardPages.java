package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city dashboard: reporting-service's dashboard series for a year drawn as charts, each beside a table with the
 * same figures (PPKS terdata and ditangani per quarter, KPM per programme per quarter, households, persons and PPKS
 * per region, the 26 PPKS categories, quarterly reports per status). The console draws; every figure is the API's.
 */
@Controller
public class DashboardPages {

    private final MonitoringApi api;

    public DashboardPages(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping("/pemantauan/dasbor")
    String dashboard(@RequestParam(required = false) String tahun, @RequestParam(required = false) String kecamatan,
                     Model model, HttpServletResponse response) {
        String area = MonitoringPages.blankToNull(kecamatan);
        model.addAttribute("tahun", tahun == null ? Integer.toString(MonitoringPages.thisYear()) : tahun.trim());
        model.addAttribute("kecamatan", area);
        Integer year = MonitoringPages.year(tahun);
        if (year == null) {
            return refused(model, response, 400, "Tahun dasbor berupa angka, misalnya " + MonitoringPages.thisYear()
                    + ".");
        }
        Map<String, Object> dashboard;
        try {
            dashboard = api.dashboard(year, area);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return refused(model, response, refusal.problem().status(), refusal.problem().message()
                    + MonitoringPages.fieldMessages(refusal));
        }
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("version", DataVersion.of(dashboard.get("sources")));
        List<String> programmes = dashboard.get("programmes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        model.addAttribute("programmes", programmes);

        List<Map<String, Object>> quarters = MonitoringApi.list(dashboard.get("quarters"));
        model.addAttribute("quarters", quarters);
        List<String> quarterLabels = quarters.stream().map(q -> String.valueOf(q.get("label"))).toList();
        model.addAttribute("ppksChart", MonitoringCharts.bars(quarterLabels, List.of(
                new MonitoringCharts.Series("PPKS terdata", published(quarters, "ppksTerdata")),
                new MonitoringCharts.Series("PPKS ditangani", published(quarters, "ppksDitangani"))), "Orang", false));
        List<MonitoringCharts.Series> kpm = new ArrayList<>();
        for (String programme : programmes) {
            kpm.add(new MonitoringCharts.Series(programme, quarters.stream().map(q -> Boolean.TRUE.equals(
                    q.get("published")) ? (Object) PpksRecapPages.kpmOf(Map.of("programmes", q.get("kpm")),
                    programme) : null).toList()));
        }
        model.addAttribute("kpmChart", MonitoringCharts.bars(quarterLabels, kpm, "KPM", true));

        List<Map<String, Object>> regions = MonitoringApi.list(dashboard.get("regions"));
        model.addAttribute("regions", regions);
        model.addAttribute("regionChart", MonitoringCharts.bars(regions.stream().map(r -> String.valueOf(
                r.get("name"))).toList(), List.of(new MonitoringCharts.Series("KK", regions.stream()
                .map(r -> r.get("households")).toList()), new MonitoringCharts.Series("Jiwa", regions.stream()
                .map(r -> r.get("persons")).toList())), "Jumlah", false, true));

        List<Map<String, Object>> categories = MonitoringApi.list(dashboard.get("ppksCategories"));
        model.addAttribute("categories", categories);
        model.addAttribute("categoryChart", MonitoringCharts.bars(categories.stream().map(c -> String.valueOf(
                c.get("name"))).toList(), List.of(new MonitoringCharts.Series("Terdata", categories.stream()
                .map(c -> c.get("terdata")).toList()), new MonitoringCharts.Series("Ditangani", categories.stream()
                .map(c -> c.get("ditangani")).toList())), "Orang", false, true));

        Map<String, Object> performance = MonitoringApi.map(dashboard.get("performance"));
        List<Map<String, Object>> counts = MonitoringApi.list(performance.get("statusCounts"));
        List<String> statuses = counts.stream().map(c -> String.valueOf(c.get("statusLabel"))).distinct().toList();
        List<List<Long>> byStatus = new ArrayList<>();
        List<MonitoringCharts.Series> statusSeries = new ArrayList<>();
        for (String status : statuses) {
            List<Long> perQuarter = new ArrayList<>(List.of(0L, 0L, 0L, 0L));
            for (Map<String, Object> c : counts) {
                if (status.equals(String.valueOf(c.get("statusLabel"))) && c.get("quarter") instanceof Number q
                        && q.intValue() >= 1 && q.intValue() <= 4 && c.get("count") instanceof Number n) {
                    perQuarter.set(q.intValue() - 1, perQuarter.get(q.intValue() - 1) + n.longValue());
                }
            }
            byStatus.add(perQuarter);
            statusSeries.add(new MonitoringCharts.Series(status, perQuarter));
        }
        model.addAttribute("statuses", statuses);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("statusChart", MonitoringCharts.bars(MonitoringCharts.QUARTERS, statusSeries, "Laporan",
                true));
        return "monitoring/dashboard";
    }

    /** A quarter's figure where the quarter was published; a quarter without figures is a gap, not a zero. */
    private static List<Object> published(List<Map<String, Object>> quarters, String field) {
        return quarters.stream().map(q -> Boolean.TRUE.equals(q.get("published")) ? q.get(field) : null).toList();
    }

    private String refused(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status >= 500 ? 502 : status);
        model.addAttribute("refusal", message);
        return "monitoring/dashboard";
    }
}
