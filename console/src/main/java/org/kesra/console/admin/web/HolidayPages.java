package org.kesra.console.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kesra.console.admin.CalendarApi;
import org.kesra.console.gateway.ApiProblem;
import org.kesra.console.gateway.ApiRefusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform admin's holiday calendar: a year's national holidays and cuti bersama as performance-service keeps them
 * (every quarterly deadline is counted on them), and the whole list replaced once the year's SKB is out. The list is
 * typed one day per line, {@code 2027-01-01; libur; Tahun Baru 2027 Masehi}, so that a decree's table can be pasted;
 * the console only splits the lines, the service decides what is valid, and each of its refusals is shown against the
 * line it concerns, with the list and the reason kept as typed.
 */
@Controller
public class HolidayPages {

    static final String PATH = "/admin/hari-libur";
    private static final Pattern DAY_POINTER = Pattern.compile("^days\\[(\\d+)](?:\\.(\\w+))?$");
    private static final Map<String, String> FIELDS = Map.of("date", "tanggal", "kind", "jenis", "name", "nama");

    private final CalendarApi api;

    public HolidayPages(CalendarApi api) {
        this.api = api;
    }

    @GetMapping(PATH)
    String year(@RequestParam(required = false) String tahun, Model model, HttpServletResponse response) {
        Integer year = year(tahun);
        if (year == null) {
            response.setStatus(400);
            model.addAttribute("tahun", tahun);
            model.addAttribute("problem", ApiProblem.local("Tahun harus empat angka, misalnya 2027."));
            return "admin/holidays";
        }
        model.addAttribute("tahun", year);
        try {
            Map<String, Object> calendar = api.year(year);
            model.addAttribute("calendar", calendar);
            model.addAttribute("lines", lines(calendar.get("days")));
        } catch (ApiRefusal refusal) {
            return refused(refusal, model, response);
        }
        return "admin/holidays";
    }

    @PostMapping(PATH)
    String replace(@RequestParam int tahun, @RequestParam(defaultValue = "") String lines,
                   @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        model.addAttribute("tahun", tahun);
        model.addAttribute("lines", lines);
        model.addAttribute("reason", reason);
        List<Integer> lineOfDay = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<Map<String, Object>> days = parse(lines, lineOfDay, unreadable);
        if (!unreadable.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", ApiProblem.local("Daftar belum dikirim: ada baris yang tidak terbaca."));
            model.addAttribute("otherErrors", unreadable);
            return "admin/holidays";
        }
        try {
            Map<String, Object> saved = api.replace(tahun, reason, days);
            model.addAttribute("calendar", saved);
            model.addAttribute("lines", lines(saved.get("days")));
            model.addAttribute("reason", "");
            model.addAttribute("saved", true);
            return "admin/holidays";
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("problem", refusal.problem());
            List<String> messages = new ArrayList<>();
            refusal.problem().fieldErrors().forEach((field, message) -> {
                if (field.equals("reason")) {
                    model.addAttribute("reasonError", message);
                    return;
                }
                Matcher day = DAY_POINTER.matcher(field);
                if (day.matches() && Integer.parseInt(day.group(1)) < lineOfDay.size()) {
                    String what = day.group(2) == null ? "" : " (" + FIELDS.getOrDefault(day.group(2), day.group(2))
                            + ")";
                    messages.add("Baris " + lineOfDay.get(Integer.parseInt(day.group(1))) + what + ": " + message);
                } else {
                    messages.add(message);
                }
            });
            model.addAttribute("otherErrors", messages);
            return "admin/holidays";
        }
    }

    /**
     * One day per non-blank line: date; kind; name (name optional; ";" or a tab between them). A date that is not
     * yyyy-mm-dd cannot be sent at all, so it is reported here, by line; everything else is the service's to judge.
     */
    static List<Map<String, Object>> parse(String text, List<Integer> lineOfDay, List<String> unreadable) {
        List<Map<String, Object>> days = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s*[;\\t]\\s*", 3);
            try {
                LocalDate date = LocalDate.parse(parts[0].strip());
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", date.toString());
                day.put("kind", parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT)
                        .replace(' ', '_') : "");
                day.put("name", parts.length > 2 ? parts[2].strip() : null);
                days.add(day);
                lineOfDay.add(i + 1);
            } catch (DateTimeParseException e) {
                unreadable.add("Baris " + (i + 1) + ": tanggal \"" + parts[0].strip()
                        + "\" tidak terbaca; tulis tahun-bulan-tanggal, misalnya 2027-01-01.");
            }
        }
        return days;
    }

    /** The list as the form shows it, one line per day. */
    static String lines(Object days) {
        StringBuilder text = new StringBuilder();
        if (days instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> day) {
                    text.append(day.get("date")).append("; ").append(day.get("kind"));
                    if (day.get("name") != null) {
                        text.append("; ").append(day.get("name"));
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private static Integer year(String tahun) {
        if (tahun == null || tahun.isBlank()) {
            return LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).getYear() + 1;
        }
        return tahun.strip().matches("[0-9]{4}") ? Integer.valueOf(tahun.strip()) : null;
    }

    private static String refused(ApiRefusal refusal, Model model, HttpServletResponse response) {
        if (refusal.unauthenticated()) {
            throw refusal;
        }
        response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
        model.addAttribute("problem", refusal.problem());
        model.addAttribute("otherErrors", refusal.problem().messagesOutside(java.util.Set.of()));
        return "admin/holidays";
    }
}
