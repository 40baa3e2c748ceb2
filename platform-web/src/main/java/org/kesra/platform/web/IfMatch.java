package org.kesra.platform.web;

import java.util.function.Supplier;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;

/**
 * The version an {@code If-Match} header names, for optimistic concurrency: the services' ETags are version counters
 * ({@code "3"}, also sent weak as {@code W/"3"}), so a change names the version it was based on and nobody overwrites a
 * change they have not seen. One reading for every controller and use case that takes If-Match.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version {@code header} names.
     *
     * @param missing what the user is told when the header is absent ({@code KESRA-IF-MATCH-WAJIB}), in Indonesian
     * @param notAVersion the service's own refusal when the header names no version of its kind (a stale or foreign
     *                    ETag)
     */
    public static int version(String header, String missing, Supplier<Refusal> notAVersion) {
        if (header == null || header.isBlank()) {
            throw PlatformProblems.IF_MATCH_REQUIRED.refuse(missing);
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", "").strip());
        } catch (NumberFormatException notANumber) {
            throw notAVersion.get();
        }
    }

    /** The ETag of a version, as {@link #version} reads it back. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
