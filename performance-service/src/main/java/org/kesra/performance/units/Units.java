package org.kesra.performance.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kesra.performance.PerformanceProblems;
import org.kesra.platform.web.Violation;
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
     * The unit {@code code} names if the caller may read it. Unknown and out-of-scope units get the same refusal
     * ({@link PerformanceProblems#UNIT_NOT_FOUND} at {@code /unit}): nobody learns that another unit's data exists.
     */
    public Unit readable(UnitScope scope, String code) {
        return find(code).filter(u -> scope.reads(u.code())).orElseThrow(() ->
                PerformanceProblems.UNIT_NOT_FOUND.refuse("Unit " + code + " tidak ditemukan di wilayah atau unit"
                        + " kerja Anda.", List.of(Violation.field("/unit", "Unit tidak ditemukan."))));
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

    /**
     * The kelurahan whose register figures make up a unit's: a kelurahan its own, a kecamatan those under it, an OPD
     * (a city agency) every kelurahan of the city.
     */
    public List<String> kelurahanOf(Unit unit) {
        return switch (unit.kind()) {
            case KELURAHAN -> List.of(unit.code());
            case KECAMATAN -> jdbc.sql("SELECT code FROM unit WHERE parent_code = ? ORDER BY code").param(unit.code())
                    .query(String.class).list();
            case OPD -> jdbc.sql("SELECT code FROM unit WHERE kind = 'KELURAHAN' ORDER BY code").query(String.class)
                    .list();
        };
    }

    /** The units whose figures include a kelurahan's: itself, its kecamatan and every OPD ({@link #kelurahanOf}). */
    public List<String> coveringKelurahan(String kelurahanCode) {
        return jdbc.sql("""
                SELECT code FROM unit WHERE code = :k OR kind = 'OPD'
                    OR code = (SELECT parent_code FROM unit WHERE code = :k AND kind = 'KELURAHAN')
                 ORDER BY code""").param("k", kelurahanCode).query(String.class).list();
    }

    /** Whether the code is a kelurahan of the city. */
    public boolean isKelurahan(String code) {
        return find(code).map(u -> u.kind() == UnitKind.KELURAHAN).orElse(false);
    }
}
