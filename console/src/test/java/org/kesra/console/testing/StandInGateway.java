package org.kesra.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stand-in for the gateway in the console's render tests: answers shaped like the services' for the routes a test
 * gives (by method and path, or by anything in the call; the first route that matches answers), a 404 problem
 * detail for the rest; every call kept with its query, Authorization, If-Match, X-Purpose and body, so a test
 * asserts what the console sent as well as what it shows.
 */
public final class StandInGateway implements AutoCloseable {

    private static final Answer NOT_FOUND =
            Answer.problem(404, "{\"status\":404,\"title\":\"Tidak ditemukan\",\"code\":\"TIDAK-DITEMUKAN\"}");

    /** One call as the stand-in received it; the query raw as sent, null when none; the body empty when none. */
    public record Call(String method, String path, String query, String authorization, String ifMatch,
            String purpose, String body) {

        public String uri() {
            return query == null ? path : path + "?" + query;
        }

        /**
         * "GET /path?query auth=Bearer ..." and, when sent, " purpose=..." and " ifMatch=...": the request line and
         * headers, the token right after the URI so a test's prefix of a call still matches.
         */
        public String head() {
            return method + " " + uri() + " auth=" + authorization + (purpose == null ? "" : " purpose=" + purpose)
                    + (ifMatch == null ? "" : " ifMatch=" + ifMatch);
        }

        /** {@link #head()} and, when sent, " body=..." last. */
        public String line() {
            return head() + (body.isEmpty() ? "" : " body=" + body);
        }

        @Override
        public String toString() {
            return line();
        }
    }

    /** One answer: status, content type, extra headers, body. */
    public record Answer(int status, String type, Map<String, String> headers, byte[] body) {

        public static Answer json(String body) {
            return json(200, body);
        }

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        /** A problem detail from 400 up, JSON below: as the services answer. */
        public static Answer of(int status, String body) {
            return status >= 400 ? problem(status, body) : json(status, body);
        }

        public static Answer text(String type, String body) {
            return new Answer(200, type, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer file(String type, String fileName, byte[] body) {
            return new Answer(200, type, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""),
                    body);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, type, Map.copyOf(more), body);
        }

        /** The version of what is answered, as the services send it for a later If-Match; none when null. */
        public Answer withEtag(String etag) {
            return etag == null ? this : withHeader("ETag", etag);
        }
    }

    private record Route(Predicate<Call> when, Function<Call, Answer> answer) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    /** Every call so far, oldest first; a test clears it to look at what one action sent. */
    public final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    public StandInGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A started stand-in, for a static field's initializer (which may not throw an IOException). */
    public static StandInGateway start() {
        try {
            return new StandInGateway();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the calls {@code when} matches with what {@code answer} makes of the call. */
    public StandInGateway on(Predicate<Call> when, Function<Call, Answer> answer) {
        routes.add(new Route(when, answer));
        return this;
    }

    /** Answers the calls {@code when} matches: a problem detail from 400 up, with the ETag unless null. */
    public StandInGateway on(Predicate<Call> when, int status, String body, String etag) {
        Answer answer = Answer.of(status, body).withEtag(etag);
        return on(when, call -> answer);
    }

    /** Answers calls of this method and exact path. */
    public StandInGateway on(String method, String path, int status, String body) {
        return on(is(method + " " + path), status, body, null);
    }

    /** Answers {@code "GET /path"} with {@code answer}. */
    public StandInGateway route(String methodAndPath, Answer answer) {
        return on(is(methodAndPath), call -> answer);
    }

    /** Answers {@code "GET /path"} with what {@code answer} makes of the query string (null when none). */
    public StandInGateway route(String methodAndPath, Function<String, Answer> answer) {
        return on(is(methodAndPath), call -> answer.apply(call.query()));
    }

    /** Answers {@code "POST /path"} with what {@code answer} makes of the query string and the request body. */
    public StandInGateway routeByBody(String methodAndPath, BiFunction<String, String, Answer> answer) {
        return on(is(methodAndPath), call -> answer.apply(call.query(), call.body()));
    }

    /** The calls so far as {@link Call#line()}s: "GET /path?query auth=Bearer ... purpose=... body=...". */
    public List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }

    /** The body of the last call that sent one, whatever its path; "(none)" before any. */
    public String lastBody() {
        return calls.stream().map(Call::body).filter(b -> !b.isEmpty()).reduce((a, b) -> b).orElse("(none)");
    }

    /** The body of the last call of {@code methodAndPath} ("PATCH /api/v1/...") that sent one; "(none)" if none. */
    public String sent(String methodAndPath) {
        return calls.stream().filter(is(methodAndPath)).map(Call::body).filter(b -> !b.isEmpty())
                .reduce((a, b) -> b).orElse("(none)");
    }

    private static Predicate<Call> is(String methodAndPath) {
        return call -> (call.method() + " " + call.path()).equals(methodAndPath);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("If-Match"), exchange.getRequestHeaders().getFirst("X-Purpose"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        calls.add(call);
        Answer answer = routes.stream().filter(r -> r.when().test(call)).findFirst().map(r -> r.answer().apply(call))
                .orElse(NOT_FOUND);
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
