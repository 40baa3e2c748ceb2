package org.kesra.console.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.console.audit.AccessLogApi;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's reading of the personal-data access logs: household-service's (every read of full NIKs, full data or
 * histories by city staff, and the attempts refused), welfare-service's of its registers (the same for PPKS,
 * enrolments and verivali) and welfare-service's verification API log (other agencies' systems checking a NIK). The filters are the ones the APIs offer: actor or client, a person or household by the
 * registry's id, a NIK. A NIK never goes into the console's URL: a search by NIK is a POST, and its further pages are
 * POSTs too; the other filters are GET links. Nor into a service's URL: {@link AccessLogApi} posts every filter. NIKs are shown as the services answer them (masked for auditors).
 */
@Controller
public class AccessLogPages {

    static final String PATH = "/audit/akses-data-pribadi";
    static final String HOUSEHOLD = "rumah-tangga";
    static final String VERIFICATION = "verifikasi";
    static final String REGISTER = "register";

    private final AccessLogApi api;

    public AccessLogPages(AccessLogApi api) {
        this.api = api;
    }

    /** Filters without personal data: the source, actor or client, a person or household by id, the page. */
    @GetMapping(PATH)
    String find(@RequestParam(defaultValue = HOUSEHOLD) String sumber, @RequestParam(required = false) String pelaku,
                @RequestParam(required = false) String orang, @RequestParam(required = false) String rumahTangga,
                @RequestParam(defaultValue = "1") int halaman, Model model, HttpServletResponse response) {
        return show(sumber, pelaku, orang, rumahTangga, null, halaman, model, response);
    }

    /** A search carrying a NIK: posted, so that the NIK stays out of URLs, history and the gateway's access log. */
    @PostMapping(PATH)
    String findByNik(@RequestParam(defaultValue = HOUSEHOLD) String sumber,
                     @RequestParam(required = false) String pelaku, @RequestParam(required = false) String orang,
                     @RequestParam(required = false) String rumahTangga, @RequestParam(required = false) String nik,
                     @RequestParam(defaultValue = "1") int halaman, Model model, HttpServletResponse response) {
        return show(sumber, pelaku, orang, rumahTangga, nik, halaman, model, response);
    }

    private String show(String source, String actor, String person, String household, String nik, int page,
                        Model model, HttpServletResponse response) {
        String chosen = VERIFICATION.equals(source) || REGISTER.equals(source) ? source : HOUSEHOLD;
        int pageNo = Math.max(page, 1);
        model.addAttribute("sumber", chosen);
        model.addAttribute("pelaku", actor);
        model.addAttribute("orang", person);
        model.addAttribute("rumahTangga", household);
        model.addAttribute("nik", nik);
        model.addAttribute("page", pageNo);
        model.addAttribute("byNik", nik != null && !nik.isBlank());
        UUID personId;
        UUID householdId;
        try {
            personId = id(person);
            householdId = id(household);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("problem", ApiProblem.local("Id orang atau rumah tangga tidak dikenali."));
            return "audit/access-log";
        }
        try {
            if (chosen.equals(VERIFICATION)) {
                List<Map<String, Object>> items = api.verificationAccesses(actor, nik, pageNo - 1);
                model.addAttribute("items", items);
                // The verification log answers a plain list: a full page means there may be another.
                model.addAttribute("hasNext", items.size() >= AccessLogApi.PAGE_SIZE);
            } else {
                Map<String, Object> answer = chosen.equals(REGISTER) ? api.registerAccesses(actor, nik, pageNo - 1)
                        : api.householdAccesses(personId, householdId, actor, nik, pageNo - 1);
                Object items = answer.get("items");
                model.addAttribute("items", items instanceof List<?> list ? list : List.of());
                model.addAttribute("totalItems", answer.get("totalItems"));
                int totalPages = answer.get("totalPages") instanceof Number n ? n.intValue() : 1;
                model.addAttribute("totalPages", totalPages);
                model.addAttribute("hasNext", pageNo < totalPages);
            }
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("problem", refusal.problem());
            Map<String, String> fields = refusal.problem().fieldErrors();
            model.addAttribute("nikError", fields.get("nik"));
            model.addAttribute("pelakuError", fields.getOrDefault("actor", fields.get("client")));
            model.addAttribute("otherErrors", refusal.problem().messagesOutside(java.util.Set.of("nik", "actor",
                    "client")));
        }
        return "audit/access-log";
    }

    private static UUID id(String value) {
        return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
    }
}
