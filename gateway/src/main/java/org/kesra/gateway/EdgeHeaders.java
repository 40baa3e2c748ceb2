package org.kesra.gateway;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.PermissionsPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer of the gateway, with Spring Security's writers (those its header spec uses)
 * but as the second web filter, not inside the security chain: answers made before that chain (a firewall or CORS
 * refusal, the address limit, a URI too long) carry them as well. Each header is written when the answer is committed
 * and only if the service behind did not send it already, so proxied answers do not carry it twice.
 *
 * <p>HSTS is sent only over HTTPS (Spring's writer checks the scheme; behind a TLS-terminating proxy that scheme
 * comes from X-Forwarded-Proto when {@code server.forward-headers-strategy} trusts the proxy).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class EdgeHeaders implements WebFilter {

    /** The docs UI needs nothing of the browser's devices; the API answers are data, never documents that do. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=()";

    private final HttpHeaderWriterWebFilter writer;

    public EdgeHeaders() {
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " object-src 'none'; frame-ancestors 'none'");
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        PermissionsPolicyServerHttpHeadersWriter permissions = new PermissionsPolicyServerHttpHeadersWriter();
        permissions.setPolicy(PERMISSIONS_POLICY);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicy.NO_REFERRER);
        StrictTransportSecurityServerHttpHeadersWriter hsts = new StrictTransportSecurityServerHttpHeadersWriter();
        hsts.setMaxAge(Duration.ofDays(365));
        hsts.setIncludeSubDomains(true);
        this.writer = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
                new CacheControlServerHttpHeadersWriter(), new XContentTypeOptionsServerHttpHeadersWriter(), hsts,
                frames, new XXssProtectionServerHttpHeadersWriter(), csp,
                referrer, permissions));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return writer.filter(exchange, chain);
    }
}
