package org.kesra.reporting.wilayah;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The city's kecamatan and kelurahan (table {@code wilayah}, reference data loaded by migration; nothing writes it at
 * run time). Reports name regions by these codes.
 */
@Service
public class Regions {

    /** A kecamatan (18.72.01) or kelurahan (18.72.01.1001) code as written; whether it exists is {@link #find}'s. */
    public static final Pattern CODE = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}(\\.[0-9]{4})?");

    /** A kecamatan or kelurahan; {@code parentCode} is the kecamatan of a kelurahan. */
    public record Region(String code, String name, String level, String parentCode) {
    }

    private final JdbcClient jdbc;

    public Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> kecamatan(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM wilayah WHERE code = ? AND level = 'kecamatan'")
                .param(code).query(Region.class).optional();
    }

    /** A kecamatan or kelurahan by its code. */
    public Optional<Region> region(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM wilayah WHERE code = ?")
                .param(code).query(Region.class).optional();
    }

    /** The kelurahan of one kecamatan, or of the whole city when {@code kecamatanCode} is null, by code. */
    public List<Region> kelurahan(String kecamatanCode) {
        return jdbc.sql("""
                SELECT code, name, level, parent_code FROM wilayah
                WHERE level = 'kelurahan' AND (CAST(:kecamatan AS text) IS NULL OR parent_code = :kecamatan)
                ORDER BY code""").param("kecamatan", kecamatanCode).query(Region.class).list();
    }

    public List<Region> allKecamatan() {
        return jdbc.sql("SELECT code, name, level, parent_code FROM wilayah WHERE level = 'kecamatan' ORDER BY code")
                .query(Region.class).list();
    }
}
