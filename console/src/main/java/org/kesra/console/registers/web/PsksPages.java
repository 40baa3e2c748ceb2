package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.registers.RegistersApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PSKS register of Dinas Sosial (Potensi dan Sumber Kesejahteraan Sosial: pekerja sosial, TKSK, karang taruna,
 * LKS and the rest of the 12 categories), persons by NIK and organisations, per kelurahan: listed a page at a time by
 * category, kelurahan and status; one registered; one deactivated with its date and reason. welfare-service has no
 * page of a single PSKS, so the deactivation form sits in the entry's row of the list.
 */
@Controller
@RequestMapping("/psks")
public class PsksPages {

    static final int PAGE_SIZE = 20;
    static final Set<String> ENTRY_FIELDS = Set.of("category", "kind", "name", "nik", "kelurahanCode", "activeSince");

    private final RegistersApi api;
    private final HouseholdApi registry;

    public PsksPages(RegistersApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    /** The list's filters as the URL gave them, kept to codes the pages know. */
    record Filters(String category, String kelurahan, String status, int page) {
    }

    @GetMapping
    String list(@RequestParam(name = "kategori", required = false) String category,
                @RequestParam(required = false) String kelurahan, @RequestParam(required = false) String status,
                @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                Model model) {
        return listPage(filters(category, kelurahan, status, page), authentication, null, Map.of(), Map.of(), null,
                model);
    }

    private Filters filters(String category, String kelurahan, String status, int page) {
        return new Filters(RegisterLabels.known(category, api.psksCategories()),
                RegisterLabels.known(kelurahan, registry.kelurahan(null)),
                RegisterLabels.known(status, RegisterLabels.PSKS_STATUS), Math.max(page, 1));
    }

    /** The list; {@code refused} names the entry whose deactivation came back, shown open with what was typed. */
    private String listPage(Filters filters, Authentication authentication, UUID refused, Map<String, String> typed,
                            Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("entries", api.psks(filters.category(), filters.kelurahan(), filters.status(),
                filters.page() - 1, PAGE_SIZE));
        model.addAttribute("filters", filters);
        model.addAttribute("page", filters.page());
        model.addAttribute("categories", api.psksCategories());
        model.addAttribute("kinds", RegisterLabels.PSKS_KIND);
        model.addAttribute("statuses", RegisterLabels.PSKS_STATUS);
        model.addAttribute("kelurahan", registry.kelurahan(null));
        model.addAttribute("canKeep", PpksPages.keeps(authentication));
        model.addAttribute("refused", refused == null ? "" : refused.toString());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", Map.of());
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(Set.of("deactivatedOn", "reason")));
        }
        return "registers/psks-list";
    }

    @GetMapping("/baru")
    String newEntry(Model model) {
        return newPage(Map.of(), Map.of(), null, model);
    }

    @PostMapping("/baru")
    String register(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String kind,
                    @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String nik,
                    @RequestParam(defaultValue = "") String kelurahanCode,
                    @RequestParam(defaultValue = "") String activeSince, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("category", category, "kind", kind, "name", name, "nik", nik,
                "kelurahanCode", kelurahanCode, "activeSince", activeSince);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", RegisterLabels.blankToNull(category));
        body.put("kind", RegisterLabels.blankToNull(kind));
        body.put("name", name.strip());
        // An organisation has no NIK: the API refuses one, so an empty field is sent as none.
        body.put("nik", RegisterLabels.blankToNull(nik));
        body.put("kelurahanCode", RegisterLabels.blankToNull(kelurahanCode));
        body.put("activeSince", RegisterLabels.date(activeSince, "activeSince", errors));
        if (!errors.isEmpty()) {
            return newPage(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> registered = api.registerPsks(body);
            redirect.addFlashAttribute("notice", "PSKS tercatat: " + registered.get("name") + " ("
                    + registered.get("category") + ").");
            return "redirect:/psks?kategori=" + registered.get("category") + "&kelurahan="
                    + registered.get("kelurahanCode");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return newPage(typed, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String newPage(Map<String, String> typed, Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(ENTRY_FIELDS));
        }
        Map<String, String> categories = new LinkedHashMap<>();
        api.psksCategories().forEach((code, label) -> categories.put(code, code + " – " + label));
        model.addAttribute("categoryOptions", categories);
        model.addAttribute("kindOptions", RegisterLabels.PSKS_KIND);
        model.addAttribute("kelurahanOptions", registry.kelurahan(null));
        return "registers/psks-new";
    }

    @PostMapping("/{id}/penonaktifan")
    String deactivate(@PathVariable UUID id, @RequestParam(defaultValue = "") String deactivatedOn,
                      @RequestParam(defaultValue = "") String reason,
                      @RequestParam(name = "kategori", required = false) String category,
                      @RequestParam(required = false) String kelurahan, @RequestParam(required = false) String status,
                      @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                      Model model, RedirectAttributes redirect) {
        Filters filters = filters(category, kelurahan, status, page);
        Map<String, String> typed = Map.of("deactivatedOn", deactivatedOn, "reason", reason);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deactivatedOn", RegisterLabels.date(deactivatedOn, "deactivatedOn", errors));
        body.put("reason", reason.strip());
        if (!errors.isEmpty()) {
            return listPage(filters, authentication, id, typed, errors,
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> entry = api.deactivatePsks(id, body);
            redirect.addFlashAttribute("notice", "PSKS " + entry.get("name") + " dinonaktifkan. Alasan: "
                    + reason.strip());
            return "redirect:/psks" + query(filters);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return listPage(filters, authentication, id, typed, refusal.problem().fieldErrors(), refusal.problem(),
                    model);
        }
    }

    /** The list's address with its filters (codes only, already checked against the known ones). */
    private static String query(Filters filters) {
        StringBuilder query = new StringBuilder("?halaman=").append(filters.page());
        if (filters.category() != null) {
            query.append("&kategori=").append(filters.category());
        }
        if (filters.kelurahan() != null) {
            query.append("&kelurahan=").append(filters.kelurahan());
        }
        if (filters.status() != null) {
            query.append("&status=").append(filters.status());
        }
        return query.toString();
    }
}
