package org.kesra.platform.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a service's OpenAPI document against the service: every operation with a request body is called, as a
 * caller its access table allows, once with each content type the document declares (which must not be refused as
 * unsupported: 415 or {@code KESRA-BUKAN-MULTIPART}) and once with a type it does not declare (which must be). So the
 * docs UI's "try it out" works as documented. The bodies are empty or nearly (an empty file, {@code {}}): the calls
 * get past the content type and stop at validation, writing nothing.
 */
public final class DeclaredRequestTypes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> CANDIDATES = List.of(MediaType.APPLICATION_JSON_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.TEXT_PLAIN_VALUE);

    private DeclaredRequestTypes() {
    }

    /**
     * @param apiDocs   the service's own {@code /v3/api-docs}
     * @param samples   a value for every path variable, as for {@link AuthorizationMatrix#tests}
     * @param byPattern values for the variables of one endpoint where the common ones do not fit (a numeric id), so
     *                  that the call is not refused for its path before its content type is looked at
     */
    public static Stream<DynamicTest> tests(JsonNode apiDocs, AccessRules rules,
                                            List<AuthorizationMatrix.Principal> principals, int port,
                                            Map<String, String> samples, Map<String, Map<String, String>> byPattern) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : apiDocs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode content = operation.getValue().path("requestBody").path("content");
                if (content.isMissingNode() || content.isEmpty()) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                AccessRule rule = rules.rules().stream()
                        .filter(r -> r.method().name().equals(method) && r.pattern().equals(path.getKey()))
                        .findFirst().orElseThrow(() -> new AssertionError("no access row for " + method + " "
                                + path.getKey()));
                AuthorizationMatrix.Principal caller = principals.stream()
                        .filter(p -> rule.allows(p.roles(), p.scopes()))
                        .filter(p -> rule.region().isEmpty() || p.region().isEmpty()
                                || p.covers(AuthorizationMatrix.INSIDE))
                        .findFirst().orElseThrow(() -> new AssertionError("no caller may call " + rule));
                Map<String, String> values = new java.util.HashMap<>(samples);
                values.putAll(byPattern.getOrDefault(rule.pattern(), Map.of()));
                String uri = "http://localhost:" + port + AuthorizationMatrix.path(rule, AuthorizationMatrix.INSIDE,
                        values);
                List<MediaType> declared = content.propertyNames().stream().map(MediaType::parseMediaType).toList();
                String name = method + " " + path.getKey() + " as " + caller.name();
                for (MediaType type : declared) {
                    tests.add(DynamicTest.dynamicTest(name + " with declared " + type, () -> {
                        Answer answer = send(method, uri, caller.token().get(), type);
                        assertThat(answer.status()).as("%s: %s", name, answer.body()).isNotIn(401, 403, 415);
                        assertThat(answer.code()).as("%s: %s", name, answer.body()).isNotEqualTo("KESRA-BUKAN-MULTIPART");
                    }));
                }
                CANDIDATES.stream().map(MediaType::parseMediaType)
                        .filter(candidate -> declared.stream().noneMatch(d -> d.isCompatibleWith(candidate)))
                        .findFirst()
                        .ifPresent(undeclared -> tests.add(DynamicTest.dynamicTest(
                                name + " with undeclared " + undeclared + " is refused", () -> {
                                    Answer answer = send(method, uri, caller.token().get(), undeclared);
                                    assertThat(answer.status() == 415 || "KESRA-BUKAN-MULTIPART".equals(answer.code()))
                                            .as("%s with %s: %d %s", name, undeclared, answer.status(), answer.body())
                                            .isTrue();
                                })));
            }
        }
        assertThat(tests).as("operations with a request body in the API document").isNotEmpty();
        return tests.stream();
    }

    private record Answer(int status, String body) {

        String code() {
            try {
                return JSON.readTree(body).path("code").asString(null);
            } catch (RuntimeException notJson) {
                return null;
            }
        }
    }

    private static Answer send(String method, String uri, String token, MediaType type) throws IOException,
            InterruptedException {
        String contentType = type.toString();
        String body;
        if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            String boundary = "kesra-uji-jenis";
            contentType = MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=" + boundary;
            body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"uji.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n\r\n--" + boundary + "--\r\n";
        } else if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            body = "{}";
        } else if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            body = "uji=1";
        } else {
            body = "uji";
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
