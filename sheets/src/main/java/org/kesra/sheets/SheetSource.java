package org.kesra.sheets;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** A spreadsheet read row by row, never whole: the header, then the data rows, and how far into the file we are. */
public interface SheetSource extends Closeable {

    List<String> header();

    /** The position of the column of that name (case and surrounding spaces ignored); -1 when there is none. */
    default int column(String name) {
        List<String> header = header();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    Iterator<SheetRow> rows();

    /** Fraction of the file read so far, 0 to 1, for progress. */
    double progress();

    /** How the file was read, for the import's record: the encoding and delimiter of a CSV. */
    String encoding();

    String delimiter();
}
