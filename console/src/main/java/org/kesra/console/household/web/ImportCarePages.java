package org.kesra.console.household.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.security.ConsoleSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an import leaves to people: the suspected duplicates it queued (same name, birth date and kelurahan under
 * another NIK), decided one by one with a reason; and the column-mapping profiles that let a cadres' spreadsheet with
 * its own headers be read, edited here (each save a new version, kept by household-service).
 */
@Controller
@RequestMapping("/rumah-tangga/impor")
public class ImportCarePages {

    static final Map<String, String> REVIEW_STATUS = Map.of("TERBUKA", "Belum diputuskan", "ORANG_SAMA",
            "Orang yang sama", "ORANG_BERBEDA", "Orang berbeda");

    private final HouseholdApi api;

    public ImportCarePages(HouseholdApi api) {
        this.api = api;
    }

    @GetMapping("/dugaan-ganda")
    String reviews(@RequestParam(required = false) UUID impor, Authentication authentication, Model model) {
        return reviewsPage(impor, authentication, null, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/dugaan-ganda/{id}")
    String decide(@PathVariable UUID id, @RequestParam(required = false) UUID impor,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            api.decideDuplicateReview(id, decision, reason);
            redirect.addFlashAttribute("notice", "Keputusan tersimpan: " + REVIEW_STATUS.getOrDefault(decision, decision)
                    + ". Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/impor/dugaan-ganda" + (impor == null ? "" : "?impor=" + impor);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return reviewsPage(impor, authentication, id, Map.of("decision", decision, "reason", reason),
                    refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String reviewsPage(UUID importId, Authentication authentication, UUID refused, Map<String, String> typed,
                               Map<String, String> errors, ApiProblem problem, Model model) {
        List<Map<String, Object>> open = api.duplicateReviews("TERBUKA", importId);
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("importId", importId);
        model.addAttribute("open", open);
        model.addAttribute("canWrite", user != null && user.hasAnyRole(ConsoleSecurity.REGISTRY_WRITERS));
        model.addAttribute("refused", refused == null ? null : refused.toString()); // the JSON's ids are strings
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, java.util.Set.of("decision", "reason")));
        }
        model.addAttribute("statuses", REVIEW_STATUS);
        return "households/duplicate-reviews";
    }

    @GetMapping("/profil")
    String profiles(@RequestParam(required = false) String nama, Model model) {
        Map<String, Object> chosen = api.importProfilesInFull().stream()
                .filter(p -> nama != null && nama.equals(p.get("name"))).findFirst().orElse(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, String> columns = chosen.get("columns") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        Map<String, String> headerOf = new LinkedHashMap<>();
        columns.forEach((header, column) -> headerOf.put(column, header));
        return profilesPage(nama == null ? "" : nama, String.valueOf(chosen.getOrDefault("description", "")),
                headerOf, Map.of(), null, model);
    }

    @PostMapping("/profil")
    String saveProfile(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                       @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        // One box per standard column, named "kolom.<column>": what the cadres' sheet calls it, if anything.
        Map<String, String> headerOf = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("kolom.") && !values.isEmpty() && !values.get(0).isBlank()) {
                headerOf.put(key.substring(6), values.get(0).strip());
                columns.put(values.get(0).strip(), key.substring(6));
            }
        });
        if (name.isBlank()) { // the name is the API's path: without it there is nothing to ask
            return profilesPage(name, description, headerOf, Map.of("name",
                    "Nama profil wajib diisi, misalnya dasawisma-2026."), ApiProblem.local("Periksa isian yang ditandai."),
                    model);
        }
        try {
            Map<String, Object> saved = api.saveImportProfile(name.strip(), description, columns);
            redirect.addFlashAttribute("notice", "Profil " + saved.get("name") + " tersimpan sebagai versi "
                    + saved.get("version") + ".");
            return "redirect:/rumah-tangga/impor/profil?nama=" + saved.get("name");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return profilesPage(name, description, headerOf, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String profilesPage(String name, String description, Map<String, String> headerOf,
                                Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("profiles", api.importProfilesInFull());
        model.addAttribute("columns", api.importColumns());
        model.addAttribute("name", name);
        model.addAttribute("description", "null".equals(description) ? "" : description);
        model.addAttribute("headerOf", headerOf);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, java.util.Set.of("name", "description")));
        }
        return "households/import-profiles";
    }
}
