package org.kesra.console.registers.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kesra.console.format.IndonesianFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A programme's payment rounds (tahap or bulan penyaluran of PKH, Sembako and the rest of the catalogue): the rounds
 * of a year with their SP2D and realisation and the year's totals; a round opened with its SP2D figures; a round's
 * page with the bank's payment list uploaded as a file (CSV or XLSX) and what was paid per kelurahan against SP2D.
 * The figures are welfare-service's: the console sums nothing.
 */
@Controller
@RequestMapping("/penyaluran")
public class PaymentRoundPages {

    static final int PAYMENTS_PAGE_SIZE = 50;
    static final Set<String> ROUND_FIELDS = Set.of("year", "label", "kind", "periodStart", "periodEnd", "sp2dKpm",
            "sp2dRupiah", "realisedKpm", "realisedRupiah", "note");
    /** A round's label as the API keeps it (upper case, at most 40): anything else is not asked for. */
    static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9 _-]{1,40}");

    private final RegistersApi api;
    private final HouseholdApi registry;
    private final IndonesianFormat fmt;

    public PaymentRoundPages(RegistersApi api, HouseholdApi registry, IndonesianFormat fmt) {
        this.api = api;
        this.registry = registry;
        this.fmt = fmt;
    }

    @GetMapping
    String rounds(@RequestParam(name = "program", required = false) String programme,
                  @RequestParam(name = "tahun", required = false) Integer year, Authentication authentication,
                  Model model) {
        Map<String, String> programmes = api.programmes();
        String shown = shownProgramme(programme, programmes);
        Integer shownYear = year != null && year >= 2000 && year <= 2100 ? year : null;
        model.addAttribute("report", api.cycles(shown, shownYear));
        model.addAttribute("programme", shown);
        model.addAttribute("year", shownYear);
        model.addAttribute("programmes", programmes);
        model.addAttribute("kinds", RegisterLabels.CYCLE_KIND);
        model.addAttribute("canKeep", PpksPages.keeps(authentication));
        return "registers/round-list";
    }

    /** PKH unless another programme of the catalogue is chosen (as on the enrolment pages). */
    static String shownProgramme(String programme, Map<String, String> programmes) {
        String known = RegisterLabels.known(programme, programmes);
        if (known != null) {
            return known;
        }
        return programmes.containsKey("PKH") ? "PKH" : programmes.keySet().stream().findFirst().orElse("PKH");
    }

    @GetMapping("/baru")
    String newRound(@RequestParam(name = "program", required = false) String programme, Model model) {
        Map<String, String> programmes = api.programmes();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("programme", shownProgramme(programme, programmes));
        typed.put("year", String.valueOf(LocalDate.now().getYear()));
        typed.put("kind", "TAHAP");
        return newPage(typed, Map.of(), null, programmes, model);
    }

    @PostMapping("/baru")
    String open(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        Map<String, String> programmes = api.programmes();
        String programme = RegisterLabels.known(typed.get("programme"), programmes);
        Map<String, String> errors = new LinkedHashMap<>();
        if (programme == null) {
            errors.put("programme", "Pilih program.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", RegisterLabels.number(typed.get("year"), "year", errors));
        body.put("label", typed.getOrDefault("label", "").strip());
        body.put("kind", RegisterLabels.blankToNull(typed.get("kind")));
        body.put("periodStart", RegisterLabels.date(typed.get("periodStart"), "periodStart", errors));
        body.put("periodEnd", RegisterLabels.date(typed.get("periodEnd"), "periodEnd", errors));
        body.put("sp2dKpm", RegisterLabels.number(typed.get("sp2dKpm"), "sp2dKpm", errors));
        body.put("sp2dRupiah", RegisterLabels.number(typed.get("sp2dRupiah"), "sp2dRupiah", errors));
        body.put("realisedKpm", RegisterLabels.number(typed.get("realisedKpm"), "realisedKpm", errors));
        body.put("realisedRupiah", RegisterLabels.number(typed.get("realisedRupiah"), "realisedRupiah", errors));
        body.put("note", RegisterLabels.blankToNull(typed.get("note")));
        if (!errors.isEmpty()) {
            return newPage(typed, errors, ApiProblem.local("Periksa isian yang ditandai."), programmes, model);
        }
        try {
            Map<String, Object> round = api.openCycle(programme, body);
            redirect.addFlashAttribute("notice", "Penyaluran " + programme + " " + round.get("year") + " "
                    + round.get("label") + " tercatat. Unggah daftar pembayarannya di bawah.");
            return "redirect:" + roundPath(programme, String.valueOf(round.get("year")),
                    String.valueOf(round.get("label")));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return newPage(typed, refusal.problem().fieldErrors(), refusal.problem(), programmes, model);
        }
    }

    private String newPage(Map<String, String> typed, Map<String, String> errors, ApiProblem problem,
                           Map<String, String> programmes, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("otherErrors", problem.messagesOutside(ROUND_FIELDS).stream()
                    .filter(m -> !m.startsWith("programme")).toList());
        }
        model.addAttribute("programmes", programmes);
        model.addAttribute("kinds", RegisterLabels.CYCLE_KIND);
        return "registers/round-new";
    }

    @GetMapping("/{programme}/{year}/{label}")
    String round(@PathVariable String programme, @PathVariable int year, @PathVariable String label,
                 @RequestParam(name = "halaman", defaultValue = "1") int page, Authentication authentication,
                 Model model) {
        return roundPage(programme, year, label, Math.max(page, 1), authentication, null, model);
    }

    @PostMapping("/{programme}/{year}/{label}/pembayaran")
    String upload(@PathVariable String programme, @PathVariable int year, @PathVariable String label,
                  @RequestParam(required = false) MultipartFile file, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "Pilih berkas daftar pembayaran (CSV atau XLSX)."));
            return roundPage(programme, year, label, 1, authentication,
                    ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            Map<String, Object> recorded = api.uploadPayments(programme, year, label, file.getResource());
            redirect.addFlashAttribute("notice", "Daftar pembayaran tersimpan: " + fmt.number(recorded.get("recorded"))
                    + " baris, " + fmt.number(recorded.get("paidKpm")) + " KPM dibayar "
                    + fmt.rupiah(recorded.get("paidRupiah")) + ", " + fmt.number(recorded.get("unpaidKpm"))
                    + " KPM tidak dibayar.");
            return "redirect:" + roundPath(programme, String.valueOf(year), label);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated() || refusal.problem().status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", refusal.problem().fieldErrors());
            return roundPage(programme, year, label, 1, authentication, refusal.problem(), model);
        }
    }

    /** The round with its summary and a page of payments; {@code problem} is a refused upload's. */
    private String roundPage(String programme, int year, String label, int page, Authentication authentication,
                             ApiProblem problem, Model model) {
        if (!LABEL.matcher(label).matches()) {
            throw new ApiRefusal(new ApiProblem(404, null, null, "Tahap/bulan penyaluran tidak dikenal.", Map.of()));
        }
        Map<String, Object> summary = api.paymentSummary(programme, year, label);
        model.addAttribute("summary", summary);
        model.addAttribute("payments", api.payments(programme, year, label, page - 1, PAYMENTS_PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("roundPath", roundPath(programme, String.valueOf(year), label));
        model.addAttribute("kelurahan", registry.kelurahan(null));
        model.addAttribute("reasons", RegisterLabels.GAP_REASON);
        model.addAttribute("canKeep", PpksPages.keeps(authentication));
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        List<ApiProblem.Cell> cells = problem == null ? List.of() : problem.cells();
        model.addAttribute("cells", cells);
        if (problem != null) {
            // The file's problems are in the table by row and column (the API also lists them without a pointer);
            // the rest above it.
            model.addAttribute("otherErrors", problem.messagesOutside(cells.isEmpty() ? Set.of("file")
                    : Set.of("file", "")));
        }
        return "registers/round";
    }

    /** Where a round's page is: programme and label as path segments, so nothing personal is ever in it. */
    static String roundPath(String programme, String year, String label) {
        return "/penyaluran/" + org.springframework.web.util.UriUtils.encodePathSegment(programme,
                java.nio.charset.StandardCharsets.UTF_8) + "/" + year + "/"
                + org.springframework.web.util.UriUtils.encodePathSegment(label, java.nio.charset.StandardCharsets.UTF_8);
    }
}
