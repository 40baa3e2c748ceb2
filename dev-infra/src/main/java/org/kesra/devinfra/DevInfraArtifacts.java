package org.kesra.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The artifacts the dev servers start from, as resolved by Maven when dev-infra was built: the Keycloak
 * distribution zip and the runtime class path of the Kafka broker (written by maven-dependency-plugin).
 */
public final class DevInfraArtifacts {

    private static final String PROPERTIES = "/META-INF/kesra/dev-infra.properties";
    private static final String CLASSPATH = "/META-INF/kesra/runtime.classpath";

    private DevInfraArtifacts() {
    }

    public static String keycloakVersion() {
        return properties().getProperty("keycloak.version");
    }

    public static Path keycloakZip() {
        Path zip = Path.of(properties().getProperty("keycloak.dist.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new InfraStartException("Keycloak distribution " + zip + " is missing from the local Maven"
                    + " repository: run ./mvnw -pl dev-infra package once to download it.");
        }
        return zip;
    }

    /** dev-infra's own classes plus its runtime dependencies, including the optional broker jars. */
    public static String runtimeClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation().toString());
        entries.addAll(Arrays.asList(resource(CLASSPATH).trim().split(java.io.File.pathSeparator)));
        return String.join(java.io.File.pathSeparator, entries);
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path ownLocation() {
        try {
            return Path.of(DevInfraArtifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = DevInfraArtifacts.class.getResourceAsStream(PROPERTIES)) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(PROPERTIES + " is missing: dev-infra was not built by Maven", e);
        }
        return properties;
    }

    private static String resource(String name) {
        try (InputStream in = DevInfraArtifacts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: dev-infra was not built by Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
