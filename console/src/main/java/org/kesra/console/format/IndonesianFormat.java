package org.kesra.console.format;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the console writes dates, numbers and money for its users: "6 Desember 2026", "1.234.567,89",
 * "Rp 1.234.567", times in WIB. Templates call it as {@code ${@fmt.date(...)}}; it takes what the APIs answer
 * (ISO strings, numbers) as well as Java types, and shows a dash for nothing.
 */
@Component("fmt")
public class IndonesianFormat {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    /** Kota Metro's time zone (WIB). */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String NOTHING = "–";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", INDONESIAN);

    /** "6 Desember 2026", from a {@link LocalDate} or an ISO date ("2026-12-06"). */
    public String date(Object value) {
        LocalDate date = toDate(value);
        return date == null ? NOTHING : DATE.format(date);
    }

    /** "6 Desember 2026 14.05 WIB", from an {@link Instant} or its ISO form. */
    public String dateTime(Object value) {
        Instant instant = toInstant(value);
        if (instant == null) {
            return NOTHING;
        }
        var local = instant.atZone(WIB);
        return DATE.format(local) + " " + TIME.format(local) + " WIB";
    }

    /** "1.234.567,89": dots group thousands, a comma before decimals (at most two, as given). */
    public String number(Object value) {
        BigDecimal number = toNumber(value);
        return number == null ? NOTHING : decimalFormat("#,##0.##").format(number);
    }

    /** "Rp 1.234.567" (rupiah are whole numbers in the platform). */
    public String rupiah(Object value) {
        BigDecimal number = toNumber(value);
        return number == null ? NOTHING : "Rp " + decimalFormat("#,##0").format(number);
    }

    /**
     * A decimal as the APIs read it: Indonesians type "85,5" or "1.234,5"; the APIs take "85.5". Only the separators
     * change (null stays null); the figure is the service's to check, so anything else goes as typed, to be refused.
     */
    public static String decimalForApi(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip().replace(" ", "");
        return text.contains(",") ? text.replace(".", "").replace(',', '.') : text;
    }

    private static DecimalFormat decimalFormat(String pattern) {
        // A new instance per call: DecimalFormat is not thread-safe.
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(INDONESIAN));
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof CharSequence text && !text.isEmpty()) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.subSequence(0, 10) : text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof CharSequence text && !text.isEmpty()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof CharSequence text && !text.isEmpty()) {
            try {
                return new BigDecimal(text.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
