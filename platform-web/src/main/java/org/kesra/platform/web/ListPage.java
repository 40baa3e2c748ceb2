package org.kesra.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a list endpoint answers: a numbered page with its total ({@link PageResponse}, for lists whose total is small
 * and for older clients) or a keyset page with the cursor of the next ({@link CursorPage}, when {@code cursor} is
 * given).
 */
@Schema(oneOf = {PageResponse.class, CursorPage.class})
public sealed interface ListPage<T> permits PageResponse, CursorPage {

    List<T> items();

    /** The same page with each item shown differently (a NIK masked for a role that may not read it whole). */
    <R> ListPage<R> map(java.util.function.Function<T, R> view);
}
