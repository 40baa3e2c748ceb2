package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final UUID ID = UUID.fromString("0190f3a2-7c1e-7abc-8def-0123456789ab");

    @Test
    void readsBackTheSortKeyItWasGiven() {
        String cursor = Cursor.encode("persons", List.of("18.72.%", "null"), List.of(0.4285714f, "SITI | 12:AMINAH", ID));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        Cursor.Position position = Cursor.decode(cursor, "persons", List.of("18.72.%", "null"), 3).orElseThrow();
        assertThat(position.real(0)).isEqualTo(0.4285714f);
        assertThat(position.text(1)).isEqualTo("SITI | 12:AMINAH");
        assertThat(position.uuid(2)).isEqualTo(ID);
    }

    @Test
    void anEmptyCursorIsTheFirstPage() {
        assertThat(Cursor.decode("", "persons", List.of(), 2)).isEmpty();
        assertThat(Cursor.decode(null, "persons", List.of(), 2)).isEmpty();
    }

    @Test
    void refusesCursorsOfOtherListsOtherFiltersAndBrokenOnes() {
        String cursor = Cursor.encode("enrolments", List.of("PKH"), List.of("PKH", LocalDate.of(2024, 1, 1), ID));
        assertRefused(() -> Cursor.decode(cursor, "ppks", List.of("PKH"), 3));
        assertRefused(() -> Cursor.decode(cursor, "enrolments", List.of("BPNT"), 3));
        assertRefused(() -> Cursor.decode(cursor, "enrolments", List.of("PKH"), 2));
        assertRefused(() -> Cursor.decode(cursor.substring(0, cursor.length() - 4), "enrolments", List.of("PKH"), 3));
        assertRefused(() -> Cursor.decode("not*base64", "enrolments", List.of("PKH"), 3));
        assertRefused(() -> Cursor.decode("x".repeat(5000), "enrolments", List.of("PKH"), 3));
        String wrongType = Cursor.encode("enrolments", List.of("PKH"), List.of("PKH", "kemarin", "bukan-uuid"));
        Cursor.Position position = Cursor.decode(wrongType, "enrolments", List.of("PKH"), 3).orElseThrow();
        assertRefused(() -> position.date(1));
        assertRefused(() -> position.uuid(2));
        assertRefused(() -> position.whole(0));
        assertRefused(() -> position.real(0));
        String invalidUtf8 = Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28});
        assertRefused(() -> Cursor.decode(invalidUtf8, "enrolments", List.of("PKH"), 3));
        String forgedLength = Base64.getUrlEncoder().encodeToString(new String(Base64.getUrlDecoder().decode(cursor),
                StandardCharsets.UTF_8).replace("|3:PKH", "|9:PKH").getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> Cursor.decode(forgedLength, "enrolments", List.of("PKH"), 3));
    }

    @Test
    void aPageFetchedWithOneRowMoreKnowsWhetherAnotherFollows() {
        CursorPage<Integer> full = CursorPage.of(List.of(1, 2, 3), 2, last -> "after-" + last);
        assertThat(full.items()).containsExactly(1, 2);
        assertThat(full.nextCursor()).isEqualTo("after-2");
        CursorPage<Integer> last = CursorPage.of(List.of(1, 2), 2, n -> "after-" + n);
        assertThat(last.items()).containsExactly(1, 2);
        assertThat(last.nextCursor()).isNull();
        assertThat(full.map(n -> n * 10).items()).containsExactly(10, 20);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(org.kesra.platform.refusal.Refusal.class, e -> {
            assertThat(ProblemDetailsAdvice.STATUS.get(e.kind()).value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("KESRA-KURSOR-TIDAK-SAH");
            assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/cursor");
        });
    }
}
