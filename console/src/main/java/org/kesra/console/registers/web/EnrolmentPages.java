package org.kesra.console.registers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
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
 * The enrolments (KPM) of Dinas Sosial per programme: a programme's families or persons a page at a time; a family
 * enrolled by one of its members' NIK (welfare-service enrols the whole KK for a family programme); an enrolment with
 * its PKH components as the registry's members make them today; an enrolment ended with its reason. Which family
 * counts, what a component is worth and which programmes exclude each other are welfare-service's; the pages show
 * its answers and its refusals beside the fields.
 */
@Controller
@RequestMapping("/kepesertaan")
public class EnrolmentPages {

    static final int PAGE_SIZE = 20;
    static final Set<String> ENROL_FIELDS = Set.of("programme", "nik", "periodStart", "periodEnd");

    private final RegistersApi api;
    private final HouseholdApi registry;

    public EnrolmentPages(RegistersApi api, HouseholdApi registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping
    String list(@RequestParam(name = "program", required = false) String programme,
                @RequestParam(required = false) String kelurahan, @RequestParam(required = false) String status,
                @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                Model model) {
        Map<String, String> programmes = api.programmes();
        Map<String, String> kelurahanNames = registry.kelurahan(null);
        // PKH first, as Dinas Sosial reads it most; any other programme of the catalogue when chosen.
        String shownProgramme = RegisterLabels.known(programme, programmes);
        if (shownProgramme == null) {
            shownProgramme = programmes.containsKey("PKH") ? "PKH"
                    : programmes.keySet().stream().findFirst().orElse("PKH");
        }
        String shownKelurahan = RegisterLabels.known(kelurahan, kelurahanNames);
        String shownStatus = RegisterLabels.known(status, RegisterLabels.ENROLMENT_STATUS);
        int shownPage = Math.max(page, 1);
        model.addAttribute("enrolments", api.enrolments(shownProgramme, shownKelurahan, shownStatus, shownPage - 1,
                PAGE_SIZE));
        model.addAttribute("programme", shownProgramme);
        model.addAttribute("kelurahanFilter", shownKelurahan);
        model.addAttribute("statusFilter", shownStatus);
        model.addAttribute("page", shownPage);
        model.addAttribute("programmes", programmes);
        model.addAttribute("kelurahan", kelurahanNames);
        model.addAttribute("statuses", RegisterLabels.ENROLMENT_STATUS);
        model.addAttribute("canKeep", PpksPages.keeps(authentication));
        return "registers/enrolment-list";
    }

    @GetMapping("/baru")
    String newEnrolment(@RequestParam(name = "program", required = false) String programme, Model model) {
        return newPage(Map.of("programme", programme == null ? "" : programme), Map.of(), null, model);
    }

    @PostMapping("/baru")
    String enrol(@RequestParam(defaultValue = "") String programme, @RequestParam(defaultValue = "") String nik,
                 @RequestParam(defaultValue = "") String periodStart,
                 @RequestParam(defaultValue = "") String periodEnd, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("programme", programme, "nik", nik, "periodStart", periodStart,
                "periodEnd", periodEnd);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", RegisterLabels.blankToNull(programme));
        body.put("nik", nik.strip());
        body.put("periodStart", RegisterLabels.date(periodStart, "periodStart", errors));
        body.put("periodEnd", RegisterLabels.date(periodEnd, "periodEnd", errors));
        if (!errors.isEmpty()) {
            return newPage(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> enrolled = api.enrol(body);
            redirect.addFlashAttribute("notice", "Kepesertaan " + enrolled.get("programme") + " tercatat.");
            return "redirect:/kepesertaan/" + enrolled.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return newPage(typed, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String newPage(Map<String, String> typed, Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(ENROL_FIELDS));
        }
        model.addAttribute("programmes", api.programmes());
        return "registers/enrolment-new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Authentication authentication, Model model) {
        return enrolmentPage(id, authentication, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{id}/pengakhiran")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "") String endedOn,
               @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
               RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("endedOn", endedOn, "reason", reason);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endedOn", RegisterLabels.date(endedOn, "endedOn", errors));
        body.put("reason", reason.strip());
        if (!errors.isEmpty()) {
            return enrolmentPage(id, authentication, typed, errors, ApiProblem.local("Periksa isian yang ditandai."),
                    model);
        }
        try {
            api.endEnrolment(id, body);
            redirect.addFlashAttribute("notice", "Kepesertaan diakhiri. Alasan: " + reason.strip());
            return "redirect:/kepesertaan/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return enrolmentPage(id, authentication, typed, refusal.problem().fieldErrors(), refusal.problem(),
                    model);
        }
    }

    private String enrolmentPage(UUID id, Authentication authentication, Map<String, String> typed,
                                 Map<String, String> errors, ApiProblem problem, Model model) {
        Map<String, Object> enrolment = api.enrolment(id);
        model.addAttribute("enrolment", enrolment);
        if ("PKH".equals(enrolment.get("programme"))) {
            try {
                model.addAttribute("components", api.pkhComponents(id));
            } catch (ApiRefusal refusal) {
                if (refusal.unauthenticated()) {
                    throw refusal;
                }
                // No amounts or age rules in force today: the page says why instead of the components.
                model.addAttribute("componentsProblem", refusal.problem());
            }
        }
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(Set.of("endedOn", "reason")));
        }
        model.addAttribute("canKeep", PpksPages.keeps(authentication));
        model.addAttribute("kelurahan", registry.kelurahan(null));
        model.addAttribute("statuses", RegisterLabels.ENROLMENT_STATUS);
        model.addAttribute("componentNames", RegisterLabels.PKH_COMPONENTS);
        return "registers/enrolment";
    }
}
