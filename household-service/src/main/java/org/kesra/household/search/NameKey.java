package org.kesra.household.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name reduced to what survives the ways Indonesian names are written differently: case, spacing
 * ("Nur Hasanah", "Nurhasanah"), punctuation, the old spelling (Soekarno/Sukarno, Djoko/Joko, Tjahjono/Cahyono, Jusuf/Yusuf),
 * doubled letters (Muhammad/Muhamad), abbreviated Muhammad (M., Moh., Moch.), final y for i (Yanti/Yanty).
 * Stored as {@code person.name_key}; searches compare keys, then rank by trigram similarity.
 */
public final class NameKey {

    private static final Set<String> MUHAMMAD = Set.of("M", "MOH", "MOCH", "MOHD", "MUH", "MUHD", "MHD", "MOHAMAD",
            "MOHAMMAD", "MOCHAMAD", "MOCHAMMAD", "MUHAMAD", "MUHAMMAD", "MUCHAMAD", "MUCHAMMAD", "MOHAMMED", "MUHAMMED");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Z ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NameKey() {
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        // Called once per row of a million-row import: the patterns are compiled once, and plain ASCII (nearly every
        // name) skips the Unicode decomposition.
        String plain = isAscii(name) ? name : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String ascii = NOT_LETTER.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ");
        List<String> words = new ArrayList<>();
        for (String word : SPACES.split(ascii.trim())) {
            if (word.isEmpty()) {
                continue;
            }
            words.add(MUHAMMAD.contains(word) ? "MUHAMAD" : word);
        }
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            key.append(spelling(word));
        }
        return collapseDoubles(key.toString());
    }

    /**
     * The 1972 spelling reform and common variants, applied to one word. Old "dj" is modern "j" and old "j" is
     * modern "y", so a J in a name may be either: the key writes J and Y alike (Djoko = Joko, Janti = Yanti).
     */
    private static String spelling(String word) {
        String w = word.replace("OE", "U").replace("DJ", "J").replace("TJ", "C").replace("CH", "KH")
                .replace("PH", "F").replace("Q", "K").replace("V", "F");
        if (w.length() > 2 && w.endsWith("Y")) {
            w = w.substring(0, w.length() - 1) + "I";
        }
        return w.replace('Y', 'J');
    }

    private static String collapseDoubles(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            if (i == 0 || key.charAt(i) != key.charAt(i - 1)) {
                out.append(key.charAt(i));
            }
        }
        return out.toString();
    }
}
