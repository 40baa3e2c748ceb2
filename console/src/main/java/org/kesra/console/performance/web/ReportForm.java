package org.kesra.console.performance.web;

import org.kesra.console.format.IndonesianFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report form as typed: one row per item of the agreed Perjanjian Kinerja (figure, or numerator and denominator
 * for a percentage; budget realised; note), the narrative, and for a change after approval its reason. Field names
 * carry the item ({@code value-2}); the API's pointers ({@code /entries/1/value}) are mapped back to them.
 */
public final class ReportForm {

    /** One item of the agreement with what was typed (or saved) for it. */
    public record Row(int item, String sasaran, String indicator, String unitOfMeasure, Object target, Object targetMax,
               Object budget, boolean register, boolean percentage, Map<String, Object> saved, String value,
               String numerator, String denominator, String budgetRealised, String note, boolean budgetOverride,
               String budgetOverrideReason) {

        public boolean filled() {
            return !blank(value) || !blank(numerator) || !blank(denominator) || !blank(budgetRealised) || !blank(note)
                    || budgetOverride || !blank(budgetOverrideReason);
        }
    }

    private static final Pattern ENTRY = Pattern.compile("entries\\[(\\d+)](?:\\.(\\w+))?");
    private static final Map<String, String> FIELD = Map.of("value", "value", "numerator", "numerator",
            "denominator", "denominator", "budgetRealised", "budget", "note", "note", "item", "value",
            "budgetOverride", "override", "budgetOverrideReason", "overrideReason");

    private final List<Row> rows;
    private final String obstacles;
    private final String followUp;
    private final String reason;
    /** The item of each entry sent, in the order sent: the API's {@code /entries/k} is {@code sent.get(k)}. */
    private final List<Integer> sent = new ArrayList<>();

    private ReportForm(List<Row> rows, String obstacles, String followUp, String reason) {
        this.rows = rows;
        this.obstacles = obstacles;
        this.followUp = followUp;
        this.reason = reason;
    }

    /** The form from the agreement's items and the report's saved entries, overlaid with what was typed. */
    @SuppressWarnings("unchecked")
    static ReportForm of(Map<String, Object> report, List<Map<String, Object>> items, Map<String, String> typed) {
        Map<Integer, Map<String, Object>> saved = new LinkedHashMap<>();
        if (report.get("entries") instanceof List<?> entries) {
            for (Object e : entries) {
                Map<String, Object> entry = (Map<String, Object>) e;
                saved.put(((Number) entry.get("item")).intValue(), entry);
            }
        }
        boolean fromForm = !typed.isEmpty();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            Map<String, Object> entry = saved.get(i);
            boolean register = entry != null && "REGISTER".equals(entry.get("source"));
            String unit = String.valueOf(item.get("unitOfMeasure"));
            boolean percentage = entry != null ? "PERCENTAGE".equals(entry.get("kind")) : unit.strip().startsWith("%");
            String value;
            String numerator;
            String denominator;
            String budget;
            String note;
            boolean override;
            String overrideReason;
            if (fromForm) {
                value = typed.getOrDefault("value-" + i, "");
                numerator = typed.getOrDefault("numerator-" + i, "");
                denominator = typed.getOrDefault("denominator-" + i, "");
                budget = typed.getOrDefault("budget-" + i, "");
                note = typed.getOrDefault("note-" + i, "");
                override = !blank(typed.get("override-" + i));
                overrideReason = typed.getOrDefault("overrideReason-" + i, "");
            } else {
                boolean parts = entry != null && entry.get("numerator") != null;
                value = entry == null || parts || register ? "" : shown(entry.get("value"));
                numerator = parts && !register ? shown(entry.get("numerator")) : "";
                denominator = parts && !register ? shown(entry.get("denominator")) : "";
                budget = entry == null || entry.get("budgetRealised") == null ? ""
                        : grouped(entry.get("budgetRealised"));
                note = entry == null || entry.get("note") == null ? "" : String.valueOf(entry.get("note"));
                override = entry != null && Boolean.TRUE.equals(entry.get("budgetOverride"));
                overrideReason = entry == null || entry.get("budgetOverrideReason") == null ? ""
                        : String.valueOf(entry.get("budgetOverrideReason"));
            }
            rows.add(new Row(i, (String) item.get("sasaran"), (String) item.get("indicator"), unit,
                    item.get("target"), item.get("targetMax"), item.get("budget"), register, percentage, entry,
                    value, numerator, denominator, budget, note, override, overrideReason));
        }
        String obstacles = fromForm ? typed.getOrDefault("obstacles", "") : text(report.get("obstacles"));
        String followUp = fromForm ? typed.getOrDefault("followUp", "") : text(report.get("followUp"));
        return new ReportForm(rows, obstacles, followUp, fromForm ? typed.getOrDefault("reason", "") : "");
    }

    /** The body of PUT /api/v1/realisations/{id}: an entry for every item with anything typed. */
    Map<String, Object> body() {
        sent.clear();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Row row : rows) {
            if (!row.filled()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", row.item());
            if (!row.register()) {
                entry.put("value", nullIfBlank(decimal(row.value())));
                entry.put("numerator", nullIfBlank(decimal(row.numerator())));
                entry.put("denominator", nullIfBlank(decimal(row.denominator())));
            }
            entry.put("budgetRealised", rupiah(row.budgetRealised()));
            entry.put("note", nullIfBlank(row.note()));
            // A realised budget above the pagu stated on purpose, with its reason (the API refuses one without the other)
            entry.put("budgetOverride", row.budgetOverride() ? Boolean.TRUE : null);
            entry.put("budgetOverrideReason", nullIfBlank(row.budgetOverrideReason()));
            entries.add(entry);
            sent.add(row.item());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("obstacles", nullIfBlank(obstacles));
        body.put("followUp", nullIfBlank(followUp));
        body.put("reason", nullIfBlank(reason));
        return body;
    }

    /** What the console refuses before asking: a budget that is not a whole number of rupiah. */
    Map<String, String> localErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!blank(row.budgetRealised()) && rupiah(row.budgetRealised()) == null) {
                errors.put("budget-" + row.item(), "Tulis rupiah tanpa sen, misalnya 5.955.000.");
            }
        }
        return errors;
    }

    /** The API's field names ({@code entries[1].value}) as the form's ({@code value-3}). */
    Map<String, String> fieldsOf(Map<String, String> apiErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((field, message) -> {
            Matcher m = ENTRY.matcher(field);
            String name = field;
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                // /entries/<k> of a submission names the item itself; of a change, the k-th entry sent.
                int item = m.group(2) == null || k >= sent.size() ? k : sent.get(k);
                name = FIELD.getOrDefault(m.group(2) == null ? "value" : m.group(2), "value") + "-" + item;
            }
            errors.merge(name, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    /** The messages whose field the form does not show, for the list above it. */
    List<String> otherErrors(Map<String, String> errors) {
        Set<String> shown = new HashSet<>(Set.of("obstacles", "followUp", "reason", "file"));
        for (Row row : rows) {
            for (String f : List.of("value-", "numerator-", "denominator-", "budget-", "note-", "override-",
                    "overrideReason-")) {
                shown.add(f + row.item());
            }
        }
        return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey()))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getValue()).toList();
    }

    public List<Row> rows() {
        return rows;
    }

    public String obstacles() {
        return obstacles;
    }

    public String followUp() {
        return followUp;
    }

    public String reason() {
        return reason;
    }

    /** A decimal as the API reads it ({@link IndonesianFormat#decimalForApi}). */
    static String decimal(String typed) {
        return IndonesianFormat.decimalForApi(typed);
    }

    /** Whole rupiah from "Rp 5.955.000", "5955000" or "5.955.000"; null when it is not one. */
    static Long rupiah(String typed) {
        if (blank(typed)) {
            return null;
        }
        String digits = typed.strip().replaceFirst("^(?i)rp\\.?", "").replace(".", "").replace(" ", "");
        if (!digits.matches("\\d{1,15}")) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private static String shown(Object number) {
        if (number == null) {
            return "";
        }
        return new BigDecimal(String.valueOf(number)).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Rupiah as the user reads and types them back: "5.955.000" (read again by {@link #rupiah}). */
    private static String grouped(Object rupiah) {
        return new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(
                org.kesra.console.format.IndonesianFormat.INDONESIAN)).format(new BigDecimal(String.valueOf(rupiah)));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Object nullIfBlank(String text) {
        return blank(text) ? null : text.strip();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
