package org.kesra.console.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.kesra.console.admin.DeadLetterApi;
import org.kesra.console.gateway.ApiRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin's dead letters, per service: events a service could not process after its retries, listed by
 * status a page at a time; one with its headers and payload (needed to find the cause, which is why only platform
 * admins see them); processed again once the cause is fixed, or discarded with a written reason. What may be redriven
 * or discarded, and why not, is the service's to say: its refusal is shown on the letter, beside the reason field
 * when it concerns the reason, with what was typed kept.
 */
@Controller
@RequestMapping("/admin/dead-letter")
public class DeadLetterPages {

    static final Map<String, String> STATES = Map.of("NEW", "Baru: menunggu tindakan", "REDRIVEN",
            "Sudah diproses ulang", "DISCARDED", "Diabaikan");
    private static final Set<String> FILTERS = Set.of("NEW", "REDRIVEN", "DISCARDED");

    private final DeadLetterApi api;

    public DeadLetterPages(DeadLetterApi api) {
        this.api = api;
    }

    @GetMapping
    String services(@RequestParam(defaultValue = "household") String layanan,
                    @RequestParam(defaultValue = "NEW") String status, @RequestParam(defaultValue = "1") int halaman,
                    Model model, HttpServletResponse response) {
        String service = known(layanan);
        String filter = FILTERS.contains(status) ? status : null;
        int page = Math.max(halaman, 1);
        model.addAttribute("layanan", service);
        model.addAttribute("status", filter == null ? "" : filter);
        model.addAttribute("page", page);
        model.addAttribute("services", DeadLetterApi.SERVICES);
        model.addAttribute("states", STATES);
        try {
            model.addAttribute("letters", api.list(service, filter, page - 1));
        } catch (ApiRefusal refusal) {
            refused(refusal, model, response);
        }
        return "admin/dead-letters";
    }

    @GetMapping("/{layanan}/{id}")
    String letter(@PathVariable String layanan, @PathVariable long id, Model model) {
        String service = known(layanan);
        model.addAttribute("reason", "");
        return show(service, id, model);
    }

    @PostMapping("/{layanan}/{id}/proses-ulang")
    String redrive(@PathVariable String layanan, @PathVariable long id, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        String service = known(layanan);
        try {
            api.redrive(service, id);
            redirect.addFlashAttribute("notice", "Event diproses ulang dan berhasil.");
            return "redirect:/admin/dead-letter/" + service + "/" + id;
        } catch (ApiRefusal refusal) {
            refused(refusal, model, response);
            model.addAttribute("reason", "");
            return show(service, id, model);
        }
    }

    @PostMapping("/{layanan}/{id}/abaikan")
    String discard(@PathVariable String layanan, @PathVariable long id,
                   @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        String service = known(layanan);
        try {
            api.discard(service, id, reason);
            redirect.addFlashAttribute("notice", "Dead letter diabaikan dengan alasan yang dicatat.");
            return "redirect:/admin/dead-letter/" + service + "/" + id;
        } catch (ApiRefusal refusal) {
            refused(refusal, model, response);
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", refusal.problem().fieldErrors().get("reason"));
            model.addAttribute("otherErrors", refusal.problem().messagesOutside(Set.of("reason")));
            return show(service, id, model);
        }
    }

    private String show(String service, long id, Model model) {
        model.addAttribute("layanan", service);
        model.addAttribute("serviceName", DeadLetterApi.SERVICES.get(service));
        model.addAttribute("states", STATES);
        try {
            model.addAttribute("letter", api.letter(service, id));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", refusal.problem());
            }
            model.addAttribute("id", id);
        }
        return "admin/dead-letter";
    }

    private static void refused(ApiRefusal refusal, Model model, HttpServletResponse response) {
        if (refusal.unauthenticated()) {
            throw refusal;
        }
        response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
        model.addAttribute("problem", refusal.problem());
    }

    /** Only the services the gateway routes: anything else would be a path the gateway does not know. */
    private static String known(String service) {
        if (!DeadLetterApi.SERVICES.containsKey(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Layanan tidak dikenal.");
        }
        return service;
    }
}
