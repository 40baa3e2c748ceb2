package org.kesra.console.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kesra.console.format.IndonesianFormat;

/**
 * One Renstra version as the page shows it: tujuan > sasaran > program > kegiatan > sub-kegiatan, each indicator with
 * its baseline and a target and indicative rupiah per plan year, every figure written the Indonesian way. The figures
 * are the API's; nothing is summed or derived here.
 */
record PlanTree(List<Integer> years, List<Node> tujuan) {

    record Node(String level, String code, String name, List<Indicator> indicators, List<Node> children) {
    }

    record Indicator(String id, String name, String unitOfMeasure, String direction, String baseline, List<YearFigure> years) {
    }

    record YearFigure(int year, String target, String budget) {
    }

    static final Map<String, String> LEVELS = Map.of("TUJUAN", "Tujuan", "SASARAN", "Sasaran", "PROGRAM", "Program",
            "KEGIATAN", "Kegiatan", "SUB_KEGIATAN", "Sub kegiatan");
    static final Map<String, String> DIRECTIONS = Map.of("HIGHER", "makin tinggi makin baik", "LOWER",
            "makin rendah makin baik", "RANGE", "dalam rentang");

    static PlanTree of(Map<String, Object> plan, IndonesianFormat fmt) {
        List<Integer> years = new ArrayList<>();
        int start = number(plan.get("startYear"));
        int end = number(plan.get("endYear"));
        for (int y = start; y <= end && y - start < 10; y++) {
            years.add(y);
        }
        return new PlanTree(years, nodes(plan.get("tujuan"), years, fmt));
    }

    private static List<Node> nodes(Object value, List<Integer> years, IndonesianFormat fmt) {
        List<Node> nodes = new ArrayList<>();
        for (Map<String, Object> node : maps(value)) {
            String level = String.valueOf(node.get("level"));
            List<Indicator> indicators = new ArrayList<>();
            for (Map<String, Object> indicator : maps(node.get("indicators"))) {
                indicators.add(indicator(indicator, years, fmt));
            }
            nodes.add(new Node(LEVELS.getOrDefault(level, level), text(node.get("code")), text(node.get("name")),
                    indicators, nodes(node.get("children"), years, fmt)));
        }
        return nodes;
    }

    private static Indicator indicator(Map<String, Object> indicator, List<Integer> years, IndonesianFormat fmt) {
        String unit = text(indicator.get("unitOfMeasure"));
        List<YearFigure> figures = new ArrayList<>();
        for (int year : years) {
            Map<String, Object> target = maps(indicator.get("targets")).stream()
                    .filter(t -> Objects.equals(number(t.get("year")), year)).findFirst().orElse(Map.of());
            String figure = target.get("target") == null ? "–" : withUnit(fmt.number(target.get("target"))
                    + (target.get("targetMax") == null ? "" : "–" + fmt.number(target.get("targetMax"))), unit);
            String budget = target.get("budget") == null ? "–" : fmt.rupiah(target.get("budget"));
            figures.add(new YearFigure(year, figure, budget));
        }
        String direction = text(indicator.get("direction"));
        return new Indicator(text(indicator.get("id")), text(indicator.get("name")), unit, DIRECTIONS.getOrDefault(direction, direction),
                indicator.get("baseline") == null ? "–" : withUnit(fmt.number(indicator.get("baseline")), unit),
                figures);
    }

    private static String withUnit(String figure, String unit) {
        if (unit == null || unit.isBlank()) {
            return figure;
        }
        return "%".equals(unit) ? figure + "%" : figure + " " + unit;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
