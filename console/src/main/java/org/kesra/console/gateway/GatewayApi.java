package org.kesra.console.gateway;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kesra.console.ConsoleProperties;
import org.kesra.console.security.ConsoleSecurity;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The services' APIs, called through the gateway with the signed-in user's access token (taken from the session and
 * refreshed when expired by the authorized-client manager). A refusal becomes an {@link ApiRefusal} carrying the
 * problem detail. Answers are read as JSON maps: the pages show what the API answers, masked where it masks.
 */
@Component
public class GatewayApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY =
            new ParameterizedTypeReference<>() {
            };

    /** An answer with the ETag the next change must send as If-Match. */
    public record Answer(Map<String, Object> body, String etag) {
    }

    private final RestClient client;

    public GatewayApi(RestClient.Builder builder, ConsoleProperties properties,
                      OAuth2AuthorizedClientManager authorizedClients) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        tokens.setClientRegistrationIdResolver(request -> ConsoleSecurity.REGISTRATION);
        this.client = builder.baseUrl(properties.gatewayUrl()).requestInterceptor(tokens).build();
    }

    /**
     * The headers of a read of personal data: {@code X-Purpose} says why (household- and welfare-service refuse such
     * reads by city staff without it and log it with the read).
     */
    public static HttpHeaders purpose(String purpose) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Purpose", purpose);
        return headers;
    }

    public Map<String, Object> get(java.util.function.Function<UriBuilder, java.net.URI> uri, HttpHeaders headers) {
        return exchange(HttpMethod.GET, uri, headers, null).body();
    }

    public Answer getWithEtag(java.util.function.Function<UriBuilder, java.net.URI> uri, HttpHeaders headers) {
        return exchange(HttpMethod.GET, uri, headers, null);
    }

    public List<Map<String, Object>> getList(String path) {
        return client.get().uri(path).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw refusal(response.getStatusCode().value(), safeBody(response));
            }
            List<Map<String, Object>> list = response.bodyTo(ARRAY);
            return list == null ? List.<Map<String, Object>>of() : list.stream().map(LenientJson::of).toList();
        });
    }

    /** A list answer (a JSON array) of a path with query parameters. */
    public List<Map<String, Object>> getList(java.util.function.Function<UriBuilder, java.net.URI> uri,
                                             HttpHeaders headers) {
        return client.get().uri(uri).headers(h -> h.addAll(headers)).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw refusal(response.getStatusCode().value(), safeBody(response));
            }
            List<Map<String, Object>> list = response.bodyTo(ARRAY);
            return list == null ? List.<Map<String, Object>>of() : list.stream().map(LenientJson::of).toList();
        });
    }

    /** A list answer (a JSON array) of a POST whose filters travel in the JSON body (a NIK among them). */
    public List<Map<String, Object>> postForList(String path, HttpHeaders headers, Object body) {
        return client.post().uri(path).headers(h -> h.addAll(headers)).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).body(body)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw refusal(response.getStatusCode().value(), safeBody(response));
                    }
                    List<Map<String, Object>> list = response.bodyTo(ARRAY);
                    return list == null ? List.<Map<String, Object>>of() : list.stream().map(LenientJson::of).toList();
                });
    }

    public Answer send(HttpMethod method, java.util.function.Function<UriBuilder, java.net.URI> uri,
                       HttpHeaders headers, Object body) {
        return exchange(method, uri, headers, body);
    }

    /** A file upload (multipart/form-data) as the API takes it; the file streams through, never held in memory. */
    public Answer upload(String path, HttpHeaders headers, org.springframework.util.MultiValueMap<String, Object> parts) {
        return client.post().uri(path).headers(h -> h.addAll(headers)).contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).body(parts)
                .exchange((req, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw refusal(response.getStatusCode().value(), safeBody(response));
                    }
                    return new Answer(LenientJson.of(response.bodyTo(OBJECT)), response.getHeaders().getETag());
                });
    }

    /** A download (CSV) copied to the given stream as it arrives. */
    public void download(java.util.function.Function<UriBuilder, java.net.URI> uri, HttpHeaders headers,
                         java.io.OutputStream to) {
        client.get().uri(uri).headers(h -> h.addAll(headers)).exchange((req, response) -> {
            if (response.getStatusCode().isError()) {
                throw refusal(response.getStatusCode().value(), safeBody(response));
            }
            response.getBody().transferTo(to);
            return null;
        });
    }

    /**
     * A file the API makes (a report as XLSX or PDF): {@code head} gets the API's headers (its content type and the
     * file name of its Content-Disposition) before the bytes stream to the stream {@code to} opens. A refusal throws
     * before anything is written, so the caller can still show a page instead of a broken file.
     */
    public void downloadFile(java.util.function.Function<UriBuilder, java.net.URI> uri, HttpHeaders headers,
                             Consumer<HttpHeaders> head, java.util.function.Supplier<java.io.OutputStream> to) {
        client.get().uri(uri).headers(h -> h.addAll(headers)).exchange((req, response) -> {
            if (response.getStatusCode().isError()) {
                throw refusal(response.getStatusCode().value(), safeBody(response));
            }
            head.accept(response.getHeaders());
            response.getBody().transferTo(to.get());
            return null;
        });
    }

    private Answer exchange(HttpMethod method, java.util.function.Function<UriBuilder, java.net.URI> uri,
                            HttpHeaders headers, Object body) {
        Consumer<HttpHeaders> copy = h -> h.addAll(headers);
        RestClient.RequestBodySpec request = client.method(method).uri(uri).headers(copy)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            if (response.getStatusCode().isError()) {
                throw refusal(response.getStatusCode().value(), safeBody(response));
            }
            Map<String, Object> answer = response.getHeaders().getContentLength() == 0 ? Map.of()
                    : response.bodyTo(OBJECT);
            return new Answer(answer == null ? Map.of() : LenientJson.of(answer), response.getHeaders().getETag());
        });
    }

    private static Map<String, Object> safeBody(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            return response.bodyTo(OBJECT);
        } catch (RuntimeException e) {
            return null; // not a problem detail (a proxy's page): the status says enough
        }
    }

    private static ApiRefusal refusal(int status, Map<String, Object> body) {
        return new ApiRefusal(ApiProblem.from(status, body));
    }
}
