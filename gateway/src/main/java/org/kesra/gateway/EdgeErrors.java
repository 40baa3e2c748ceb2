package org.kesra.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers is a problem detail: an unknown path, a method the route does not take, a
 * body cut at its limit while streaming, a service that cannot be reached. Ahead of Spring Boot's error handler
 * (order -1), whose answer is Spring's own JSON. Once an answer has begun (a service's answer half sent) nothing
 * can be changed: the error goes on to be logged and the connection closed.
 */
@Component
@Order(-2)
public class EdgeErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        RequestSizeFilter.BodyTooLarge tooLarge = find(error, RequestSizeFilter.BodyTooLarge.class);
        if (tooLarge != null) {
            return EdgeProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "KESRA-TERLALU-BESAR",
                    RequestSizeFilter.tooLarge(tooLarge.limit));
        }
        if (error instanceof ResponseStatusException status) {
            exchange.getResponse().getHeaders().addAll(status.getHeaders()); // Allow of a 405, for one
            return EdgeProblems.write(exchange, status.getStatusCode(), EdgeProblems.codeFor(status.getStatusCode()),
                    detailFor(status.getStatusCode()));
        }
        if (find(error, ConnectException.class) != null) {
            log.warn("service unreachable for request {}: {}", requestId(exchange), error.toString());
            return EdgeProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "KESRA-LAYANAN-TIDAK-TERSEDIA",
                    "Layanan tujuan sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.");
        }
        if (find(error, TimeoutException.class) != null) {
            log.warn("service timed out for request {}", requestId(exchange));
            return EdgeProblems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "KESRA-HTTP-504",
                    detailFor(HttpStatus.GATEWAY_TIMEOUT));
        }
        log.error("unexpected error at the gateway for request {}", requestId(exchange), error);
        return EdgeProblems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "KESRA-INTERNAL",
                "Terjadi kesalahan pada server. Sebutkan kode permintaan (requestId) saat melapor ke admin.");
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Alamat ini tidak ada di API Kesra. Periksa alamatnya di dokumentasi API (/swagger-ui.html).";
            case 405 -> "Metode HTTP ini tidak diterima pada alamat ini.";
            case 413 -> "Isi permintaan melebihi batas untuk alamat ini.";
            case 415 -> "Jenis konten (Content-Type) ini tidak diterima pada alamat ini.";
            case 503 -> "Layanan tujuan sedang tidak tersedia. Coba lagi beberapa saat lagi.";
            case 504 -> "Layanan tujuan tidak menjawab tepat waktu. Coba lagi beberapa saat lagi.";
            default -> status.is4xxClientError() ? "Permintaan tidak dapat diproses di gerbang API."
                    : "Gerbang API tidak dapat meneruskan permintaan ini. Coba lagi beberapa saat lagi.";
        };
    }

    private static String requestId(ServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
