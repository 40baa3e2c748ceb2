package org.kesra.console.household.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.household.HouseholdApi.SearchBy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Journey 1, a household's members: add one (a birth, a marriage, someone not yet recorded) and move one to another
 * household of the city by its KK number. Both send the household's version (If-Match), so a change made meanwhile by
 * someone else is refused rather than overwritten; a refused form comes back as typed with the API's messages.
 */
@Controller
@RequestMapping("/rumah-tangga/{id}")
public class MemberPages {

    /** Fields the add-member form shows a message beside; the rest is listed above it. */
    static final Set<String> MEMBER_FIELDS = Set.of("nik", "name", "birthPlace", "birthDate", "sex", "relationship",
            "maritalStatus", "education", "occupation", "reason");

    private final HouseholdApi api;

    public MemberPages(HouseholdApi api) {
        this.api = api;
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("relationships", Labels.RELATIONSHIP);
        model.addAttribute("sexes", Labels.SEX);
    }

    @GetMapping("/anggota-baru")
    String addForm(@PathVariable UUID id, Model model) {
        return addPage(api.household(id).body(), new RegisterForm.MemberForm(), "", Map.of(), null, model);
    }

    @PostMapping("/anggota-baru")
    String add(@PathVariable UUID id, @RequestParam int version, @ModelAttribute("member") RegisterForm.MemberForm member,
               @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            api.addMember(id, version, member.body(), reason);
            redirect.addFlashAttribute("notice", "Anggota " + java.util.Objects.requireNonNullElse(member.getName(), "").strip().toUpperCase()
                    + " ditambahkan. Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return addPage(api.household(id).body(), member, reason, refusal.problem().fieldErrors(),
                    refusal.problem(), model);
        }
    }

    private String addPage(Map<String, Object> household, RegisterForm.MemberForm member, String reason,
                           Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("h", household);
        model.addAttribute("member", member);
        model.addAttribute("reason", reason);
        model.addAttribute("codes", api.codeLists());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, MEMBER_FIELDS));
        }
        return "households/member-add";
    }

    @GetMapping("/anggota/{personId}/pindah-kk")
    String moveForm(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        return movePage(id, personId, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/anggota/{personId}/pindah-kk")
    String move(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam int version,
                @RequestParam(defaultValue = "") String toKkNumber, @RequestParam(defaultValue = "") String relationship,
                @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("toKkNumber", toKkNumber, "relationship", relationship, "reason", reason);
        String kk = toKkNumber.strip();
        if (!kk.matches("\\d{16}")) {
            return movePage(id, personId, typed, Map.of("toKkNumber", "Nomor KK tujuan harus 16 digit angka."),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        List<Map<String, Object>> found = api.search(SearchBy.KK, kk);
        if (found.isEmpty()) {
            return movePage(id, personId, typed, Map.of("toKkNumber",
                    "KK " + kk + " tidak ditemukan di wilayah Anda. Daftarkan rumah tangganya lebih dulu."),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            api.moveMember(id, version, personId, UUID.fromString(String.valueOf(found.get(0).get("id"))),
                    relationship.isBlank() ? null : relationship, reason);
            redirect.addFlashAttribute("notice", "Anggota dipindahkan ke KK " + kk + ". Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>(refusal.problem().fieldErrors());
            String target = errors.remove("toHouseholdId");
            if (target != null) {
                errors.put("toKkNumber", target);
            }
            return movePage(id, personId, typed, errors, refusal.problem(), model);
        }
    }

    private String movePage(UUID id, UUID personId, Map<String, String> typed, Map<String, String> errors,
                            ApiProblem problem, Model model) {
        model.addAttribute("h", api.household(id).body());
        model.addAttribute("person", api.person(personId).body());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors,
                    Set.of("toKkNumber", "relationship", "reason")));
        }
        return "households/member-move";
    }
}
