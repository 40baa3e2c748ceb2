package org.kesra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class EdgeHeadersTest {

    private final EdgeHeaders headers = new EdgeHeaders();

    @Test
    void sendsHstsOnlyOverHttps() {
        MockServerWebExchange https = answered(MockServerHttpRequest.get("https://kesra.metro.go.id/api/v1/x").build());
        MockServerWebExchange http = answered(MockServerHttpRequest.get("http://localhost/api/v1/x").build());

        assertThat(https.getResponse().getHeaders().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(http.getResponse().getHeaders().getFirst("Strict-Transport-Security")).isNull();
        assertThat(http.getResponse().getHeaders().getFirst("Permissions-Policy")).isEqualTo(EdgeHeaders.PERMISSIONS_POLICY);
    }

    @Test
    void keepsAHeaderTheServiceAlreadySent() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/x").build());
        headers.filter(exchange, e -> {
            e.getResponse().getHeaders().set("X-Frame-Options", "SAMEORIGIN");
            return e.getResponse().setComplete();
        }).block();

        assertThat(exchange.getResponse().getHeaders().get("X-Frame-Options")).containsExactly("SAMEORIGIN");
    }

    private MockServerWebExchange answered(MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        headers.filter(exchange, e -> e.getResponse().setComplete()).block();
        return exchange;
    }
}
