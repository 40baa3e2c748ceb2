package org.kesra.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list answer, with what a client needs to ask for the next one. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages)
        implements ListPage<T> {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }

    /**
     * A page whose total is counted only when it must be: a first page with room to spare already holds every
     * match, so a lookup of one row (a NIK, a KK) costs one query, not two.
     */
    public static <T> PageResponse<T> of(List<T> items, int page, int size, LongSupplier countAll) {
        return of(items, page, size, page == 0 && items.size() < size ? items.size() : countAll.getAsLong());
    }

    /** The same page with each item shown differently (a NIK masked for a role that may not read it whole). */
    @Override
    public <R> PageResponse<R> map(Function<T, R> view) {
        return new PageResponse<>(items.stream().map(view).toList(), page, size, totalItems, totalPages);
    }
}
