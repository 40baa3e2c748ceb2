package org.kesra.console.accountability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kesra.console.accountability.AccountabilityApi;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.menu.ConsoleUser;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A unit's capaian of a year beside the year before (seed 004 Tabel 3.2, LAKIP): per agreed Perjanjian Kinerja its
 * items with both years' target, realisation and capaian and the change in points, all as performance-service
 * computes them. A unit/year form; the unit defaults to the user's own.
 */
@Controller
@RequestMapping("/perbandingan-tahunan")
public class YearOnYearPages {

    /** One item as the table shows it, every figure written the Indonesian way. */
    record Row(String no, String sasaran, String indicator, Figure current, Figure previous, String change,
               String note) {
    }

    /** One year's figure of an item: target, realisation (with the quarter it stands at) and capaian. */
    record Figure(String target, String value, String quarter, String capaian, String rating) {
    }

    /** One Perjanjian Kinerja of the year with its rows. */
    record Agreement(String title, int revision, List<Row> rows) {
    }

    private final AccountabilityApi api;
    private final IndonesianFormat fmt;

    public YearOnYearPages(AccountabilityApi api, IndonesianFormat fmt) {
        this.api = api;
        this.fmt = fmt;
    }

    @GetMapping
    String compare(@RequestParam(required = false) String unit, @RequestParam(required = false) String tahun,
                   Model model, HttpServletResponse response) {
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        String unitCode = unit == null ? user.reportingUnit() : unit.strip();
        String year = tahun == null || tahun.isBlank() ? Integer.toString(LocalDate.now(IndonesianFormat.WIB).getYear() - 1)
                : tahun.strip();
        model.addAttribute("unit", unitCode == null ? "" : unitCode);
        model.addAttribute("tahun", year);
        model.addAttribute("errors", Map.of());
        if (unitCode == null || unitCode.isBlank()) {
            return "accountability/year-on-year";
        }
        try {
            Map<String, Object> answer = api.yearOnYear(unitCode, year);
            model.addAttribute("comparison", answer);
            model.addAttribute("agreements", MonitoringApi.list(answer.get("agreements")).stream()
                    .map(this::agreement).toList());
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("problem", refusal.problem());
            model.addAttribute("errors", refusal.problem().fieldErrors());
        }
        return "accountability/year-on-year";
    }

    private Agreement agreement(Map<String, Object> agreement) {
        List<Row> rows = MonitoringApi.list(agreement.get("items")).stream().map(this::row).toList();
        Object title = agreement.get("positionTitle");
        return new Agreement(title == null ? String.valueOf(agreement.get("position")) : title.toString(),
                agreement.get("revision") instanceof Number n ? n.intValue() : 1, rows);
    }

    private Row row(Map<String, Object> item) {
        String unit = item.get("unitOfMeasure") == null ? "" : item.get("unitOfMeasure").toString();
        BigDecimal change = item.get("changePoints") == null ? null : new BigDecimal(item.get("changePoints").toString());
        String changeText = change == null ? "–"
                : (change.signum() > 0 ? "+" : "") + fmt.number(change) + " poin";
        // The API numbers an agreement's items from 0 (their index, as the realisation's item); the page from 1, as
        // seed 004's Tabel 3.2 does.
        String no = item.get("item") instanceof Number n ? String.valueOf(n.intValue() + 1) : text(item.get("item"));
        return new Row(no, text(item.get("sasaran")), text(item.get("indicator")),
                figure(MonitoringApi.map(item.get("current")), unit), figure(MonitoringApi.map(item.get("previous")),
                unit), changeText, text(item.get("note")));
    }

    private Figure figure(Map<String, Object> year, String unit) {
        if (year == null || year.isEmpty()) {
            return new Figure("–", "–", "", "tidak ada indikator yang sama", "");
        }
        String target = year.get("target") == null ? "–" : withUnit(fmt.number(year.get("target"))
                + (year.get("targetMax") == null ? "" : "–" + fmt.number(year.get("targetMax"))), unit);
        String value = year.get("value") == null ? "–" : withUnit(fmt.number(year.get("value")), unit);
        String quarter = year.get("quarter") == null ? "belum ada realisasi"
                : "s.d. triwulan " + year.get("quarter") + (Boolean.TRUE.equals(year.get("approved"))
                ? ", disetujui" : ", belum disetujui");
        Map<String, Object> capaian = MonitoringApi.map(year.get("capaian"));
        String percent = capaian == null || capaian.get("percent") == null
                ? (capaian != null && capaian.get("note") != null ? capaian.get("note").toString() : "–")
                : fmt.number(capaian.get("percent")) + "%";
        String rating = capaian == null || capaian.get("rating") == null ? "" : capaian.get("rating").toString();
        return new Figure(target, value, quarter, percent, rating);
    }

    private static String withUnit(String figure, String unit) {
        return unit.isBlank() ? figure : "%".equals(unit) ? figure + "%" : figure + " " + unit;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
