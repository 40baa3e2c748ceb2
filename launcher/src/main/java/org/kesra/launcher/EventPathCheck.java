package org.kesra.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kesra.devinfra.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After start-up, proves the event path through the gateway: household-service sends a probe event, and the
 * services that consume household events must report its arrival.
 */
final class EventPathCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventPathCheck() {
    }

    /** One line for the console: what arrived where and how fast, or why not. */
    static String run(String gatewayUrl, String issuerUri, List<String> consumers) {
        try {
            String token = new KeycloakTokens(issuerUri).forUser("platform.admin");
            long start = System.nanoTime();
            JsonNode sent = call("POST", gatewayUrl + "/ops/household/event-probes", token,
                    "{\"count\":1,\"note\":\"launcher self-check\"}");
            String probeId = sent.path("probeId").asString();
            List<String> pending = new ArrayList<>(consumers);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                pending.removeIf(service -> call("GET", gatewayUrl + "/ops/" + service + "/event-probes/" + probeId,
                        token, null).path("received").asInt() > 0);
                Thread.sleep(100);
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            return pending.isEmpty()
                    ? "OK: household -> " + String.join(", ", consumers) + " in " + millis + " ms"
                    : "WARNING: probe " + probeId + " did not reach " + pending + " in 30 s; see the logs";
        } catch (Exception e) {
            return "WARNING: event path not checked: " + e.getMessage();
        }
    }

    private static JsonNode call(String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
