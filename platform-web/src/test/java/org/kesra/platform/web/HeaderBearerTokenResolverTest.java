package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** Answers exactly as Spring Security's default resolver does, checked side by side on the same headers. */
class HeaderBearerTokenResolverTest {

    private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-ghi_jkl~mno+pqr/stu", "bearer abc==", "BEARER x", "Bearer a.b.c=",
        "Basic dXNlcjpwYXNz"})
    void resolvesWellFormedHeadersLikeTheDefault(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);

        assertThat(resolver.resolve(request)).isEqualTo(reference.resolve(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer a=b", "Bearer abc\"",
        "Bearer é", "Bearer\tabc", "bearer:abc", "Bearerish"})
    void refusesMalformedHeadersLikeTheDefault(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);

        assertThatThrownBy(() -> reference.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> resolver.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "Bearer abc", "Jalan Raya No. 5, Metro", "äöü 漢字 😀", "", "a\u007Fb",
        "a\u0000b", "a\tb", "a\u0378b", "\uD83D"})
    void theFirewallAllowsTheSameHeaderValuesAsItsDefaultPattern(String value) {
        boolean byDefault = java.util.regex.Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*").matcher(value)
                .matches();
        assertThat(PlatformWebAutoConfiguration.isPrintableAssigned(value)).isEqualTo(byDefault);
    }

    @org.junit.jupiter.api.Test
    void noHeaderNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
    }
}
