package org.kesra.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens the delegate has fully verified (signature, issuer, audience, lifetime), keyed by the exact token
 * text, until they expire. A client sends the same access token for minutes; verifying its RSA signature and parsing
 * its JSON again on every request was about a sixth of a request's CPU (docs/benchmarks.md). On a hit only the
 * lifetime is checked again, with the same validator and clock skew as the delegate. Tokens that fail are never kept,
 * so every bad token still meets the delegate.
 *
 * <p>What this gives up: a token whose signing key is withdrawn from the realm's JWKS stays accepted by an instance
 * that has already seen it, until the token expires (Keycloak access tokens live 5 minutes here). Revoking a single
 * token was never possible with stateless JWT validation anyway.
 */
public class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> lifetime;
    private final Cache<String, Jwt> verified;

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock, long maximumSize) {
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
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = delegate.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = lifetime.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("Token sudah tidak berlaku", result.getErrors());
        }
        return known;
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
