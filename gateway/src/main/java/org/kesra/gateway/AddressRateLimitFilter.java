package org.kesra.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The allowance of a client address, ahead of authentication: every request takes one from its address's bucket and
 * an empty bucket answers 429 before any token is looked at, so requests without a token or with forged ones are
 * limited too (the per-account limit, {@link RateLimitFilter}, sees only valid tokens). A request whose token proves
 * valid gives its one back there, so staff sharing an office's address are counted by account, not by address.
 *
 * <p>The address is the connection's peer. Behind a load balancer that is the balancer: trust its X-Forwarded-For
 * with {@code server.forward-headers-strategy} (and only then), or every client shares one allowance.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AddressRateLimitFilter implements WebFilter {

    /** The exchange attribute holding the address's bucket, for the refund of a request with a valid token. */
    static final String BUCKET = AddressRateLimitFilter.class.getName() + ".bucket";

    private final EdgeProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets;

    public AddressRateLimitFilter(EdgeProperties properties) {
        this.limits = properties.rateLimit();
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window().multipliedBy(2))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "?" : remote.getAddress().getHostAddress();
        Bucket bucket = buckets.get(address, key -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(limits.addressRequests())
                .refillIntervally(limits.addressRequests(), limits.window()).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return RateLimitFilter.refuse(exchange, probe, "Terlalu banyak permintaan tanpa token yang sah dari alamat"
                    + " jaringan Anda.");
        }
        exchange.getAttributes().put(BUCKET, bucket);
        return chain.filter(exchange);
    }
}
