package org.kesra.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers with a problem detail what is refused before any web filter runs. (1) A request line or header that
 * Netty's HTTP decoder refuses (a control byte in a header value, a line or headers over Netty's limits) was answered
 * by Reactor Netty with an empty 400/414/431: a handler right after the codec answers it instead and closes the
 * connection, as Reactor Netty does. (2) A request whose URI Java cannot parse (a lone {@code %} or {@code %G1} in the query) never reaches a web filter:
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
        return server
                .doOnChannelInit((observer, channel, address) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "kesra.decoderFailureAnswer",
                                new DecoderFailureAnswer());
                    }
                })
                .mapHandle((handled, connection) -> handled.then(Mono.defer(() -> complete(connection))));
    }

    /** Between Netty's codec and Reactor Netty's traffic handler: sees a request the codec could not decode. */
    static final class DecoderFailureAnswer extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(message);
                int status = cause instanceof TooLongHttpLineException ? 414
                        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
                String detail = switch (status) {
                    case 414 -> "Baris permintaan terlalu panjang.";
                    case 431 -> "Header permintaan terlalu besar.";
                    default -> "Baris permintaan atau header tidak dapat dibaca (misalnya karakter kontrol di nilai"
                            + " header). Kirim header dengan teks biasa.";
                };
                String title = status == 400 ? "Permintaan tidak valid" : status == 414
                        ? "Alamat permintaan terlalu panjang" : "Header permintaan terlalu besar";
                String requestId = UUID.randomUUID().toString();
                byte[] body = problem(status, title, detail, "KESRA-PERMINTAAN-TIDAK-TERBACA", requestId);
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
                securityHeaders((name, value) -> response.headers().set(name, value), body.length, requestId);
                response.headers().set("Connection", "close");
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            context.fireChannelRead(message);
        }
    }

    static byte[] problem(int status, String title, String detail, String code, String requestId) {
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "urn:kesra:problem:" + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        problem.put("requestId", requestId);
        return JSON.writeValueAsBytes(problem);
    }

    /** The headers {@link EdgeHeaders} writes on the gateway's other answers, for answers made below WebFlux. */
    static void securityHeaders(java.util.function.BiConsumer<String, String> header, int length, String requestId) {
        header.accept("Content-Type", "application/problem+json");
        header.accept("Content-Length", Integer.toString(length));
        header.accept(RequestIdFilter.HEADER, requestId);
        header.accept("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Permissions-Policy", EdgeHeaders.PERMISSIONS_POLICY);
    }

    private static Mono<Void> complete(Connection connection) {
        if (!(connection instanceof HttpServerResponse response) || !(connection instanceof HttpServerRequest request)
                || response.hasSentHeaders() || response.status().code() != 400 || parsable(request.uri())) {
            return Mono.empty();
        }
        String requestId = UUID.randomUUID().toString();
        byte[] body = problem(400, "Permintaan tidak valid", "Alamat permintaan tidak dapat dibaca: tanda % harus"
                + " diikuti dua digit heksadesimal (misalnya %20). Kodekan nilai parameter dengan benar.",
                "KESRA-ALAMAT-TIDAK-SAH", requestId);
        securityHeaders(response::header, body.length, requestId);
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
