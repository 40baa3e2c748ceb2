package org.kesra.console.monitoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options for the monitoring pages, as JSON the page carries in a {@code data-chart} attribute and
 * {@code /js/charts.js} hands to ECharts (the CSP allows no inline script). Only layout: axes, series and labels
 * around figures the services computed; numbers are formatted in Indonesian by the script. Every chart has a table
 * beside it with the same figures, for screen readers and for reading exact values.
 */
final class MonitoringCharts {

    static final List<String> QUARTERS = List.of("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV");
    /** Colours that keep 3:1 against white and apart from each other (WCAG 1.4.11 for graphics). */
    static final List<String> PALETTE = List.of("#0b5d3b", "#0a4f8a", "#a4461a", "#6b3fa0", "#8a6d00", "#a4161a",
            "#2f6f7e", "#5a5a5a");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MonitoringCharts() {
    }

    /** One named series of values along the categories. */
    record Series(String name, List<?> values) {
    }

    /** Grouped bars (or stacked when {@code stacked}), categories along the x axis; {@code unit} names the y axis. */
    static String bars(List<String> categories, List<Series> series, String unit, boolean stacked) {
        return bars(categories, series, unit, stacked, false);
    }

    /**
     * As {@link #bars(List, List, String, boolean)}; {@code horizontal} puts the categories down the y axis, first at
     * the top, for long names (kecamatan, kelurahan) that would not fit side by side.
     */
    static String bars(List<String> categories, List<Series> series, String unit, boolean stacked,
                       boolean horizontal) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("color", PALETTE);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 8, "right", 8, "top", 32, "bottom", 48, "containLabel", true));
        Map<String, Object> categoryAxis = new LinkedHashMap<>();
        categoryAxis.put("type", "category");
        categoryAxis.put("data", categories);
        categoryAxis.put("axisLabel", Map.of("interval", 0, "hideOverlap", true));
        if (horizontal) {
            categoryAxis.put("inverse", true);
        }
        Map<String, Object> valueAxis = new LinkedHashMap<>();
        valueAxis.put("type", "value");
        valueAxis.put("name", unit);
        if (!unit.contains("%")) {
            valueAxis.put("minInterval", 1); // counts of people or units: whole ticks only
        }
        option.put("xAxis", horizontal ? valueAxis : categoryAxis);
        option.put("yAxis", horizontal ? categoryAxis : valueAxis);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Series s : series) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("type", "bar");
            if (stacked) {
                one.put("stack", "jumlah");
            }
            one.put("data", s.values());
            list.add(one);
        }
        option.put("series", list);
        return JSON.writeValueAsString(option);
    }
}
