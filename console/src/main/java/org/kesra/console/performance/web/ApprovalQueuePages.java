package org.kesra.console.performance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.performance.QuarterlyReportApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Journey 3, the approver's side: the reports submitted in the approver's region waiting for a decision, and one
 * report read as submitted with the seed 002 checklist to return it, or approve it. The decision sends the ETag the
 * approver read, so a report changed meanwhile (a newer register figure) is refused rather than decided unseen.
 */
@Controller
@RequestMapping("/penilaian-laporan")
public class ApprovalQueuePages {

    private final QuarterlyReportApi api;

    public ApprovalQueuePages(QuarterlyReportApi api) {
        this.api = api;
    }

    @GetMapping
    String queue(@RequestParam(required = false) Integer tahun, Model model) {
        int year = tahun == null ? LocalDate.now(IndonesianFormat.WIB).getYear() : tahun;
        List<Map<String, Object>> all = api.realisations(null, year, null);
        model.addAttribute("year", year);
        model.addAttribute("waiting", all.stream().filter(r -> "SUBMITTED".equals(r.get("status"))).toList());
        model.addAttribute("others", all.stream().filter(r -> !"SUBMITTED".equals(r.get("status"))).toList());
        model.addAttribute("statuses", Labels.STATUS);
        return "performance/queue";
    }

    @GetMapping("/{id}")
    String review(@PathVariable UUID id, Model model) {
        return reviewPage(id, List.of(), "", Map.of(), null, model);
    }

    @PostMapping("/{id}/pengembalian")
    String giveBack(@PathVariable UUID id, @RequestParam String etag,
                    @RequestParam(name = "checklist", required = false) List<String> checklist,
                    @RequestParam(defaultValue = "") String other, Model model, RedirectAttributes redirect) {
        List<String> ticked = checklist == null ? List.of() : checklist;
        try {
            api.giveBack(id, etag, ticked, other);
            redirect.addFlashAttribute("notice", "Laporan dikembalikan kepada pelapor untuk diperbaiki.");
            return "redirect:/penilaian-laporan";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return reviewPage(id, ticked, other, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    @PostMapping("/{id}/persetujuan")
    String approve(@PathVariable UUID id, @RequestParam String etag, Model model, RedirectAttributes redirect) {
        try {
            api.approve(id, etag);
            redirect.addFlashAttribute("notice", "Laporan disetujui.");
            return "redirect:/penilaian-laporan";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return reviewPage(id, List.of(), "", refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String reviewPage(UUID id, List<String> ticked, String other, Map<String, String> errors,
                              ApiProblem problem, Model model) {
        GatewayApi.Answer answer = api.realisation(id);
        model.addAttribute("r", answer.body());
        model.addAttribute("etag", answer.etag() == null ? String.valueOf(answer.body().get("etag")) : answer.etag());
        model.addAttribute("evidence", api.evidence(id));
        model.addAttribute("checklist", Labels.CHECKLIST);
        model.addAttribute("ticked", ticked);
        model.addAttribute("other", other);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("otherErrors", errors.entrySet().stream()
                .filter(e -> !e.getKey().equals("checklist") && !e.getKey().equals("other"))
                .map(Map.Entry::getValue).toList());
        model.addAttribute("statuses", Labels.STATUS);
        return "performance/review";
    }
}
