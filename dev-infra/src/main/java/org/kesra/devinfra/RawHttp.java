package org.kesra.devinfra;

import java.io.BufferedInputStream;
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
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: raw bytes in the request target and in
 * header values, chunked bodies of any size, bodies cut short. The body is written on another thread while the
 * answer is read, so a server that answers early (a 413) and closes is still heard.
 */
public final class RawHttp {

    /** Writes a request body; {@link #send} frames it in chunks when asked to. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;

        static Body of(byte[] bytes) {
            return out -> out.write(bytes);
        }

        /** {@code size} bytes of {@code fill}, written in 64 KB pieces (nothing held in memory). */
        static Body repeated(long size, byte fill) {
            return out -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, fill);
                for (long left = size; left > 0; left -= block.length) {
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
            };
        }
    }

    /**
     * A request. {@code target} is sent as it is (ASCII); header values are sent byte for byte as ISO-8859-1, so
     * {@code "\u00ff"} is the byte 0xFF. With {@code chunked}, the body goes as Transfer-Encoding: chunked; else
     * with the Content-Length given in the headers (or none).
     */
    public record Request(String method, String target, List<String[]> headers, Body body, boolean chunked) {

        public static Request of(String method, String target) {
            return new Request(method, target, new ArrayList<>(), null, false);
        }

        public Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Request body(byte[] bytes) {
            return new Request(method, target, headers, Body.of(bytes), false)
                    .header("Content-Length", Integer.toString(bytes.length));
        }

        public Request chunked(Body body) {
            return new Request(method, target, headers, body, true).header("Transfer-Encoding", "chunked");
        }

        /** A body written as it is, with the headers already given (a Content-Length that may lie, or none). */
        public Request rawBody(Body body) {
            return new Request(method, target, headers, body, false);
        }
    }

    /** An answer; {@code status} -1 when the connection closed without a complete status line. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        /** The header's values joined with ", " (as a list-valued header reads), or null when absent. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        /** Every copy of the header, in the order received: a header sent twice shows twice. */
        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    public static Response send(String host, int port, Request request, int timeoutMillis) throws IOException {
        return send(null, host, port, request, timeoutMillis);
    }

    /**
     * As {@link #send(String, int, Request, int)}, from the local address {@code from} (127.0.0.2 is another client
     * to a server on 127.0.0.1, for limits kept per client address); {@code null} lets the system choose.
     */
    public static Response send(String from, String host, int port, Request request, int timeoutMillis)
            throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            boolean hostGiven = request.headers().stream().anyMatch(h -> h[0].equalsIgnoreCase("Host"));
            if (!hostGiven) {
                head.write(("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String[] header : request.headers()) {
                head.write((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.toByteArray());
                    if (request.body() != null) {
                        OutputStream body = request.chunked() ? new ChunkedOutputStream(out) : out;
                        request.body().writeTo(body);
                        if (request.chunked()) {
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before the body was sent: its answer is read below.
                }
            });
            try {
                return read(new BufferedInputStream(socket.getInputStream()));
            } finally {
                writing.cancel(true);
            }
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0]);
        }
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            return new Response(-1, Map.of(), new byte[0]);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
                for (String size = line(in); size != null; size = line(in)) {
                    int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (length == 0) {
                        break;
                    }
                    body.write(in.readNBytes(length));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length").get(0))));
            } else {
                body.write(in.readAllBytes());
            }
        } catch (IOException e) {
            // A reset after the head: keep what arrived.
        }
        return new Response(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static final class ChunkedOutputStream extends OutputStream {
        private final OutputStream out;

        ChunkedOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
