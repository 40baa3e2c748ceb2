package org.kesra.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Requests are bounded at the edge: the URI's length, and the body (the JSON API takes small bodies, the upload
 * endpoints large files). A declared Content-Length over the limit is refused before anything is read; every body is
 * also counted as it streams to the service, so a chunked body (or any body without a length) is cut at the limit:
 * the proxied request is aborted and the client gets 413. A JSON call without a length is still refused with 411
 * (the JSON routes never need chunked bodies). Written here rather than with the gateway's RequestSize filter because
 * that one reads only Content-Length, answers with an empty body, and would need every route split in two.
 *
 * <p>The URI limit is the gateway's own: Reactor Netty's line limit is set higher (application.yml) so that a long URI
 * reaches this filter and gets a problem detail instead of Netty's empty 414.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeFilter implements WebFilter {

    private final long maxBody;
    private final long maxUpload;
    private final long maxUri;
    private final List<PathPattern> uploads;

    public RequestSizeFilter(EdgeProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxUpload = properties.maxUploadSize().toBytes();
        this.maxUri = properties.maxUriLength().toBytes();
        this.uploads = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        long uriLength = request.getURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (uriLength > maxUri) {
            return EdgeProblems.write(exchange, HttpStatus.URI_TOO_LONG, "KESRA-ALAMAT-TERLALU-PANJANG",
                    "Alamat permintaan " + uriLength + " karakter melebihi batas " + maxUri
                            + " karakter. Kirim kriteria yang panjang di isi permintaan, bukan di alamat.");
        }
        HttpHeaders headers = request.getHeaders();
        PathContainer path = request.getPath().pathWithinApplication();
        boolean upload = uploads.stream().anyMatch(p -> p.matches(path));
        long length = headers.getContentLength();
        if (length < 0 && !upload && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return EdgeProblems.write(exchange, HttpStatus.LENGTH_REQUIRED, "KESRA-PANJANG-WAJIB",
                    "Sertakan Content-Length pada permintaan ini.");
        }
        long limit = upload ? maxUpload : maxBody;
        if (length > limit) {
            return EdgeProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "KESRA-TERLALU-BESAR",
                    tooLarge(limit));
        }
        return chain.filter(exchange.mutate().request(counted(request, limit)).build());
    }

    private static ServerHttpRequest counted(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().handle((buffer, sink) -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                            DataBufferUtils.release(buffer);
                            sink.error(new BodyTooLarge(limit));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
    }

    static String tooLarge(long limit) {
        return "Isi permintaan melebihi batas " + limit + " byte untuk alamat ini.";
    }

    /** A body that grew past its limit while streaming; {@link EdgeErrors} answers it with 413. */
    static final class BodyTooLarge extends ResponseStatusException {

        final long limit;

        BodyTooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
            this.limit = limit;
        }
    }
}
