package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.registers.CatalogueApi;
import org.kesra.console.registers.RegisterRoles;
import org.springframework.security.core.Authentication;
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
 * The programme catalogue as the Dinas Sosial admin keeps it: the programmes, one programme's amounts and rules in
 * force on a date with every amount and exclusion version (a new version is added with its own start date, the old
 * ones stay: welfare-service never overwrites), and the expansion rounds of seed 001 Tabel 2.2, read only. The other
 * readers of the catalogue see the same pages without the forms.
 */
@Controller
@RequestMapping("/katalog-program")
public class CataloguePages {

    /** A programme code as welfare-service accepts one; anything else is not put into an API path. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");
    static final Set<String> PROGRAMME_FIELDS = Set.of("code", "name", "unit", "startedOn", "source");
    static final Set<String> AMOUNT_FIELDS = Set.of("component", "funding", "per", "validFrom", "rupiah", "source");
    static final Set<String> EXCLUSION_FIELDS = Set.of("excludedProgramme", "validFrom", "excluded", "source");

    private final CatalogueApi api;
    private final IndonesianFormat fmt;

    public CataloguePages(CatalogueApi api, IndonesianFormat fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    @GetMapping
    String list(Authentication authentication, Model model) {
        model.addAttribute("programmes", api.programmes());
        model.addAttribute("units", RegisterLabels.PROGRAMME_UNIT);
        model.addAttribute("canEdit", canEdit(authentication));
        return "registers/catalogue-list";
    }

    @GetMapping("/baru")
    String newProgramme(Model model) {
        return newPage(Map.of(), Map.of(), null, model);
    }

    @PostMapping("/baru")
    String addProgramme(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = typed(form);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", typed.getOrDefault("code", "").strip().toUpperCase(java.util.Locale.ROOT));
        body.put("name", RegisterLabels.blankToNull(typed.get("name")));
        body.put("unit", RegisterLabels.blankToNull(typed.get("unit")));
        body.put("startedOn", RegisterLabels.date(typed.get("startedOn"), "startedOn", errors));
        body.put("source", RegisterLabels.blankToNull(typed.get("source")));
        if (!errors.isEmpty()) {
            return newPage(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> added = api.addProgramme(body);
            redirect.addFlashAttribute("notice", "Program " + added.get("code") + " – " + added.get("name")
                    + " tercatat dalam katalog. Catat nilai bantuannya di bawah.");
            return "redirect:/katalog-program/" + added.get("code");
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
            model.addAttribute("otherErrors", problem.messagesOutside(PROGRAMME_FIELDS));
        }
        model.addAttribute("units", RegisterLabels.PROGRAMME_UNIT);
        return "registers/catalogue-new";
    }

    @GetMapping("/{code}")
    String programme(@PathVariable String code, @RequestParam(name = "berlakuPada", required = false) String date,
                     Authentication authentication, Model model) {
        Map<String, String> dateErrors = new LinkedHashMap<>();
        String on = RegisterLabels.date(date, "berlakuPada", dateErrors);
        model.addAttribute("dateErrors", dateErrors);
        return detail(known(code), on, date, null, Map.of(), Map.of(), null, authentication, model);
    }

    @PostMapping("/{code}/nilai")
    String addAmount(@PathVariable String code, @RequestParam Map<String, String> form, Authentication authentication,
                     Model model, RedirectAttributes redirect) {
        String programme = known(code);
        Map<String, String> typed = typed(form);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component", typed.getOrDefault("component", "").strip().toUpperCase(java.util.Locale.ROOT));
        body.put("funding", RegisterLabels.blankToNull(typed.get("funding")));
        body.put("per", RegisterLabels.blankToNull(typed.get("per")));
        body.put("validFrom", RegisterLabels.date(typed.get("validFrom"), "validFrom", errors));
        body.put("rupiah", RegisterLabels.number(typed.get("rupiah"), "rupiah", errors));
        body.put("source", RegisterLabels.blankToNull(typed.get("source")));
        return change("nilai", programme, typed, errors, body, authentication, model, redirect);
    }

    @PostMapping("/{code}/pengecualian")
    String addExclusion(@PathVariable String code, @RequestParam Map<String, String> form,
                        Authentication authentication, Model model, RedirectAttributes redirect) {
        String programme = known(code);
        Map<String, String> typed = typed(form);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("excludedProgramme", RegisterLabels.blankToNull(typed.get("excludedProgramme")));
        body.put("validFrom", RegisterLabels.date(typed.get("validFrom"), "validFrom", errors));
        // The API reads a missing "excluded" as "starts"; the form says so explicitly either way.
        body.put("excluded", !"CABUT".equals(typed.get("excluded")));
        body.put("source", RegisterLabels.blankToNull(typed.get("source")));
        return change("pengecualian", programme, typed, errors, body, authentication, model, redirect);
    }

    private String change(String form, String programme, Map<String, String> typed, Map<String, String> errors,
                          Map<String, Object> body, Authentication authentication, Model model,
                          RedirectAttributes redirect) {
        if (!errors.isEmpty()) {
            return detail(programme, null, null, form, typed, errors,
                    ApiProblem.local("Periksa isian yang ditandai."), authentication, model);
        }
        try {
            if ("nilai".equals(form)) {
                Map<String, Object> added = api.addAmount(programme, body);
                redirect.addFlashAttribute("notice", "Nilai " + added.get("component") + " (" + added.get("funding")
                        + ", " + RegisterLabels.AMOUNT_PER.getOrDefault(String.valueOf(added.get("per")),
                        String.valueOf(added.get("per"))).toLowerCase(java.util.Locale.ROOT) + ") tercatat, berlaku mulai "
                        + fmt.date(added.get("validFrom")) + ". Versi sebelumnya tetap tersimpan.");
            } else {
                Map<String, Object> added = api.addExclusion(programme, body);
                redirect.addFlashAttribute("notice", (Boolean.TRUE.equals(added.get("excluded"))
                        ? "Penerima " + added.get("excludedProgramme") + " dikecualikan dari " + programme
                        : "Pengecualian penerima " + added.get("excludedProgramme") + " dari " + programme + " dicabut")
                        + " mulai " + fmt.date(added.get("validFrom")) + ".");
            }
            return "redirect:/katalog-program/" + programme;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return detail(programme, null, null, form, typed, refusal.problem().fieldErrors(), refusal.problem(),
                    authentication, model);
        }
    }

    private String detail(String code, String on, String typedDate, String refusedForm, Map<String, String> typed,
                          Map<String, String> errors, ApiProblem problem, Authentication authentication, Model model) {
        model.addAttribute("programme", api.programme(code, on));
        model.addAttribute("amounts", api.amounts(code));
        model.addAttribute("exclusions", api.exclusions(code));
        model.addAttribute("expansions", api.expansions(code));
        Map<String, String> others = new LinkedHashMap<>();
        for (Map<String, Object> p : api.programmes()) {
            if (!code.equals(p.get("code"))) {
                others.put(String.valueOf(p.get("code")), p.get("code") + " – " + p.get("name"));
            }
        }
        model.addAttribute("otherProgrammes", others);
        model.addAttribute("typedDate", typedDate == null ? "" : typedDate);
        model.addAttribute("units", RegisterLabels.PROGRAMME_UNIT);
        model.addAttribute("fundings", RegisterLabels.FUNDING);
        model.addAttribute("pers", RegisterLabels.AMOUNT_PER);
        model.addAttribute("exclusionKinds", RegisterLabels.EXCLUSION_KIND);
        model.addAttribute("expansionKinds", RegisterLabels.EXPANSION_KIND);
        model.addAttribute("canEdit", canEdit(authentication));
        model.addAttribute("refusedForm", refusedForm == null ? "" : refusedForm);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", Map.of());
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(
                    "nilai".equals(refusedForm) ? AMOUNT_FIELDS : EXCLUSION_FIELDS));
        }
        if (!model.containsAttribute("dateErrors")) {
            model.addAttribute("dateErrors", Map.of());
        }
        return "registers/catalogue-programme";
    }

    private static String known(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "Program tidak dikenal.");
        }
        return code;
    }

    private static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        return typed;
    }

    private static boolean canEdit(Authentication authentication) {
        ConsoleUser user = ConsoleUser.of(authentication);
        return user != null && user.hasAnyRole(RegisterRoles.CATALOGUE_EDITORS);
    }
}
