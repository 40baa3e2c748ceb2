package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Monitoring for Disnakertrans, Bappeda, auditors and heads: per unit and quarter who has submitted, who is late
 * and what waits for review; the capaian per indicator and per kecamatan as charts with their tables; one unit's
 * indicators; the PPKS and KPM per kelurahan from the recap report. Everything shown is what the APIs answer.
 */
@Controller
@RequestMapping("/pemantauan")
public class MonitoringPages {

    /** performance-service's quarter statuses (MonitoringViews.QuarterStatus) as users read them. */
    static final Map<String, String> STATUS = Map.of("NOT_STARTED", "Belum disusun", "DRAFT", "Draf",
            "RETURNED", "Dikembalikan", "SUBMITTED", "Menunggu penilaian", "APPROVED", "Disetujui");

    private final MonitoringApi api;

    public MonitoringPages(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping
    String overview(@RequestParam(required = false) String tahun, @RequestParam(required = false) String wilayah,
                    @RequestParam(required = false) String keadaan,
                    @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        String region = blankToNull(wilayah);
        String state = blankToNull(keadaan);
        model.addAttribute("tahun", tahun == null ? Integer.toString(thisYear()) : tahun.trim());
        model.addAttribute("wilayah", region);
        model.addAttribute("keadaan", state);
        model.addAttribute("statuses", STATUS);
        model.addAttribute("quarters", MonitoringCharts.QUARTERS);
        Integer year = year(tahun);
        if (year == null) {
            return refused(model, response, 400, "Tahun pemantauan berupa angka, misalnya " + thisYear() + ".");
        }
        Map<String, Object> overview;
        Map<String, Object> chart;
        try {
            overview = api.overview(year, region, state, Math.max(page, 0));
            chart = api.chart(year, region);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return refused(model, response, refusal.problem().status(), refusal.problem().message()
                    + fieldMessages(refusal));
        }
        model.addAttribute("overview", overview);
        model.addAttribute("units", overview.get("units"));

        List<Map<String, Object>> rollups = MonitoringApi.list(overview.get("rollups"));
        Map<String, Object> whole = rollups.stream().filter(r -> "WILAYAH".equals(r.get("level"))).findFirst()
                .orElse(null);
        model.addAttribute("whole", whole);
        String level = rollups.stream().anyMatch(r -> "KECAMATAN".equals(r.get("level"))) ? "KECAMATAN" : "KELURAHAN";
        List<Map<String, Object>> areas = rollups.stream().filter(r -> level.equals(r.get("level"))).toList();
        model.addAttribute("areaLevel", level.equals("KECAMATAN") ? "kecamatan" : "kelurahan");
        model.addAttribute("areas", areas);
        List<MonitoringCharts.Series> byQuarter = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            int quarter = q;
            byQuarter.add(new MonitoringCharts.Series(MonitoringCharts.QUARTERS.get(q), areas.stream()
                    .map(a -> MonitoringApi.list(a.get("quarters")).get(quarter).get("averageCapaian")).toList()));
        }
        model.addAttribute("areaChart", MonitoringCharts.bars(areas.stream().map(a -> String.valueOf(a.get("name")))
                .toList(), byQuarter, "Capaian (%)", false, true));

        List<Map<String, Object>> indicators = new ArrayList<>(MonitoringApi.list(chart.get("capaianByIndicator")));
        model.addAttribute("indicators", indicators);
        model.addAttribute("average", chart.get("averageCapaian"));
        List<MonitoringCharts.Series> indicatorSeries = new ArrayList<>(indicators.stream()
                .map(s -> new MonitoringCharts.Series(String.valueOf(s.get("key")), (List<?>) s.get("values")))
                .toList());
        if (chart.get("averageCapaian") instanceof Map<?, ?> average) {
            indicatorSeries.add(new MonitoringCharts.Series(String.valueOf(average.get("label")),
                    (List<?>) average.get("values")));
        }
        model.addAttribute("indicatorChart", MonitoringCharts.bars(MonitoringCharts.QUARTERS, indicatorSeries,
                "Capaian (%)", false));

        List<Map<String, Object>> byStatus = MonitoringApi.list(chart.get("unitsByStatus"));
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("statusChart", MonitoringCharts.bars(MonitoringCharts.QUARTERS, byStatus.stream()
                .map(s -> new MonitoringCharts.Series(String.valueOf(s.get("label")), (List<?>) s.get("values")))
                .toList(), "Unit", true));
        return "monitoring/overview";
    }

    @GetMapping("/unit/{unit}")
    String unit(@PathVariable String unit, @RequestParam(required = false) String tahun, Model model,
                HttpServletResponse response) {
        model.addAttribute("unit", unit);
        model.addAttribute("tahun", tahun == null ? Integer.toString(thisYear()) : tahun.trim());
        model.addAttribute("quarters", MonitoringCharts.QUARTERS);
        Integer year = year(tahun);
        if (year == null) {
            return refusedUnit(model, response, 400, "Tahun pemantauan berupa angka, misalnya " + thisYear() + ".");
        }
        try {
            Map<String, Object> answer = api.unit(unit, year);
            List<Map<String, Object>> rows = MonitoringApi.list(answer.get("indicators"));
            model.addAttribute("indicators", rows);
            model.addAttribute("chart", MonitoringCharts.bars(MonitoringCharts.QUARTERS, rows.stream()
                    .map(r -> new MonitoringCharts.Series(r.get("indicator") + " (" + r.get("unitOfMeasure") + ")",
                            capaianPerQuarter(MonitoringApi.list(r.get("quarters"))))).toList(), "Capaian (%)", false));
            model.addAttribute("byQuarter", rows.stream().map(r -> byQuarter(MonitoringApi.list(r.get("quarters"))))
                    .toList());
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return refusedUnit(model, response, refusal.problem().status(), refusal.problem().message()
                    + fieldMessages(refusal));
        }
        return "monitoring/unit";
    }

    /** The quarters an indicator was reported in, placed at 1-4 (a quarter not reported is null). */
    static List<Map<String, Object>> byQuarter(List<Map<String, Object>> reported) {
        List<Map<String, Object>> placed = new ArrayList<>(java.util.Collections.nCopies(4, null));
        for (Map<String, Object> q : reported) {
            if (q.get("quarter") instanceof Number n && n.intValue() >= 1 && n.intValue() <= 4) {
                placed.set(n.intValue() - 1, q);
            }
        }
        return placed;
    }

    private static List<BigDecimal> capaianPerQuarter(List<Map<String, Object>> reported) {
        return byQuarter(reported).stream().map(q -> q == null || q.get("capaian") == null ? null
                : new BigDecimal(String.valueOf(q.get("capaian")))).toList();
    }

    private String refused(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status >= 500 ? 502 : status);
        model.addAttribute("refusal", message);
        return "monitoring/overview";
    }

    private String refusedUnit(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status >= 500 ? 502 : status);
        model.addAttribute("refusal", message);
        return "monitoring/unit";
    }

    static String fieldMessages(ApiRefusal refusal) {
        Map<String, String> fields = refusal.problem().fieldErrors();
        return fields.isEmpty() ? "" : " " + String.join(" ", fields.values());
    }

    static Integer year(String tahun) {
        if (tahun == null || tahun.isBlank()) {
            return thisYear();
        }
        String text = tahun.trim();
        return text.matches("[0-9]{4}") ? Integer.valueOf(text) : null;
    }

    static int thisYear() {
        return LocalDate.now(IndonesianFormat.WIB).getYear();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
