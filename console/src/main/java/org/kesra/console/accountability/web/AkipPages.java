package org.kesra.console.accountability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kesra.console.accountability.AccountabilityApi;
import org.kesra.console.accountability.AccountabilityRoles;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A unit's AKIP evaluations: the scores per year with the predicate (AA..D) and its meaning as performance-service
 * derives them, one year with every recording and replacement, and for auditors and platform admins the form to
 * record or replace a year's score. A refused score comes back with the API's message beside the field and the form
 * as typed. The form carries the ETag of the evaluation it was read with (If-Match): when someone else saved the
 * year's score first, the page shows the score now saved beside the user's values, kept, to be saved again knowingly.
 */
@Controller
@RequestMapping("/evaluasi-akip")
public class AkipPages {

    /** {@code etag}, {@code dibaca}: the version the form was read at, and of which unit/year (hidden). */
    private static final List<String> FIELDS = List.of("unit", "tahun", "score", "evaluator", "reason", "etag",
            "dibaca");
    /** The API's answers to a save not based on the score now saved: another save came first, or one exists. */
    private static final String STALE = "PF-EVALUASI-AKIP-BERUBAH";
    private static final String IF_MATCH_REQUIRED = "KESRA-IF-MATCH-WAJIB";

    private final AccountabilityApi api;

    public AkipPages(AccountabilityApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(required = false) String unit, Model model, HttpServletResponse response) {
        String unitCode = unit == null ? orEmpty(currentUser().reportingUnit()) : unit.strip();
        Map<String, String> form = new HashMap<>();
        form.put("unit", unitCode);
        return listPage(unitCode, form, Map.of(), null, model, response);
    }

    @GetMapping("/{unit}/{year}")
    String evaluation(@PathVariable String unit, @PathVariable String year, Model model,
                      HttpServletResponse response) {
        model.addAttribute("unit", unit);
        model.addAttribute("tahun", year);
        Map<String, String> form = new HashMap<>(Map.of("unit", unit, "tahun", year));
        try {
            GatewayApi.Answer answer = api.evaluation(unit, year);
            Map<String, Object> evaluation = answer.body();
            model.addAttribute("evaluation", evaluation);
            model.addAttribute("changes", MonitoringApi.list(evaluation.get("changes")));
            form.put("evaluator", orEmpty((String) evaluation.get("evaluator")));
            form.put("etag", orEmpty(answer.etag()));
            form.put("dibaca", unit + "/" + year);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            if (refusal.problem().status() != 404 || !"PF-EVALUASI-AKIP-TIDAK-DITEMUKAN".equals(
                    refusal.problem().code())) {
                response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
                model.addAttribute("problem", refusal.problem());
            }
            model.addAttribute("changes", List.of());
        }
        return formPage("accountability/akip-year", form, Map.of(), model);
    }

    /** Records or replaces the score of the typed unit and year; the service derives the predicate. */
    @PostMapping
    String record(@RequestParam Map<String, String> typed, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(f -> form.put(f, typed.getOrDefault(f, "").strip()));
        String unit = form.get("unit");
        String year = form.get("tahun");
        Map<String, String> errors = new HashMap<>();
        if (unit.isEmpty()) {
            errors.put("unit", "Isi kode unit yang dievaluasi.");
        }
        if (year.isEmpty()) {
            errors.put("tahun", "Isi tahun yang dievaluasi.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("saving", true);
            return listPage(unit, form, errors, ApiProblem.local("Periksa isian yang ditandai."), model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("score", IndonesianFormat.decimalForApi(form.get("score")));
        body.put("evaluator", form.get("evaluator"));
        body.put("reason", form.get("reason").isEmpty() ? null : form.get("reason"));
        // The ETag belongs to the unit and year the page was read for; typed over to another, it names nothing there.
        String etag = (unit + "/" + year).equals(form.get("dibaca")) ? form.get("etag") : "";
        try {
            Map<String, Object> saved = api.record(unit, year, etag, body);
            redirect.addFlashAttribute("notice", "Nilai evaluasi AKIP " + year + " tersimpan: predikat "
                    + saved.get("predicate") + (saved.get("meaning") == null ? "" : " (" + saved.get("meaning") + ")")
                    + ".");
            return "redirect:" + UriComponentsBuilder.fromPath("/evaluasi-akip/{unit}/{year}")
                    .buildAndExpand(unit, year).encode().toUriString();
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            if (STALE.equals(refusal.problem().code()) || IF_MATCH_REQUIRED.equals(refusal.problem().code())) {
                String page = savedFirst(unit, year, form, etag.isEmpty(), model, response);
                if (page != null) {
                    return page;
                }
            }
            Map<String, String> apiErrors = new HashMap<>(refusal.problem().fieldErrors());
            if (apiErrors.containsKey("year")) {
                apiErrors.put("tahun", apiErrors.remove("year"));
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("saving", true);
            return listPage(unit, form, apiErrors, refusal.problem(), model, response);
        }
    }

    /**
     * The year's page with the score now saved (and its history) above the form, which keeps what the user typed and
     * now carries the saved score's ETag: saving again replaces it knowingly. 409: the save conflicted with another.
     * Null when the saved score cannot be read back (the caller then shows the API's refusal as it is).
     */
    private String savedFirst(String unit, String year, Map<String, String> form, boolean readWithout, Model model,
                              HttpServletResponse response) {
        GatewayApi.Answer now;
        try {
            now = api.evaluation(unit, year);
        } catch (ApiRefusal unreadable) {
            if (unreadable.unauthenticated()) {
                throw unreadable;
            }
            return null;
        }
        form.put("etag", orEmpty(now.etag()));
        form.put("dibaca", unit + "/" + year);
        response.setStatus(409);
        model.addAttribute("unit", unit);
        model.addAttribute("tahun", year);
        model.addAttribute("evaluation", now.body());
        model.addAttribute("changes", MonitoringApi.list(now.body().get("changes")));
        model.addAttribute("savedFirst", readWithout ? "sudah-ada" : "berubah");
        return formPage("accountability/akip-year", form, Map.of(), model);
    }

    private String listPage(String unit, Map<String, String> form, Map<String, String> errors, ApiProblem problem,
                            Model model, HttpServletResponse response) {
        model.addAttribute("unit", unit);
        model.addAttribute("problem", problem);
        model.addAttribute("evaluations", List.of());
        if (!unit.isEmpty()) {
            try {
                model.addAttribute("evaluations", MonitoringApi.list(api.evaluations(unit).get("evaluations")));
            } catch (ApiRefusal refusal) {
                if (refusal.unauthenticated()) {
                    throw refusal;
                }
                if (problem == null) {
                    response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
                    model.addAttribute("problem", refusal.problem());
                }
            }
        }
        return formPage("accountability/akip", form, errors, model);
    }

    private String formPage(String view, Map<String, String> form, Map<String, String> errors, Model model) {
        FIELDS.forEach(f -> form.putIfAbsent(f, ""));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("recorder", currentUser().hasAnyRole(AccountabilityRoles.AKIP_RECORDERS));
        return view;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ConsoleUser currentUser() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
