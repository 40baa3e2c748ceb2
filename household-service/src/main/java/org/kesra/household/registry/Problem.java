package org.kesra.household.registry;

import java.util.List;
import org.kesra.platform.web.Violation;

/**
 * One thing wrong with an input field: the field's name as in the API ({@code birthDate}), the value as given, and
 * an Indonesian message. The API turns the field into a JSON pointer, the import into a row and column.
 */
public record Problem(String field, String value, String message) {

    /** Problems of one input, each pointed at {@code prefix + field} ("/members/2" + "/nik"). */
    public static List<Violation> at(String prefix, List<Problem> problems) {
        return problems.stream().map(p -> new Violation(prefix + "/" + p.field(), null, null, p.value(), p.message()))
                .toList();
    }
}
