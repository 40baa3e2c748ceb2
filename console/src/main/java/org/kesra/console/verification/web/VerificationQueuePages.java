package org.kesra.console.verification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.verification.VerificationApi;
import org.kesra.console.verification.VerificationRoles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The verification work queue of Dinas Sosial: a programme's recipient list uploaded and matched against the registry
 * by welfare-service (verivali), its padan / tidak padan counts, each unmatched row opened beside the registry's
 * closest residents and decided with a reason, and the result exported as the national system's CSV. Pages are
 * addressed by the list's id and row number: no NIK or name ever goes into a URL.
 */
@Controller
@RequestMapping("/verifikasi")
public class VerificationQueuePages {

    static final int PAGE_SIZE = 50;

    private final VerificationApi api;
    private final HouseholdApi registry;

    public VerificationQueuePages(VerificationApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String queue(Model model) {
        return queuePage("", Map.of(), null, model);
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(name = "program", defaultValue = "") String programme, Model model) {
        // A programme code is the catalogue's (PKH, SEMBAKO, ...): anything else is not one, and not sent on.
        boolean programmeShaped = programme.matches("[A-Z0-9_]{1,40}");
        if (!programmeShaped || file == null || file.isEmpty()) { // the API's call needs both: nothing to ask
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (!programmeShaped) {
                errors.put("program", "Pilih program daftar penerima ini.");
            }
            if (file == null || file.isEmpty()) {
                errors.put("file", "Pilih berkas CSV atau XLSX berisi kolom nik, nama, tanggal_lahir, kode_kelurahan.");
            }
            return queuePage(programme, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> summary = api.upload(file.getResource(), programme);
            return "redirect:/verifikasi/daftar/" + summary.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            ApiProblem problem = refusal.problem();
            // An unknown programme is the API's 404; every other refusal of an upload is about the file.
            String field = problem.status() == 404 ? "program" : "file";
            // The detail names what is wrong with the file as a whole ("Kolom wajib tidak ada: nik, nama. ...").
            return queuePage(programme, Map.of(field, problem.message()),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
    }

    private String queuePage(String programme, Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("lists", api.lists());
        model.addAttribute("programmes", api.programmes());
        model.addAttribute("programme", programme);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "verification/queue";
    }

    @GetMapping("/daftar/{id}")
    String list(@PathVariable UUID id, @RequestParam(name = "alasan", required = false) String reason,
                @RequestParam(name = "halaman", defaultValue = "1") int page, Model model) {
        String shownReason = reason != null && VerificationLabels.ROW_REASONS.containsKey(reason) ? reason : null;
        int shownPage = Math.max(page, 1);
        model.addAttribute("summary", api.summary(id));
        model.addAttribute("rows", api.rows(id, "TIDAK_PADAN", shownReason, shownPage - 1, PAGE_SIZE));
        model.addAttribute("reason", shownReason);
        model.addAttribute("page", shownPage);
        labels(model);
        return "verification/list";
    }

    @GetMapping("/daftar/{id}/baris/{rowNo}")
    String row(@PathVariable UUID id, @PathVariable int rowNo, Authentication authentication, Model model) {
        return rowPage(id, rowNo, authentication, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/daftar/{id}/baris/{rowNo}")
    String decide(@PathVariable UUID id, @PathVariable int rowNo, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        try {
            api.decideRow(id, rowNo, decision, reason);
            redirect.addFlashAttribute("notice", "Baris " + rowNo + " "
                    + VerificationLabels.ROW_DECISIONS.getOrDefault(decision, decision).toLowerCase(java.util.Locale.ROOT)
                    + ". Alasan: " + reason.strip());
            return "redirect:/verifikasi/daftar/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return rowPage(id, rowNo, authentication, Map.of("decision", decision, "reason", reason),
                    refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String rowPage(UUID id, int rowNo, Authentication authentication, Map<String, String> typed,
                           Map<String, String> errors, ApiProblem problem, Model model) {
        Map<String, Object> answer = api.rowWithCandidates(id, rowNo);
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("summary", api.summary(id));
        model.addAttribute("row", answer.get("row"));
        model.addAttribute("candidates", answer.get("candidates") instanceof List<?> list ? list : List.of());
        model.addAttribute("canDecide", user != null && user.hasAnyRole(VerificationRoles.DECIDERS));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(Set.of("decision", "reason")));
        }
        labels(model);
        return "verification/row";
    }

    @GetMapping("/daftar/{id}/hasil.csv")
    void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"verivali-" + id + ".csv\"");
        api.export(id, response.getOutputStream());
    }

    private void labels(Model model) {
        model.addAttribute("kelurahan", registry.kelurahan(null)); // code -> "Name (code)"
        model.addAttribute("reasons", VerificationLabels.ROW_REASONS);
        model.addAttribute("matches", VerificationLabels.MATCH);
        model.addAttribute("decisions", VerificationLabels.ROW_DECISIONS);
        model.addAttribute("life", VerificationLabels.LIFE);
    }
}
