package org.kesra.console.household.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.security.ConsoleSecurity;
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
 * The RW, RT and dasawisma groups of a kelurahan, which its operator keeps (household-service's wilayah API): read by
 * every registry reader of the region, added to by its writers. Three small forms on one page; a refused one comes
 * back as typed with the API's messages beside its own fields, the other two untouched.
 */
@Controller
@RequestMapping("/wilayah")
public class WilayahPages {

    private final HouseholdApi api;

    public WilayahPages(HouseholdApi api) {
        this.api = api;
    }

    /** The user's kelurahan: straight to it when there is one (a kelurahan operator), else the list to choose from. */
    @GetMapping
    String choose(Authentication authentication, Model model) {
        ConsoleUser user = ConsoleUser.of(authentication);
        Map<String, String> kelurahan = api.kelurahan(user == null ? null : user.wilayah());
        if (kelurahan.size() == 1) {
            return "redirect:/wilayah/" + kelurahan.keySet().iterator().next();
        }
        model.addAttribute("kelurahanOptions", kelurahan);
        return "wilayah/choose";
    }

    @GetMapping("/{kelurahan}")
    String units(@PathVariable String kelurahan, Authentication authentication, Model model) {
        return page(kelurahan, authentication, null, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{kelurahan}/rw")
    String addRw(@PathVariable String kelurahan, @RequestParam(defaultValue = "") String number,
                 Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            api.addRw(kelurahan, number);
            redirect.addFlashAttribute("notice", "RW " + padded(number) + " ditambahkan.");
            return "redirect:/wilayah/" + kelurahan;
        } catch (ApiRefusal refusal) {
            return refused(refusal, kelurahan, "rw", Map.of("number", number), authentication, model);
        }
    }

    @PostMapping("/{kelurahan}/rt")
    String addRt(@PathVariable String kelurahan, @RequestParam(defaultValue = "") String rw,
                 @RequestParam(defaultValue = "") String number, Authentication authentication, Model model,
                 RedirectAttributes redirect) {
        if (rw.isBlank()) {
            return page(kelurahan, authentication, "rt", Map.of("rw", rw, "number", number),
                    Map.of("rw", "Pilih RW tempat RT ini."), ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            api.addRt(kelurahan, rw.strip(), number);
            redirect.addFlashAttribute("notice", "RT " + padded(number) + " ditambahkan pada RW " + padded(rw) + ".");
            return "redirect:/wilayah/" + kelurahan;
        } catch (ApiRefusal refusal) {
            return refused(refusal, kelurahan, "rt", Map.of("rw", rw, "number", number), authentication, model);
        }
    }

    @PostMapping("/{kelurahan}/dasawisma")
    String addDasawisma(@PathVariable String kelurahan, @RequestParam(defaultValue = "") String rw,
                        @RequestParam(defaultValue = "") String rt, @RequestParam(defaultValue = "") String name,
                        Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            api.addDasawisma(kelurahan, rw, rt, name);
            redirect.addFlashAttribute("notice", "Kelompok dasawisma " + name.strip() + " dibentuk.");
            return "redirect:/wilayah/" + kelurahan;
        } catch (ApiRefusal refusal) {
            return refused(refusal, kelurahan, "dasawisma", Map.of("rw", rw, "rt", rt, "name", name),
                    authentication, model);
        }
    }

    /** "7" as household-service keeps it, "007"; anything else (refused before it gets here) as typed. */
    static String padded(String number) {
        String n = number.strip();
        return n.matches("[0-9]{1,3}") ? String.format("%03d", Integer.parseInt(n)) : n;
    }

    private String refused(ApiRefusal refusal, String kelurahan, String form, Map<String, String> typed,
                           Authentication authentication, Model model) {
        if (refusal.unauthenticated()) {
            throw refusal;
        }
        return page(kelurahan, authentication, form, typed, refusal.problem().fieldErrors(), refusal.problem(),
                model);
    }

    /**
     * @param failed the form that was refused ({@code rw}, {@code rt}, {@code dasawisma}), whose typed values and
     *               messages the page shows; null when none was
     */
    private String page(String kelurahan, Authentication authentication, String failed, Map<String, String> typed,
                        Map<String, String> errors, ApiProblem problem, Model model) {
        ConsoleUser user = ConsoleUser.of(authentication);
        List<Map<String, Object>> rws = api.rws(kelurahan);
        Map<String, String> rwOptions = new LinkedHashMap<>();
        rws.forEach(rw -> rwOptions.put(String.valueOf(rw.get("rw")), "RW " + rw.get("rw")));
        model.addAttribute("kelurahan", kelurahan);
        model.addAttribute("kelurahanName", api.kelurahanName(kelurahan));
        model.addAttribute("rws", rws);
        model.addAttribute("rwOptions", rwOptions);
        model.addAttribute("groups", api.dasawisma(kelurahan));
        model.addAttribute("canWrite", user != null && user.hasAnyRole(ConsoleSecurity.REGISTRY_WRITERS));
        model.addAttribute("failed", failed);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", Map.of());
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, java.util.Set.of("number", "rw",
                    "rt", "name")));
        }
        return "wilayah/units";
    }
}
