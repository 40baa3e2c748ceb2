package org.kesra.console.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.admin.RebuildApi;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.security.HtmxLoginRedirect;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin's rebuild of reporting-service's read models from the source topics: the recent rebuilds, a
 * button that starts one, and a rebuild's progress per topic (followed with htmx while it runs). The previous models
 * keep serving reports until the rebuilt ones have caught up; a failed rebuild leaves them serving.
 */
@Controller
@RequestMapping("/admin/model-baca")
public class RebuildPages {

    static final Map<String, String> STATES = Map.of("RUNNING", "Sedang berjalan", "COMPLETED",
            "Selesai: model baru melayani laporan", "FAILED", "Gagal: model lama tetap melayani",
            "ABANDONED", "Terhenti: instans yang menjalankannya berhenti");
    private static final Set<String> RUNNING = Set.of("RUNNING");

    private final RebuildApi api;

    public RebuildPages(RebuildApi api) {
        this.api = api;
    }

    @GetMapping
    String recent(Model model) {
        model.addAttribute("rebuilds", api.recent());
        model.addAttribute("states", STATES);
        return "admin/rebuilds";
    }

    @PostMapping
    String start(Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, Object> started = api.start();
            redirect.addFlashAttribute("notice", "Pembangunan ulang dimulai. Laporan tetap dilayani model lama"
                    + " sampai model baru menyusul.");
            return "redirect:/admin/model-baca/" + started.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("problem", refusal.problem());
            return recent(model);
        }
    }

    @GetMapping("/{id}")
    String rebuild(@PathVariable UUID id, HttpServletRequest request, Model model) {
        Map<String, Object> rebuild = api.status(id);
        model.addAttribute("rebuild", rebuild);
        model.addAttribute("states", STATES);
        model.addAttribute("running", RUNNING.contains(String.valueOf(rebuild.get("state"))));
        return HtmxLoginRedirect.isHtmx(request) ? "admin/rebuild :: progress" : "admin/rebuild";
    }
}
