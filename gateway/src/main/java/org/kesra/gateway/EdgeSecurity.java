package org.kesra.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The first wall: API and operator paths need a valid Keycloak token (signature by a key of the realm's JWKS, issuer,
 * audience, expiry and not-before, RS256 only: see application.yml); agency clients reach only the paths of their
 * scopes ({@link AgencyPaths}); browsers only from the console's origins ({@link ConsoleCors}); security headers on
 * every answer ({@link EdgeHeaders}); the console's pages pass to the console ({@link ConsoleRoute}). The token
 * is passed on unchanged and every service checks it again with its own rules (its access table, region scope).
 * Refusals are RFC 9457 problem details like the services'.
 */
@Configuration
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeSecurity {

    @Bean
    SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http, EdgeProperties properties,
            ReactiveJwtDecoder jwtDecoder,
            @Value("${kesra.security.verified-token-cache-size:4096}") long verifiedTokenCacheSize) {
        AgencyPaths agencyPaths = new AgencyPaths(properties.agencyPaths());
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(e));
            return problem(exchange, HttpStatus.UNAUTHORIZED, "KESRA-AUTH-401",
                    "Token akses tidak ada, kedaluwarsa, atau tidak sah. Masuk kembali lalu ulangi.");
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\"");
            return problem(exchange, HttpStatus.FORBIDDEN, "KESRA-AUTH-403", "Anda tidak berhak mengakses alamat ini.");
        };
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
                // WebFlux security answers POST /logout itself by default (a redirect to /login?logout): the gateway
                // keeps no session to end, and the console's own logout (which ends the Keycloak session) must get it.
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: no web session. Spring's defaults look one up on every request (the saved-request cache,
                // the security context), and creating one hops to another thread and back (InMemoryWebSessionStore:
                // boundedElastic, then parallel), so the rest of the request, the proxying included, ran off the
                // event loop: without it the gateway spends a fifth less CPU per proxied request (docs/stack.md 40).
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // Both are answered ahead of this chain (ConsoleCors, EdgeHeaders), so that refusals made before
                // it (firewall, address limit, a refused preflight) carry them too.
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(exchange -> exchange
                        // The probes on the main port; the actuator itself listens on the management port only
                        // (loopback by default), which the gateway does not route: these paths answer 404 here.
                        .pathMatchers("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**", "/docs/**").permitAll()
                        .pathMatchers("/api/**", "/ops/**").access(agencyPaths)
                        // The web console's pages (ConsoleRoute): the console logs its users in itself.
                        .matchers(request -> ConsoleRoute.isConsolePath(
                                request.getRequest().getPath().pathWithinApplication())
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch()).permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtDecoder(
                                new CachingReactiveJwtDecoder(jwtDecoder, Clock.systemUTC(), verifiedTokenCacheSize)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /**
     * The RFC 6750 challenge, as Spring's own entry point would send it; written here because Spring's entry point
     * completes the response, leaving no room for the problem body.
     */
    static String bearerChallenge(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            if (error.getDescription() != null) {
                challenge += ", error_description=\"" + error.getDescription().replace("\"", "'") + "\"";
            }
            return challenge;
        }
        return "Bearer";
    }

    /** Browsers may call the API from the console's origins only; tokens travel in headers, never cookies. */
    static CorsConfigurationSource consoleOnly(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "Retry-After", RateLimitFilter.REMAINING));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /**
     * Paths Spring Security's firewall refuses (an encoded slash or backslash, an encoded dot, NUL, a semicolon, a
     * {@code ..} segment: the material of traversal and of parser confusion between the gateway and a service) get a
     * problem detail instead of the firewall's empty 400. The path is not echoed in the detail.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedPaths() {
        return (exchange, rejected) -> EdgeProblems.write(exchange, HttpStatus.BAD_REQUEST, "KESRA-ALAMAT-DITOLAK",
                "Alamat permintaan memuat karakter atau urutan yang tidak diizinkan (garis miring atau titik yang"
                        + " disandikan, karakter NUL, titik koma, atau segmen '..'). Perbaiki alamatnya lalu ulangi.");
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        return EdgeProblems.write(exchange, status, code, detail);
    }
}
