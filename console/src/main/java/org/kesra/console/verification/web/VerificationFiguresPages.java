package org.kesra.console.verification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kesra.console.format.IndonesianFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.kesra.console.verification.VerificationApi;

/**
 * The registers' figures a verifier watches: PPKS per kelurahan found in a period and those of them served
 * ("ditangani", the IKU's count), and the KPM per programme on the period's last day. The period is a date range in
 * the URL (no personal data); this year so far unless chosen.
 */
@Controller
public class VerificationFiguresPages {

    private final VerificationApi api;

    public VerificationFiguresPages(VerificationApi api) {
        this.api = api;
    }

    @GetMapping("/verifikasi/ppks-kpm")
    String figures(@RequestParam(name = "dari", required = false) String from,
                   @RequestParam(name = "sampai", required = false) String to, Model model) {
        LocalDate today = LocalDate.now(IndonesianFormat.WIB);
        LocalDate start = parse(from, today.withDayOfYear(1));
        LocalDate end = parse(to, today);
        if (start == null || end == null) { // a date typed by hand in a browser without a date picker
            model.addAttribute("periodError", "Tanggal tidak dikenali; tulis sebagai TTTT-BB-HH, misalnya 2026-12-06.");
            start = start == null ? today.withDayOfYear(1) : start;
            end = end == null ? today : end;
        } else if (end.isBefore(start)) {
            model.addAttribute("periodError", "Tanggal akhir tidak boleh sebelum tanggal awal.");
            end = start;
        }
        // The boxes keep what was typed, even when it could not be read.
        model.addAttribute("fromText", from == null || from.isBlank() ? start.toString() : from);
        model.addAttribute("toText", to == null || to.isBlank() ? end.toString() : to);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("ppks", api.ppksIndicators(start, end));
        model.addAttribute("kpm", api.kpm(end));
        model.addAttribute("units", VerificationLabels.UNITS);
        return "verification/figures";
    }

    private static LocalDate parse(String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
