package org.kesra.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Which kind of spreadsheet a file is, from its first bytes (the name can lie), and how to read it. */
public final class SheetFiles {

    public static final String CSV = "CSV";
    public static final String XLSX = "XLSX";

    private SheetFiles() {
    }

    /**
     * XLSX is a ZIP (PK\3\4); the old binary XLS is an OLE2 container (D0 CF 11 E0); anything else with a
     * .csv/.txt name, or text-like content, is read as CSV. Empty when the file is neither.
     */
    public static Optional<String> formatOf(Path file, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return name.endsWith(".xlsx") || !name.contains(".") ? Optional.of(XLSX) : Optional.empty();
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return Optional.empty();
        }
        for (byte b : head) {
            // Control bytes other than tab/CR/LF (and the zero bytes of UTF-16 text) mean a binary file.
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n' && !(b == 0 && utf16(head))) {
                return Optional.empty();
            }
        }
        return name.endsWith(".xlsx") ? Optional.empty() : Optional.of(CSV);
    }

    private static boolean utf16(byte[] head) {
        return head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
    }

    public static SheetSource open(Path file, String format) throws IOException {
        return XLSX.equals(format) ? new XlsxSource(file) : new CsvSource(file);
    }
}
