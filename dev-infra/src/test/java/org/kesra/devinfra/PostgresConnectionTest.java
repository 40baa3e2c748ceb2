package org.kesra.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConnectionTest {

    @Test
    void defaultsToTheLocalServerAsPostgres() {
        PostgresConnection connection = PostgresConnection.from(Map.of());

        assertThat(connection.jdbcUrl("household")).isEqualTo("jdbc:postgresql://localhost:5432/household");
        assertThat(connection.user()).isEqualTo("postgres");
        assertThat(connection.password()).isEmpty();
    }

    @Test
    void readsTheVariablesEveryServiceReads() {
        PostgresConnection connection = PostgresConnection.from(Map.of("DB_HOST", "db.kota", "DB_PORT", "6543",
                "DB_USER", "kesra", "DB_PASSWORD", "rahasia"));

        assertThat(connection.serviceEnvironment("welfare")).containsEntry("DB_HOST", "db.kota")
                .containsEntry("DB_PORT", "6543").containsEntry("DB_USER", "kesra")
                .containsEntry("DB_PASSWORD", "rahasia").containsEntry("DB_NAME", "welfare");
    }
}
