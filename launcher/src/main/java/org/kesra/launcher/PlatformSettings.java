package org.kesra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kesra.devinfra.InfraStartException;
import org.kesra.devinfra.PostgresConnection;
import org.kesra.devinfra.ProjectLayout;

/**
 * Everything the launcher can be told, from environment variables, each with the default a newcomer can rely on.
 * An external Kafka or Keycloak (KAFKA_BOOTSTRAP_SERVERS, OIDC_ISSUER_URI) is used instead of starting one.
 * The four services listen on {@code SERVICE_ADDRESS} (loopback unless told otherwise), so that from outside the
 * machine only the gateway answers; every application's actuator is on its management port, on loopback.
 */
record PlatformSettings(ProjectLayout layout, PostgresConnection postgres, String databasePrefix,
                        Map<ServiceSpec, Integer> ports, Map<ServiceSpec, Integer> managementPorts,
                        String serviceAddress, boolean gateway, int kafkaPort, int kafkaControllerPort,
                        Optional<String> externalKafka, int keycloakPort, int keycloakManagementPort,
                        Optional<String> externalIssuer, String keycloakAdminPassword, List<String> serviceJavaOptions,
                        Path stateDir, Duration startTimeout, boolean demoPopulation, boolean rebuildReporting) {

    static PlatformSettings from(Map<String, String> env, ProjectLayout layout) {
        Set<String> wanted = selectedServices(env.getOrDefault("PLATFORM_SERVICES", ""));
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.SERVICES) {
            if (wanted.isEmpty() || wanted.contains(service.module())) {
                ports.put(service, port(env, service.portVariable(), service.defaultPort()));
            }
        }
        boolean gateway = wanted.isEmpty() || wanted.contains(ServiceSpec.GATEWAY.module());
        if (gateway) {
            ports.put(ServiceSpec.GATEWAY, port(env, ServiceSpec.GATEWAY.portVariable(), ServiceSpec.GATEWAY.defaultPort()));
        }
        if (wanted.isEmpty() || wanted.contains(ServiceSpec.CONSOLE.module())) {
            ports.put(ServiceSpec.CONSOLE, port(env, ServiceSpec.CONSOLE.portVariable(), ServiceSpec.CONSOLE.defaultPort()));
        }
        Map<ServiceSpec, Integer> managementPorts = new LinkedHashMap<>();
        ports.forEach((service, port) -> managementPorts.put(service,
                port(env, service.managementPortVariable(), ServiceSpec.defaultManagementPort(port))));
        return new PlatformSettings(layout, PostgresConnection.from(env), env.getOrDefault("DB_NAME_PREFIX", ""), ports,
                managementPorts, env.getOrDefault("SERVICE_ADDRESS", "127.0.0.1").trim(), gateway,
                port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
                Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
                port(env, "KEYCLOAK_PORT", 8180), port(env, "KEYCLOAK_MANAGEMENT_PORT", 8181),
                Optional.ofNullable(env.get("OIDC_ISSUER_URI")).filter(s -> !s.isBlank()),
                env.getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin"),
                List.of(env.getOrDefault("SERVICE_JAVA_OPTS",
                        "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")),
                Path.of(env.getOrDefault("PLATFORM_STATE_DIR", layout.cache().resolve("platform").toString())),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PLATFORM_START_TIMEOUT", "240"))),
                // ./mvnw -Prun -Ddemo.population, or KESRA_DEMO_POPULATION=true
                Boolean.parseBoolean(env.getOrDefault("KESRA_DEMO_POPULATION", System.getProperty("demo.population", "false"))),
                // ./mvnw -Prun -Dreporting.rebuild, or KESRA_REPORTING_REBUILD=true: reporting-service rebuilds its
                // read models from the source topics once it is up (the old ones serve until the new have caught up)
                Boolean.parseBoolean(env.getOrDefault("KESRA_REPORTING_REBUILD",
                        System.getProperty("reporting.rebuild", "false"))));
    }

    String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    String keycloakUrl() {
        return externalIssuer.map(i -> i.substring(0, i.indexOf("/realms/"))).orElse("http://localhost:" + keycloakPort);
    }

    String issuerUri(String realm) {
        return externalIssuer.orElse(keycloakUrl() + "/realms/" + realm);
    }

    String database(ServiceSpec service) {
        return databasePrefix + service.database();
    }

    List<ServiceSpec> services() {
        return ports.keySet().stream().filter(s -> s.database() != null).toList();
    }

    boolean console() {
        return ports.containsKey(ServiceSpec.CONSOLE);
    }

    int port(ServiceSpec service) {
        return ports.get(service);
    }

    int managementPort(ServiceSpec service) {
        return managementPorts.get(service);
    }

    /** Where the gateway, the launcher and the tests reach a service on this machine. */
    String serviceHost() {
        return serviceAddress.equals("0.0.0.0") || serviceAddress.equals("::") ? "127.0.0.1" : serviceAddress;
    }

    /** Ports this launcher will bind, with the variable that moves each. */
    Map<String, Integer> portsToBind() {
        Map<String, Integer> bind = new LinkedHashMap<>();
        ports.forEach((service, port) -> bind.put(service.module() + " (" + service.portVariable() + ")", port));
        managementPorts.forEach((service, port) -> bind.put(service.module() + " management ("
                + service.managementPortVariable() + ")", port));
        if (externalKafka.isEmpty()) {
            bind.put("Kafka (KAFKA_PORT)", kafkaPort);
            bind.put("Kafka controller (KAFKA_CONTROLLER_PORT)", kafkaControllerPort);
        }
        if (externalIssuer.isEmpty()) {
            bind.put("Keycloak (KEYCLOAK_PORT)", keycloakPort);
            bind.put("Keycloak management (KEYCLOAK_MANAGEMENT_PORT)", keycloakManagementPort);
        }
        return bind;
    }

    private static Set<String> selectedServices(String list) {
        Set<String> known = new java.util.HashSet<>(ServiceSpec.SERVICES.stream().map(ServiceSpec::module).toList());
        known.add(ServiceSpec.GATEWAY.module());
        known.add(ServiceSpec.CONSOLE.module());
        Set<String> wanted = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> unknown = new ArrayList<>(wanted);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InfraStartException("PLATFORM_SERVICES names unknown modules " + unknown + "; known: " + known);
        }
        return wanted;
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InfraStartException(variable + "=" + value + " is not a port number (1-65535)");
        }
    }
}
