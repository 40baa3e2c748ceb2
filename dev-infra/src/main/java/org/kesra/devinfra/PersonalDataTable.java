package org.kesra.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role x field tables of docs/personal-data.md, read by each service's PersonalDataViewIT so that the document
 * and what the API shows cannot drift apart. A table stands under {@code <!-- role-field-table: NAME -->}.
 */
public final class PersonalDataTable {

    private PersonalDataTable() {
    }

    /** The table {@code name}: field -> role -> cell; fails when the document has no such table. */
    public static Map<String, Map<String, String>> read(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ProjectLayout.locate().root().resolve("docs/personal-data.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = lines.indexOf("<!-- role-field-table: " + name + " -->");
        if (at < 0) {
            throw new IllegalStateException("no table " + name + " in docs/personal-data.md");
        }
        List<String> header = cells(lines.get(at + 1));
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (int i = at + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int c = 1; c < header.size(); c++) {
                byRole.put(header.get(c), row.get(c));
            }
            table.put(row.get(0), byRole);
        }
        return table;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
