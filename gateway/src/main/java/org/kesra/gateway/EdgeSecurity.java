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
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
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
        BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
        BearerTokenServerAccessDeniedHandler denied = new BearerTokenServerAccessDeniedHandler();
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
                        .authenticationEntryPoint((exchange, e) -> bearer.commence(exchange, e)
                                .then(problem(exchange, HttpStatus.UNAUTHORIZED, "KESRA-AUTH-401",
                                        "Token akses tidak ada, kedaluwarsa, atau tidak sah. Masuk kembali lalu ulangi.")))
                        .accessDeniedHandler((exchange, e) -> denied.handle(exchange, e)
                                .then(problem(exchange, HttpStatus.FORBIDDEN, "KESRA-AUTH-403",
                                        "Anda tidak berhak mengakses alamat ini."))))
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> bearer.commence(exchange, ex)
                        .then(problem(exchange, HttpStatus.UNAUTHORIZED, "KESRA-AUTH-401",
                                "Token akses tidak ada, kedaluwarsa, atau tidak sah. Masuk kembali lalu ulangi.")))
                        .accessDeniedHandler((exchange, ex) -> denied.handle(exchange, ex)
                                .then(problem(exchange, HttpStatus.FORBIDDEN, "KESRA-AUTH-403",
                                        "Anda tidak berhak mengakses alamat ini."))))
                .build();
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
