package org.kesra.household.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.kesra.household.registry.Patched;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Violation;

/**
 * One field of a JSON Merge Patch body as read: absent, present (with {@code null} to clear it), or present with a
 * value of the wrong kind, whose problem the request's validation reports (pointer {@code /field}).
 */
record PatchField<T>(boolean present, T value, Violation problem) {

    /** The field as a correction's value; a 400 problem when the value could not be read. */
    Patched<T> checked() {
        if (problem != null) {
            throw PlatformProblems.invalid(List.of(problem));
        }
        return present ? Patched.of(value) : Patched.absent();
    }

    static PatchField<String> text(Map<String, Object> body, String field) {
        return read(body, field, null, value -> value.toString());
    }

    static PatchField<Boolean> bool(Map<String, Object> body, String field) {
        return read(body, field, "isian harus true atau false", value -> value instanceof Boolean b ? b : fail());
    }

    static PatchField<LocalDate> date(Map<String, Object> body, String field) {
        return read(body, field, "tanggal harus berbentuk YYYY-MM-DD", value -> LocalDate.parse(value.toString()));
    }

    static PatchField<Integer> integer(Map<String, Object> body, String field) {
        return read(body, field, "isian harus bilangan bulat", value -> value instanceof Integer i ? i : fail());
    }

    static PatchField<BigDecimal> decimal(Map<String, Object> body, String field) {
        return read(body, field, "isian harus angka desimal", value -> new BigDecimal(value.toString()));
    }

    static PatchField<UUID> uuid(Map<String, Object> body, String field) {
        return read(body, field, "isian harus UUID", value -> UUID.fromString(value.toString()));
    }

    /** A list of codes; {@code null} clears it to the empty list. */
    @SuppressWarnings("unchecked")
    static PatchField<List<String>> strings(Map<String, Object> body, String field) {
        if (body.containsKey(field) && body.get(field) == null) {
            return new PatchField<>(true, List.of(), null);
        }
        return read(body, field, "isian harus daftar kode", value -> value instanceof List<?> list
                && list.stream().allMatch(v -> v instanceof String) ? (List<String>) list : fail());
    }

    private static <T> PatchField<T> read(Map<String, Object> body, String field, String rule,
                                          Function<Object, T> parse) {
        if (!body.containsKey(field)) {
            return new PatchField<>(false, null, null);
        }
        Object value = body.get(field);
        try {
            return new PatchField<>(true, value == null ? null : parse.apply(value), null);
        } catch (IllegalArgumentException | DateTimeParseException unreadable) { // NumberFormatException included
            return new PatchField<>(true, null, Violation.field("/" + field, rule));
        }
    }

    private static <T> T fail() {
        throw new IllegalArgumentException("wrong kind of value");
    }
}
