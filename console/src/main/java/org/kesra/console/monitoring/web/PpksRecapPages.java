package org.kesra.console.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kesra.console.format.IndonesianFormat;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.monitoring.MonitoringApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * PPKS and KPM per kelurahan, from reporting-service's recap (the figures welfare-service published for the period,
 * the register's households and persons): a table and two charts, with the recap's data version and notes, and the
 * same recap to download as XLSX.
 */
@Controller
public class PpksRecapPages {

    private final MonitoringApi api;

    public PpksRecapPages(MonitoringApi api) {
        this.api = api;
    }

    @GetMapping("/pemantauan/ppks")
    String recap(@RequestParam(required = false) String periode, @RequestParam(required = false) String kecamatan,
                 Model model, HttpServletResponse response) {
        String period = periode == null || periode.isBlank() ? lastQuarter() : periode.trim();
        String area = MonitoringPages.blankToNull(kecamatan);
        model.addAttribute("periode", period);
        model.addAttribute("kecamatan", area);
        Map<String, Object> recap;
        try {
            recap = api.ppksRecap(period, area);
        } catch (ApiRefusal refusal) {
            if (refusal.unauthenticated()) {
                throw refusal;
            }
            response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
            model.addAttribute("refusal", refusal.problem().message() + MonitoringPages.fieldMessages(refusal));
            return "monitoring/ppks";
        }
        model.addAttribute("recap", recap);
        model.addAttribute("version", DataVersion.of(recap.get("sources")));
        List<Map<String, Object>> rows = MonitoringApi.list(recap.get("kelurahan"));
        List<String> programmes = recap.get("programmes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        model.addAttribute("programmes", programmes);
        List<String> names = rows.stream().map(r -> String.valueOf(r.get("name"))).toList();
        model.addAttribute("ppksChart", MonitoringCharts.bars(names, List.of(
                new MonitoringCharts.Series("PPKS terdata", rows.stream().map(r -> r.get("ppksTerdata")).toList()),
                new MonitoringCharts.Series("PPKS ditangani", rows.stream().map(r -> r.get("ppksDitangani")).toList())),
                "Orang", false, true));
        List<MonitoringCharts.Series> kpm = new ArrayList<>();
        for (String programme : programmes) {
            kpm.add(new MonitoringCharts.Series(programme, rows.stream().map(r -> kpmOf(r, programme)).toList()));
        }
        model.addAttribute("kpmChart", MonitoringCharts.bars(names, kpm, "KPM", true, true));
        return "monitoring/ppks";
    }

    /** A row's KPM of one programme, as the recap lists it (0 where the programme has no KPM in the kelurahan). */
    public static long kpmOf(Map<String, Object> row, String programme) {
        for (Map<String, Object> figure : MonitoringApi.list(row.get("programmes"))) {
            if (programme.equals(figure.get("programme")) && figure.get("kpm") instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    /** The last quarter that has ended (figures are published after a period ends). */
    static String lastQuarter() {
        LocalDate ended = LocalDate.now(IndonesianFormat.WIB).withDayOfMonth(1).minusMonths(
                (LocalDate.now(IndonesianFormat.WIB).getMonthValue() - 1) % 3 + 1);
        return ended.getYear() + "-Q" + ((ended.getMonthValue() - 1) / 3 + 1);
    }
}
