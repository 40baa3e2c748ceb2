package org.kesra.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A stand-in for the gateway in the console's render tests: answers shaped like the services' for the routes a test
 * gives ("GET /api/v1/..."), 404 as a problem detail for the rest, and keeps every call it got with its query and
 * Authorization header, so a test can check that the user's token went along, and with its {@code X-Purpose} and
 * body when it had them (after the token, so a test's prefix of a call still matches).
 */
public final class StandInGateway implements AutoCloseable {

    /** One answer: status, content type, extra headers, body. */
    public record Answer(int status, String type, Map<String, String> headers, byte[] body) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer file(String type, String fileName, byte[] body) {
            return new Answer(200, type, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""),
                    body);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.BiFunction<String, String, Answer>> bodyRoutes =
            new ConcurrentHashMap<>();
    private final Queue<String> calls = new ConcurrentLinkedQueue<>();

    public StandInGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "GET /path"} with what {@code answer} makes of the query string (null when none). */
    public StandInGateway route(String methodAndPath, Function<String, Answer> answer) {
        routes.put(methodAndPath, answer);
        return this;
    }

    /** Answers {@code "POST /path"} with what {@code answer} makes of the query string and the request body. */
    public StandInGateway routeByBody(String methodAndPath, java.util.function.BiFunction<String, String, Answer> answer) {
        bodyRoutes.put(methodAndPath, answer);
        return this;
    }

    public StandInGateway route(String methodAndPath, Answer answer) {
        return route(methodAndPath, query -> answer);
    }

    /** The calls so far: "GET /path?query auth=Bearer ..." and, when sent, " purpose=..." and " body=...". */
    public Queue<String> calls() {
        return calls;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String purpose = exchange.getRequestHeaders().getFirst("X-Purpose");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization")
                + (purpose == null ? "" : " purpose=" + purpose) + (body.isEmpty() ? "" : " body=" + body));
        Function<String, Answer> route = routes.get(key);
        java.util.function.BiFunction<String, String, Answer> bodyRoute = bodyRoutes.get(key);
        String query = exchange.getRequestURI().getRawQuery();
        Answer answer = bodyRoute != null ? bodyRoute.apply(query, body) : route == null
                ? Answer.problem(404, "{\"status\":404,\"title\":\"Tidak ditemukan\",\"code\":\"TIDAK-DITEMUKAN\"}")
                : route.apply(query);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", answer.type());
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        exchange.getResponseBody().write(answer.body());
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
