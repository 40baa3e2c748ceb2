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

    /**
     * The newest revision's items to change: target (and upper bound of a range), budget, sasaran and indicator text,
     * an item dropped by unticking it. A DRAFT is changed in place; an agreed revision becomes a new DRAFT revision
     * with the reason, which performance-service requires and keeps.
     */
    @GetMapping("/{id}/ubah")
    String changeForm(@PathVariable UUID id, Model model) {
        GatewayApi.Answer answer = api.agreement(id);
        List<Map<String, Object>> items = PlanTree.maps(answer.body().get("items"));
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            typed.put("keep" + i, "on");
            for (String field : ITEM_TEXT) {
                typed.put(field + i, item.get(field) == null ? "" : String.valueOf(item.get(field)));
            }
        }
        return changePage(answer.body(), answer.etag(), typed, Map.of(), null, model);
    }

    @PostMapping("/{id}/ubah")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String etag,
                  @RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        GatewayApi.Answer current = api.agreement(id);
        List<Map<String, Object>> items = PlanTree.maps(current.body().get("items"));
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> kept = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!"on".equals(typed.get("keep" + i))) {
                continue;
            }
            int position = kept.size();
            Map<String, Object> item = new LinkedHashMap<>(items.get(i));
            item.keySet().retainAll(java.util.Set.of("sasaran", "indicator", "unitOfMeasure", "direction", "target",
                    "targetMax", "budget", "renstraIndicatorId"));
            item.put("sasaran", blankToNull(typed.get("sasaran" + i)));
            item.put("indicator", blankToNull(typed.get("indicator" + i)));
            item.put("target", number(typed.get("target" + i), "items[" + position + "].target", errors, false));
            item.put("targetMax", number(typed.get("targetMax" + i), "items[" + position + "].targetMax", errors,
                    false));
            item.put("budget", number(typed.get("budget" + i), "items[" + position + "].budget", errors, true));
            kept.add(item);
        }
        if (kept.isEmpty()) {
            errors.put("items", "Sisakan sedikitnya satu butir.");
        }
        if (!errors.isEmpty()) {
            return changePage(current.body(), etag, typed, fieldsByRow(errors, typed, items.size()),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blankToNull(typed.get("reason")));
        body.put("items", kept);
        try {
            Map<String, Object> changed = api.change(id, etag, body).body();
            redirect.addFlashAttribute("notice", "AGREED".equals(current.body().get("status"))
                    ? "Perubahan tersimpan sebagai revisi " + changed.get("revision") + " (draf) dengan alasannya."
                    + " Sepakati revisi ini agar menjadi dasar laporan triwulan."
                    : "Perubahan draf revisi " + changed.get("revision") + " tersimpan.");
            return "redirect:/perjanjian-kinerja/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return changePage(current.body(), etag, typed, fieldsByRow(refusal.problem().fieldErrors(), typed,
                    items.size()), refusal.problem(), model);
        }
    }

    private static final List<String> ITEM_TEXT = List.of("sasaran", "indicator", "target", "targetMax", "budget");

    /**
     * The API names the items it refuses by their place in what was sent ({@code items[1].target}); the form shows
     * every item of the revision, the unticked ones too, so each message goes to the row it was sent from.
     */
    private static Map<String, String> fieldsByRow(Map<String, String> errors, Map<String, String> typed, int rows) {
        Map<Integer, Integer> rowOfSent = new java.util.HashMap<>();
        for (int i = 0, sent = 0; i < rows; i++) {
            if ("on".equals(typed.get("keep" + i))) {
                rowOfSent.put(sent++, i);
            }
        }
        Map<String, String> shown = new LinkedHashMap<>();
        java.util.regex.Pattern itemField = java.util.regex.Pattern.compile("items\\[(\\d+)\\]\\.(\\w+)");
        errors.forEach((field, message) -> {
            java.util.regex.Matcher m = itemField.matcher(field);
            if (m.matches() && rowOfSent.containsKey(Integer.parseInt(m.group(1)))) {
                shown.merge(m.group(2) + rowOfSent.get(Integer.parseInt(m.group(1))), message, (a, b) -> a + "; " + b);
            } else {
                shown.merge(field, message, (a, b) -> a + "; " + b);
            }
        });
        return shown;
    }

    /** A typed figure as the API takes it (Indonesian 1.234,5 or plain 1234.5); empty is none. */
    private static Object number(String text, String field, Map<String, String> errors, boolean whole) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip().replace(" ", "");
        if (plain.contains(",")) {
            plain = plain.replace(".", "").replace(',', '.');
        } else if (whole) {
            plain = plain.replace(".", "");
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(plain);
            if (whole) {
                return value.longValueExact();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.put(field, whole ? "Anggaran berupa rupiah utuh, misalnya 2.700.000." : "Berupa angka, misalnya 85"
                    + " atau 63,57.");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String changePage(Map<String, Object> agreement, String etag, Map<String, String> typed,
                              Map<String, String> errors, ApiProblem problem, Model model) {
        List<Map<String, Object>> items = PlanTree.maps(agreement.get("items"));
        model.addAttribute("agreement", agreement);
        model.addAttribute("items", items);
        model.addAttribute("etag", etag);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("agreed", "AGREED".equals(agreement.get("status")));
        java.util.Set<String> shown = new java.util.HashSet<>(java.util.Set.of("reason", "items"));
        for (int i = 0; i < items.size(); i++) {
            for (String field : ITEM_TEXT) {
                shown.add(field + i);
            }
        }
        model.addAttribute("otherErrors", problem == null ? List.of() : errors.entrySet().stream()
                .filter(e -> !shown.contains(e.getKey()))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList());
        return "planning/agreement-change";
    }

    private String agreementPage(Map<String, Object> agreement, boolean newest, Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("items", PlanTree.maps(agreement.get("items")));
        model.addAttribute("revisions", PlanTree.maps(agreement.get("revisions")));
        model.addAttribute("statuses", STATUS);
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("canAgree", newest && "DRAFT".equals(agreement.get("status"))
                && RenstraPages.currentUser().hasAnyRole(PlanningRoles.KEEPERS));
        model.addAttribute("canChange", newest && RenstraPages.currentUser().hasAnyRole(PlanningRoles.KEEPERS));
        return "planning/agreement";
    }
}
