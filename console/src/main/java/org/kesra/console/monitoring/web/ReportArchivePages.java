package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.monitoring.MonitoringApi;
import org.kesra.console.security.HtmxLoginRedirect;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Kept report files (reporting-service's generations): a form asks for a file to be made and kept, its status page
 * follows the generation (htmx asks again while it is queued or running) and offers the file, a re-check of its
 * SHA-256 and, for auditors and platform admins, who downloaded it; the history lists the files the user may see.
 * The service decides who sees which file (region); the console words its answers.
 */
@Controller
@RequestMapping("/laporan/arsip")
public class ReportArchivePages {

    /** Who may read a file's download log (reporting-service's access table for it). */
    static final List<String> LOG_READERS = List.of("auditor", "platform-admin");
    static final Set<String> RUNNING = Set.of("QUEUED", "RUNNING");
    static final Map<String, String> STATES = Map.of("QUEUED", "Menunggu antrean", "RUNNING", "Sedang dibuat",
            "DONE", "Selesai", "FAILED", "Gagal");
    /**
     * Every kind the archive may hold and the request form offers (the demo mode keeps each too), for the form, the
     * list, its filter and a file's page.
     */
    static final Map<String, String> KINDS = linked("quarterly", "Laporan kinerja triwulan", "lakip",
            "LAKIP tahunan", "recap", "Rekap PPKS dan KPM per kelurahan", "renstra", "Matriks capaian Renstra",
            "pkh", "Realisasi PKH per tahap", "sembako", "KPM BPNT/Sembako per bulan");
    static final Map<String, String> PARAMETERS = Map.of("unit", "Unit", "tahun", "Tahun", "triwulan", "Triwulan",
            "period", "Periode", "kecamatan", "Kecamatan", "versi", "Versi Renstra", "program", "Program");
    static final Map<String, String> ORIGINS = Map.of("REQUEST", "Diminta", "SCHEDULE", "Terjadwal");
    /** The verification's answer, worded for someone who is not thinking in hashes. */
    static final Map<String, String> VERIFICATIONS = Map.of(
            "MATCH", "Cocok: berkas yang dibuat ulang sama persis dengan berkas yang disimpan. Berkas ini belum berubah.",
            "DATA_CHANGED", "Tidak dapat dibandingkan: data sumber telah bertambah sejak berkas ini dibuat, sehingga "
                    + "berkas yang dibuat ulang memakai data yang lebih baru. Perbedaan ini bukan tanda berkas diubah.",
            "MISMATCH", "Tidak cocok: dengan data yang sama, berkas yang dibuat ulang berbeda dari berkas yang "
                    + "disimpan. Laporkan kepada admin platform.");
    /** The API's pointers as the form names its fields. */
    static final Map<String, String> FIELDS = Map.of("type", "jenis", "format", "format", "parameters.unit", "unit",
            "parameters.tahun", "tahun", "parameters.triwulan", "triwulan", "parameters.period", "periode",
            "parameters.kecamatan", "kecamatan", "parameters.versi", "versi", "parameters.program", "program");

    private final MonitoringApi api;

    public ReportArchivePages(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping
    String history(@RequestParam(required = false) String jenis, @RequestParam(defaultValue = "0") int page,
                   Model model, HttpServletResponse response) {
        form(model, new LinkedHashMap<>(Map.of("jenis", "quarterly", "format", "pdf", "tahun",
                Integer.toString(MonitoringPages.thisYear()), "periode", PpksRecapPages.lastQuarter())));
        return historyPage(jenis, page, model, response);
    }

    @PostMapping
    String request(@RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("jenis", "format", "unit", "tahun", "triwulan", "periode", "kecamatan", "versi",
                "program")) {
            values.put(field, typed.getOrDefault(field, "").trim());
        }
        String type = values.get("jenis");
        Map<String, String> parameters = new LinkedHashMap<>();
        switch (type) {
            case "lakip" -> {
                parameters.put("unit", values.get("unit"));
                parameters.put("tahun", values.get("tahun"));
            }
            case "recap" -> {
                parameters.put("period", values.get("periode"));
                optional(parameters, "kecamatan", values.get("kecamatan"));
            }
            case "renstra" -> {
                parameters.put("unit", values.get("unit"));
                optional(parameters, "versi", values.get("versi"));
            }
            case "pkh", "sembako" -> {
                parameters.put("tahun", values.get("tahun"));
                optional(parameters, "program", values.get("program"));
            }
            default -> {
                parameters.put("unit", values.get("unit"));
                parameters.put("tahun", values.get("tahun"));
                parameters.put("triwulan", values.get("triwulan"));
            }
        }
        MonitoringApi.Format format = "xlsx".equalsIgnoreCase(values.get("format")) ? MonitoringApi.Format.XLSX
                : MonitoringApi.Format.PDF;
        try {
            Map<String, Object> queued = api.requestGeneration(type.isEmpty() ? "quarterly" : type, parameters,
                    format);
            return "redirect:/laporan/arsip/" + UUID.fromString(String.valueOf(queued.get("id")));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            form(model, values);
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> others = new java.util.ArrayList<>();
            refusal.problem().fieldErrors().forEach((field, message) -> {
                String shown = FIELDS.get(field);
                if (shown != null) {
                    errors.merge(shown, message, (a, b) -> a + "; " + b);
                } else {
                    others.add(message);
                }
            });
            model.addAttribute("errors", errors);
            model.addAttribute("problem", refusal.problem());
            model.addAttribute("otherErrors", others);
            response.setStatus(status(refusal));
            return historyPage(null, 0, model, null);
        }
    }

    @GetMapping("/{id}")
    String status(@PathVariable UUID id, HttpServletRequest request, Model model, HttpServletResponse response) {
        return statusPage(id, request, model, response);
    }

    /** The file, streamed with the service's file name; not ready, failed or unknown: the status page says so. */
    @GetMapping("/{id}/berkas")
    ModelAndView file(@PathVariable UUID id, HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            api.generationFile(id, head -> ReportDownloads.copyHead(head, response),
                    () -> ReportDownloads.body(response));
            return null; // written
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("fileProblem", refusal.problem().message());
            String view = statusPage(id, request, model, response);
            if (response.getStatus() == 200) {
                response.setStatus(status(refusal));
            }
            return new ModelAndView(view);
        }
    }

    /** Makes the file again and compares; the answer is shown on the status page, nothing is stored. */
    @PostMapping("/{id}/periksa")
    String verify(@PathVariable UUID id, HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            Map<String, Object> verification = api.verifyGeneration(id);
            model.addAttribute("verification", verification);
            model.addAttribute("verificationText", VERIFICATIONS.getOrDefault(String.valueOf(
                    verification.get("result")), String.valueOf(verification.get("message"))));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("verificationProblem", refusal.problem().message());
        }
        return statusPage(id, request, model, response);
    }

    private String statusPage(UUID id, HttpServletRequest request, Model model, HttpServletResponse response) {
        labels(model);
        Map<String, Object> generation;
        try {
            generation = api.generation(id);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(status(refusal));
            model.addAttribute("refusal", refusal.problem().message());
            return "monitoring/archive-file";
        }
        model.addAttribute("generation", generation);
        boolean running = RUNNING.contains(String.valueOf(generation.get("state")));
        model.addAttribute("running", running);
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (!running && user != null && user.hasAnyRole(LOG_READERS)) {
            try {
                model.addAttribute("downloads", api.generationDownloads(id));
            } catch (ApiRefusal refusal) {
                if (refusal.unauthenticated()) {
                    throw refusal;
                }
                model.addAttribute("downloadsProblem", refusal.problem().message());
            }
        }
        return HtmxLoginRedirect.isHtmx(request) ? "monitoring/archive-file :: status" : "monitoring/archive-file";
    }

    private String historyPage(String jenis, int page, Model model, HttpServletResponse response) {
        labels(model);
        String type = KINDS.containsKey(MonitoringPages.blankToNull(jenis)) ? jenis : null;
        model.addAttribute("jenis", type == null ? "" : type);
        try {
            model.addAttribute("history", api.generations(type, Math.max(page, 0)));
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            if (response != null) {
                response.setStatus(status(refusal));
            }
            model.addAttribute("historyProblem", refusal.problem().message());
        }
        return "monitoring/archive";
    }

    /** An optional parameter is left out when empty, so the service applies its own default. */
    private static void optional(Map<String, String> parameters, String name, String value) {
        if (!value.isEmpty()) {
            parameters.put(name, value);
        }
    }

    private static void form(Model model, Map<String, String> values) {
        model.addAttribute("typed", values);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    private static void labels(Model model) {
        model.addAttribute("types", KINDS);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("states", STATES);
        model.addAttribute("parameterNames", PARAMETERS);
        model.addAttribute("origins", ORIGINS);
        model.addAttribute("topics", DataVersion.TOPICS);
    }

    private static int status(ApiRefusal refusal) {
        return refusal.problem().status() >= 500 ? 502 : refusal.problem().status();
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
