package org.kesra.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's RFC 9457 problem details, in the services' shape (platform-web's {@code Problems}): type from the
 * stable code, an Indonesian title per status, status, detail, instance, code and the request id. Every answer the
 * gateway makes itself goes through here, so a client reads the same contract at the edge as behind it.
 */
final class EdgeProblems {

    /** The services' titles, and those of the statuses only the edge answers (411, 414, 502, 504). */
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Permintaan tidak valid"),
            Map.entry(401, "Belum terautentikasi"),
            Map.entry(403, "Akses ditolak"),
            Map.entry(404, "Tidak ditemukan"),
            Map.entry(405, "Metode tidak diizinkan"),
            Map.entry(406, "Format jawaban tidak didukung"),
            Map.entry(411, "Panjang permintaan wajib disebutkan"),
            Map.entry(413, "Berkas atau permintaan terlalu besar"),
            Map.entry(414, "Alamat permintaan terlalu panjang"),
            Map.entry(415, "Jenis konten tidak didukung"),
            Map.entry(429, "Terlalu banyak permintaan"),
            Map.entry(431, "Header permintaan terlalu besar"),
            Map.entry(500, "Kesalahan pada server"),
            Map.entry(502, "Layanan tujuan gagal menjawab"),
            Map.entry(503, "Layanan sedang tidak tersedia"),
            Map.entry(504, "Layanan tujuan tidak menjawab tepat waktu"));

    /** The instance names the path; a path longer than this is cut, the problem need not echo a huge URI back. */
    private static final int MAX_INSTANCE_LENGTH = 256;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EdgeProblems() {
    }

    static String titleFor(HttpStatusCode status) {
        return TITLES.getOrDefault(status.value(), "Permintaan gagal");
    }

    /** The generic code of a status, as the services name it. */
    static String codeFor(HttpStatusCode status) {
        return "KESRA-HTTP-" + status.value();
    }

    /** Writes the problem as the whole answer; headers already set on the response (Retry-After, ...) stay. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:kesra:problem:" + code);
        problem.put("title", titleFor(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        String path = exchange.getRequest().getPath().value();
        problem.put("instance", path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) : path);
        problem.put("code", code);
        String requestId = response.getHeaders().getFirst(RequestIdFilter.HEADER);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        byte[] body = JSON.writeValueAsBytes(problem);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
