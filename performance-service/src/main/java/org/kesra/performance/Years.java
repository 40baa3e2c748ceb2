package org.kesra.performance;

import java.util.List;
import org.kesra.platform.web.Violation;

/**
 * A year asked for as text in a path or query (the AKIP evaluation's, the year-on-year comparison's): one reading, so
 * that "2025", " 2025 ", "dua ribu" and "1999" get the same treatment everywhere; each caller keeps its own words.
 */
public final class Years {

    /** The newest year any view or record of the service accepts. */
    public static final int LAST = 2100;

    private Years() {
    }

    /**
     * The year {@code text} names, refused with {@link PerformanceProblems#YEAR_INVALID} when it is absent, no whole
     * number, or outside {@code first}..{@link #LAST}.
     *
     * @param detail         the refusal's detail, in Indonesian
     * @param pointer        where the year was asked for ({@code /year} in a path, {@code /tahun} in a query)
     * @param fieldMessage   what is said beside that field
     */
    public static int parse(String text, int first, String detail, String pointer, String fieldMessage) {
        Integer year = null;
        try {
            year = text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            // answered below, with the pointer
        }
        if (year == null || year < first || year > LAST) {
            throw PerformanceProblems.YEAR_INVALID.refuse(detail, List.of(Violation.field(pointer, fieldMessage)));
        }
        return year;
    }
}
