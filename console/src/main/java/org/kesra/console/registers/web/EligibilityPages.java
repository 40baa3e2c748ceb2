package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.registers.CatalogueApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's programme eligibility by their family's DTSEN decile, asked by Dinas Sosial staff: the NIK is posted to
 * the console (never in its URL) and the answer shown on the page that asked. welfare-service logs each question
 * with the console's declared purpose, unknown NIKs too.
 */
@Controller
@RequestMapping("/cek-kelayakan")
public class EligibilityPages {

    static final Set<String> FIELDS = Set.of("nik", "tanggal");

    private final CatalogueApi api;

    public EligibilityPages(CatalogueApi api) {
        this.api = api;
    }

    @GetMapping
    String form(Model model) {
        return page(Map.of(), Map.of(), null, null, model);
    }

    @PostMapping
    String check(@RequestParam(defaultValue = "") String nik, @RequestParam(defaultValue = "") String tanggal,
                 Model model) {
        Map<String, String> typed = Map.of("nik", nik, "tanggal", tanggal);
        Map<String, String> errors = new LinkedHashMap<>();
        String digits = nik.strip();
        if (!digits.matches("[0-9]{16}")) {
            errors.put("nik", "NIK harus 16 digit angka.");
        }
        String date = RegisterLabels.date(tanggal, "tanggal", errors);
        if (!errors.isEmpty()) {
            return page(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), null, model);
        }
        try {
            return page(typed, Map.of(), null, api.eligibility(digits, date), model);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            // The API names no field for an unknown NIK; its message belongs beside the NIK all the same.
            Map<String, String> fieldErrors = new LinkedHashMap<>(refusal.problem().fieldErrors());
            if (fieldErrors.isEmpty() && refusal.problem().status() < 500) {
                fieldErrors.put("nik", refusal.problem().message());
            }
            return page(typed, fieldErrors, refusal.problem(), null, model);
        }
    }

    private String page(Map<String, String> typed, Map<String, String> errors, ApiProblem problem,
                        Map<String, Object> answer, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(FIELDS));
        }
        model.addAttribute("answer", answer);
        return "registers/eligibility";
    }
}
