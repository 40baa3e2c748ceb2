package org.kesra.sheets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file is not a well-formed spreadsheet of its kind, from the point the reader stopped: the file's fault, not the
 * service's. The message says in Indonesian what is wrong and on which line, for the user who uploaded it; it never
 * carries the parser's own text or class names (they would end up in problem details).
 */
public final class UnreadableSheetException extends RuntimeException {

    private static final Pattern UNCLOSED = Pattern.compile("\\(startline ([0-9.,]+)\\) EOF reached before encapsulated");
    private static final Pattern AFTER_QUOTE = Pattern.compile("between encapsulated token and delimiter at line: ([0-9.,]+)");
    private static final Pattern SEQUENCE = Pattern.compile("\\(line ([0-9.,]+)\\) invalid parse sequence");

    public UnreadableSheetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What Commons CSV reported, said for the user; lines are the file's lines, the header being line 1. */
    static UnreadableSheetException csv(Throwable failure) {
        String text = describe(failure);
        Matcher unclosed = UNCLOSED.matcher(text);
        if (unclosed.find()) {
            return new UnreadableSheetException("tanda petik (\") yang dibuka di baris " + number(unclosed)
                    + " tidak pernah ditutup, sehingga sisa berkas terbaca sebagai satu sel; tutup sel itu dengan"
                    + " tanda petik, atau hapus tanda petik pembukanya", failure);
        }
        Matcher afterQuote = AFTER_QUOTE.matcher(text);
        if (afterQuote.find()) {
            return new UnreadableSheetException("di baris " + number(afterQuote) + " ada teks setelah tanda petik"
                    + " penutup sebuah sel, sebelum pemisah kolom; tanda petik di dalam isi sel harus ditulis dua kali"
                    + " (\"\")", failure);
        }
        Matcher sequence = SEQUENCE.matcher(text);
        if (sequence.find()) {
            return new UnreadableSheetException("susunan CSV tidak sah di baris " + number(sequence), failure);
        }
        return new UnreadableSheetException("berkas CSV tidak dapat dibaca sampai selesai (rusak atau terpotong)",
                failure);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 4_000; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static String number(Matcher matcher) {
        return matcher.group(1).replace(",", "").replace(".", "");
    }
}
