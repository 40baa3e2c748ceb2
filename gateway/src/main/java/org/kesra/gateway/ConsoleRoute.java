package org.kesra.gateway;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The web console at {@code /}: every path that is not the gateway's own (the APIs, operator and docs routes, the
 * docs UI, the probes) goes to the console, as the last route, so the API routes keep winning and an unknown API
 * path still answers the gateway's 404. The console authenticates its users itself (its session, Keycloak login);
 * the gateway tells it its own address ({@link #consoleForwardedHeaders()}), from which the console builds its
 * redirect URIs.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoute {

    /** Paths the gateway answers itself or routes elsewhere; the console never sees them. */
    static final List<PathPattern> NOT_CONSOLE = java.util.stream.Stream.of("/api/**", "/ops/**", "/docs/**",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/actuator/**",
            "/livez", "/readyz").map(PathPatternParser.defaultInstance::parse).toList();

    static boolean isConsolePath(PathContainer path) {
        return NOT_CONSOLE.stream().noneMatch(p -> p.matches(path));
    }

    static final String ROUTE_ID = "console";

    /**
     * X-Forwarded-Host, -Proto and -Port for the console: the address the browser used, as the gateway sees it. The
     * gateway strips every forwarded header by default (no trusted proxies configured), so the console would build
     * its login's redirect URI from its own loopback address; this filter runs after that stripping, for the console's
     * route only, and never passes on what the client sent.
     */
    @Bean
    HttpHeadersFilter consoleForwardedHeaders() {
        return new ConsoleForwardedHeaders();
    }

    static final class ConsoleForwardedHeaders implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null || !ROUTE_ID.equals(route.getId())) {
                return input;
            }
            URI uri = exchange.getRequest().getURI();
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            HttpHeaders headers = HttpHeaders.copyOf(input);
            for (String name : List.copyOf(input.headerNames())) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("x-forwarded-") || lower.equals("forwarded")) {
                    headers.remove(name);
                }
            }
            headers.set("X-Forwarded-Proto", uri.getScheme());
            headers.set("X-Forwarded-Host", uri.getHost() + (uri.getPort() != -1 ? ":" + uri.getPort() : ""));
            headers.set("X-Forwarded-Port", Integer.toString(port));
            return headers;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    RouteLocator consoleRouteLocator(RouteLocatorBuilder routes,
            @Value("${kesra.gateway.console-url}") String consoleUrl) {
        return routes.routes()
                .route(ROUTE_ID, r -> r.order(Ordered.LOWEST_PRECEDENCE)
                        .predicate(exchange -> isConsolePath(exchange.getRequest().getPath().pathWithinApplication()))
                        .uri(consoleUrl))
                .build();
    }
}
