package org.kesra.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 spoken over a plain socket, for what an HTTP client library will not send: a path exactly as written
 * (encoded slashes, {@code ..}), a chunked body of a chosen size, a call from another loopback address (127.0.0.2 is
 * another client to the gateway), and every copy of a repeated header in the answer.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
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
        return exchange("GET", rawPath, token, Map.of(), -1);
    }

    Answer send(String method, String rawPath, String token, Map<String, String> headers) {
        return exchange(method, rawPath, token, headers, -1);
    }

    /** A POST whose body of {@code bodyBytes} bytes is sent in chunks, without a Content-Length. */
    Answer chunked(String rawPath, String token, String contentType, long bodyBytes) {
        return exchange("POST", rawPath, token, Map.of("Content-Type", contentType), bodyBytes);
    }

    private Answer exchange(String method, String rawPath, String token, Map<String, String> headers, long chunked) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (chunked >= 0) {
                head.append("Transfer-Encoding: chunked\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = null;
            if (chunked >= 0) {
                writer = new Thread(() -> writeChunks(out, chunked));
                writer.start();
            }
            byte[] raw = socket.getInputStream().readAllBytes();
            if (writer != null) {
                writer.join(10_000);
            }
            return parse(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeChunks(OutputStream out, long total) {
        byte[] chunk = new byte[8192];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try {
            for (long sent = 0; sent < total; sent += chunk.length) {
                int size = (int) Math.min(chunk.length, total - sent);
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 0, size);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException answeredEarly) {
            // the gateway answered (413) and closed before the whole body was sent: what is being tested
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.contains("chunked")) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
