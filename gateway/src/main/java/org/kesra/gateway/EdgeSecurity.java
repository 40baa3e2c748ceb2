package org.kesra.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first wall: API and operator paths need a valid Keycloak token (signature by a key of the realm's JWKS, issuer,
 * audience, expiry and not-before, RS256 only: see application.yml); agency clients reach only the paths of their
 * scopes ({@link AgencyPaths}); browsers only from the console's origins; security headers on every answer. The token
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
                // Stateless: no web session. Spring's defaults look one up on every request (the saved-request cache,
                // the security context), and creating one hops to another thread and back (InMemoryWebSessionStore:
                // boundedElastic, then parallel), so the rest of the request, the proxying included, ran off the
                // event loop: without it the gateway spends a fifth less CPU per proxied request (docs/stack.md 40).
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(consoleOnly(properties.consoleOrigins())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**", "/docs/**").permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll() // CORS preflight, decided by cors()
                        .pathMatchers("/api/**", "/ops/**").access(agencyPaths)
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:kesra:problem:" + code);
        problem.put("title", switch (status) {
            case UNAUTHORIZED -> "Belum terautentikasi";
            case FORBIDDEN -> "Akses ditolak";
            case TOO_MANY_REQUESTS -> "Terlalu banyak permintaan";
            case CONTENT_TOO_LARGE -> "Permintaan terlalu besar";
            case LENGTH_REQUIRED -> "Panjang permintaan wajib disebutkan";
            default -> status.getReasonPhrase();
        });
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("code", code);
        String requestId = response.getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(buffer));
    }
}
