package org.kesra.performance.units;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The units of the city (reference data, loaded by migration; this package is the only one that reads the table). */
@Service
public class Units {

    private final JdbcClient jdbc;

    public Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code, kind, name, parent_code FROM unit WHERE code = ?").param(code)
                .query((rs, n) -> new Unit(rs.getString("code"), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("parent_code")))
                .optional();
    }

    /**
     * Locks the unit's row until the transaction ends, so that two plans written for one unit at the same time are
     * checked one after the other (the period overlap check reads what the other wrote).
     */
    public void lock(String code) {
        jdbc.sql("SELECT code FROM unit WHERE code = ? FOR UPDATE").param(code).query(String.class).optional();
    }
}
