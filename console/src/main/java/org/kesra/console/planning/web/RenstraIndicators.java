package org.kesra.console.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The indicators of one Renstra version that carry a target for a year, each with the sasaran it serves (the nearest
 * sasaran above it, or its own node's name) and that year's target and indicative budget as the plan states them:
 * what a new Perjanjian Kinerja of that year takes over, item by item (with the indicator's id, so performance-service
 * can hold the two tables to the same figure).
 */
record RenstraIndicators(List<Choice> choices) {

    /** One indicator the planner may take into the agreement. */
    record Choice(String id, String level, String code, String sasaran, String indicator, String unitOfMeasure,
                  String direction, Object target, Object targetMax, Object budget) {

        Map<String, Object> asItem() {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("sasaran", sasaran);
            item.put("indicator", indicator);
            item.put("unitOfMeasure", unitOfMeasure);
            item.put("direction", direction);
            item.put("target", target);
            item.put("targetMax", targetMax);
            item.put("budget", budget);
            item.put("renstraIndicatorId", id);
            return item;
        }
    }

    static RenstraIndicators of(Map<String, Object> plan, int year) {
        List<Choice> choices = new ArrayList<>();
        collect(PlanTree.maps(plan.get("tujuan")), null, year, choices);
        return new RenstraIndicators(choices);
    }

    private static void collect(List<Map<String, Object>> nodes, String sasaran, int year, List<Choice> into) {
        for (Map<String, Object> node : nodes) {
            String level = String.valueOf(node.get("level"));
            String name = node.get("name") == null ? "" : String.valueOf(node.get("name"));
            String served = "SASARAN".equals(level) || sasaran == null ? name : sasaran;
            for (Map<String, Object> indicator : PlanTree.maps(node.get("indicators"))) {
                PlanTree.maps(indicator.get("targets")).stream()
                        .filter(t -> t.get("year") instanceof Number n && n.intValue() == year
                                && t.get("target") != null)
                        .findFirst()
                        .ifPresent(t -> into.add(new Choice(String.valueOf(indicator.get("id")),
                                PlanTree.LEVELS.getOrDefault(level, level),
                                node.get("code") == null ? "" : String.valueOf(node.get("code")), served,
                                String.valueOf(indicator.get("name")), (String) indicator.get("unitOfMeasure"),
                                (String) indicator.get("direction"), t.get("target"), t.get("targetMax"),
                                t.get("budget"))));
            }
            collect(PlanTree.maps(node.get("children")), "SASARAN".equals(level) ? name : sasaran, year, into);
        }
    }

    List<Choice> chosen(List<String> ids) {
        return choices.stream().filter(c -> ids.stream().anyMatch(id -> Objects.equals(id, c.id()))).toList();
    }
}
