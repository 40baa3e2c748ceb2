package org.kesra.welfare.uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetFiles;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.sheets.UnreadableSheetException;
import org.kesra.welfare.WelfareProblems;

/**
 * A list Dinas Sosial uploads (recipients, deciles, payments), opened as CSV or XLSX; anything else is a 415. A file
 * that claims to be one but cannot be read (a damaged workbook, a CSV with an unclosed quote) is a 422 problem
 * wherever the reader notices it, on opening or while the rows are read, never a 500.
 */
public final class UploadedSheets {

    private UploadedSheets() {
    }

    /**
     * Where each column the list may have sits in the header (-1 when it is absent). A missing required column is a
     * 422 naming each one on row 1, the header, with the columns that are recognised, before any row is read.
     */
    public static Map<String, Integer> columns(SheetSource sheet, List<String> required, List<String> known) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        known.forEach(name -> columns.put(name, sheet.column(name)));
        List<String> missing = required.stream().filter(name -> columns.get(name) < 0).toList();
        if (!missing.isEmpty()) {
            throw WelfareProblems.COLUMNS_MISSING.refuse(
                    "Kolom wajib tidak ada: " + String.join(", ", missing) + ". Kolom yang dikenali: "
                            + String.join(", ", known) + ".",
                    missing.stream().map(name -> Violation.cell(1, name, null, "Kolom " + name + " wajib ada.")).toList());
        }
        return columns;
    }

    public static SheetSource open(Path file, String fileName) throws IOException {
        String format = SheetFiles.formatOf(file, fileName).orElseThrow(() -> WelfareProblems.FILE_FORMAT.refuse(
                "Unggah daftar sebagai CSV (.csv) atau Excel .xlsx. Berkas Excel lama (.xls) simpan dulu sebagai .xlsx.",
                List.of(Violation.field("/file", "format berkas tidak didukung"))));
        SheetSource sheet;
        try {
            sheet = SheetFiles.open(file, format);
        } catch (IOException | RuntimeException e) {
            throw unreadable(format, e);
        }
        return new Guarded(sheet, format);
    }

    private static Refusal unreadable(String format, Exception cause) {
        String detail = "Berkas tidak dapat dibaca sebagai " + format + " (" + whatIsWrong(format, cause)
                + "). Simpan ulang dari Excel atau aplikasi asalnya, lalu unggah lagi.";
        return WelfareProblems.FILE_UNREADABLE.refuse(
                detail, List.of(Violation.field("/file", "berkas rusak atau tidak lengkap")));
    }

    /**
     * What is wrong with the file, in Indonesian: the sheet readers' own explanation where they give one (a CSV's
     * unclosed quote and its line), otherwise what the kind of failure means for the user. Never the library's text:
     * it is English, names classes and can quote the file's content.
     */
    static String whatIsWrong(String format, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnreadableSheetException explained) {
                return explained.getMessage();
            }
        }
        return SheetFiles.XLSX.equals(format)
                ? "buku kerja Excel rusak, terpotong, dilindungi kata sandi, atau bukan berkas .xlsx yang utuh"
                : "berkas CSV rusak, terpotong, atau bukan teks";
    }

    /** The readers throw unchecked exceptions from inside their row iterators; here they become the 422. */
    private record Guarded(SheetSource sheet, String format) implements SheetSource {

        @Override
        public List<String> header() {
            return sheet.header();
        }

        @Override
        public Iterator<SheetRow> rows() {
            Iterator<SheetRow> rows = sheet.rows();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return rows.hasNext();
                    } catch (Refusal e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw unreadable(format, e);
                    }
                }

                @Override
                public SheetRow next() {
                    try {
                        return rows.next();
                    } catch (Refusal e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw unreadable(format, e);
                    }
                }
            };
        }

        @Override
        public double progress() {
            return sheet.progress();
        }

        @Override
        public String encoding() {
            return sheet.encoding();
        }

        @Override
        public String delimiter() {
            return sheet.delimiter();
        }

        @Override
        public void close() throws IOException {
            sheet.close();
        }
    }
}
