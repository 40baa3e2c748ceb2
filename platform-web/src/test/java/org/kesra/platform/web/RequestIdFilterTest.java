package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    @Test
    void keepsAWellFormedIdFromTheGatewayAndClearsItAfterTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.addHeader("X-Request-Id", "gw-0123456789");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenInMdc = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, response, (req, res) -> seenInMdc.set(MDC.get("requestId")));

        assertThat(seenInMdc.get()).isEqualTo("gw-0123456789");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("gw-0123456789");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void replacesAMalformedIdSoThatLogsCannotBeForged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        request.addHeader("X-Request-Id", "evil\n{\"level\":\"ERROR\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, (req, res) -> { });

        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
