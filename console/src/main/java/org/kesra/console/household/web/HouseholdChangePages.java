package org.kesra.console.household.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
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
 * Journey 1, the household card itself: correct one of its fields with a reason, relocate it within the city, change
 * its head, take a member off it. Each sends the household's version (If-Match), so a change made meanwhile by someone
 * else is refused rather than overwritten; a refused form comes back as typed, each API message beside its field.
 */
@Controller
@RequestMapping("/rumah-tangga/{id}")
public class HouseholdChangePages {

    private final HouseholdApi api;

    public HouseholdChangePages(HouseholdApi api) {
        this.api = api;
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("relationships", Labels.RELATIONSHIP);
    }

    // A household field corrected

    /** The field is chosen first (a plain GET form: no script needed), so its value gets the right control. */
    @GetMapping("/koreksi")
    String correctForm(@PathVariable UUID id, @RequestParam(name = "isian", defaultValue = "address") String field,
                       Model model) {
        Map<String, Object> household = api.household(id).body();
        String chosen = Labels.HOUSEHOLD_CORRECTABLE.containsKey(field) ? field : "address";
        return correctPage(household, chosen, currentValue(household, chosen), "", Map.of(), null, model);
    }

    @PostMapping("/koreksi")
    String correct(@PathVariable UUID id, @RequestParam int version, @RequestParam String field,
                   @RequestParam(defaultValue = "") String value,
                   @RequestParam(name = "assets", required = false) List<String> assets,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        String chosen = Labels.HOUSEHOLD_CORRECTABLE.containsKey(field) ? field : "address";
        Object typed = chosen.equals("assets") ? (assets == null ? List.of() : assets) : value;
        try {
            api.correctHousehold(id, version, chosen, patchValue(chosen, value, assets), reason);
            redirect.addFlashAttribute("notice", Labels.HOUSEHOLD_CORRECTABLE.get(chosen) + " dikoreksi. Alasan: "
                    + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            Map<String, String> errors = besideValue(refusal.problem().fieldErrors(), chosen);
            return correctPage(api.household(id).body(), chosen, typed, reason, errors, refusal.problem(), model);
        }
    }

    /** The corrected field's message (whatever its pointer, {@code /floorAreaM2} or {@code /assets/1}) goes beside the value. */
    static Map<String, String> besideValue(Map<String, String> fieldErrors, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((name, message) -> {
            boolean ofTheField = name.equals(field) || name.startsWith(field + "[") || name.startsWith(field + ".");
            errors.merge(ofTheField ? "value" : name, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    /**
     * The value as JSON the API reads: a number for the area and coordinates when it is one (else the text, for the
     * API to refuse with its own message), the chosen assets as a list, a blank as null (the field emptied).
     */
    static Object patchValue(String field, String value, List<String> assets) {
        if (field.equals("assets")) {
            return assets == null ? List.of() : assets.stream().filter(a -> !a.isBlank()).toList();
        }
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return switch (field) {
                case "floorAreaM2" -> Integer.valueOf(text);
                case "latitude", "longitude" -> new BigDecimal(text.replace(',', '.'));
                default -> text;
            };
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private String correctPage(Map<String, Object> household, String field, Object value, String reason,
                               Map<String, String> errors, ApiProblem problem, Model model) {
        model.addAttribute("h", household);
        model.addAttribute("fields", Labels.HOUSEHOLD_CORRECTABLE);
        model.addAttribute("field", field);
        model.addAttribute("fieldLabel", Labels.HOUSEHOLD_CORRECTABLE.get(field));
        model.addAttribute("value", value instanceof List<?> ? "" : Objects.toString(value, ""));
        model.addAttribute("chosenAssets", value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of());
        String codeList = Labels.HOUSEHOLD_CODE_LIST.get(field);
        Map<String, String> options = new LinkedHashMap<>();
        if (codeList != null) {
            options.putAll(api.codeLists().getOrDefault(codeList, Map.of()));
        } else if (field.equals("dasawismaId")) {
            for (Map<String, Object> d : api.dasawisma(String.valueOf(household.get("kelurahanCode")))) {
                options.put(String.valueOf(d.get("id")), d.get("name") + " (RW " + d.get("rw") + " / RT " + d.get("rt")
                        + ")");
            }
        }
        model.addAttribute("options", options);
        model.addAttribute("control", field.equals("assets") ? "checks"
                : codeList != null || field.equals("dasawismaId") ? "select"
                : field.equals("floorAreaM2") ? "number" : "text");
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, Set.of("value", "reason")));
        }
        return "households/household-correct";
    }

    private static Object currentValue(Map<String, Object> household, String field) {
        Object value = household.get(field);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return field.equals("assets") && value == null ? List.of() : value;
    }

    // Relocation within the city

    @GetMapping("/pindah-alamat")
    String relocateForm(@PathVariable UUID id, Authentication authentication, Model model) {
        Map<String, Object> household = api.household(id).body();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("kelurahanCode", String.valueOf(household.get("kelurahanCode")));
        return relocatePage(household, authentication, typed, Map.of(), null, model);
    }

    @PostMapping("/pindah-alamat")
    String relocate(@PathVariable UUID id, @RequestParam int version,
                    @RequestParam(defaultValue = "") String kelurahanCode, @RequestParam(defaultValue = "") String rw,
                    @RequestParam(defaultValue = "") String rt, @RequestParam(defaultValue = "") String address,
                    @RequestParam(defaultValue = "") String newKkNumber, @RequestParam(defaultValue = "") String reason,
                    Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            api.relocate(id, version, kelurahanCode, rw, rt, address, newKkNumber, reason);
            redirect.addFlashAttribute("notice", "Pindah alamat tercatat: RW " + WilayahPages.padded(rw) + " / RT "
                    + WilayahPages.padded(rt) + ", " + address.strip() + ". Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("kelurahanCode", kelurahanCode);
            typed.put("rw", rw);
            typed.put("rt", rt);
            typed.put("address", address);
            typed.put("newKkNumber", newKkNumber);
            typed.put("reason", reason);
            return relocatePage(api.household(id).body(), authentication, typed, refusal.problem().fieldErrors(),
                    refusal.problem(), model);
        }
    }

    private String relocatePage(Map<String, Object> household, Authentication authentication,
                                Map<String, String> typed, Map<String, String> errors, ApiProblem problem,
                                Model model) {
        ConsoleUser user = ConsoleUser.of(authentication);
        model.addAttribute("h", household);
        model.addAttribute("kelurahanName", api.kelurahanName(String.valueOf(household.get("kelurahanCode"))));
        model.addAttribute("kelurahanOptions", api.kelurahan(user == null ? null : user.wilayah()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors,
                    Set.of("kelurahanCode", "rw", "rt", "address", "newKkNumber", "reason")));
        }
        return "households/relocate";
    }

    // A new head of household

    @GetMapping("/kepala-keluarga")
    String headForm(@PathVariable UUID id, Model model) {
        return headPage(api.household(id).body(), Map.of(), Map.of(), null, model);
    }

    @PostMapping("/kepala-keluarga")
    String changeHead(@PathVariable UUID id, @RequestParam int version,
                      @RequestParam(defaultValue = "") String personId,
                      @RequestParam(defaultValue = "") String formerHeadRelationship,
                      @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("personId", personId, "formerHeadRelationship", formerHeadRelationship,
                "reason", reason);
        Map<String, Object> household = api.household(id).body();
        Map<String, Object> chosen = members(household).stream()
                .filter(m -> String.valueOf(m.get("id")).equals(personId)).findFirst().orElse(null);
        if (chosen == null) {
            return headPage(household, typed, Map.of("personId", "Pilih anggota yang menjadi kepala keluarga baru."),
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            api.changeHead(id, version, UUID.fromString(personId), formerHeadRelationship, reason);
            redirect.addFlashAttribute("notice", "Kepala keluarga sekarang " + chosen.get("name") + ". Alasan: "
                    + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return headPage(api.household(id).body(), typed, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String headPage(Map<String, Object> household, Map<String, String> typed, Map<String, String> errors,
                            ApiProblem problem, Model model) {
        Map<String, String> candidates = new LinkedHashMap<>();
        String head = null;
        for (Map<String, Object> m : members(household)) {
            if (!"HIDUP".equals(m.get("lifeStatus"))) {
                continue;
            }
            if ("KEPALA_KELUARGA".equals(m.get("relationship"))) {
                head = String.valueOf(m.get("name"));
            } else {
                candidates.put(String.valueOf(m.get("id")), m.get("name") + " ("
                        + Labels.RELATIONSHIP.getOrDefault(String.valueOf(m.get("relationship")),
                        String.valueOf(m.get("relationship"))) + ")");
            }
        }
        Map<String, String> formerRelationships = new LinkedHashMap<>(Labels.RELATIONSHIP);
        formerRelationships.remove("KEPALA_KELUARGA");
        model.addAttribute("h", household);
        model.addAttribute("head", head);
        model.addAttribute("candidates", candidates);
        model.addAttribute("formerRelationships", formerRelationships);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors,
                    Set.of("personId", "formerHeadRelationship", "reason")));
        }
        return "households/head";
    }

    // A member taken off the card

    @GetMapping("/anggota/{personId}/keluarkan")
    String removeForm(@PathVariable UUID id, @PathVariable UUID personId, Model model) {
        return removePage(id, personId, "", Map.of(), null, model);
    }

    @PostMapping("/anggota/{personId}/keluarkan")
    String remove(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam int version,
                  @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            api.removeMember(id, version, personId, reason);
            redirect.addFlashAttribute("notice", "Anggota dikeluarkan dari KK. Alasan: " + reason.strip());
            return "redirect:/rumah-tangga/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return removePage(id, personId, reason, refusal.problem().fieldErrors(), refusal.problem(), model);
        }
    }

    private String removePage(UUID id, UUID personId, String reason, Map<String, String> errors, ApiProblem problem,
                              Model model) {
        Map<String, Object> household = api.household(id).body();
        model.addAttribute("h", household);
        model.addAttribute("person", members(household).stream()
                .filter(m -> String.valueOf(m.get("id")).equals(personId.toString())).findFirst()
                .orElseGet(() -> api.person(personId).body()));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", HouseholdPages.otherErrors(errors, Set.of("reason")));
        }
        return "households/member-remove";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> household) {
        List<Map<String, Object>> members = new ArrayList<>();
        if (household.get("members") instanceof List<?> list) {
            for (Object m : list) {
                if (m instanceof Map<?, ?> map) {
                    members.add((Map<String, Object>) map);
                }
            }
        }
        return members;
    }
}
