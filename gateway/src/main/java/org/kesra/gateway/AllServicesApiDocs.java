package org.kesra.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's own {@code /v3/api-docs} is the one OpenAPI document of the whole API: every service's operations
 * (read from the services' documents, the routes ending in {@code -docs}), with the gateway as the server, so the docs
 * UI's "try it out" goes through the gateway as every client does. Without it that document was the gateway's own,
 * with no paths at all. Each service's document stays at {@code /docs/{service}/v3/api-docs}.
 *
 * <p>Components of the same name and content are kept once; a name two services use for different things is
 * prefixed with the service's name in that service's operations. A service that does not answer is left out and
 * named in the description, so the document is still served while one service is down.
 */
@Configuration
class AllServicesApiDocs {

    private static final Logger log = LoggerFactory.getLogger(AllServicesApiDocs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCS_ROUTE = "-docs";

    @Bean
    RouterFunction<ServerResponse> allServicesApiDocsRoute(RouteLocator routes) {
        WebClient client = WebClient.create();
        // A router function is consulted before springdoc's handler of the same path.
        return RouterFunctions.route().GET("/v3/api-docs", request -> routes.getRoutes()
                .filter(route -> route.getId().endsWith(DOCS_ROUTE))
                .concatMap(route -> {
                    String service = route.getId().substring(0, route.getId().length() - DOCS_ROUTE.length());
                    return client.get().uri(route.getUri().resolve("/v3/api-docs")).retrieve()
                            .bodyToMono(String.class).timeout(Duration.ofSeconds(10))
                            .map(text -> new ServiceDoc(service, JSON.readTree(text), true))
                            .onErrorResume(e -> {
                                log.warn("API document of {} not available: {}", service, e.toString());
                                return Mono.just(new ServiceDoc(service, null, false));
                            });
                })
                .collectList()
                .flatMap(docs -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(JSON.writeValueAsString(merge(docs)))))
                .build();
    }

    record ServiceDoc(String service, JsonNode document, boolean available) {
    }

    static ObjectNode merge(List<ServiceDoc> docs) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", docs.stream().filter(ServiceDoc::available).findFirst()
                .map(d -> d.document().path("openapi").asString("3.1.0")).orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "API Kesra");
        info.put("version", "v1");
        List<String> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        docs.forEach(d -> (d.available() ? present : missing).add(d.service()));
        info.put("description", "Semua operasi API Kesra melalui gerbang API, dari layanan: " + String.join(", ", present)
                + (missing.isEmpty() ? "." : ". Tidak tersedia saat ini: " + String.join(", ", missing) + ".")
                + " Dokumen per layanan: /docs/{layanan}/v3/api-docs.");
        merged.putArray("servers").addObject().put("url", "/").put("description", "Gerbang API Kesra");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Map<String, Boolean> tagNames = new HashMap<>();
        for (ServiceDoc doc : docs) {
            if (!doc.available()) {
                continue;
            }
            JsonNode document = doc.document().deepCopy();
            // A component another service already brought under the same name but different content is renamed in
            // this service's document (its references included) before it is added.
            Map<String, String> renamed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
                for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                    JsonNode known = components.path(kind.getKey()).get(component.getKey());
                    if (known != null && !known.equals(component.getValue())) {
                        renamed.put("#/components/" + kind.getKey() + "/" + component.getKey(),
                                "#/components/" + kind.getKey() + "/" + doc.service() + "_" + component.getKey());
                    }
                }
            }
            renameRefs(document, renamed);
            for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                    String ref = "#/components/" + kind.getKey() + "/" + component.getKey();
                    target.set(renamed.containsKey(ref) ? doc.service() + "_" + component.getKey()
                            : component.getKey(), component.getValue());
                }
            }
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                if (paths.has(path.getKey())) {
                    ((ObjectNode) paths.get(path.getKey())).setAll((ObjectNode) path.getValue());
                } else {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.putIfAbsent(tag.path("name").asString(), true) == null) {
                    tags.add(tag);
                }
            }
            if (!merged.has("security") && document.has("security")) {
                merged.set("security", document.get("security"));
            }
        }
        return merged;
    }

    private static void renameRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renamed.containsKey(ref.asString())) {
                object.put("$ref", renamed.get(ref.asString()));
            }
            object.values().forEach(child -> renameRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> renameRefs(child, renamed));
        }
    }
}
