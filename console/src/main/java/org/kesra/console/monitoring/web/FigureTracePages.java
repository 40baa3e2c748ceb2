package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.monitoring.MonitoringApi;
import org.kesra.console.planning.PlanningRoles;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Where does this figure come from": one figure of the Laporan Kinerja Triwulan, the LAKIP or the Renstra matrix
 * traced by reporting-service to the submission, its approval, the Perjanjian Kinerja, the Renstra target and the
 * ordered events it was read from (topic, partition, offset). Reached from the report pages' rows; the form lets a
 * reader ask for any row.
 */
@Controller
@RequestMapping("/laporan/asal-angka")
public class FigureTracePages {

    /** The parameters as the API names them, in the order the form shows them. */
    static final List<String> PARAMETERS = List.of("report", "unit", "tahun", "triwulan", "item", "figure",
            "perjanjian", "versi");
    static final Map<String, String> REPORTS = labels("quarterly", "Laporan Kinerja Triwulan", "lakip", "LAKIP",
            "renstra", "Matriks capaian Renstra");
    static final Map<String, String> FIGURES = labels("realisasi", "Realisasi", "capaian", "Capaian", "target",
            "Target", "anggaran", "Realisasi anggaran (hanya laporan triwulan)");

    private final MonitoringApi api;

    public FigureTracePages(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping
    String trace(@RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        PARAMETERS.forEach(p -> form.put(p, typed.getOrDefault(p, "").strip()));
        form.computeIfPresent("report", (k, v) -> v.isEmpty() ? "quarterly" : v);
        form.computeIfPresent("figure", (k, v) -> v.isEmpty() ? "realisasi" : v);
        model.addAttribute("form", form);
        model.addAttribute("reports", REPORTS);
        model.addAttribute("figures", FIGURES);
        model.addAttribute("errors", Map.of());
        model.addAttribute("planReader", ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication())
                .hasAnyRole(PlanningRoles.READERS));
        if (form.get("unit").isEmpty() || form.get("item").isEmpty()) {
            return "monitoring/trace"; // the form alone: nothing to trace yet
        }
        try {
            Map<String, Object> trace = api.trace(form);
            model.addAttribute("trace", trace);
            model.addAttribute("events", MonitoringApi.list(trace.get("events")));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("problem", refusal.problem());
            model.addAttribute("errors", refusal.problem().fieldErrors());
        }
        return "monitoring/trace";
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
