package org.kesra.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first wall: API and operator paths need a valid Keycloak token (signature, issuer, audience, lifetime: see
 * application.yml); the token is passed on unchanged and every service checks it again with its own rules.
 * 401/403 answer RFC 9457 problem details like the services do.
 */
@Configuration
public class EdgeSecurity {

    @Bean
    SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http) {
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
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**", "/docs/**").permitAll()
                        .pathMatchers("/api/**", "/ops/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> { })
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:kesra:problem:" + code);
        problem.put("title", status == HttpStatus.UNAUTHORIZED ? "Belum terautentikasi" : "Akses ditolak");
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
