package org.kesra.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The next generation of the read models' tables: built in schema {@value #SHADOW} beside the serving ones in
 * {@code public}, then moved into {@code public} in one transaction while the serving ones move out to
 * {@value #RETIRED} (PostgreSQL's DDL is transactional, so readers see the old tables or the new, never a mix), and
 * the old ones dropped. A statement waiting for a table while it is swapped resolves the name again and uses the new
 * one; cached plans are invalidated by the move. The shadow and retired schemas are dropped before each rebuild, so a
 * rebuild that died (or a crash between the swap and the drop) leaves nothing the next one trips over.
 */
final class Generation {

    static final String SHADOW = "reporting_rebuild";
    static final String RETIRED = "reporting_retired";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Generation(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Empty copies of the tables in the shadow schema: columns, defaults, constraints, indexes, comments. */
    void create(List<String> tables) {
        drop();
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO public");
            jdbc.execute("CREATE SCHEMA " + SHADOW);
            List<String> constraints = new ArrayList<>();
            List<String> foreignKeys = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            for (String table : tables) {
                Integer exists = jdbc.queryForObject("""
                        SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?""",
                        Integer.class, table);
                if (exists == null || exists == 0) {
                    throw new IllegalStateException("registered table " + table + " does not exist in public");
                }
                jdbc.execute("CREATE TABLE " + SHADOW + "." + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE"
                        + " INCLUDING COMMENTS INCLUDING COMPRESSION)");
                String comment = jdbc.queryForObject(
                        "SELECT format('COMMENT ON TABLE %I.%I IS %L', ?::text, ?::text, obj_description(?::regclass, 'pg_class'))",
                        String.class, SHADOW, table, "public." + table);
                if (comment != null) {
                    jdbc.execute(comment);
                }
                // With search_path = public, definitions name other tables unqualified; they are run below with the
                // shadow schema as the only one, so a foreign key refers to the shadow copy of its table.
                jdbc.query("""
                        SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', ?::text, conname,
                                      pg_get_constraintdef(oid)), contype
                        FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'c', 'x', 'f')
                        ORDER BY contype, conname""", rs -> {
                    (rs.getString(2).equals("f") ? foreignKeys : constraints).add(rs.getString(1));
                }, table, "public." + table);
                jdbc.query("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = ?::regclass
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                        ORDER BY i.indexrelid""", rs -> {
                    indexes.add(rs.getString(1).replace(" ON public.", " ON " + SHADOW + ".")
                            .replace(" ON ONLY public.", " ON ONLY " + SHADOW + "."));
                }, "public." + table);
            }
            jdbc.execute("SET LOCAL search_path TO " + SHADOW);
            constraints.forEach(jdbc::execute);
            foreignKeys.forEach(jdbc::execute);
            indexes.forEach(jdbc::execute);
        });
    }

    /** Moves the shadow tables in and the serving ones out, on the caller's connection, in its transaction. */
    static void swap(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + RETIRED);
            for (String table : tables) {
                statement.execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
            }
            for (String table : tables) {
                statement.execute("ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA public");
            }
        }
    }

    /** Drops what a rebuild left (the shadow schema, the retired tables); the serving tables are never touched. */
    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE");
        jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
    }
}
