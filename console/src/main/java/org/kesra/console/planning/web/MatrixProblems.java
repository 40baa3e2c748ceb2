package org.kesra.console.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of a refused Renstra matrix, said the way the planner finds them in their spreadsheet: the API's
 * pointer {@code /rows/12/target2023} (a field name {@code rows[12].target2023} once read) becomes "Baris 12, kolom
 * target 2023", beside the service's Indonesian message.
 */
final class MatrixProblems {

    /** One problem: where in the file, what is wrong. */
    record Problem(String place, String message) {
    }

    private static final Pattern ROW = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");
    private static final Pattern COLUMN = Pattern.compile("columns\\.(.*)");
    private static final Pattern YEAR_COLUMN = Pattern.compile("(target|rp)(\\d{4})");
    private static final Map<String, String> COLUMNS = Map.of("kode", "kode", "nama",
            "program/kegiatan/sub kegiatan", "indikator", "indikator", "satuan", "satuan", "penanggungJawab",
            "perangkat daerah penanggung jawab", "kondisiAwal", "kondisi awal", "arah", "arah");
    /** The form's own fields: their messages stay beside the field, not in the file's table. */
    static final List<String> FORM_FIELDS = List.of("startYear", "endYear", "title", "reason", "file");

    private MatrixProblems() {
    }

    static List<Problem> of(Map<String, String> fieldErrors) {
        List<Problem> problems = new ArrayList<>();
        fieldErrors.forEach((field, message) -> {
            if (!FORM_FIELDS.contains(field)) {
                problems.add(new Problem(place(field), message));
            }
        });
        return problems;
    }

    static String place(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            return row.group(2).isEmpty() ? "Baris " + row.group(1)
                    : "Baris " + row.group(1) + ", kolom " + column(row.group(2));
        }
        Matcher column = COLUMN.matcher(field);
        if (column.matches()) {
            return "Kolom " + column(column.group(1));
        }
        return field.isEmpty() ? "Berkas" : field;
    }

    private static String column(String name) {
        Matcher year = YEAR_COLUMN.matcher(name);
        if (year.matches()) {
            return ("rp".equals(year.group(1)) ? "Rp " : "target ") + year.group(2);
        }
        return COLUMNS.getOrDefault(name, name);
    }
}
