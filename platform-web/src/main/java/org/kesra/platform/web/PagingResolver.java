package org.kesra.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.kesra.platform.refusal.PlatformProblems;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a {@link Paging} from {@code page}, {@code cursor} and {@code size}. Every violation is reported at once, each
 * pointing at its parameter ({@code /page}, {@code /size}, {@code /cursor}); a value is never repeated in the answer.
 */
final class PagingResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Paging.PageSize limits = parameter.getParameterAnnotation(Paging.PageSize.class);
        int defaultSize = limits != null ? limits.value() : 20;
        int maxSize = limits != null ? limits.max() : 200;
        List<Violation> violations = new ArrayList<>();
        int page = number(request.getParameter("page"), 0, "/page", 0, Integer.MAX_VALUE,
                "nomor halaman adalah bilangan bulat mulai dari 0", violations);
        int size = number(request.getParameter("size"), defaultSize, "/size", 1, maxSize,
                "ukuran halaman adalah bilangan bulat 1 sampai " + maxSize, violations);
        String cursor = request.getParameter(Cursor.PARAMETER);
        if (cursor != null && CleanText.isUnclean(cursor)) {
            violations.add(Violation.field("/" + Cursor.PARAMETER, CleanText.DETAIL));
        }
        if (!violations.isEmpty()) {
            throw PlatformProblems.invalid(violations);
        }
        return new Paging(page, cursor, size);
    }

    private static int number(String text, int absent, String pointer, int min, int max, String rule,
                              List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        violations.add(Violation.field(pointer, rule));
        return absent;
    }
}
