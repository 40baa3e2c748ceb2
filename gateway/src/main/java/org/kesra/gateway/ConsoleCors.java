package org.kesra.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the console's origins, decided by Spring's own processor as its {@code CorsWebFilter} would, but a refused
 * request (another origin, method or header) gets a problem detail instead of that filter's empty 403. Ahead of
 * security: a preflight carries no token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class ConsoleCors implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public ConsoleCors(EdgeProperties properties) {
        this.source = EdgeSecurity.consoleOnly(properties.consoleOrigins());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return EdgeProblems.write(exchange, HttpStatus.FORBIDDEN, "KESRA-CORS-DITOLAK",
                    "Peramban tidak diizinkan memanggil API dari asal (Origin) ini atau dengan metode/header ini;"
                            + " gunakan konsol Kesra.");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty(); // answered: 200 with the Access-Control-* headers the processor set
        }
        return chain.filter(exchange);
    }
}
