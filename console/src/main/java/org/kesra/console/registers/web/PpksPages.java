package org.kesra.console.registers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.registers.RegisterRoles;
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
 * The PPKS register of Dinas Sosial: the cases per kelurahan, status and category a page at a time; a case registered
 * (a person by NIK, in the city's registry or not, with one or more of the 26 categories); a case's history with the
 * services given (the first makes it "ditangani") and its closing with a reason. Pages are addressed by the case's id
 * and filter codes, never by a NIK or a name.
 */
@Controller
@RequestMapping("/ppks")
public class PpksPages {

    static final int PAGE_SIZE = 20;
    static final Set<String> CASE_FIELDS = Set.of("nik", "name", "kelurahanCode", "foundOn", "foundAt", "categories");

    private final RegistersApi api;
    private final HouseholdApi registry;

    public PpksPages(RegistersApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String list(@RequestParam(required = false) String kelurahan, @RequestParam(required = false) String status,
                @RequestParam(name = "kategori", required = false) String category,
                @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                Model model) {
        Map<String, String> kelurahanNames = registry.kelurahan(null);
        Map<String, String> categories = api.ppksCategories();
        String shownKelurahan = RegisterLabels.known(kelurahan, kelurahanNames);
        String shownStatus = RegisterLabels.known(status, RegisterLabels.PPKS_STATUS);
        String shownCategory = RegisterLabels.known(category, categories);
        int shownPage = Math.max(page, 1);
        model.addAttribute("cases", api.ppksCases(shownKelurahan, shownStatus, shownCategory, shownPage - 1,
                PAGE_SIZE));
        model.addAttribute("kelurahanFilter", shownKelurahan);
        model.addAttribute("statusFilter", shownStatus);
        model.addAttribute("categoryFilter", shownCategory);
        model.addAttribute("page", shownPage);
        model.addAttribute("categories", categories);
        model.addAttribute("kelurahan", kelurahanNames);
        model.addAttribute("statuses", RegisterLabels.PPKS_STATUS);
        model.addAttribute("canKeep", keeps(authentication));
        return "registers/ppks-list";
    }

    @GetMapping("/baru")
    String newCase(Model model) {
        return newCasePage(Map.of(), List.of(), Map.of(), null, model);
    }

    @PostMapping("/baru")
    String register(@RequestParam(defaultValue = "") String nik, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String kelurahanCode,
                    @RequestParam(defaultValue = "") String foundOn, @RequestParam(defaultValue = "") String foundAt,
                    @RequestParam(name = "categories", required = false) List<String> categories, Model model,
                    RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("nik", nik, "name", name, "kelurahanCode", kelurahanCode,
                "foundOn", foundOn, "foundAt", foundAt);
        List<String> chosen = categories == null ? List.of() : categories;
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nik", nik.strip());
        body.put("name", name.strip());
        body.put("kelurahanCode", RegisterLabels.blankToNull(kelurahanCode));
        body.put("foundOn", RegisterLabels.date(foundOn, "foundOn", errors));
        body.put("foundAt", foundAt.strip());
        body.put("categories", chosen);
        if (!errors.isEmpty()) {
            return newCasePage(typed, chosen, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> registered = api.registerPpks(body);
            redirect.addFlashAttribute("notice", "Kasus PPKS tercatat.");
            return "redirect:/ppks/" + registered.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return newCasePage(typed, chosen, categoriesTogether(refusal.problem().fieldErrors()), refusal.problem(),
                    model);
        }
    }

    /** The API names a wrong category by its place ({@code /categories/1}): the form shows it beside the choice. */
    static Map<String, String> categoriesTogether(Map<String, String> fieldErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> errors.merge(field.startsWith("categories[") ? "categories" : field,
                message, (a, b) -> a + "; " + b));
        return errors;
    }

    private String newCasePage(Map<String, String> typed, List<String> chosen, Map<String, String> errors,
                               ApiProblem problem, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", new ArrayList<>(problem.messagesOutside(CASE_FIELDS)).stream()
                    .filter(m -> !m.startsWith("categories[")).toList());
        }
        model.addAttribute("categories", api.ppksCategories());
        model.addAttribute("kelurahanOptions", registry.kelurahan(null));
        return "registers/ppks-new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Authentication authentication, Model model) {
        return casePage(id, authentication, null, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{id}/pelayanan")
    String serve(@PathVariable UUID id, @RequestParam(defaultValue = "") String servedOn,
                 @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String provider,
                 @RequestParam(defaultValue = "") String note, Authentication authentication, Model model,
                 RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("servedOn", servedOn, "kind", kind, "provider", provider, "note", note);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("servedOn", RegisterLabels.date(servedOn, "servedOn", errors));
        body.put("kind", kind.strip());
        body.put("provider", provider.strip());
        body.put("note", RegisterLabels.blankToNull(note));
        if (!errors.isEmpty()) {
            return casePage(id, authentication, "pelayanan", typed, errors,
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            api.servePpks(id, body);
            redirect.addFlashAttribute("notice", "Pelayanan tercatat; kasus ditangani.");
            return "redirect:/ppks/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return casePage(id, authentication, "pelayanan", typed, refusal.problem().fieldErrors(),
                    refusal.problem(), model);
        }
    }

    @PostMapping("/{id}/penutupan")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String closedOn,
                 @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
                 RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("closedOn", closedOn, "reason", reason);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("closedOn", RegisterLabels.date(closedOn, "closedOn", errors));
        body.put("reason", reason.strip());
        if (!errors.isEmpty()) {
            return casePage(id, authentication, "penutupan", typed, errors,
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            api.closePpks(id, body);
            redirect.addFlashAttribute("notice", "Kasus ditutup. Alasan: " + reason.strip());
            return "redirect:/ppks/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return casePage(id, authentication, "penutupan", typed, refusal.problem().fieldErrors(),
                    refusal.problem(), model);
        }
    }

    /** The case with its history; {@code form} names the form a refusal belongs to, shown with what was typed. */
    private String casePage(UUID id, Authentication authentication, String form, Map<String, String> typed,
                            Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("ppks", api.ppksCase(id));
        model.addAttribute("form", form);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(
                    Set.of("servedOn", "kind", "provider", "note", "closedOn", "reason")));
        }
        model.addAttribute("canKeep", keeps(authentication));
        model.addAttribute("kelurahan", registry.kelurahan(null));
        model.addAttribute("statuses", RegisterLabels.PPKS_STATUS);
        return "registers/ppks-case";
    }

    static boolean keeps(Authentication authentication) {
        ConsoleUser user = ConsoleUser.of(authentication);
        return user != null && user.hasAnyRole(RegisterRoles.KEEPERS);
    }
}
