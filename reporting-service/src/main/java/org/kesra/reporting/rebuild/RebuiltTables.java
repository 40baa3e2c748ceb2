package org.kesra.reporting.rebuild;

import java.util.List;

/**
 * A read model's registration for rebuilds: its name and the tables its event handlers write. Declare one as a bean
 * in the read model's package; a rebuild then creates those tables afresh (same columns, constraints, indexes and
 * comments as the migrations left them), replays the source topics into them and swaps them in together with every
 * other registered model's tables. The handlers must write only these tables (a rebuild points unqualified table
 * names at its own schema, where nothing else exists, so a forgotten table fails the rebuild instead of writing the
 * serving model) and must not depend on when they run (no clock, no sequence that leaks into a report).
 *
 * <p>A rebuild creates the copies' secondary indexes (not those of a primary key, unique or exclusion constraint, nor
 * unique indexes) only once the replay has read to the ends of the topics, just before it swaps the copies in: one
 * sorted build of each index instead of a million scattered inserts into it. An index the handlers' own writes look
 * rows up by (a statement that would otherwise read the whole table for each event) is named in
 * {@code replayIndexes} and created with the copies.
 *
 * @param readModel     the model's name, shown in the rebuild status
 * @param tables        its tables, in the {@code public} schema, created by its migrations
 * @param replayIndexes indexes of those tables its handlers' writes need while the rebuild replays
 */
public record RebuiltTables(String readModel, List<String> tables, List<String> replayIndexes) {

    /** A model whose handlers' writes find their rows by key only: every secondary index waits for the end. */
    public RebuiltTables(String readModel, List<String> tables) {
        this(readModel, tables, List.of());
    }

    public RebuiltTables {
        tables = List.copyOf(tables);
        replayIndexes = List.copyOf(replayIndexes);
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("table name " + table + " of " + readModel + " is not a plain name");
            }
        }
        for (String index : replayIndexes) {
            if (!index.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("index name " + index + " of " + readModel + " is not a plain name");
            }
        }
    }
}
