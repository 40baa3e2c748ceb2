package org.kesra.console.household.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.household.HouseholdApi.SearchBy;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.security.ConsoleSecurity;
import org.kesra.console.security.HtmxLoginRedirect;
import org.springframework.security.core.Authentication;
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
 * Journey 1, household data: find a household by KK, NIK or name (searched by POST, so no NIK lands in a URL or an
 * access log), register one with its members, correct a member's field with a reason, record a death or a move out
 * of the city, read the change history. A refused form comes back as typed, each message from the API's problem
 * detail beside its field.
 */
@Controller
@RequestMapping("/rumah-tangga")
public class HouseholdPages {

    private final HouseholdApi api;

    public HouseholdPages(HouseholdApi api) {
        this.api = api;
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("relationships", Labels.RELATIONSHIP);
        model.addAttribute("sexes", Labels.SEX);
        model.addAttribute("lifeStatuses", Labels.LIFE_STATUS);
    }

    @GetMapping
    String search(Model model) {
        model.addAttribute("by", SearchBy.KK.name());
        return "households/search";
    }

    @PostMapping("/cari")
    String find(@RequestParam(defaultValue = "KK") SearchBy by, @RequestParam(defaultValue = "") String term,
                HttpServletRequest request, Model model) {
        String cleaned = term.strip();
        model.addAttribute("by", by.name());
        model.addAttribute("term", cleaned);
        model.addAttribute("searched", true);
        String problem = localProblem(by, cleaned);
        if (problem != null) {
            model.addAttribute("termError", problem);
        } else {
            try {
                List<Map<String, Object>> found = api.search(by, cleaned);
                model.addAttribute(by == SearchBy.KK ? "households" : "persons", found);
            } catch (ApiRefusal refusal) {
                if (refusal.unauthenticated()) {
                    throw refusal;
                }
                ApiProblem p = refusal.problem();
                model.addAttribute("termError", p.fieldErrors().isEmpty() ? p.message()
                        : String.join("; ", p.fieldErrors().values()));
            }
        }
        return HtmxLoginRedirect.isHtmx(request) ? "households/search :: results" : "households/search";
    }

    /** What the console can say before asking: the API would answer the same, one round trip later. */
    static String localProblem(SearchBy by, String term) {
        if (term.isEmpty()) {
            return "Isi kata pencarian.";
        }
        if ((by == SearchBy.KK || by == SearchBy.NIK) && !term.matches("[0-9]{16}")) {
            return (by == SearchBy.KK ? "Nomor KK" : "NIK") + " harus 16 digit angka.";
        }
        if (by == SearchBy.NAMA && term.length() < 2) {
            return "Nama paling sedikit 2 huruf.";
        }
        return null;
    }

    @GetMapping("/{id}")
    String household(@PathVariable UUID id, Authentication authentication, Model model) {
        GatewayApi.Answer answer = api.household(id);
        model.addAttribute("h", answer.body());
        model.addAttribute("kelurahanName", api.kelurahanName(String.valueOf(answer.body().get("kelurahanCode"))));
        model.addAttribute("codes", api.codeLists());
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("canWrite", user != null && user.hasAnyRole(ConsoleSecurity.REGISTRY_WRITERS));
        return "households/detail";
    }

    @GetMapping("/{id}/riwayat")
    String householdHistory(@PathVariable UUID id, Model model) {
        Map<String, Object> household = api.household(id).body();
        model.addAttribute("h", household);
        model.addAttribute("entries", HistoryView.of(api.householdHistory(id), memberNames(household)));
        model.addAttribute("subject", "rumah tangga");
        return "households/history";
    }

    @GetMapping("/{id}/riwayat-anggota/{personId}")
    String personHistory(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        model.addAttribute("h", api.household(id).body());
        model.addAttribute("person", api.person(personId).body());
        model.addAttribute("entries", HistoryView.of(api.personHistory(personId)));
        model.addAttribute("subject", "anggota");
        return "households/history";
    }

    /** A household's members by id, so a history names the member a change concerns (a new head, one taken off). */
    static Map<String, String> memberNames(Map<String, Object> household) {
        Map<String, String> names = new LinkedHashMap<>();
        if (household.get("members") instanceof List<?> members) {
            for (Object m : members) {
                if (m instanceof Map<?, ?> member && member.get("id") != null && member.get("name") != null) {
                    names.put(String.valueOf(member.get("id")), String.valueOf(member.get("name")));
                }
            }
        }
        return names;
    }

    // Registration

    @GetMapping("/baru")
    String registerForm(Authentication authentication, Model model) {
        RegisterForm form = new RegisterForm();
        ConsoleUser user = ConsoleUser.of(authentication);
        Map<String, String> kelurahan = api.kelurahan(user == null ? null : user.wilayah());
        if (kelurahan.size() == 1) {
            form.setKelurahanCode(kelurahan.keySet().iterator().next());
        }
        return registerPage(form, kelurahan, Map.of(), null, model);
    }

    @PostMapping("/baru")
    String register(@ModelAttribute("form") RegisterForm form, Authentication authentication, Model model,
                    RedirectAttributes redirect) {
        List<Integer> rowOfSent = new ArrayList<>();
        Map<String, Object> body = form.body(rowOfSent);
        try {
            Map<String, Object> created = api.register(body);
            redirect.addFlashAttribute("notice", "Rumah tangga dengan KK " + created.get("kkNumber")
                    + " terdaftar dengan " + ((List<?>) created.get("members")).size() + " anggota.");
            return "redirect:/rumah-tangga/" + created.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            form.fillRows();
            ConsoleUser user = ConsoleUser.of(authentication);
            Map<String, String> errors = renumber(refusal.problem().fieldErrors(), rowOfSent);
            return registerPage(form, api.kelurahan(user == null ? null : user.wilayah()), errors,
                    refusal.problem(), model);
        }
    }

    private String registerPage(RegisterForm form, Map<String, String> kelurahan, Map<String, String> errors,
                                ApiProblem problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kelurahanOptions", kelurahan);
        model.addAttribute("codes", api.codeLists());
        model.addAttribute("errors", errors);
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("otherErrors", otherErrors(errors, REGISTER_FIELDS));
        }
        return "households/register";
    }

    /** Fields the registration form shows a message beside; the rest is listed above the form. */
    static final Set<String> REGISTER_FIELDS;

    static {
        Set<String> fields = new TreeSet<>(List.of("kkNumber", "kelurahanCode", "rw", "rt", "address",
                "houseOwnership", "incomeBand", "members"));
        for (int i = 0; i < RegisterForm.MEMBER_ROWS; i++) {
            for (String f : List.of("nik", "name", "birthPlace", "birthDate", "sex", "relationship", "maritalStatus",
                    "education", "occupation")) {
                fields.add("members[" + i + "]." + f);
            }
        }
        REGISTER_FIELDS = fields;
    }

    /** {@code members[0].nik} of the API is the first non-empty row of the form, which may be row 2. */
    static Map<String, String> renumber(Map<String, String> errors, List<Integer> rowOfSent) {
        Map<String, String> renumbered = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String name = field;
            if (field.startsWith("members[")) {
                int end = field.indexOf(']');
                int sent = Integer.parseInt(field.substring(8, end));
                if (sent < rowOfSent.size()) {
                    name = "members[" + rowOfSent.get(sent) + "]" + field.substring(end + 1);
                }
            }
            renumbered.merge(name, message, (a, b) -> a + "; " + b);
        });
        return renumbered;
    }

    static List<String> otherErrors(Map<String, String> errors, Set<String> shown) {
        return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey()))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList();
    }

    // A member's changes

    @GetMapping("/{id}/anggota/{personId}/koreksi")
    String correctForm(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        Map<String, Object> person = api.person(personId).body();
        return correctPage(id, person, "name", "", "", Map.of(), null, model);
    }

    @PostMapping("/{id}/anggota/{personId}/koreksi")
    String correct(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam int version,
                   @RequestParam String field, @RequestParam(defaultValue = "") String value,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        if (!Labels.CORRECTABLE.containsKey(field)) {
            field = "name";
        }
        try {
            api.correctPerson(personId, version, field, value.isBlank() ? null : value.strip(), reason);
            redirect.addFlashAttribute("notice", Labels.CORRECTABLE.get(field) + " dikoreksi. Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>(refusal.problem().fieldErrors());
            // The corrected field's message goes beside the value box, whatever field it was.
            String valueError = errors.remove(field);
            if (valueError != null) {
                errors.put("value", valueError);
            }
            Map<String, Object> person = api.person(personId).body();
            return correctPage(id, person, field, value, reason, errors, refusal.problem(), model);
        }
    }

    private String correctPage(UUID id, Map<String, Object> person, String field, String value, String reason,
                               Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("householdId", id);
        model.addAttribute("person", person);
        model.addAttribute("fields", Labels.CORRECTABLE);
        model.addAttribute("field", field);
        model.addAttribute("value", value);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", otherErrors(errors, Set.of("value", "reason")));
        }
        return "households/correct";
    }

    @GetMapping("/{id}/anggota/{personId}/meninggal")
    String deathForm(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        return lifeEventPage(id, api.person(personId).body(), "meninggal", Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{id}/anggota/{personId}/meninggal")
    String death(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam int version,
                 @RequestParam(defaultValue = "") String dateOfDeath, @RequestParam(defaultValue = "") String reason,
                 Model model, RedirectAttributes redirect) {
        try {
            api.recordDeath(personId, version, dateOfDeath, reason);
            redirect.addFlashAttribute("notice", "Kematian tercatat.");
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return lifeEventPage(id, api.person(personId).body(), "meninggal",
                    Map.of("dateOfDeath", dateOfDeath, "reason", reason), refusal.problem().fieldErrors(),
                    refusal.problem(), model);
        }
    }

    @GetMapping("/{id}/anggota/{personId}/pindah")
    String moveForm(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        return lifeEventPage(id, api.person(personId).body(), "pindah", Map.of(), Map.of(), null, model);
    }

    @PostMapping("/{id}/anggota/{personId}/pindah")
    String move(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam int version,
                @RequestParam(defaultValue = "") String movedOn, @RequestParam(defaultValue = "") String destination,
                @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            api.recordMoveAway(personId, version, movedOn, destination, reason);
            redirect.addFlashAttribute("notice", "Kepindahan ke luar kota tercatat.");
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return lifeEventPage(id, api.person(personId).body(), "pindah",
                    Map.of("movedOn", movedOn, "destination", destination, "reason", reason),
                    refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String lifeEventPage(UUID id, Map<String, Object> person, String kind, Map<String, String> typed,
                                 Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("householdId", id);
        model.addAttribute("person", person);
        model.addAttribute("kind", kind);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", otherErrors(errors,
                    Set.of("dateOfDeath", "movedOn", "destination", "reason")));
        }
        return "households/life-event";
    }

    /** One line of a change history as the page shows it: the fields that changed, before and after. */
    public record HistoryView(String action, Object changedAt, String changedBy, String reason,
                              List<Change> changes) {

        public record Change(String field, String before, String after) {
        }

        static List<HistoryView> of(List<Map<String, Object>> entries) {
            return of(entries, Map.of());
        }

        /** @param names members' names by id: an id among a snapshot's values is shown as the member's name */
        @SuppressWarnings("unchecked")
        static List<HistoryView> of(List<Map<String, Object>> entries, Map<String, String> names) {
            List<HistoryView> views = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                Map<String, Object> before = e.get("before") instanceof Map<?, ?> b ? (Map<String, Object>) b : Map.of();
                Map<String, Object> after = e.get("after") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
                Set<String> fields = new TreeSet<>(before.keySet());
                fields.addAll(after.keySet());
                List<Change> changes = new ArrayList<>();
                for (String field : fields) {
                    if (!Objects.equals(before.get(field), after.get(field))) {
                        changes.add(new Change(Labels.FIELDS.getOrDefault(field, field),
                                names.getOrDefault(String.valueOf(before.get(field)), text(before.get(field))),
                                names.getOrDefault(String.valueOf(after.get(field)), text(after.get(field)))));
                    }
                }
                views.add(new HistoryView(Labels.action(e.get("action")), e.get("changedAt"),
                        String.valueOf(e.get("changedBy")), e.get("reason") == null ? null : String.valueOf(e.get("reason")),
                        changes));
            }
            return views;
        }

        /** A snapshot's value as users read it: dates in Indonesian, yes/no, lists joined, nothing as a dash. */
        static String text(Object value) {
            if (value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
                return "–";
            }
            if (value instanceof Boolean b) {
                return b ? "Ya" : "Tidak";
            }
            if (value instanceof java.util.Collection<?> c) {
                return String.join(", ", c.stream().map(String::valueOf).toList());
            }
            String text = String.valueOf(value);
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? DATES.date(text) : text;
        }

        private static final org.kesra.console.format.IndonesianFormat DATES = new org.kesra.console.format.IndonesianFormat();
    }
}
