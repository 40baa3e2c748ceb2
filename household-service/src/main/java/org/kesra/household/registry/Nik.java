package org.kesra.household.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules of the NIK (Nomor Induk Kependudukan): 16 digits; digits 1-2 a province code, 1-6 the region where it was first
 * registered (not the current address); 7-12 the birth date DDMMYY with 40 added to the day for women, a date that
 * exists (no 31 February: no one can be born on it, so such a NIK is malformed, like day 00); 13-16 a serial,
 * never 0000. A NIK is never reissued, so a NIK whose date part disagrees with a corrected birth date or sex is kept
 * and flagged for review, not rejected.
 */
public final class Nik {

    /** Why a stored NIK needs a human look, without being wrong. */
    public enum Flag {
        TANGGAL_LAHIR_TIDAK_SESUAI, JENIS_KELAMIN_TIDAK_SESUAI
    }

    private static final Set<String> PROVINCES = loadProvinces();

    private Nik() {
    }

    /** Checked by hand: String.matches compiles its pattern on every call, and an import checks two per row. */
    static boolean sixteenDigits(String value) {
        if (value.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** What makes the value impossible as a NIK, in Indonesian; empty when it is a valid NIK. */
    public static List<String> problems(String value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add("NIK wajib diisi");
            return problems;
        }
        if (!sixteenDigits(value)) {
            problems.add("NIK harus terdiri dari 16 digit angka");
            return problems;
        }
        String province = value.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            problems.add("dua digit pertama NIK (" + province + ") bukan kode provinsi yang sah");
        }
        int day = Integer.parseInt(value.substring(6, 8));
        if (!(day >= 1 && day <= 31) && !(day >= 41 && day <= 71)) {
            problems.add("tanggal lahir pada NIK (digit 7-8: " + value.substring(6, 8)
                    + ") harus 01-31, atau 41-71 untuk perempuan");
        }
        int month = Integer.parseInt(value.substring(8, 10));
        if (month < 1 || month > 12) {
            problems.add("bulan lahir pada NIK (digit 9-10: " + value.substring(8, 10) + ") harus 01-12");
        }
        int twoDigitYear = Integer.parseInt(value.substring(10, 12));
        if (problems.isEmpty() && !dateExists(day > 40 ? day - 40 : day, month, twoDigitYear)) {
            problems.add("tanggal lahir pada NIK (digit 7-12: " + value.substring(6, 12) + ") tidak ada di kalender ("
                    + (day > 40 ? day - 40 : day) + "/" + month + "/" + value.substring(10, 12) + ")");
        }
        if (value.endsWith("0000")) {
            problems.add("nomor urut NIK (4 digit terakhir) tidak boleh 0000");
        }
        return problems;
    }

    /**
     * Whether day/month of the two-digit year YY is a date that existed. A NIK carries no century, and which one is
     * meant is only known from the person's stated birth date (compared on YY alone in {@link #disagreements}), so
     * the date is accepted when it exists in 19YY or in 20YY. The two differ only for 29 February of YY = 00: 1900
     * was no leap year but 2000 was, so {@code 290200} is accepted (a person born on 29 February 2000), while 29
     * February of any YY not divisible by 4, and 30/31 February or 31 April in any year, are impossible.
     */
    static boolean dateExists(int day, int month, int twoDigitYear) {
        return java.time.YearMonth.of(1900 + twoDigitYear, month).isValidDay(day)
                || java.time.YearMonth.of(2000 + twoDigitYear, month).isValidDay(day);
    }

    public static boolean isValid(String value) {
        return problems(value).isEmpty();
    }

    /** How the NIK's date part disagrees with the person's stored birth date and sex; the NIK must be valid. */
    public static Set<Flag> disagreements(String nik, LocalDate birthDate, Sex sex) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        int encodedDay = Integer.parseInt(nik.substring(6, 8));
        Sex encodedSex = encodedDay > 40 ? Sex.P : Sex.L;
        int day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        if (day != birthDate.getDayOfMonth() || month != birthDate.getMonthValue() || year != birthDate.getYear() % 100) {
            flags.add(Flag.TANGGAL_LAHIR_TIDAK_SESUAI);
        }
        if (encodedSex != sex) {
            flags.add(Flag.JENIS_KELAMIN_TIDAK_SESUAI);
        }
        return flags;
    }

    public static boolean isValidKk(String value) {
        return value != null && sixteenDigits(value) && !value.equals("0".repeat(16));
    }

    private static Set<String> loadProvinces() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                Nik.class.getResourceAsStream("/reference/nik-province-codes.csv"), StandardCharsets.UTF_8))) {
            return lines.lines().skip(1).map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
