package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ProjectLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests (deploy/k8s) keep the promise of the local run and of Compose: a service is reached only
 * through the gateway, and its metrics only by Prometheus. No cluster runs here, so the rules are checked on the
 * manifests themselves: ingress is denied by default, every service's policy admits the gateway's pods to its API
 * port and Prometheus to its management port and nothing else, and those ports are the ones the service listens on.
 */
class DeploymentManifestsTest {

    /** Everything behind the gateway: the four services and the web console. */
    static final List<String> SERVICES = List.of("household-service", "welfare-service", "performance-service",
            "reporting-service", "console");
    static Path root;
    static List<JsonNode> documents;

    @BeforeAll
    static void readManifests() throws IOException {
        root = ProjectLayout.locate().root();
        documents = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(root.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.forEachRemaining(doc -> {
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            documents.add(doc);
                        }
                    });
                }
            }
        }
    }

    @Test
    void ingressIsDeniedUnlessAPolicyAdmitsIt() {
        assertThat(documents).anySatisfy(doc -> {
            assertThat(doc.path("kind").asString()).isEqualTo("NetworkPolicy");
            assertThat(doc.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(doc.path("spec").path("policyTypes").toString()).contains("Ingress");
            assertThat(doc.path("spec").has("ingress")).isFalse();
        });
    }

    @Test
    void aServiceAdmitsOnlyTheGatewayToItsApiPortAndPrometheusToItsManagementPort() throws IOException {
        for (String service : SERVICES) {
            int apiPort = listenPort(service);
            JsonNode policy = policyFor(service);
            List<JsonNode> rules = new ArrayList<>();
            policy.path("spec").path("ingress").forEach(rules::add);
            assertThat(rules).as(service).hasSize(2);
            for (JsonNode rule : rules) {
                assertThat(rule.path("from")).as(service + ": every rule names who may connect").hasSize(1);
                JsonNode from = rule.path("from").get(0);
                String peer = from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString();
                int port = rule.path("ports").get(0).path("port").asInt();
                assertThat(rule.path("ports")).as(service).hasSize(1);
                if (peer.equals("gateway")) {
                    assertThat(port).as(service + " API port").isEqualTo(apiPort);
                    assertThat(from.has("namespaceSelector")).as(service).isFalse();
                } else {
                    assertThat(peer).as(service).isEqualTo("prometheus");
                    assertThat(port).as(service + " management port").isEqualTo(apiPort + 1000);
                }
            }
            assertThat(rules).extracting(r -> r.path("from").get(0).path("podSelector").path("matchLabels")
                    .path("app.kubernetes.io/name").asString()).containsExactlyInAnyOrder("gateway", "prometheus");
        }
    }

    @Test
    void deploymentsListenWhereTheirPoliciesAndServicesPoint() throws IOException {
        for (String service : Stream.concat(Stream.of("gateway"), SERVICES.stream()).toList()) {
            int apiPort = listenPort(service);
            JsonNode container = find("Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Map<String, String> env = new java.util.HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asString(), e.path("value").asString()));
            assertThat(env).as(service).containsEntry("SERVER_PORT", Integer.toString(apiPort))
                    .containsEntry("MANAGEMENT_PORT", Integer.toString(apiPort + 1000));
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/readyz");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/livez");
            JsonNode ports = find("Service", service).path("spec").path("ports");
            assertThat(ports.get(0).path("port").asInt()).as(service).isEqualTo(apiPort);
            assertThat(ports.get(1).path("port").asInt()).as(service).isEqualTo(apiPort + 1000);
        }
    }

    private static JsonNode policyFor(String service) {
        return documents.stream()
                .filter(d -> d.path("kind").asString().equals("NetworkPolicy"))
                .filter(d -> service.equals(d.path("spec").path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + service));
    }

    private static JsonNode find(String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asString().equals(kind))
                .filter(d -> d.path("metadata").path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The API port the application listens on by default, from its own application.yml. */
    private static int listenPort(String module) throws IOException {
        String yml = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
        Matcher port = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}").matcher(yml);
        assertThat(port.find()).as(module + " names its port").isTrue();
        return Integer.parseInt(port.group(1));
    }
}
