package org.kesra.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose URI Java cannot parse (a lone {@code %} or {@code %G1} in the query) never reaches a web filter:
 * Spring's Reactor Netty adapter sets 400 and ends with no body. This completes exactly that answer, after the
 * adapter and before Reactor Netty sends it: still unsent, status 400, URI unparsable. Then it writes the gateway's
 * problem detail with the security headers {@link EdgeHeaders} would have added. Every other answer is already sent
 * when the handler completes and is left alone.
 */
@Component
class MalformedUriAnswer implements NettyServerCustomizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> complete(connection))));
    }

    private static Mono<Void> complete(Connection connection) {
        if (!(connection instanceof HttpServerResponse response) || !(connection instanceof HttpServerRequest request)
                || response.hasSentHeaders() || response.status().code() != 400 || parsable(request.uri())) {
            return Mono.empty();
        }
        String requestId = UUID.randomUUID().toString();
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "urn:kesra:problem:KESRA-ALAMAT-TIDAK-SAH");
        problem.put("title", "Permintaan tidak valid");
        problem.put("status", 400);
        problem.put("detail", "Alamat permintaan tidak dapat dibaca: tanda % harus diikuti dua digit heksadesimal"
                + " (misalnya %20). Kodekan nilai parameter dengan benar.");
        problem.put("code", "KESRA-ALAMAT-TIDAK-SAH");
        problem.put("requestId", requestId);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.header("Content-Type", "application/problem+json")
                .header("Content-Length", Integer.toString(body.length))
                .header(RequestIdFilter.HEADER, requestId)
                .header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .header("Permissions-Policy", EdgeHeaders.PERMISSIONS_POLICY);
        return response.sendByteArray(Mono.just(body)).then();
    }

    private static boolean parsable(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
