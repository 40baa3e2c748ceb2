package org.kesra.performance.units;

import java.util.ArrayList;
import java.util.List;
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
     * Every unit the caller may read, inside {@code region} (a kecamatan or kelurahan code; {@code null}: all of the
     * caller's scope), by code.
     */
    public List<Unit> within(UnitScope scope, String region) {
        List<Object> args = new ArrayList<>();
        String where = scope.condition("code", args);
        if (region != null) {
            where += " AND (code = ? OR code LIKE ?)";
            args.add(region);
            args.add(region + ".%");
        }
        return jdbc.sql("SELECT code, kind, name, parent_code FROM unit WHERE " + where + " ORDER BY code")
                .params(args)
                .query((rs, n) -> new Unit(rs.getString("code"), UnitKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("parent_code")))
                .list();
    }

    /**
     * Locks the unit's row until the transaction ends, so that two plans written for one unit at the same time are
     * checked one after the other (the period overlap check reads what the other wrote).
     */
    public void lock(String code) {
        jdbc.sql("SELECT code FROM unit WHERE code = ? FOR UPDATE").param(code).query(String.class).optional();
    }
}
