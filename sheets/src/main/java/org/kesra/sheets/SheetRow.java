package org.kesra.sheets;

import java.util.List;
import java.util.Set;

/**
 * One row of a spreadsheet as text cells.
 *
 * @param number         the row as the user sees it in the file (the header is row 1)
 * @param numericCells   indexes of cells Excel stored as numbers (a 16-digit NIK stored as a number has lost digits)
 */
public record SheetRow(long number, List<String> cells, Set<Integer> numericCells) {

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }

    /** The cell's text without surrounding spaces, "" when empty, absent or the column is -1 (not in the file). */
    public String text(int index) {
        String value = index < 0 ? null : cell(index);
        return value == null ? "" : value.trim();
    }
}
