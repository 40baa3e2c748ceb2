package org.kesra.devinfra;

import java.util.Map;

/**
 * How the dev tools reach the machine's PostgreSQL. The variable names are the ones every service reads
 * (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD), so one environment configures launcher, tests and services alike.
 */
public record PostgresConnection(String host, int port, String user, String password) {

    public static PostgresConnection fromEnvironment() {
        return from(System.getenv());
    }

    public static PostgresConnection from(Map<String, String> env) {
        return new PostgresConnection(
                env.getOrDefault("DB_HOST", "localhost"),
                Integer.parseInt(env.getOrDefault("DB_PORT", "5432")),
                env.getOrDefault("DB_USER", "postgres"),
                env.getOrDefault("DB_PASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String describe() {
        return host + ":" + port + " as " + user;
    }

    /** The variables a service process needs to reach its own database. */
    public Map<String, String> serviceEnvironment(String database) {
        return Map.of("DB_HOST", host, "DB_PORT", Integer.toString(port), "DB_USER", user,
                "DB_PASSWORD", password, "DB_NAME", database);
    }
}
