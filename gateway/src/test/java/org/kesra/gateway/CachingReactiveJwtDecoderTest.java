package org.kesra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingReactiveJwtDecoderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T08:00:00Z");

    private final AtomicInteger delegateCalls = new AtomicInteger();
    private Instant now = ISSUED.plusSeconds(10);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    /** Stands for the real decoder: accepts tokens named "good-*", refuses the rest (asynchronously, as Nimbus does). */
    private final ReactiveJwtDecoder delegate = token -> Mono.defer(() -> {
        delegateCalls.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-" + token)
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(5))).build());
    });

    private final CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(delegate, clock, 100);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileItLives() {
        Jwt first = decoder.decode("good-a").block();
        Jwt second = decoder.decode("good-a").block();

        assertThat(second).isSameAs(first);
        assertThat(delegateCalls).hasValue(1);
        assertThat(decoder.decode("good-b").block().getSubject()).isEqualTo("user-good-b");
        assertThat(delegateCalls).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(delegateCalls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresBeyondTheClockSkew() {
        decoder.decode("good-a").block();

        now = ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(30); // within the 60 s skew the delegate allows too
        assertThat(decoder.decode("good-a").block().getSubject()).isEqualTo("user-good-a");

        now = ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(61);
        assertThatThrownBy(() -> decoder.decode("good-a").block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("tidak berlaku");
        assertThat(delegateCalls).hasValue(1);
    }
}
