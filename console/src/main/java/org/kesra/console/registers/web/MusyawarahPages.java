package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.registers.RegisterRoles;
import org.kesra.console.registers.RegistersApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Proposals of a musyawarah kelurahan to add a family to a programme (LAYAK) or remove one (MENINGGAL, MAMPU,
 * PINDAH): listed by status a page at a time, proposed, and decided with a reason by a Dinas Sosial verifier or
 * admin who did not propose it (welfare-service's four-eyes rule; an approved removal ends the enrolment there).
 * The decision form sits in the proposal's row: the API has no page of a single proposal.
 */
@Controller
@RequestMapping("/musyawarah")
public class MusyawarahPages {

    static final int PAGE_SIZE = 20;
    static final Set<String> PROPOSAL_FIELDS = Set.of("kelurahanCode", "programme", "kind", "nik", "reason",
            "meetingDate", "note");

    private final RegistersApi api;
    private final HouseholdApi registry;

    public MusyawarahPages(RegistersApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status,
                @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                Model model) {
        return listPage(RegisterLabels.known(status, RegisterLabels.PROPOSAL_STATUS), Math.max(page, 1),
                authentication, null, Map.of(), Map.of(), null, model);
    }

    private String listPage(String status, int page, Authentication authentication, UUID refused,
                            Map<String, String> typed, Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("proposals", api.proposals(status, page - 1, PAGE_SIZE));
        model.addAttribute("statusFilter", status);
        model.addAttribute("page", page);
        model.addAttribute("statuses", RegisterLabels.PROPOSAL_STATUS);
        model.addAttribute("kinds", RegisterLabels.PROPOSAL_KIND);
        model.addAttribute("reasons", RegisterLabels.PROPOSAL_REASON_SHORT);
        model.addAttribute("decisions", RegisterLabels.DECISION);
        model.addAttribute("programmes", api.programmes());
        model.addAttribute("kelurahan", registry.kelurahan(null));
        model.addAttribute("canPropose", has(authentication, RegisterRoles.MUSYAWARAH_PROPOSERS));
        model.addAttribute("canDecide", has(authentication, RegisterRoles.MUSYAWARAH_DECIDERS));
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("me", user == null ? "" : user.username());
        model.addAttribute("refused", refused == null ? "" : refused.toString());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", Map.of());
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(Set.of("decision", "reason")));
        }
        return "registers/musyawarah-list";
    }

    @GetMapping("/baru")
    String newProposal(Authentication authentication, Model model) {
        Map<String, String> typed = new LinkedHashMap<>(Map.of("kind", "TAMBAH", "reason", "LAYAK"));
        Map<String, String> kelurahan = kelurahanOptions(authentication);
        if (kelurahan.size() == 1) {
            // A kelurahan's own staff propose for their kelurahan only: chosen for them.
            typed.put("kelurahanCode", kelurahan.keySet().iterator().next());
        }
        return newPage(typed, Map.of(), null, authentication, model);
    }

    @PostMapping("/baru")
    String propose(@RequestParam Map<String, String> form, Authentication authentication, Model model,
                   RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kelurahanCode", RegisterLabels.blankToNull(typed.get("kelurahanCode")));
        body.put("programme", RegisterLabels.blankToNull(typed.get("programme")));
        body.put("kind", RegisterLabels.blankToNull(typed.get("kind")));
        body.put("nik", typed.getOrDefault("nik", "").strip());
        body.put("reason", RegisterLabels.blankToNull(typed.get("reason")));
        body.put("meetingDate", RegisterLabels.date(typed.get("meetingDate"), "meetingDate", errors));
        body.put("note", RegisterLabels.blankToNull(typed.get("note")));
        if (!errors.isEmpty()) {
            return newPage(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), authentication, model);
        }
        try {
            api.propose(body);
            redirect.addFlashAttribute("notice", "Usulan musyawarah tercatat; menunggu keputusan Dinas Sosial.");
            return "redirect:/musyawarah?status=DIUSULKAN";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return newPage(typed, refusal.problem().fieldErrors(), refusal.problem(), authentication, model);
        }
    }

    private String newPage(Map<String, String> typed, Map<String, String> errors, ApiProblem problem,
                           Authentication authentication, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(PROPOSAL_FIELDS));
        }
        model.addAttribute("programmes", api.programmes());
        model.addAttribute("kelurahanOptions", kelurahanOptions(authentication));
        model.addAttribute("kinds", RegisterLabels.PROPOSAL_KIND);
        model.addAttribute("reasons", RegisterLabels.PROPOSAL_REASON);
        return "registers/musyawarah-new";
    }

    @PostMapping("/{id}/keputusan")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String status,
                  @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                  Model model, RedirectAttributes redirect) {
        String shownStatus = RegisterLabels.known(status, RegisterLabels.PROPOSAL_STATUS);
        Map<String, String> typed = Map.of("decision", decision, "reason", reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", RegisterLabels.blankToNull(decision));
        body.put("reason", reason.strip());
        try {
            Map<String, Object> decided = api.decide(id, body);
            redirect.addFlashAttribute("notice", "Usulan " + ("DISETUJUI".equals(decided.get("status"))
                    ? "disetujui" : "ditolak") + ". Alasan: " + reason.strip());
            return "redirect:/musyawarah?halaman=" + Math.max(page, 1)
                    + (shownStatus == null ? "" : "&status=" + shownStatus);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return listPage(shownStatus, Math.max(page, 1), authentication, id, typed,
                    refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    /** The kelurahan a user may propose for: their region's (the API refuses another region's proposal). */
    private Map<String, String> kelurahanOptions(Authentication authentication) {
        ConsoleUser user = ConsoleUser.of(authentication);
        return registry.kelurahan(user == null ? null : user.wilayah());
    }

    private static boolean has(Authentication authentication, java.util.List<String> roles) {
        ConsoleUser user = ConsoleUser.of(authentication);
        return user != null && user.hasAnyRole(roles);
    }
}
