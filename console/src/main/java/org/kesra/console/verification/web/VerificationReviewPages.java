package org.kesra.console.verification.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enrolment reviews a death, a move out of the city or a member leaving the card opened (welfare-service opens
 * them from the registry's events): each with what the enrolment comes to before and after, confirmed or rejected by
 * a verifier with a reason. Readers without the verifier's role see the queue without the forms.
 */
@Controller
@RequestMapping("/verifikasi/peninjauan")
public class VerificationReviewPages {

    private final VerificationApi api;
    private final HouseholdApi registry;

    public VerificationReviewPages(VerificationApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String reviews(@RequestParam(name = "status", defaultValue = "TERBUKA") String status,
                   Authentication authentication, Model model) {
        return reviewsPage(status, authentication, null, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{id}")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        try {
            Map<String, Object> decided = api.decideReview(id, decision, reason);
            redirect.addFlashAttribute("notice", "Peninjauan " + decided.get("programme") + " "
                    + VerificationLabels.REVIEW_DECISIONS.getOrDefault(decision, decision).toLowerCase(java.util.Locale.ROOT)
                    + ". Alasan: " + reason.strip());
            return "redirect:/verifikasi/peninjauan";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return reviewsPage("TERBUKA", authentication, id, Map.of("decision", decision, "reason", reason),
                    refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String reviewsPage(String status, Authentication authentication, UUID refused, Map<String, String> typed,
                               Map<String, String> errors, ApiProblem problem, Model model) {
        String shown = VerificationLabels.REVIEW_STATUS.containsKey(status) ? status : "TERBUKA";
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("status", shown);
        model.addAttribute("reviews", api.reviews(shown, 0));
        model.addAttribute("canDecide", "TERBUKA".equals(shown) && user != null
                && user.hasAnyRole(VerificationRoles.DECIDERS));
        model.addAttribute("refused", refused == null ? null : refused.toString()); // the JSON's ids are strings
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(Set.of("decision", "reason")));
        }
        model.addAttribute("statuses", VerificationLabels.REVIEW_STATUS);
        model.addAttribute("reasons", VerificationLabels.REVIEW_REASONS);
        model.addAttribute("per", VerificationLabels.AMOUNT_PER);
        model.addAttribute("kelurahan", registry.kelurahan(null));
        return "verification/reviews";
    }
}
