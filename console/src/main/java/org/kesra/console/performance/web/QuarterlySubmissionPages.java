package org.kesra.console.performance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.gateway.GatewayApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.performance.QuarterlyReportApi;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * Journey 3, the unit's side: the quarter's report against the agreed Perjanjian Kinerja (a figure per indicator
 * with its capaian shown as it is typed, computed by performance-service; budget realised; narrative; evidence),
 * the deadline and the working days left, the consistency findings; save and submit. Every change sends the
 * report's ETag (If-Match); a refused form comes back as typed with the API's messages beside the fields.
 */
@Controller
@RequestMapping("/laporan-triwulan")
public class QuarterlySubmissionPages {

    private final QuarterlyReportApi api;

    public QuarterlySubmissionPages(QuarterlyReportApi api) {
        this.api = api;
    }

    /** The quarters of a year and the unit's reports of the chosen one; by default the last quarter that ended. */
    @GetMapping
    String quarter(@RequestParam(required = false) Integer tahun, @RequestParam(required = false) Integer triwulan,
                   @RequestParam(required = false) String unit, Model model) {
        YearMonth lastEnded = YearMonth.now(IndonesianFormat.WIB).minusMonths(3);
        int year = tahun == null ? lastEnded.getYear() : tahun;
        int quarter = triwulan == null ? (lastEnded.getMonthValue() - 1) / 3 + 1 : Math.max(1, Math.min(4, triwulan));
        String unitCode = unit == null || unit.isBlank() ? currentUser().reportingUnit() : unit.strip();
        model.addAttribute("year", year);
        model.addAttribute("quarter", quarter);
        model.addAttribute("unit", unitCode);
        List<Map<String, Object>> reports = api.realisations(unitCode, year, quarter);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> agreement : api.agreements(unitCode, year)) {
            Map<String, Object> row = new LinkedHashMap<>(agreement);
            row.put("report", null);
            reports.stream().filter(r -> Objects.equals(r.get("agreementId"), agreement.get("id"))).findFirst()
                    .ifPresent(r -> row.put("report", r));
            rows.add(row);
        }
        model.addAttribute("agreements", rows);
        model.addAttribute("statuses", Labels.STATUS);
        return "performance/quarter";
    }

    /** A new draft of the quarter against the agreement's agreed revision (its latest). */
    @PostMapping
    String start(@RequestParam String unit, @RequestParam int tahun, @RequestParam int triwulan,
                 @RequestParam UUID agreementId, @RequestParam int revision, RedirectAttributes redirect) {
        try {
            Map<String, Object> created = api.create(unit, tahun, triwulan, agreementId, revision);
            redirect.addFlashAttribute("notice", "Laporan triwulan " + triwulan + " tahun " + tahun
                    + " dimulai. Isi realisasi setiap indikator, lalu simpan.");
            return "redirect:/laporan-triwulan/" + created.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", refusal.problem());
            return "redirect:/laporan-triwulan?tahun=" + tahun + "&triwulan=" + triwulan + "&unit=" + unit;
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable UUID id, Model model) {
        GatewayApi.Answer answer = api.realisation(id);
        return reportPage(id, answer, null, Map.of(), null, model);
    }

    /** Save the figures and narrative ({@code aksi=simpan}), or save and submit them ({@code aksi=serahkan}). */
    @PostMapping("/{id}")
    String save(@PathVariable UUID id, @RequestParam Map<String, String> form,
                @RequestParam(defaultValue = "simpan") String aksi, Model model, RedirectAttributes redirect) {
        GatewayApi.Answer current = api.realisation(id);
        String etag = form.getOrDefault("etag", "");
        ReportForm typed = ReportForm.of(current.body(), items(current.body()), form);
        Map<String, String> local = typed.localErrors();
        if (!local.isEmpty()) {
            return reportPage(id, current, typed, local, ApiProblem.local("Periksa isian yang ditandai."), model);
        }
        try {
            GatewayApi.Answer saved = api.change(id, etag, typed.body());
            if ("serahkan".equals(aksi)) {
                api.submit(id, saved.etag());
                redirect.addFlashAttribute("notice", "Laporan diserahkan kepada atasan untuk dinilai.");
            } else {
                redirect.addFlashAttribute("notice", "Laporan tersimpan (belum diserahkan).");
            }
            return "redirect:/laporan-triwulan/" + id;
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            Map<String, String> errors = typed.fieldsOf(refusal.problem().fieldErrors());
            // After a refused submission the figures may be saved already: show the report as it now stands.
            return reportPage(id, api.realisation(id), typed, errors, refusal.problem(), model);
        }
    }

    /** The capaian of a figure as it is typed (htmx, a moment after the last key): performance-service computes it. */
    @GetMapping("/{id}/capaian")
    String capaian(@PathVariable UUID id, @RequestParam int item, @RequestParam Map<String, String> form,
                   Model model) {
        String value = ReportForm.decimal(form.get("value-" + item));
        String numerator = ReportForm.decimal(form.get("numerator-" + item));
        String denominator = ReportForm.decimal(form.get("denominator-" + item));
        model.addAttribute("item", item);
        if (isBlank(value) && isBlank(numerator) && isBlank(denominator)) {
            return "performance/capaian :: empty";
        }
        try {
            model.addAttribute("preview", api.capaian(id, item, value, numerator, denominator));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("message", refusal.problem().fieldErrors().values().stream().findFirst()
                    .orElse(refusal.problem().message()));
        }
        return "performance/capaian :: capaian";
    }

    @PostMapping("/{id}/bukti")
    String upload(@PathVariable UUID id, @RequestParam String etag,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return reportPage(id, api.realisation(id), null, Map.of("file", "Pilih berkas bukti (PDF, PNG, JPEG"
                    + " atau XLSX, paling besar 5 MiB)."), ApiProblem.local("Belum ada berkas yang dipilih."), model);
        }
        try {
            api.upload(id, etag, file.getResource());
            redirect.addFlashAttribute("notice", "Berkas bukti " + file.getOriginalFilename() + " terunggah.");
            return "redirect:/laporan-triwulan/" + id + "#bukti";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            String message = refusal.problem().fieldErrors().values().stream().findFirst()
                    .orElse(refusal.problem().message());
            return reportPage(id, api.realisation(id), null, Map.of("file", message), refusal.problem(), model);
        }
    }

    @GetMapping("/{id}/bukti/{evidenceId}")
    void evidenceFile(@PathVariable UUID id, @PathVariable UUID evidenceId, HttpServletResponse response)
            throws IOException {
        Map<String, Object> file = api.evidence(id).stream().filter(e -> evidenceId.toString().equals(e.get("id")))
                .findFirst().orElseThrow(() -> new ApiRefusal(new ApiProblem(404, null, null,
                        "Berkas bukti tidak ditemukan.", Map.of())));
        response.setContentType(String.valueOf(file.get("contentType")));
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename(String.valueOf(file.get("fileName")), java.nio.charset.StandardCharsets.UTF_8).build()
                .toString());
        api.download(id, evidenceId, response.getOutputStream());
    }

    /** Who did what and when (audit of every transition), with each content version readable. */
    @GetMapping("/{id}/riwayat")
    String history(@PathVariable UUID id, Model model) {
        model.addAttribute("r", api.realisation(id).body());
        model.addAttribute("transitions", api.transitions(id));
        model.addAttribute("statuses", Labels.STATUS);
        model.addAttribute("checklist", Labels.CHECKLIST);
        return "performance/history";
    }

    @GetMapping("/{id}/versi/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model) {
        model.addAttribute("r", api.version(id, version));
        model.addAttribute("statuses", Labels.STATUS);
        return "performance/version";
    }

    private String reportPage(UUID id, GatewayApi.Answer answer, ReportForm typed, Map<String, String> errors,
                              ApiProblem problem, Model model) {
        Map<String, Object> r = answer.body();
        ConsoleUser user = currentUser();
        String status = String.valueOf(r.get("status"));
        boolean editable = user != null && user.hasAnyRole(Labels.SUBMITTERS)
                && List.of("DRAFT", "RETURNED", "APPROVED").contains(status);
        ReportForm form = typed != null ? typed : ReportForm.of(r, items(r), Map.of());
        model.addAttribute("r", r);
        model.addAttribute("etag", answer.etag() == null ? String.valueOf(r.get("etag")) : answer.etag());
        model.addAttribute("form", form);
        model.addAttribute("editable", editable);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("otherErrors", problem == null ? List.of() : form.otherErrors(errors));
        // The form is long: the message above it links to the first field it marks.
        model.addAttribute("firstError", errors.keySet().stream().filter(f -> !f.isEmpty()
                && !form.otherErrors(Map.of(f, "")).iterator().hasNext()).findFirst().orElse(null));
        model.addAttribute("statuses", Labels.STATUS);
        model.addAttribute("evidence", api.evidence(id));
        model.addAttribute("deadline", deadline(r));
        Map<String, Object> unit = r.get("unit") instanceof Map<?, ?> m ? cast(m) : Map.of();
        int year = ((Number) r.get("year")).intValue();
        int quarter = ((Number) r.get("quarter")).intValue();
        model.addAttribute("findings", api.findings(String.valueOf(unit.get("code")), year).stream()
                .filter(f -> f.get("quarter") == null || Objects.equals(((Number) f.get("quarter")).intValue(), quarter))
                .toList());
        List<Map<String, Object>> transitions = api.transitions(id);
        model.addAttribute("lastReturn", transitions.stream()
                .filter(t -> "RETURNED".equals(t.get("to"))).reduce((a, b) -> b).orElse(null));
        model.addAttribute("checklist", Labels.CHECKLIST);
        return "performance/report";
    }

    static final String HISTORICAL = "Data historis (triwulan sebelum kalender hari libur yang dimuat, diisi dari"
            + " dokumen yang sudah ditandatangani): tenggat dan keterlambatan tidak dihitung.";

    /** The deadline as the page shows it: working days left or late today, or why they cannot be counted. */
    public record Deadline(Object due, boolean submitted, Integer left, Integer late, String note) {
    }

    /** The due date and the working days left (or late), as performance-service counts them on its calendar. */
    private Deadline deadline(Map<String, Object> r) {
        if (Boolean.TRUE.equals(r.get("historical"))) {
            return new Deadline(null, r.get("submittedAt") != null, null, null, HISTORICAL);
        }
        if (r.get("submittedAt") != null) {
            return new Deadline(r.get("dueDate"), true, null, number(r.get("workingDaysLate")), null);
        }
        try {
            Map<String, Object> answer = api.deadline(((Number) r.get("year")).intValue(),
                    ((Number) r.get("quarter")).intValue(), LocalDate.now(IndonesianFormat.WIB));
            return new Deadline(answer.get("due"), false, number(answer.get("workingDaysLeft")),
                    number(answer.get("workingDaysLate")), null);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            return new Deadline(r.get("dueDate"), false, null, null, refusal.problem().message());
        }
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    /** The items of the agreed revision the report answers to (the report lists only the items filled in). */
    private List<Map<String, Object>> items(Map<String, Object> report) {
        return api.agreementItems(UUID.fromString(String.valueOf(report.get("agreementId"))),
                ((Number) report.get("agreementRevision")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static ConsoleUser currentUser() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
