package org.kesra.platform.web;

import org.kesra.platform.refusal.PlatformProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, the inputs that would otherwise reach a service as a 500: a query parameter
 * that is not UTF-8 (Tomcat then throws from {@code getParameter}) or that carries a NUL (PostgreSQL refuses it in
 * text), a header value the security firewall would refuse when the application first reads it, and a body larger
 * than the service takes. Bodies are counted as they stream, so a chunked body without a length is capped too;
 * multipart uploads are capped by the service's own multipart limits instead, which also count as they read.
 * Form-encoded bodies are refused (415): no Kesra endpoint takes one, and the container would decode one as
 * request parameters, where bytes that are not UTF-8 made {@code getParameter} throw (a 500).
 * Each refusal is a problem detail naming the parameter or header; the log names it too, never its value (a NIK or
 * a name can be in it).
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    static final String PARAMETER_CODE = PlatformProblems.PARAMETER_MALFORMED.code();
    static final String HEADER_CODE = PlatformProblems.HEADER_MALFORMED.code();
    static final String TOO_LARGE_CODE = PlatformProblems.TOO_LARGE.code();

    private final ProblemWriter problems;
    private final long maxBodyBytes;

    MalformedRequestFilter(ProblemWriter problems, long maxBodyBytes) {
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Violation parameter = checkQuery(request.getQueryString());
        if (parameter != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, PARAMETER_CODE, "parameter", parameter,
                    "Parameter permintaan tidak sah: hanya teks UTF-8 tanpa karakter NUL yang diterima.");
            return;
        }
        Violation header = checkHeaders(request);
        if (header != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, HEADER_CODE, "header", header,
                    "Header permintaan berisi karakter yang tidak diizinkan.");
            return;
        }
        if (hasType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, PlatformProblems.MEDIA_TYPE_UNSUPPORTED.code(), "body", null,
                    "Kirim isi permintaan sebagai application/json (atau multipart/form-data untuk berkas).");
            return;
        }
        if (hasType(request, MediaType.MULTIPART_FORM_DATA_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE_CODE, "body", null,
                    tooLargeDetail(maxBodyBytes));
            return;
        }
        chain.doFilter(new CappedBodyRequest(request, maxBodyBytes), response);
    }

    static String tooLargeDetail(long maxBytes) {
        return "Isi permintaan melebihi batas " + maxBytes / 1024 + " KB.";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String what, Violation violation, String detail) throws IOException {
        log.atInfo().addKeyValue("kesra.refused", what)
                .addKeyValue("kesra.refused_name", violation == null ? "" : violation.pointer())
                .log("malformed request refused");
        problems.write(request, response, status, code, detail, violation == null ? List.of() : List.of(violation));
    }

    private static boolean hasType(HttpServletRequest request, String mediaType) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, mediaType, 0, mediaType.length());
    }

    /**
     * The first parameter of a raw query string whose name or value is not percent-encoded UTF-8 or holds a NUL,
     * or null. Its pointer names the parameter (by position when the name itself cannot be read).
     */
    static Violation checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int position = 0;
        for (String pair : query.split("&", -1)) {
            position++;
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null || name.indexOf('\0') >= 0) {
                return Violation.field("/" + position, "Nama parameter ke-" + position
                        + " bukan teks UTF-8 yang sah atau berisi karakter NUL.");
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (value == null) {
                return Violation.field("/" + name, "Nilai parameter '" + name + "' bukan teks UTF-8 yang sah.");
            }
            if (value.indexOf('\0') >= 0) {
                return Violation.field("/" + name, "Nilai parameter '" + name + "' berisi karakter NUL.");
            }
        }
        return null;
    }

    /** Percent-decodes ({@code +} is a space) and reads the bytes as strict UTF-8; null when either fails. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw; // the container hands the raw query string over as ASCII: nothing to decode
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The first header whose name or a value the firewall would refuse when read, or null. */
    static Violation checkHeaders(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!PlatformWebAutoConfiguration.isPrintableAssigned(name)) {
                return Violation.field("/headers", "Nama header berisi karakter yang tidak diizinkan.");
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                if (!PlatformWebAutoConfiguration.isPrintableAssigned(values.nextElement())) {
                    return Violation.field("/headers/" + name,
                            "Header " + name + " berisi karakter kontrol atau bukan teks yang sah.");
                }
            }
        }
        return null;
    }

    /** A body longer than the cap ends in this exception while it is read; answered 413 by the advice. */
    public static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** The request with its body counted as it is read. */
    static final class CappedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;
        private BufferedReader reader;

        CappedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    static final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CappedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
