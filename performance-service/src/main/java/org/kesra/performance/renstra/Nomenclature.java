package org.kesra.performance.renstra;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National nomenclature codes of program, kegiatan and sub-kegiatan: {@code U.BB.PP.L.KK.SSSS} (urusan, bidang,
 * program, level, kegiatan, sub-kegiatan). Older documents write the sub-kegiatan with 2 digits
 * ({@code 1.06.04.2.01.01}, seed 001), newer ones with 4 ({@code 1.06.04.2.01.0001}); both are accepted and stored in
 * the 4-digit form, so one sub-kegiatan written both ways is one code. The programme that supports every urusan
 * (Program Penunjang Urusan Pemerintahan Daerah) has the urusan and bidang placeholder {@code X.XX}
 * ({@code X.XX.01}, {@code X.XX.01.2.01.0001}); a lower-case {@code x} is stored upper-case.
 */
public final class Nomenclature {

    private static final String URUSAN_BIDANG = "(?:[0-9]\\.[0-9]{2}|X\\.XX)";
    private static final Pattern PROGRAM = Pattern.compile(URUSAN_BIDANG + "\\.[0-9]{2}");
    private static final Pattern KEGIATAN = Pattern.compile(URUSAN_BIDANG + "\\.[0-9]{2}\\.[0-9]\\.[0-9]{2}");
    private static final Pattern SUB_KEGIATAN =
            Pattern.compile("(" + URUSAN_BIDANG + "\\.[0-9]{2}\\.[0-9]\\.[0-9]{2})\\.([0-9]{2}|[0-9]{4})");

    private Nomenclature() {
    }

    /** The normalised code, or empty when {@code code} is in neither form for {@code level}. */
    public static Optional<String> normalise(NodeLevel level, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip().replace('x', 'X');
        return switch (level) {
            case PROGRAM -> PROGRAM.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
            case KEGIATAN -> KEGIATAN.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
            case SUB_KEGIATAN -> {
                Matcher m = SUB_KEGIATAN.matcher(trimmed);
                yield m.matches() ? Optional.of(m.group(1) + "." + "0".repeat(4 - m.group(2).length()) + m.group(2))
                        : Optional.empty();
            }
            case TUJUAN, SASARAN -> Optional.empty();
        };
    }

    /** The forms accepted for {@code level}, for the user's error message. */
    static String expectedForm(NodeLevel level) {
        return switch (level) {
            case PROGRAM -> "U.BB.PP, mis. 1.06.04";
            case KEGIATAN -> "U.BB.PP.L.KK, mis. 1.06.04.2.01";
            case SUB_KEGIATAN -> "U.BB.PP.L.KK.SSSS atau U.BB.PP.L.KK.SS, mis. 1.06.04.2.01.0001 atau 1.06.04.2.01.01";
            case TUJUAN, SASARAN -> "tanpa kode";
        };
    }
}
