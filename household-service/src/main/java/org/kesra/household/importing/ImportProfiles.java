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
import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named column mappings: which header of a cadre's spreadsheet is which canonical column. Without a profile the
 * file must use the canonical names themselves. Every profile has an owner: the region of the kelurahan or kecamatan
 * staff who created it, the agency (OPD) of city-level staff, or the whole city. Anyone may use a profile; only the
 * owner's staff or a Dinas Sosial admin may change it, city-wide profiles only an admin; every version is kept.
 */
@Component
public class ImportProfiles {

    /**
     * @param ownerKind WILAYAH (a region's staff), OPD (an agency's staff) or KOTA (city-wide: Dinas Sosial admins)
     * @param owner     the region code or agency; null for KOTA
     */
    public record Profile(String name, String description, Map<String, String> columns, String ownerKind, String owner,
                          int version, String updatedBy, Instant updatedAt) {
    }

    /** One saved version of a profile. */
    public record Version(String name, int version, String description, Map<String, String> columns, String ownerKind,
                          String owner, String savedBy, Instant savedAt) {
    }

    /**
     * Who saves a profile: the token's user name, region ({@code wilayah}) and agency ({@code opd}), and whether they
     * are a Dinas Sosial admin.
     */
    public record Editor(String actor, String wilayah, String opd, boolean admin) {
    }

    /** The region code of the whole city: staff whose region it is save profiles owned by their agency. */
    private static final int CITY_CODE_LENGTH = 5;

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
        return jdbc.sql("SELECT name, description, columns, owner_kind, owner, version, updated_by, updated_at "
                        + "FROM import_profile WHERE name = ?")
                .param(name)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), columns(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** Every saved version of a profile, the newest first. */
    public List<Version> versions(String name) {
        if (find(name).isEmpty()) {
            throw HouseholdProblems.PROFILE_NOT_FOUND.refuse(
                    "Tidak ada profil pemetaan kolom '" + name + "'.");
        }
        return jdbc.sql("SELECT name, version, description, columns, owner_kind, owner, saved_by, saved_at "
                        + "FROM import_profile_version WHERE name = ? ORDER BY version DESC")
                .param(name)
                .query((rs, n) -> new Version(rs.getString(1), rs.getInt(2), rs.getString(3), columns(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private Map<String, String> columns(String stored) {
        return json.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    public List<Profile> all() {
        return jdbc.sql("SELECT name FROM import_profile ORDER BY name").query(String.class).list().stream()
                .map(n -> find(n).orElseThrow()).toList();
    }

    /**
     * Creates a profile owned by the editor's region (or agency, for city-level staff; or the city, when asked by an
     * admin), or saves a new version of one the editor may change. Every header must map to a known canonical column,
     * each column once.
     *
     * @param cityWide true to make the profile city-wide (admins only); null or false keeps the owner it has
     */
    @Transactional
    public Profile save(String name, String description, Map<String, String> columns, Boolean cityWide,
                        Editor editor) {
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
            throw PlatformProblems.invalid(violations);
        }
        Optional<Profile> existing = jdbc.sql("SELECT name FROM import_profile WHERE name = ? FOR UPDATE").param(name)
                .query(String.class).optional().flatMap(this::find);
        boolean toCity = Boolean.TRUE.equals(cityWide);
        if (toCity && !editor.admin()) {
            throw HouseholdProblems.PROFILE_CITY_WIDE.refuse(
                    "Profil untuk seluruh kota hanya dapat dibuat atau diubah oleh admin Dinas Sosial.");
        }
        existing.ifPresent(profile -> requireOwner(profile, editor));
        String ownerKind;
        String owner;
        if (toCity) {
            ownerKind = "KOTA";
            owner = null;
        } else if (existing.isPresent()) {
            ownerKind = existing.get().ownerKind();
            owner = existing.get().owner();
        } else if (editor.wilayah().length() <= CITY_CODE_LENGTH && editor.opd() != null && !editor.opd().isBlank()) {
            ownerKind = "OPD";
            owner = editor.opd();
        } else {
            ownerKind = "WILAYAH";
            owner = editor.wilayah();
        }
        int version = existing.map(p -> p.version() + 1).orElse(1);
        Timestamp now = Timestamp.from(Instant.now());
        String stored = json.writeValueAsString(columns);
        int written = existing.isPresent()
                ? jdbc.sql("""
                        UPDATE import_profile SET description = ?, columns = ?::jsonb, owner_kind = ?, owner = ?,
                            version = ?, updated_by = ?, updated_at = ?
                        WHERE name = ?""")
                        .params(description, stored, ownerKind, owner, version, editor.actor(), now, name).update()
                : jdbc.sql("""
                        INSERT INTO import_profile (name, description, columns, owner_kind, owner, version, created_by,
                            updated_by, updated_at)
                        VALUES (?, ?, ?::jsonb, ?, ?, 1, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")
                        .params(name, description, stored, ownerKind, owner, editor.actor(), editor.actor(), now)
                        .update();
        if (written == 0) {
            throw HouseholdProblems.PROFILE_CREATED_CONCURRENTLY.refuse(
                    "Profil '" + name + "' baru saja dibuat oleh orang lain. Muat ulang daftar profil, lalu ulangi.");
        }
        jdbc.sql("""
                INSERT INTO import_profile_version (name, version, description, columns, owner_kind, owner, saved_by,
                    saved_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(name, version, description, stored, ownerKind, owner, editor.actor(), now).update();
        return find(name).orElseThrow();
    }

    /** A profile is changed by its owner's staff, or by a Dinas Sosial admin; a city-wide one only by an admin. */
    private static void requireOwner(Profile profile, Editor editor) {
        boolean owner = editor.admin() || switch (profile.ownerKind()) {
            case "WILAYAH" -> profile.owner().equals(editor.wilayah());
            case "OPD" -> profile.owner().equals(editor.opd());
            default -> false;
        };
        if (!owner) {
            String whose = switch (profile.ownerKind()) {
                case "WILAYAH" -> "milik petugas wilayah " + profile.owner();
                case "OPD" -> "milik " + profile.owner();
                default -> "berlaku untuk seluruh kota";
            };
            throw HouseholdProblems.PROFILE_NOT_OWNED.refuse(
                    "Profil '" + profile.name() + "' " + whose + "; hanya " + ("KOTA".equals(profile.ownerKind())
                            ? "admin Dinas Sosial" : "petugasnya atau admin Dinas Sosial")
                            + " yang boleh mengubahnya. Simpan dengan nama lain untuk membuat profil Anda sendiri.");
        }
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
