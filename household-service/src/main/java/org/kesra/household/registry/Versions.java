package org.kesra.household.registry;

import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.IfMatch;

/**
 * Optimistic concurrency of the registry's records: a change names the version it was based on (the ETag the client
 * last read, sent as If-Match), so that nobody overwrites a change they have not seen.
 */
public final class Versions {

    private Versions() {
    }

    /** Checks an If-Match value ({@code "3"} or {@code W/"3"}) against the stored version. */
    public static void requireVersion(String ifMatch, int current) {
        int asked = IfMatch.version(ifMatch, "Sertakan header If-Match berisi ETag dari data yang terakhir Anda baca,"
                + " agar perubahan orang lain tidak tertimpa.", () -> changed(current));
        if (asked != current) {
            throw changed(current);
        }
    }

    private static Refusal changed(int current) {
        return HouseholdProblems.VERSION_CHANGED.refuse("Data telah diubah oleh pihak lain sejak Anda membacanya"
                + " (versi sekarang " + current + "). Muat ulang datanya, lalu ulangi perubahan Anda.");
    }

    /** The ETag of a version, as {@link #requireVersion} reads it back. */
    public static String etag(int version) {
        return IfMatch.etag(version);
    }
}
