package org.kesra.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with the input, and where: a JSON pointer into a request body ({@code /members/0/nik}), or a
 * row and column of an uploaded file. {@code detail} is Indonesian text for the user.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, Long row, String column, String value, String detail) {

    public static Violation field(String pointer, String detail) {
        return new Violation(pointer, null, null, null, detail);
    }

    public static Violation cell(long row, String column, String value, String detail) {
        return new Violation(null, row, column, value, detail);
    }
}
