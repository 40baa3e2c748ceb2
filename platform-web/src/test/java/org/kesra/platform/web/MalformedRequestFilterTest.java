package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import tools.jackson.databind.json.JsonMapper;

class MalformedRequestFilterTest {

    final MalformedRequestFilter filter = new MalformedRequestFilter(new ProblemWriter(JsonMapper.builder().build()),
            1024);

    @Test
    void namesTheFirstQueryParameterThatIsNotUtf8OrHoldsANul() {
        assertThat(MalformedRequestFilter.checkQuery("page=0&size=%FF")).extracting(Violation::pointer)
                .isEqualTo("/size");
        assertThat(MalformedRequestFilter.checkQuery("size=%C0%80")).extracting(Violation::pointer).isEqualTo("/size");
        assertThat(MalformedRequestFilter.checkQuery("size=%ED%A0%80")).extracting(Violation::pointer)
                .isEqualTo("/size");
        assertThat(MalformedRequestFilter.checkQuery("program=%00")).extracting(Violation::pointer)
                .isEqualTo("/program");
        assertThat(MalformedRequestFilter.checkQuery("a=1&%FF=2")).extracting(Violation::pointer).isEqualTo("/2");
        assertThat(MalformedRequestFilter.checkQuery("q=%G1")).isNotNull();
        assertThat(MalformedRequestFilter.checkQuery("q=%E2%82")).isNotNull();
    }

    @Test
    void acceptsWellFormedQueries() {
        assertThat(MalformedRequestFilter.checkQuery(null)).isNull();
        assertThat(MalformedRequestFilter.checkQuery("nama=Siti+Aminah&kota=Metro%20Pusat&e=%C3%A9&&x")).isNull();
        assertThat(MalformedRequestFilter.decode("Siti+%F0%9F%98%80")).isEqualTo("Siti \uD83D\uDE00");
    }

    @Test
    void refusesAControlCharacterInAHeaderNamingTheHeaderNotItsValue() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.addHeader("X-Purpose", "\u00ff\u00fe\u0080");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();

        filter.doFilter(request, response, (req, res) -> passed.set(true));

        assertThat(passed).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("/headers/X-Purpose")
                .contains("KESRA-HEADER-TIDAK-SAH");
    }

    @Test
    void refusesADeclaredBodyOverTheCapAndCountsAnUndeclaredOneAsItIsRead() throws Exception {
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/api/v1/x");
        declared.setContentType("application/json");
        declared.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(declared, response, (req, res) -> {
            throw new AssertionError("not passed on");
        });
        assertThat(response.getStatus()).isEqualTo(413);

        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("application/json");
        chunked.setContent(new byte[2048]);
        filter.doFilter(chunked, new MockHttpServletResponse(), (req, res) ->
                assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(MalformedRequestFilter.BodyTooLargeException.class));
    }

    @Test
    void refusesFormEncodedBodies() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/x");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("a=%FF".getBytes(StandardCharsets.US_ASCII));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new AssertionError("not passed on");
        });
        assertThat(response.getStatus()).isEqualTo(415);
    }

    @Test
    void findsNulsAndLoneSurrogatesButNotPairs() {
        assertThat(CleanText.isUnclean("PKH\u0000")).isTrue();
        assertThat(CleanText.isUnclean("A\uD800")).isTrue();
        assertThat(CleanText.isUnclean("\uDC00A")).isTrue();
        assertThat(CleanText.isUnclean("Siti \uD83D\uDE00 Aminah")).isFalse();
    }

    @Test
    void theBearerChallengeCarriesTheErrorCodeOnly() {
        assertThat(SecurityProblemResponder.challenge(new OAuth2AuthenticationException(
                BearerTokenErrors.invalidToken("Signed JWT rejected: Invalid signature"))))
                .isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(SecurityProblemResponder.challenge(new InsufficientAuthenticationException("none")))
                .isEqualTo("Bearer");
    }
}
