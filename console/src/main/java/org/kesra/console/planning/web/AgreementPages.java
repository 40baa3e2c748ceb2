package org.kesra.console.planning.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.planning.PlanningApi;
import org.kesra.console.planning.PlanningRoles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit's Perjanjian Kinerja of a year: the list, one agreement with its items (indicator, target, budget) and its
 * revisions, and the agreement of a DRAFT, sent with the revision the page showed (If-Match). An agreed revision is
 * frozen by performance-service; a later change is a new revision there.
 */
@Controller
@RequestMapping("/perjanjian-kinerja")
public class AgreementPages {

    static final Map<String, String> STATUS = Map.of("DRAFT", "Draf, belum disepakati", "AGREED", "Disepakati");
    static final Map<String, String> POSITIONS = new LinkedHashMap<>(Map.of("HEAD", "Kepala unit"));

    static {
        POSITIONS.put("ESELON_III", "Eselon III");
        POSITIONS.put("ESELON_IV", "Eselon IV");
    }

    private final PlanningApi api;

    public AgreementPages(PlanningApi api) {
        this.api = api;
    }

    /** The unit's agreements of a year (this year by default). */
    @GetMapping
    String agreements(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer tahun,
                      Model model) {
        ConsoleUser user = RenstraPages.currentUser();
        String unitCode = unit == null ? user.reportingUnit() : unit.strip();
        unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode;
        int year = tahun == null ? LocalDate.now(IndonesianFormat.WIB).getYear() : tahun;
        model.addAttribute("unit", unitCode);
        model.addAttribute("year", year);
        model.addAttribute("agreements", api.agreements(unitCode, year));
        model.addAttribute("statuses", STATUS);
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("keeper", user.hasAnyRole(PlanningRoles.KEEPERS));
        return "planning/agreements";
    }

    /**
     * A new agreement of a year from the unit's Renstra: the plan covering that year offers its indicators with the
     * year's target and budget, the planner picks the ones the position answers for and names the position.
     */
    @GetMapping("/baru")
    String draftForm(@RequestParam String unit, @RequestParam int tahun, Model model) {
        return draftPage(unit.strip(), tahun, Map.of("position", "HEAD"), List.of(), Map.of(), null, model);
    }

    @PostMapping("/baru")
    String draft(@RequestParam String unit, @RequestParam int tahun,
                 @RequestParam(required = false) List<String> pilih, @RequestParam Map<String, String> typed,
                 Model model, RedirectAttributes redirect) {
        List<String> chosen = pilih == null ? List.of() : pilih;
        Map<String, Object> plan = planCovering(unit.strip(), tahun);
        if (plan == null || chosen.isEmpty()) {
            return draftPage(unit.strip(), tahun, typed, chosen, Map.of("pilih", "Pilih sedikitnya satu indikator."),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unit.strip());
        body.put("year", tahun);
        body.put("position", typed.get("position"));
        body.put("positionTitle", typed.get("positionTitle"));
        body.put("items", RenstraIndicators.of(plan, tahun).chosen(chosen).stream()
                .map(RenstraIndicators.Choice::asItem).toList());
        try {
            Map<String, Object> drafted = api.draft(body).body();
            redirect.addFlashAttribute("notice", "Perjanjian Kinerja tersusun sebagai draf (revisi 1). Periksa"
                    + " butirnya, lalu sepakati.");
            return "redirect:/perjanjian-kinerja/" + drafted.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return draftPage(unit.strip(), tahun, typed, chosen, refusal.problem().fieldErrors(), refusal.problem(),
                    model);
        }
    }

    /** The unit's newest Renstra whose period holds the year, or none. */
    private Map<String, Object> planCovering(String unit, int year) {
        return api.plans(unit).stream()
                .filter(p -> p.get("startYear") instanceof Number s && s.intValue() <= year
                        && p.get("endYear") instanceof Number e && e.intValue() >= year)
                .findFirst().map(p -> api.plan(UUID.fromString(String.valueOf(p.get("id")))).body()).orElse(null);
    }

    private String draftPage(String unit, int year, Map<String, String> typed, List<String> chosen,
                             Map<String, String> errors, ApiProblem problem, Model model) {
        Map<String, Object> plan = planCovering(unit, year);
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("plan", plan);
        model.addAttribute("choices", plan == null ? List.of() : RenstraIndicators.of(plan, year).choices());
        model.addAttribute("chosen", chosen);
        model.addAttribute("position", typed.getOrDefault("position", ""));
        model.addAttribute("positionTitle", typed.getOrDefault("positionTitle", ""));
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("otherErrors", problem == null ? List.of()
                : problem.messagesOutside(java.util.Set.of("position", "positionTitle", "pilih")));
        return "planning/agreement-draft";
    }

    @GetMapping("/{id}")
    String agreement(@PathVariable UUID id, Model model) {
        GatewayApi.Answer answer = api.agreement(id);
        model.addAttribute("etag", answer.etag());
        return agreementPage(answer.body(), true, model);
    }

    @GetMapping("/{id}/revisi/{revision}")
    String revision(@PathVariable UUID id, @PathVariable int revision, Model model) {
        return agreementPage(api.agreementRevision(id, revision), false, model);
    }

    /** Agree the newest revision the page showed; another planner's newer revision makes the API refuse it. */
    @PostMapping("/{id}/persetujuan")
    String agree(@PathVariable UUID id, @RequestParam(defaultValue = "") String etag, Model model,
                 RedirectAttributes redirect) {
        try {
            Map<String, Object> agreed = api.agree(id, etag).body();
            redirect.addFlashAttribute("notice", "Perjanjian Kinerja revisi " + agreed.get("revision")
                    + " disepakati. Revisi ini kini dibekukan dan menjadi dasar laporan triwulan.");
            return "redirect:/perjanjian-kinerja/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            GatewayApi.Answer current = api.agreement(id);
            model.addAttribute("etag", current.etag());
            model.addAttribute("problem", refusal.problem());
            return agreementPage(current.body(), true, model);
        }
    }

    private String agreementPage(Map<String, Object> agreement, boolean newest, Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("items", PlanTree.maps(agreement.get("items")));
        model.addAttribute("revisions", PlanTree.maps(agreement.get("revisions")));
        model.addAttribute("statuses", STATUS);
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("canAgree", newest && "DRAFT".equals(agreement.get("status"))
                && RenstraPages.currentUser().hasAnyRole(PlanningRoles.KEEPERS));
        return "planning/agreement";
    }
}
