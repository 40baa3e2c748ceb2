package org.kesra.welfare.accesslog.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kesra.platform.web.Caller;
import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs every staff answer that carries a full NIK, once for all endpoints instead of in each controller: the body
 * about to be written is searched for {@code nik} fields (JSON) or a {@code nik} column (a CSV export), and when it
 * shows any NIK in full, one row goes into {@link PersonalDataAccessLog} before the answer leaves. Masked readers'
 * answers show no full NIK and are not logged. The agency API logs into its own table, and
 * the access log itself is not an answer about persons.
 */
@RestControllerAdvice
class FullNikAnswers implements ResponseBodyAdvice<Object> {

    private static final Pattern NIK = Pattern.compile("[0-9]{16}");

    private final PersonalDataAccessLog log;
    private final JsonMapper json;

    FullNikAnswers(PersonalDataAccessLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        String path = servlet.getServletRequest().getRequestURI();
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/verifications")
                || path.startsWith("/api/v1/personal-data-access")
                || path.startsWith("/api/v1/welfare/personal-data-access")) {
            return body;
        }
        int status = response instanceof ServletServerHttpResponse r ? r.getServletResponse().getStatus() : 200;
        if (status >= 400) {
            return body;
        }
        // Decided on the answer itself, not on the role: a masked NIK ({@code 187203******0001}) is no NIK here, and
        // an answer that shows a full one is logged whoever the caller is.
        List<String> niks = body instanceof byte[] bytes ? csvNiks(bytes, contentType) : jsonNiks(body);
        if (!niks.isEmpty()) {
            Object pattern = servlet.getServletRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            log.record(Caller.current(), niks, status, servlet.getMethod().name() + " " + (pattern == null ? path : pattern),
                    servlet.getServletRequest().getHeader(PersonalDataAccessLog.PURPOSE_HEADER));
        }
        return body;
    }

    private List<String> jsonNiks(Object body) {
        JsonNode tree = json.valueToTree(body);
        return tree.findValuesAsString("nik").stream().filter(v -> NIK.matcher(v).matches()).distinct().toList();
    }

    private static List<String> csvNiks(byte[] bytes, MediaType contentType) {
        if (contentType == null || !"csv".equals(contentType.getSubtype())) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> niks = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            String column = parser.getHeaderNames().stream().filter("nik"::equalsIgnoreCase).findFirst().orElse(null);
            if (column == null) {
                return List.of();
            }
            for (CSVRecord record : parser) {
                String nik = record.get(column);
                if (NIK.matcher(nik).matches()) {
                    niks.add(nik);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return niks.stream().distinct().toList();
    }
}
