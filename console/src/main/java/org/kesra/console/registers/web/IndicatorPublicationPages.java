package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.registers.CatalogueApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The publication of the kelurahan indicators of a period by the Dinas Sosial admin: welfare-service counts the PPKS
 * (terdata, ditangani) and the KPM per programme of each kelurahan and publishes them for reporting- and
 * performance-service; publishing a period again is a correction that replaces the first. The answer is shown on
 * the page that asked (it is not kept anywhere the console could read it back).
 */
@Controller
@RequestMapping("/indikator-kelurahan")
public class IndicatorPublicationPages {

    static final Set<String> FIELDS = Set.of("periodFrom", "periodTo");

    private final CatalogueApi api;
    private final HouseholdApi registry;

    public IndicatorPublicationPages(CatalogueApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String form(Model model) {
        return page(Map.of(), Map.of(), null, null, model);
    }

    @PostMapping
    String publish(@RequestParam(defaultValue = "") String periodFrom, @RequestParam(defaultValue = "") String periodTo,
                   Model model) {
        Map<String, String> typed = Map.of("periodFrom", periodFrom, "periodTo", periodTo);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("periodFrom", RegisterLabels.date(periodFrom, "periodFrom", errors));
        body.put("periodTo", RegisterLabels.date(periodTo, "periodTo", errors));
        if (!errors.isEmpty()) {
            return page(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), null, model);
        }
        try {
            return page(typed, Map.of(), null, api.publishIndicators(body), model);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return page(typed, refusal.problem().fieldErrors(), refusal.problem(), null, model);
        }
    }

    private String page(Map<String, String> typed, Map<String, String> errors, ApiProblem problem,
                        Map<String, Object> published, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(FIELDS));
        }
        model.addAttribute("published", published);
        if (published != null) {
            model.addAttribute("kelurahan", registry.kelurahan(null));
        }
        return "registers/indicator-publication";
    }
}
