package org.kesra.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates the per-service databases on the machine's PostgreSQL: each service owns one database. */
public final class PostgresAdmin {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresConnection connection;

    public PostgresAdmin(PostgresConnection connection) {
        this.connection = connection;
    }

    /** Fails with the one line a developer needs when the server cannot be reached. */
    public void checkReachable() {
        try (Connection ignored = open("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new InfraStartException("PostgreSQL at " + connection.describe() + " is unreachable ("
                    + firstLine(e.getMessage()) + "): start it (pg_ctlcluster <version> main start) or set"
                    + " DB_HOST, DB_PORT, DB_USER, DB_PASSWORD.");
        }
    }

    /** Creates the database when it is missing; answers whether it had to. */
    public boolean ensureDatabase(String name) {
        requireValidName(name);
        try (Connection admin = open("postgres")) {
            if (exists(admin, name)) {
                return false;
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException raced) {
                if (!exists(admin, name)) {
                    throw raced;
                }
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new InfraStartException("could not create database " + name + " on " + connection.describe()
                    + ": " + firstLine(e.getMessage()));
        }
    }

    /** Drops (disconnecting its sessions) and creates the database, for a test run that must start clean. */
    public void recreateDatabase(String name) {
        requireValidName(name);
        try (Connection admin = open("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new InfraStartException("could not recreate database " + name + " on " + connection.describe()
                    + ": " + firstLine(e.getMessage()));
        }
    }

    private boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Connection open(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", connection.user());
        properties.setProperty("password", connection.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "kesra-dev-infra");
        return DriverManager.getConnection(connection.jdbcUrl(database), properties);
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL database name: " + name);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
