package org.kesra.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The paging of one list request, read and checked once from the query parameters {@code page}, {@code cursor} and
 * {@code size} by {@link PagingResolver}: a controller takes {@code @PageSize(20) Paging paging} instead of three
 * annotated parameters, and a bad value is a 400 naming the parameter, the same for every list of the platform.
 *
 * @param page   numbered page, from 0 (ignored when a cursor is given)
 * @param cursor keyset position: {@code null} when the client asked for numbered pages, empty for the first keyset
 *               page, else the {@code nextCursor} of the previous answer
 * @param size   items per page, within the endpoint's {@link PageSize}
 */
public record Paging(int page, String cursor, int size) {

    /** True when the client walks by cursor (keyset paging) rather than by page number. */
    public boolean byCursor() {
        return cursor != null;
    }

    /** The default and largest page size of one list endpoint; the page size parameter is checked against them. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PageSize {

        /** Items per page when the client names no size. */
        int value() default 20;

        /** The largest size a client may ask for. */
        int max() default 200;
    }
}
