package org.kesra.console.household.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.household.HouseholdApi;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.security.ConsoleSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.kesra.console.security.HtmxLoginRedirect;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The cadres' spreadsheets: upload with a column-mapping profile (or the API's own column names), follow the
 * progress (htmx polls while the import runs), read the row report and download it as CSV. The file streams to the
 * API; the idempotency key of the form makes a double submit start one import.
 */
@Controller
@RequestMapping("/rumah-tangga/impor")
public class ImportPages {

    /** Statuses in which the import still runs (household-service's ImportJobs.Status). */
    static final Set<String> RUNNING = Set.of("ANTRE", "MEMERIKSA", "MENERAPKAN");
    static final Map<String, String> STATUS = Map.of("ANTRE", "Menunggu giliran", "MEMERIKSA", "Memeriksa baris",
            "MENERAPKAN", "Menyimpan data", "SELESAI", "Selesai", "DITOLAK", "Ditolak: tidak ada yang disimpan",
            "GAGAL", "Gagal: tidak ada yang disimpan");

    private final HouseholdApi api;

    public ImportPages(HouseholdApi api) {
        this.api = api;
    }

    @GetMapping
    String start(Model model) {
        return startPage(model);
    }

    private String startPage(Model model) {
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("canWrite", user != null && user.hasAnyRole(ConsoleSecurity.REGISTRY_WRITERS));
        model.addAttribute("imports", api.imports());
        model.addAttribute("profiles", api.importProfiles());
        model.addAttribute("columns", api.importColumns());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("statuses", STATUS);
        return "households/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String profile,
                  @RequestParam(defaultValue = "SEBAGIAN") String mode, @RequestParam String key, Model model) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "Pilih berkas CSV atau XLSX.");
            return startPage(model);
        }
        try {
            Map<String, Object> job = api.startImport(file.getResource(), profile, mode, key);
            return "redirect:/rumah-tangga/impor/" + job.get("id");
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            model.addAttribute("fileError", refusal.problem().fieldErrors().isEmpty() ? refusal.problem().message()
                    : String.join("; ", refusal.problem().fieldErrors().values()));
            return startPage(model);
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, HttpServletRequest request, Model model) {
        Map<String, Object> job = api.importJob(id);
        model.addAttribute("job", job);
        model.addAttribute("statuses", STATUS);
        boolean running = RUNNING.contains(String.valueOf(job.get("status")));
        model.addAttribute("running", running);
        if (!running) {
            model.addAttribute("problems", api.importProblems(id));
        }
        return HtmxLoginRedirect.isHtmx(request) ? "households/import-job :: progress" : "households/import-job";
    }

    @GetMapping("/{id}/laporan-baris.csv")
    void rowReport(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"laporan-baris-" + id + ".csv\"");
        api.importProblemsCsv(id, response.getOutputStream());
    }
}
