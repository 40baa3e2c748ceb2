package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Report downloads: the quarterly performance report, the LAKIP and the Renstra progress matrix of a unit, the
 * PPKS recap, and for city-level readers the PKH realisation per stage and the Sembako KPM per month, each as XLSX or
 * PDF, or shown as a preview (the PDF's own page, {@code format=html}). For the quarterly report the page
 * first asks the report as JSON and shows what it says about its data (whether the quarter has a submitted
 * realisation, its data version, how far behind each source is, its notes); the files stream from reporting-service
 * through the console with the user's token, under the file name the service gives. A refused report shows its
 * reason on the page instead of a broken file.
 */
@Controller
@RequestMapping("/laporan")
public class ReportDownloads {

    private final MonitoringApi api;

    public ReportDownloads(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping
    String reports(@RequestParam(required = false) String unit, @RequestParam(required = false) String tahun,
                   @RequestParam(required = false) String triwulan, Model model, HttpServletResponse response) {
        form(model, unit, tahun, triwulan);
        if (MonitoringPages.blankToNull(unit) == null) {
            return "monitoring/reports";
        }
        try {
            Map<String, Object> report = api.quarterlyReport(unit.trim(), tahun, triwulan);
            model.addAttribute("report", report);
            model.addAttribute("version", DataVersion.of(report.get("sources")));
        } catch (ApiRefusal refusal) {
            return refused(refusal, model, response);
        }
        return "monitoring/reports";
    }

    @GetMapping("/kinerja-triwulan")
    ModelAndView quarterly(@RequestParam(required = false) String unit, @RequestParam(required = false) String tahun,
                     @RequestParam(required = false) String triwulan,
                     @RequestParam(defaultValue = "xlsx") String format, Model model, HttpServletResponse response) {
        try {
            api.quarterlyReportFile(unit == null ? "" : unit.trim(), tahun, triwulan, format(format),
                    head -> copyHead(head, response), () -> body(response));
            return null; // written: a null ModelAndView marks the request handled
        } catch (ApiRefusal refusal) {
            form(model, unit, tahun, triwulan);
            return new ModelAndView(refused(refusal, model, response));
        }
    }

    /** The LAKIP of a unit for a year; a refusal (no plan for the year, another region) is shown on the page. */
    @GetMapping("/lakip")
    ModelAndView lakip(@RequestParam(required = false) String unit, @RequestParam(required = false) String tahun,
                       @RequestParam(defaultValue = "pdf") String format, Model model, HttpServletResponse response) {
        try {
            api.lakipFile(unit == null ? "" : unit.trim(), tahun, format(format), head -> copyHead(head, response),
                    () -> body(response));
            return null;
        } catch (ApiRefusal refusal) {
            model.addAttribute("lakipUnit", unit == null ? "" : unit.trim());
            model.addAttribute("lakipTahun", tahun == null ? "" : tahun.trim());
            form(model, null, null, null);
            return new ModelAndView(refused(refusal, model, response));
        }
    }

    /** The Renstra progress matrix of a unit; a refusal (unknown version, another region) is shown on the page. */
    @GetMapping("/matriks-renstra")
    ModelAndView renstraMatrix(@RequestParam(required = false) String unit,
                               @RequestParam(required = false) String versi,
                               @RequestParam(defaultValue = "pdf") String format, Model model,
                               HttpServletResponse response) {
        try {
            api.renstraMatrixFile(unit == null ? "" : unit.trim(), MonitoringPages.blankToNull(versi),
                    format(format), head -> copyHead(head, response), () -> body(response));
            return null;
        } catch (ApiRefusal refusal) {
            model.addAttribute("renstraUnit", unit == null ? "" : unit.trim());
            model.addAttribute("renstraVersi", versi == null ? "" : versi.trim());
            form(model, null, null, null);
            return new ModelAndView(refused(refusal, model, response));
        }
    }

    /**
     * The city-level programme reports, one year each: PKH realisation per stage (seed 001 Tabel 2.1; PDF unless
     * asked otherwise) and BPNT/Sembako KPM per month (XLSX unless asked otherwise); city-level readers only. An
     * empty format is the report's own, as a parameter's default value would be. (The path variable is not called
     * {@code report}: path variables reach the view's model, where {@code report} is the quarterly report.)
     */
    @GetMapping("/{cityReport:realisasi-pkh|kpm-sembako}")
    ModelAndView programmeReport(@PathVariable("cityReport") String path, @RequestParam(required = false) String tahun,
                                 @RequestParam(required = false) String program,
                                 @RequestParam(required = false) String format, Model model,
                                 HttpServletResponse response) {
        CityReport report = CityReport.at(path);
        try {
            api.programmeReportFile(report.report, tahun == null ? "" : tahun.trim(),
                    MonitoringPages.blankToNull(program),
                    format(format == null || format.isEmpty() ? report.defaultFormat : format),
                    head -> copyHead(head, response), () -> body(response));
            return null;
        } catch (ApiRefusal refusal) {
            model.addAttribute(report.form + "Tahun", tahun == null ? "" : tahun.trim());
            model.addAttribute(report.form + "Program", program == null ? "" : program.trim());
            form(model, null, null, null);
            return new ModelAndView(refused(refusal, model, response));
        }
    }

    /** A programme report as the page offers it: its path under /laporan, its form's field prefix, its format. */
    private enum CityReport {
        PKH("realisasi-pkh", "pkh", "pdf", MonitoringApi.ProgrammeReport.PKH_REALISATION),
        SEMBAKO("kpm-sembako", "sembako", "xlsx", MonitoringApi.ProgrammeReport.SEMBAKO_MONTHLY);

        private final String path;
        private final String form;
        private final String defaultFormat;
        private final MonitoringApi.ProgrammeReport report;

        CityReport(String path, String form, String defaultFormat, MonitoringApi.ProgrammeReport report) {
            this.path = path;
            this.form = form;
            this.defaultFormat = defaultFormat;
            this.report = report;
        }

        static CityReport at(String path) {
            return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst().orElseThrow();
        }
    }

    @GetMapping("/rekap-ppks")
    ModelAndView ppksRecap(@RequestParam(required = false) String periode, @RequestParam(required = false) String kecamatan,
                     @RequestParam(defaultValue = "xlsx") String format, Model model, HttpServletResponse response) {
        try {
            api.ppksRecapFile(periode, MonitoringPages.blankToNull(kecamatan), format(format),
                    head -> copyHead(head, response), () -> body(response));
            return null;
        } catch (ApiRefusal refusal) {
            model.addAttribute("periode", periode);
            model.addAttribute("kecamatan", kecamatan);
            form(model, null, null, null);
            return new ModelAndView(refused(refusal, model, response));
        }
    }

    private static MonitoringApi.Format format(String format) {
        if ("html".equalsIgnoreCase(format)) {
            return MonitoringApi.Format.HTML;
        }
        return "pdf".equalsIgnoreCase(format) ? MonitoringApi.Format.PDF : MonitoringApi.Format.XLSX;
    }

    private static void form(Model model, String unit, String tahun, String triwulan) {
        model.addAttribute("unit", unit == null ? "" : unit.trim());
        model.addAttribute("tahun", tahun == null ? Integer.toString(MonitoringPages.thisYear()) : tahun.trim());
        model.addAttribute("triwulan", triwulan == null ? "" : triwulan.trim());
        if (!model.containsAttribute("lakipUnit")) {
            model.addAttribute("lakipUnit", "");
            model.addAttribute("lakipTahun", Integer.toString(MonitoringPages.thisYear() - 1));
        }
        if (!model.containsAttribute("renstraUnit")) {
            model.addAttribute("renstraUnit", "");
            model.addAttribute("renstraVersi", "");
        }
        if (!model.containsAttribute("periode")) {
            model.addAttribute("periode", PpksRecapPages.lastQuarter());
        }
        String lastYear = Integer.toString(MonitoringPages.thisYear() - 1);
        for (CityReport report : CityReport.values()) {
            if (!model.containsAttribute(report.form + "Tahun")) {
                model.addAttribute(report.form + "Tahun", lastYear);
                model.addAttribute(report.form + "Program", "");
            }
        }
    }

    private static String refused(ApiRefusal refusal, Model model, HttpServletResponse response) {
        if (refusal.unauthenticated()) {
            throw refusal;
        }
        response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
        model.addAttribute("refusal", refusal.problem().message() + MonitoringPages.fieldMessages(refusal));
        return "monitoring/reports";
    }

    /** The type and file name the service gave (the name rewritten, so nothing else of its header reaches the user). */
    static void copyHead(HttpHeaders head, HttpServletResponse response) {
        MediaType type = head.getContentType();
        response.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString());
        if (type != null && MediaType.TEXT_HTML.isCompatibleWith(type)) {
            // a preview is shown in the browser, under ConsoleSecurity's preview policy; never saved as a file
            response.setHeader("X-Content-Type-Options", "nosniff");
            return;
        }
        String name = head.getContentDisposition().getFilename();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name == null || name.isBlank() ? "laporan" : name).build().toString());
        if (head.getContentLength() > 0) {
            response.setContentLengthLong(head.getContentLength());
        }
    }

    static OutputStream body(HttpServletResponse response) {
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
