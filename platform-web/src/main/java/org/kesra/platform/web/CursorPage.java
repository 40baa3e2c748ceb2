package org.kesra.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list walked by keyset: the items and, when more follow, the opaque cursor that asks for the next
 * page ({@code ?cursor=...}). No page number and no total: the page after any row costs the same as the first, and
 * counting a list of a province's population on every page would cost more than the page itself.
 */
public record CursorPage<T>(List<T> items, int size, String nextCursor) implements ListPage<T> {

    /**
     * The page from the rows a query fetched with one row more than {@code size}: that extra row only tells that
     * another page follows, and the cursor is taken from the last row shown.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
        if (fetched.size() <= size) {
            return new CursorPage<>(List.copyOf(fetched), size, null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, size));
        return new CursorPage<>(shown, size, cursorOf.apply(shown.get(size - 1)));
    }

    /** The same page with each item shown differently (a NIK masked); the cursor stays as it was. */
    @Override
    public <R> CursorPage<R> map(Function<T, R> view) {
        return new CursorPage<>(items.stream().map(view).toList(), size, nextCursor);
    }
}
