package org.kesra.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in a checkout: the realm file, the cache of unpacked servers. */
public record ProjectLayout(Path root) {

    public static final String ROOT_PROPERTY = "kesra.root-dir";

    /** From {@value #ROOT_PROPERTY} if set, else the nearest folder upwards that holds the realm file. */
    public static ProjectLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ProjectLayout.REALM_FILE))) {
                return new ProjectLayout(dir);
            }
        }
        throw new InfraStartException("cannot find the Kesra checkout (no " + REALM_FILE + " above "
                + Path.of("").toAbsolutePath() + "); set -D" + ROOT_PROPERTY);
    }

    static final String REALM_FILE = "deploy/keycloak/kota-metro-realm.json";

    public Path realmFile() {
        return root.resolve(REALM_FILE);
    }

    /** Unpacked servers and their data; survives mvn clean, ignored by git. */
    public Path cache() {
        return root.resolve(".cache");
    }

    public Path keycloakHome(String purpose) {
        return cache().resolve("keycloak").resolve(DevInfraArtifacts.keycloakVersion()).resolve(purpose);
    }

    public Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
