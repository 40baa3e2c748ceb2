package org.kesra.console.planning.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.planning.PlanningApi;
import org.kesra.console.planning.PlanningRoles;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit's Renstra plans: the list, one version as a tree (earlier versions stay readable), and the import of the
 * Tabel 6.1 matrix from XLSX or CSV, which performance-service reads, checks whole and stores as a new plan or a new
 * version. A refused file comes back with its problems per row and column and the form as typed.
 */
@Controller
@RequestMapping("/renstra")
public class RenstraPages {

    private final PlanningApi api;
    private final IndonesianFormat fmt;

    public RenstraPages(PlanningApi api, IndonesianFormat fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    /** The unit's plans; by default a planner's agency, regional staff their region, others every plan they read. */
    @GetMapping
    String plans(@RequestParam(required = false) String unit, Model model) {
        ConsoleUser user = currentUser();
        String unitCode = unit == null ? user.reportingUnit() : unit.strip();
        unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode;
        model.addAttribute("unit", unitCode);
        model.addAttribute("plans", api.plans(unitCode));
        model.addAttribute("keeper", user.hasAnyRole(PlanningRoles.KEEPERS));
        return "planning/plans";
    }

    @GetMapping("/{id}")
    String plan(@PathVariable UUID id, Model model) {
        GatewayApi.Answer answer = api.plan(id);
        model.addAttribute("etag", answer.etag());
        return planPage(answer.body(), model);
    }

    /** An earlier (or any) version, as it was stored. */
    @GetMapping("/{id}/versi/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model) {
        return planPage(api.planVersion(id, version), model);
    }

    /**
     * The planner's capaian helper on the tree: a realisation typed for an indicator and year, its capaian and rating
     * as performance-service computes them (htmx swaps the answer in beside the form; without htmx a small page).
     */
    @GetMapping("/{id}/versi/{version}/indikator/{indicatorId}/capaian")
    String indicatorCapaian(@PathVariable UUID id, @PathVariable int version, @PathVariable UUID indicatorId,
                            @RequestParam(required = false) String tahun,
                            @RequestParam(required = false) String realisasi,
                            @RequestParam(required = false) String batas,
                            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String fragment = htmx == null ? "planning/capaian" : "planning/capaian :: result";
        model.addAttribute("back", "/renstra/" + id + "/versi/" + version);
        String value = IndonesianFormat.decimalForApi(realisasi);
        if (value == null || value.isEmpty()) {
            model.addAttribute("message", "Isi realisasi untuk menghitung capaian.");
            return fragment;
        }
        try {
            model.addAttribute("result", api.indicatorCapaian(id, version, indicatorId, tahun, value,
                    IndonesianFormat.decimalForApi(batas)));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("message", String.join(" ", refusal.problem().fieldErrors().isEmpty()
                    ? java.util.List.of(refusal.problem().message()) : refusal.problem().fieldErrors().values()));
        }
        return fragment;
    }

    private String planPage(Map<String, Object> plan, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("tree", PlanTree.of(plan, fmt));
        model.addAttribute("checks", PlanTree.maps(plan.get("checks")));
        model.addAttribute("versions", PlanTree.maps(plan.get("versions")));
        model.addAttribute("keeper", currentUser().hasAnyRole(PlanningRoles.KEEPERS));
        return "planning/plan";
    }

    /** The upload form; {@code rencana} names the plan a new matrix revises (its period, title and version read). */
    @GetMapping("/impor")
    String importForm(@RequestParam(required = false) UUID rencana, @RequestParam(required = false) String unit,
                      Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("unit", unit == null || unit.isBlank() ? orEmpty(currentUser().reportingUnit()) : unit.strip());
        if (rencana != null) {
            GatewayApi.Answer plan = api.plan(rencana);
            Map<String, Object> body = plan.body();
            if (body.get("unit") instanceof Map<?, ?> planUnit && planUnit.get("code") != null) {
                form.put("unit", String.valueOf(planUnit.get("code")));
            }
            form.put("startYear", String.valueOf(body.get("startYear")));
            form.put("endYear", String.valueOf(body.get("endYear")));
            form.put("title", orEmpty((String) body.get("title")));
            form.put("etag", orEmpty(plan.etag()));
            form.put("rencana", rencana.toString());
        }
        return importPage(form, null, model);
    }

    @PostMapping("/impor")
    String importMatrix(@RequestParam(required = false) MultipartFile file, @RequestParam Map<String, String> typed,
                        Model model, RedirectAttributes redirect) {
        Map<String, String> form = new HashMap<>(typed);
        form.remove("_csrf");
        String unit = form.getOrDefault("unit", "").strip();
        if (unit.isEmpty() || file == null || file.isEmpty()) {
            Map<String, String> errors = new HashMap<>();
            if (unit.isEmpty()) {
                errors.put("unit", "Isi kode unit pemilik Renstra.");
            }
            if (file == null || file.isEmpty()) {
                errors.put("file", "Pilih berkas matriks Renstra (XLSX atau CSV).");
            }
            model.addAttribute("errors", errors);
            return importPage(form, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            GatewayApi.Answer imported = api.importMatrix(unit, new PlanningApi.MatrixUpload(file.getResource(),
                    form.get("startYear"), form.get("endYear"), form.get("title"), form.get("reason"),
                    form.get("etag")));
            Map<String, Object> plan = imported.body();
            redirect.addFlashAttribute("notice", "Matriks Renstra terimpor sebagai versi " + plan.get("version")
                    + " (" + plan.get("startYear") + "–" + plan.get("endYear") + ").");
            return "redirect:/renstra/" + plan.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("errors", refusal.problem().fieldErrors());
            model.addAttribute("rowProblems", MatrixProblems.of(refusal.problem().fieldErrors()));
            return importPage(form, refusal.problem(), model);
        }
    }

    private String importPage(Map<String, String> form, ApiProblem problem, Model model) {
        for (String field : new String[] {"unit", "startYear", "endYear", "title", "reason", "etag", "rencana"}) {
            form.putIfAbsent(field, "");
        }
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("rowProblems")) {
            model.addAttribute("rowProblems", java.util.List.of());
        }
        return "planning/import";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static ConsoleUser currentUser() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
