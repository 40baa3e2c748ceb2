package org.kesra.console.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal from a service, as its RFC 9457 problem detail says it: the stable code, the Indonesian text, and the
 * messages per field. A field is named as the console's forms name it ({@code members[0].nik} for the pointer
 * {@code /members/0/nik}), so each message is shown beside its field.
 */
public record ApiProblem(int status, String code, String title, String detail, Map<String, String> fieldErrors,
                         List<Cell> cells) {

    /**
     * A problem in an uploaded file, where the user finds it in their spreadsheet: the API's {@code row} and
     * {@code column} (either may be missing), the value it read there, and the message.
     */
    public record Cell(Long row, String column, String value, String detail) {
    }

    public ApiProblem(int status, String code, String title, String detail, Map<String, String> fieldErrors) {
        this(status, code, title, detail, fieldErrors, List.of());
    }

    @SuppressWarnings("unchecked")
    static ApiProblem from(int status, Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Cell> cells = new java.util.ArrayList<>();
        if (body != null && body.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("detail") != null) {
                    if (e.get("pointer") == null && (e.get("row") != null || e.get("column") != null)) {
                        cells.add(new Cell(e.get("row") instanceof Number n ? n.longValue() : null,
                                e.get("column") == null ? null : String.valueOf(e.get("column")),
                                e.get("value") == null ? null : String.valueOf(e.get("value")),
                                String.valueOf(e.get("detail"))));
                    }
                    String field = e.get("pointer") == null ? "" : fieldName(String.valueOf(e.get("pointer")));
                    fields.merge(field, String.valueOf(e.get("detail")), (a, b) -> a + "; " + b);
                }
            }
        }
        String code = body == null ? null : (String) body.get("code");
        String title = body == null ? null : (String) body.get("title");
        String detail = body == null ? null : (String) body.get("detail");
        return new ApiProblem(status, code, title, detail, fields, List.copyOf(cells));
    }

    /** {@code /members/0/nik} becomes {@code members[0].nik}: the form field the message belongs beside. */
    public static String fieldName(String pointer) {
        StringBuilder name = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                name.append('[').append(part).append(']');
            } else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(part);
            }
        }
        return name.toString();
    }

    /** A refusal the console makes itself before asking a service (a KK number of the wrong shape, say). */
    public static ApiProblem local(String detail) {
        return new ApiProblem(400, null, null, detail, Map.of());
    }

    /** What to tell the user above the form: the detail, or the title when there is none. */
    public String message() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        if (title != null && !title.isBlank()) {
            return title;
        }
        return "Permintaan ditolak oleh layanan (status " + status + ").";
    }

    /** The messages whose field the form does not show, to list above it. */
    public List<String> messagesOutside(java.util.Set<String> shownFields) {
        return fieldErrors.entrySet().stream().filter(e -> !shownFields.contains(e.getKey()))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList();
    }
}
