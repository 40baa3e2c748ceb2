package org.kesra.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;

/**
 * The opaque position of keyset paging: the sort key of the last row a page showed, for the query to continue
 * strictly after it. Encoded as base64url of {@code 1|list|filters|len:value|len:value...}, where {@code filters} is a
 * short hash of the list's filters, so a cursor is refused by another list or with other filters (a client bug that
 * would otherwise show a wrong position silently).
 *
 * <p>A cursor is never trusted for anything but the position: a client can read and forge one, so the caller's
 * region and every filter stay conditions of the query, and a forged key only moves where the walk resumes inside
 * what the caller may see anyway. Anything that does not decode into the keys the list expects answers 400
 * {@code KESRA-KURSOR-TIDAK-SAH} with the pointer {@code /cursor}.
 */
public final class Cursor {

    /** The query parameter that carries a cursor; empty asks for the first page by keyset. */
    public static final String PARAMETER = "cursor";
    /** How the lists that grow with the population page, for their OpenAPI descriptions. */
    public static final String PAGING = "Halaman berkursor: kirim cursor kosong (?cursor=) untuk halaman pertama, lalu"
            + " nilai nextCursor jawaban sebelumnya sampai nextCursor kosong; setiap halaman sama cepatnya dan tanpa"
            + " total. Nomor halaman (page) masih diterima tetapi usang: halaman dalam makin lambat.";
    public static final String CURSOR_PARAMETER = "Kursor dari nextCursor halaman sebelumnya; kosong untuk halaman"
            + " pertama";
    public static final String PAGE_PARAMETER = "Nomor halaman (usang): halaman dalam makin lambat, pakai cursor";
    private static final String VERSION = "1";
    private static final int MAX_LENGTH = 2048;

    private Cursor() {
    }

    /**
     * The cursor after a row whose sort key is {@code key} (in the list's order; values as text, UUID, date or
     * number, none null).
     */
    public static String encode(String list, List<?> filters, List<?> key) {
        StringBuilder text = new StringBuilder(VERSION).append('|').append(list).append('|')
                .append(fingerprint(list, filters));
        for (Object value : key) {
            String part = Objects.requireNonNull(value, "a sort key has no nulls").toString();
            text.append('|').append(part.length()).append(':').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor names, or empty for the first page (an empty cursor).
     *
     * @param keys how many values the list's sort key has
     */
    public static java.util.Optional<Position> decode(String cursor, String list, List<?> filters, int keys) {
        if (cursor == null || cursor.isBlank()) {
            return java.util.Optional.empty();
        }
        if (cursor.length() > MAX_LENGTH) {
            throw malformed("terlalu panjang");
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.trim());
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed("bukan kursor dari daftar ini");
        }
        String header = VERSION + "|" + list + "|" + fingerprint(list, filters);
        if (!text.startsWith(header)) {
            throw malformed("kursor berasal dari daftar atau saringan lain; mulai lagi dari halaman pertama "
                    + "dengan saringan yang sama");
        }
        List<String> values = new ArrayList<>(keys);
        int at = header.length();
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            if (text.charAt(at) != '|' || colon < 0 || colon - at > 5 || colon == at + 1) {
                throw malformed("isi kursor rusak");
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(at + 1, colon));
            } catch (NumberFormatException e) {
                throw malformed("isi kursor rusak");
            }
            if (length < 0 || colon + 1 + length > text.length()) {
                throw malformed("isi kursor rusak");
            }
            values.add(text.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        if (values.size() != keys) {
            throw malformed("isi kursor rusak");
        }
        return java.util.Optional.of(new Position(List.copyOf(values)));
    }

    /** The refusal (400) of a cursor that cannot be used. */
    static Refusal malformed(String why) {
        return PlatformProblems.CURSOR_INVALID.refuse("Kursor halaman tidak sah: " + why + ".",
                List.of(Violation.field("/" + PARAMETER, "Pakai nilai nextCursor dari halaman sebelumnya apa adanya.")));
    }

    private static String fingerprint(String list, List<?> filters) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(list.getBytes(StandardCharsets.UTF_8));
            for (Object filter : filters) {
                sha.update((byte) 0);
                sha.update(String.valueOf(filter).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sort key a cursor carries, read back value by value in the list's types. */
    public record Position(List<String> values) {

        public String text(int index) {
            return values.get(index);
        }

        public UUID uuid(int index) {
            String value = values.get(index);
            try {
                UUID id = UUID.fromString(value);
                if (id.toString().equals(value)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw malformed("isi kursor rusak");
        }

        public LocalDate date(int index) {
            try {
                return LocalDate.parse(values.get(index));
            } catch (DateTimeParseException e) {
                throw malformed("isi kursor rusak");
            }
        }

        public long whole(int index) {
            try {
                return Long.parseLong(values.get(index));
            } catch (NumberFormatException e) {
                throw malformed("isi kursor rusak");
            }
        }

        public float real(int index) {
            try {
                float value = Float.parseFloat(values.get(index));
                if (Float.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw malformed("isi kursor rusak");
        }
    }
}
