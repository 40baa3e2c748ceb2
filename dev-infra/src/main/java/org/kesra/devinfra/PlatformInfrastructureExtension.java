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
        prepareDatabase(endpoints.postgres(), settings.database());
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        System.setProperty("OIDC_ISSUER_URI", endpoints.issuerUri());
        endpoints.postgres().serviceEnvironment(settings.database()).forEach(System::setProperty);
    }

    private static synchronized void prepareDatabase(PostgresConnection postgres, String database) {
        if (RECREATED.add(database)) {
            PostgresAdmin admin = new PostgresAdmin(postgres);
            admin.checkReachable();
            admin.recreateDatabase(database);
        }
    }
}
