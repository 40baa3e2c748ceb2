package org.kesra.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * A stand-in for the gateway in render tests: answers registered per method and path (first match wins), every call
 * recorded with its query, token, If-Match and body, so a test asserts what the console sent as well as what it shows.
 */
public final class StandInGateway implements AutoCloseable {

    /** One call as the stand-in received it. */
    public record Call(String method, String path, String query, String authorization, String ifMatch, String body) {

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " auth=" + authorization + " ifMatch="
                    + ifMatch;
        }
    }

    private record Route(Predicate<Call> when, int status, String body, String etag) {
    }

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    public final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    public StandInGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("If-Match"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            Route route;
            synchronized (routes) {
                route = routes.stream().filter(r -> r.when().test(call)).findFirst()
                        .orElse(new Route(c -> true, 404, "{\"status\":404,\"title\":\"Tidak ditemukan\"}", null));
            }
            byte[] bytes = route.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", route.status() >= 400 ? "application/problem+json"
                    : "application/json");
            if (route.etag() != null) {
                exchange.getResponseHeaders().set("ETag", route.etag());
            }
            exchange.sendResponseHeaders(route.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers calls of this method and exact path. */
    public StandInGateway on(String method, String path, int status, String body) {
        return on(c -> c.method().equals(method) && c.path().equals(path), status, body, null);
    }

    public StandInGateway on(Predicate<Call> when, int status, String body, String etag) {
        synchronized (routes) {
            routes.add(new Route(when, status, body, etag));
        }
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
