package org.kesra.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's counterpart of the services' verified-token cache: a token the delegate has fully verified
 * (signature, issuer, audience, lifetime, algorithm) is remembered by its exact text until it expires, so an agency
 * client sending the same token for minutes does not pay an RSA verification and a JSON parse per request. On a hit
 * only the lifetime is checked again, with the delegate's validator and clock skew. Refused tokens are never kept,
 * so every bad token (a changed signature is a different text) meets the delegate.
 *
 * <p>What this gives up: a token whose signing key is withdrawn from the realm's JWKS stays accepted by this instance
 * until it expires (access tokens live 5 minutes); single tokens were never revocable with stateless validation.
 */
public class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> lifetime;
    private final Cache<String, Jwt> verified;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, long maximumSize) {
        this.delegate = delegate;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.lifetime = timestamps;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> remainingLifetime(jwt, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = lifetime.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("Token sudah tidak berlaku", result.getErrors()));
        }
        return Mono.just(known);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Duration remainingLifetime(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO; // a token without exp is not worth remembering
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
