package org.kesra.devinfra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated integration test against the real servers: the machine's PostgreSQL (a database of its
 * own, recreated once per test JVM) and the Kafka broker and Keycloak shared by the whole build. The servers'
 * addresses are published as the system properties the services read (KAFKA_BOOTSTRAP_SERVERS,
 * OIDC_ISSUER_URI, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME) before any Spring context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PlatformInfrastructureExtension.class)
public @interface PlatformInfrastructure {

    /** The test database; one per module, since cached Spring contexts outlive a test class. */
    String database();
}
