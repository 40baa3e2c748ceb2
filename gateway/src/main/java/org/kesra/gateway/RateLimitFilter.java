package org.kesra.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-caller rate limit at the edge: each agency client and each staff account has its own allowance per window
 * (one agency's batch job cannot starve the others); over it, 429 with Retry-After. Runs after security, so only
 * authenticated callers are counted, each under their own key; such a request gives back what it took from its
 * address's allowance ({@link AddressRateLimitFilter}), which is meant for requests without a valid token.
 *
 * <p>The buckets live in this gateway's memory (Bucket4j, in a bounded Caffeine map): right for one gateway. Several
 * gateway replicas would each allow the full rate; Bucket4j's distributed back ends (PostgreSQL, Redis) share the
 * buckets without changing this filter's logic.
 */
@Component
public class RateLimitFilter implements WebFilter {

    static final String RETRY_AFTER = "Retry-After";
    static final String REMAINING = "X-RateLimit-Remaining";

    private final EdgeProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(EdgeProperties properties) {
        this.limits = properties.rateLimit();
        // A caller idle for a whole window has a full bucket again: forgetting it loses nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limits.window().multipliedBy(2)).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Exactly one way on: the refusal and the chain both complete empty, so an operator like switchIfEmpty
        // after them would run the chain a second time (a refused request was routed to the service all the same,
        // and its answer then hit the committed 429: the ERROR "already committed" at every 429).
        return exchange.getPrincipal()
                .filter(p -> p instanceof JwtAuthenticationToken)
                .map(p -> Optional.of(EdgeCaller.of((Authentication) p)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isEmpty() ? chain.filter(exchange) : limit(caller.get(), exchange, chain));
    }

    private Mono<Void> limit(EdgeCaller caller, ServerWebExchange exchange, WebFilterChain chain) {
        Bucket address = exchange.getAttribute(AddressRateLimitFilter.BUCKET);
        if (address != null) {
            address.addTokens(1);
        }
        ConsumptionProbe probe = buckets.get(caller.key(), key -> newBucket(caller)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? pass(exchange, chain, probe) : refuse(exchange, probe,
                "Terlalu banyak permintaan dari akun atau klien Anda.");
    }

    private Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain, ConsumptionProbe probe) {
        exchange.getResponse().getHeaders().set(REMAINING, Long.toString(probe.getRemainingTokens()));
        return chain.filter(exchange);
    }

    static Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe, String who) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        exchange.getResponse().getHeaders().set(RETRY_AFTER, Long.toString(seconds));
        exchange.getResponse().getHeaders().set(REMAINING, "0");
        return EdgeProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "KESRA-BATAS-PERMINTAAN",
                who + " Coba lagi setelah " + seconds + " detik.");
    }

    private Bucket newBucket(EdgeCaller caller) {
        long allowance = caller.agency() && limits.clients() != null
                ? limits.clients().getOrDefault(caller.clientId(), limits.requests()) : limits.requests();
        // Refilled all at once at the end of the window: "N requests per minute", as agencies are told.
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillIntervally(allowance, limits.window()).build())
                .build();
    }
}
