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
 * @param readModel the model's name, shown in the rebuild status
 * @param tables    its tables, in the {@code public} schema, created by its migrations
 */
public record RebuiltTables(String readModel, List<String> tables) {

    public RebuiltTables {
        tables = List.copyOf(tables);
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("table name " + table + " of " + readModel + " is not a plain name");
            }
        }
    }
}
