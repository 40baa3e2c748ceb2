package org.kesra.household.wilayah;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The region tree, read once from the {@code wilayah} table (loaded by migration; it changes only with a migration).
 */
@Component
public class WilayahDirectory {

    private final JdbcClient jdbc;
    private volatile Map<String, Wilayah> regions;

    public WilayahDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Wilayah> find(String code) {
        return Optional.ofNullable(regions().get(code));
    }

    public boolean isKelurahan(String code) {
        return find(code).map(Wilayah::isKelurahan).orElse(false);
    }

    public List<Wilayah> all() {
        return List.copyOf(regions().values());
    }

    public List<Wilayah> children(String parentCode) {
        return regions().values().stream().filter(w -> parentCode.equals(w.parentCode())).toList();
    }

    private Map<String, Wilayah> regions() {
        Map<String, Wilayah> loaded = regions;
        if (loaded == null) {
            Map<String, Wilayah> map = new LinkedHashMap<>();
            jdbc.sql("SELECT code, name, level, parent_code FROM wilayah ORDER BY code")
                    .query((rs, n) -> new Wilayah(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list().forEach(w -> map.put(w.code(), w));
            loaded = Map.copyOf(map);
            regions = loaded;
        }
        return loaded;
    }
}
