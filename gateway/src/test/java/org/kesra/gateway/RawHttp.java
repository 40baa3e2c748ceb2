package org.kesra.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway tests' side of dev-infra's {@link org.kesra.devinfra.RawHttp}: a request to the gateway from a chosen
 * loopback address (127.0.0.2 is another client), with a bearer token, and the answer with every copy of a repeated
 * header and its body as JSON.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String from;
    private final int port;

    RawHttp(String from, int port) {
        this.from = from;
        this.port = port;
    }

    Answer get(String rawPath, String token) {
        return exchange(request("GET", rawPath, token, Map.of()));
    }

    Answer send(String method, String rawPath, String token, Map<String, String> headers) {
        return exchange(request(method, rawPath, token, headers));
    }

    /** A POST whose body of {@code bodyBytes} bytes is sent in chunks, without a Content-Length. */
    Answer chunked(String rawPath, String token, String contentType, long bodyBytes) {
        return exchange(request("POST", rawPath, token, Map.of("Content-Type", contentType))
                .chunked(org.kesra.devinfra.RawHttp.Body.repeated(bodyBytes, (byte) 'x')));
    }

    private org.kesra.devinfra.RawHttp.Request request(String method, String rawPath, String token,
                                                       Map<String, String> headers) {
        org.kesra.devinfra.RawHttp.Request request = org.kesra.devinfra.RawHttp.Request.of(method, rawPath)
                .header("Host", "localhost:" + port);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private Answer exchange(org.kesra.devinfra.RawHttp.Request request) {
        try {
            org.kesra.devinfra.RawHttp.Response response =
                    org.kesra.devinfra.RawHttp.send(from, "127.0.0.1", port, request, 60_000);
            return new Answer(response.status(), response.headers(), response.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
