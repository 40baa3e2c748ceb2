package org.kesra.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to a service under test, as a client would make them: a bearer token, JSON, headers. */
public final class ApiClient {

    /** An answer: status, content type, headers, and the body as JSON (a JSON null when empty or not JSON). */
    public record Response(int status, String contentType, Map<String, String> headers, JsonNode body, String text) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json, Map.of());
    }

    public Response send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request, token, headers);
    }

    /**
     * A multipart/form-data upload of one file as the part {@code file}, streamed from disk (a browser's file
     * input sends the same).
     */
    public Response upload(String path, String token, Path file, String fileName, Map<String, String> headers) {
        String boundary = "kesra-" + java.util.UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(body)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
            return exchange(request, token, headers);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response exchange(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> received = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> received.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Response(response.statusCode(), received.getOrDefault("content-type", ""), received,
                    parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.nullNode();
        }
    }
}
