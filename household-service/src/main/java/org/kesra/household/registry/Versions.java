package org.kesra.household.registry;

import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.PlatformProblems;

/**
 * Optimistic concurrency of the registry's records: a change names the version it was based on (the ETag the client
 * last read, sent as If-Match), so that nobody overwrites a change they have not seen.
 */
public final class Versions {

    private Versions() {
    }

    /** Checks an If-Match value ({@code "3"} or {@code W/"3"}) against the stored version. */
    public static void requireVersion(String ifMatch, int current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PlatformProblems.IF_MATCH_REQUIRED.refuse("Sertakan header If-Match berisi ETag dari data yang"
                    + " terakhir Anda baca, agar perubahan orang lain tidak tertimpa.");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(Integer.toString(current))) {
            throw HouseholdProblems.VERSION_CHANGED.refuse("Data telah diubah oleh pihak lain sejak Anda membacanya"
                    + " (versi sekarang " + current + "). Muat ulang datanya, lalu ulangi perubahan Anda.");
        }
    }

    /** The ETag of a version, as {@link #requireVersion} reads it back. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
