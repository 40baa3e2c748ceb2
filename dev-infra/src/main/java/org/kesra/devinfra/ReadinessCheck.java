package org.kesra.devinfra;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Answers whether a started server is ready; any exception counts as "not yet". */
@FunctionalInterface
public interface ReadinessCheck {

    boolean ready() throws Exception;

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ReadinessCheck httpOk(URI uri) {
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        };
    }

    static ReadinessCheck tcp(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return true;
            }
        };
    }

    default ReadinessCheck and(ReadinessCheck next) {
        return () -> ready() && next.ready();
    }
}
