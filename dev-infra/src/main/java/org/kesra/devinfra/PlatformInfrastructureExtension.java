package org.kesra.devinfra;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** See {@link PlatformInfrastructure}. */
public final class PlatformInfrastructureExtension implements BeforeAllCallback {

    private static final Set<String> RECREATED = new HashSet<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        PlatformInfrastructure settings = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), PlatformInfrastructure.class)
                .orElseThrow();
        SharedInfrastructure.Endpoints endpoints = SharedInfrastructure.get();
        String database = databaseName(settings.database());
        prepareDatabase(endpoints.postgres(), database);
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        System.setProperty("OIDC_ISSUER_URI", endpoints.issuerUri());
        endpoints.postgres().serviceEnvironment(database).forEach(System::setProperty);
    }

    /**
     * The test database's name, prefixed by {@code KESRA_TEST_DB_PREFIX} when set: two checkouts of the project
     * building at the same time on one PostgreSQL would otherwise drop each other's databases.
     */
    public static String databaseName(String name) {
        return System.getenv().getOrDefault("KESRA_TEST_DB_PREFIX", "") + name;
    }

    private static synchronized void prepareDatabase(PostgresConnection postgres, String database) {
        if (RECREATED.add(database)) {
            PostgresAdmin admin = new PostgresAdmin(postgres);
            admin.checkReachable();
            admin.recreateDatabase(database);
        }
    }
}
