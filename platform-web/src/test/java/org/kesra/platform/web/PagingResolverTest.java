package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.kesra.platform.refusal.Refusal;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class PagingResolverTest {

    static class Lists {
        public void small(@Paging.PageSize(value = 20, max = 200) Paging paging) {
        }

        public void plain(Paging paging) {
        }
    }

    private static Paging resolve(String method, String query) throws Exception {
        Method m = Lists.class.getMethod(method, Paging.class);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return new PagingResolver().resolveArgument(new MethodParameter(m, 0), null, new ServletWebRequest(request),
                null);
    }

    @Test
    void takesTheEndpointsDefaultsWhenNothingIsAsked() throws Exception {
        assertThat(resolve("small", "")).isEqualTo(new Paging(0, null, 20));
        assertThat(resolve("plain", "")).isEqualTo(new Paging(0, null, 20));
        assertThat(resolve("small", "page=3&size=200")).isEqualTo(new Paging(3, null, 200));
    }

    @Test
    void anEmptyCursorAsksForTheFirstKeysetPage() throws Exception {
        Paging paging = resolve("small", "cursor=&size=5");
        assertThat(paging.byCursor()).isTrue();
        assertThat(paging.cursor()).isEmpty();
        assertThat(resolve("small", "page=1").byCursor()).isFalse();
    }

    @Test
    void namesEveryBadParameterAndNeverRepeatsItsValue() {
        assertThatThrownBy(() -> resolve("small", "page=-1&size=201")).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.code()).isEqualTo("KESRA-VALIDATION");
            assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/page", "/size");
            assertThat(e.violations()).extracting(Violation::detail).noneMatch(d -> d.contains("201"));
        });
        assertThatThrownBy(() -> resolve("small", "size=dua-puluh")).isInstanceOfSatisfying(Refusal.class, e ->
                assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/size"));
        assertThatThrownBy(() -> resolve("small", "size=0")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> resolve("small", "cursor=a%00b".replace("%00", "\0")))
                .isInstanceOfSatisfying(Refusal.class, e ->
                        assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/cursor"));
    }
}
