package org.kesra.console.registers.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.registers.RegistersApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The national welfare deciles (DTSEN) of a quarter uploaded by a Dinas Sosial admin: one file per period (no_kk,
 * desil), all rows or none, never replaced. Eligibility by decile is welfare-service's; this page only passes the
 * file and says what came back.
 */
@Controller
@RequestMapping("/desil")
public class DecilePages {

    /** The period as welfare-service names it: a year and a quarter. */
    static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("[0-9]{4}-Q[1-4]");

    private final RegistersApi api;
    private final IndonesianFormat fmt;

    public DecilePages(RegistersApi api, IndonesianFormat fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    @GetMapping
    String form(Model model) {
        return page("", Map.of(), null, model);
    }

    @PostMapping
    String upload(@RequestParam(defaultValue = "") String period, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) {
        String typed = period.strip().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!PERIOD.matcher(typed).matches()) {
            errors.put("period", "Periode ditulis TTTT-Qn, misalnya 2026-Q4.");
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", "Pilih berkas daftar desil (CSV atau XLSX).");
        }
        if (!errors.isEmpty()) {
            return page(period, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> result = api.uploadDeciles(typed, file.getResource());
            redirect.addFlashAttribute("notice", "Daftar desil periode " + result.get("period") + " tersimpan: "
                    + fmt.number(result.get("rows")) + " keluarga, berlaku sejak " + fmt.date(result.get("periodFrom"))
                    + ". SHA-256 berkas: " + result.get("fileSha256"));
            return "redirect:/desil";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return page(period, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String page(String period, Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        List<ApiProblem.Cell> cells = problem == null ? List.of() : problem.cells();
        model.addAttribute("cells", cells);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(cells.isEmpty() ? Set.of("period", "file")
                    : Set.of("period", "file", "")));
        }
        return "registers/deciles";
    }
}
