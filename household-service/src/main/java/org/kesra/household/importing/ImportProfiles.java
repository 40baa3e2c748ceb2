package org.kesra.household.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kesra.household.registry.RegistryProblems;
import org.kesra.platform.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named column mappings: which header of a cadre's spreadsheet is which canonical column. Without a profile the
 * file must use the canonical names themselves.
 */
@Component
public class ImportProfiles {

    public record Profile(String name, String description, Map<String, String> columns, String updatedBy,
                          Instant updatedAt) {
    }

    /**
     * How one file's header maps: the column index of each canonical column found, the header text the user wrote
     * (for problem reports), headers that map to nothing, and required columns that are missing.
     */
    public record HeaderMapping(Map<CanonicalColumn, Integer> index, Map<CanonicalColumn, String> headerOf,
                                List<String> ignored, List<CanonicalColumn> missing) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ImportProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Profile> find(String name) {
        return jdbc.sql("SELECT name, description, columns, updated_by, updated_at FROM import_profile WHERE name = ?")
                .param(name)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, String>>() { }),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    public List<Profile> all() {
        return jdbc.sql("SELECT name FROM import_profile ORDER BY name").query(String.class).list().stream()
                .map(n -> find(n).orElseThrow()).toList();
    }

    /** Creates or replaces a profile; every header must map to a known canonical column, each column once. */
    public Profile save(String name, String description, Map<String, String> columns, String actor) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{1,49}")) {
            violations.add(Violation.field("/name", "nama profil: huruf kecil, angka dan tanda hubung, 2-50 karakter"));
        }
        if (columns == null || columns.isEmpty()) {
            violations.add(Violation.field("/columns", "isi pemetaan judul kolom ke kolom baku"));
        } else {
            Map<CanonicalColumn, String> seen = new EnumMap<>(CanonicalColumn.class);
            columns.forEach((header, column) -> {
                Optional<CanonicalColumn> canonical = CanonicalColumn.byColumnName(column);
                if (header == null || header.isBlank() || header.length() > 100) {
                    violations.add(Violation.field("/columns", "judul kolom kosong atau lebih dari 100 karakter"));
                } else if (canonical.isEmpty()) {
                    violations.add(Violation.field("/columns/" + header, "kolom baku '" + column + "' tidak dikenal"));
                } else if (seen.put(canonical.get(), header) != null) {
                    violations.add(Violation.field("/columns/" + header, "kolom baku " + column
                            + " sudah dipetakan dari judul '" + seen.get(canonical.get()) + "'"));
                }
            });
        }
        if (!violations.isEmpty()) {
            throw RegistryProblems.invalid(violations);
        }
        jdbc.sql("""
                INSERT INTO import_profile (name, description, columns, created_by, updated_by, updated_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET description = excluded.description, columns = excluded.columns,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(name, description, json.writeValueAsString(columns), actor, actor, Timestamp.from(Instant.now()))
                .update();
        return find(name).orElseThrow();
    }

    /** Maps a file's header through the profile (or the canonical names when there is none). */
    public HeaderMapping map(Profile profile, List<String> header) {
        Map<String, CanonicalColumn> byHeader = new LinkedHashMap<>();
        if (profile == null) {
            for (CanonicalColumn column : CanonicalColumn.values()) {
                byHeader.put(normalise(column.columnName()), column);
            }
        } else {
            profile.columns().forEach((h, c) -> byHeader.put(normalise(h), CanonicalColumn.byColumnName(c).orElseThrow()));
        }
        Map<CanonicalColumn, Integer> index = new EnumMap<>(CanonicalColumn.class);
        Map<CanonicalColumn, String> headerOf = new EnumMap<>(CanonicalColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i) == null ? "" : header.get(i);
            CanonicalColumn column = byHeader.get(normalise(text));
            if (column != null && !index.containsKey(column)) {
                index.put(column, i);
                headerOf.put(column, text.replace("\uFEFF", "").trim());
            } else if (!text.isBlank()) {
                ignored.add(text.trim());
            }
        }
        List<CanonicalColumn> missing = new ArrayList<>();
        for (CanonicalColumn column : CanonicalColumn.values()) {
            if (column.required() && !index.containsKey(column)) {
                missing.add(column);
            }
        }
        return new HeaderMapping(index, headerOf, ignored, missing);
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
