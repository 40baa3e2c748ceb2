package org.kesra.reporting.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    /** Where the copies are made: {@value #SHADOW} for a rebuild, a scratch schema for a replay as of offsets. */
    private final String shadow;
    private final String retired;
    /** Index definitions of the copies not created yet ({@link #create(List, Set)}, {@link #createDeferredIndexes}). */
    private final List<String> deferred = new ArrayList<>();

    Generation(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, SHADOW, RETIRED);
    }

    /**
     * Copies in {@code schema}, never swapped in: only {@link #create}, {@link #createDeferredIndexes},
     * {@link #analyze} and {@link #drop} apply.
     */
    static Generation scratch(JdbcTemplate jdbc, TransactionTemplate transactions, String schema) {
        return new Generation(jdbc, transactions, schema, null);
    }

    private Generation(JdbcTemplate jdbc, TransactionTemplate transactions, String shadow, String retired) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.shadow = shadow;
        this.retired = retired;
    }

    /**
     * The structure of the serving tables (columns with types and defaults, constraints, indexes), to tell whether a
     * migration changed them while a rebuild ran: the copies would then put the old structure back.
     */
    static final String FINGERPRINT = """
            SELECT string_agg(part, E'\\n' ORDER BY part) FROM (
                SELECT c.relname || ' column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS part
                FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY (?)
                UNION ALL
                SELECT c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_class c JOIN pg_constraint k ON k.conrelid = c.oid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY (?)
                UNION ALL
                SELECT c.relname || ' index ' || pg_get_indexdef(i.indexrelid)
                FROM pg_class c JOIN pg_index i ON i.indrelid = c.oid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY (?)) parts""";

    static String fingerprint(Connection connection, List<String> tables) throws SQLException {
        try (java.sql.PreparedStatement query = connection.prepareStatement(FINGERPRINT)) {
            java.sql.Array names = connection.createArrayOf("text", tables.toArray());
            for (int i = 1; i <= 3; i++) {
                query.setArray(i, names);
            }
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /**
     * Empty copies of the tables in the shadow schema: columns, defaults, constraints, indexes, comments. Returns the
     * serving tables' {@link #fingerprint} they were copied from. Of the secondary indexes only those named in
     * {@code replayIndexes} are created now; the others (never a constraint's index nor a unique index: those decide what a write does) are kept for
     * {@link #createDeferredIndexes}, to be built from the filled copies in one sorted pass each instead of being
     * updated by every replayed row. With {@code replayIndexes} null every index is created now.
     */
    String create(List<String> tables, Set<String> replayIndexes) {
        drop();
        deferred.clear();
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL search_path TO public");
            jdbc.execute("CREATE SCHEMA " + shadow);
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
                jdbc.execute("CREATE TABLE " + shadow + "." + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE"
                        + " INCLUDING COMMENTS INCLUDING COMPRESSION)");
                String comment = jdbc.queryForObject(
                        "SELECT format('COMMENT ON TABLE %I.%I IS %L', ?::text, ?::text, obj_description(?::regclass, 'pg_class'))",
                        String.class, shadow, table, "public." + table);
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
                        SELECT pg_get_indexdef(i.indexrelid), c.relname, i.indisunique
                        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        WHERE i.indrelid = ?::regclass
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                        ORDER BY i.indexrelid""", rs -> {
                    String definition = rs.getString(1).replace(" ON public.", " ON " + shadow + ".")
                            .replace(" ON ONLY public.", " ON ONLY " + shadow + ".");
                    boolean now = replayIndexes == null || rs.getBoolean(3) || replayIndexes.contains(rs.getString(2));
                    (now ? indexes : deferred).add(definition);
                }, "public." + table);
            }
            String fingerprint = jdbc.execute((Connection connection) -> fingerprint(connection, tables));
            jdbc.execute("SET LOCAL search_path TO " + shadow);
            constraints.forEach(jdbc::execute);
            foreignKeys.forEach(jdbc::execute);
            indexes.forEach(jdbc::execute);
            return fingerprint;
        });
    }

    /**
     * Creates the indexes {@link #create(List, Set)} left out, once the copies hold (nearly) everything: before the
     * swap, so the tables swapped in have every index of the serving ones (the structure check compares the serving
     * tables only). Nothing to do the second time.
     */
    void createDeferredIndexes() {
        if (deferred.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + shadow);
            deferred.forEach(jdbc::execute);
        });
        deferred.clear();
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

    /**
     * Gives the planner statistics of the copies as they fill. Tables created empty have none, and a statement that
     * would find a few rows by one index (a household's members when it moves) was planned to read a whole partial
     * index beside it: with 2 million persons that made a rebuild 30 times slower. Also leaves the swapped-in tables
     * with statistics before the first report reads them.
     */
    void analyze(List<String> tables) {
        jdbc.execute("ANALYZE " + String.join(", ", tables.stream().map(t -> shadow + "." + t).toList()));
    }

    /** Drops what a rebuild left (the shadow schema, the retired tables); the serving tables are never touched. */
    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
        if (retired != null) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
        }
    }
}
