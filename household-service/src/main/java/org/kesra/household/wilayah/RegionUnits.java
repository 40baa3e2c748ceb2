package org.kesra.household.wilayah;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.household.HouseholdProblems;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** RW, RT and dasawisma groups of a kelurahan. */
@Component
public class RegionUnits {

    public record Rw(String rw, List<String> rt) {
    }

    public record Dasawisma(UUID id, String rw, String rt, String name) {
    }

    private final JdbcClient jdbc;
    private final WilayahDirectory directory;

    public RegionUnits(JdbcClient jdbc, WilayahDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The RW and RT of an address, registered if new (households name them; wilayah owns the tables). */
    public void ensure(String kelurahanCode, String rw, String rt, String actor) {
        jdbc.sql("INSERT INTO rukun_warga (kelurahan_code, rw, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(kelurahanCode, rw, actor).update();
        jdbc.sql("INSERT INTO rukun_tetangga (kelurahan_code, rw, rt, created_by) VALUES (?, ?, ?, ?) ON CONFLICT DO"
                + " NOTHING").params(kelurahanCode, rw, rt, actor).update();
    }

    /** Every RW and RT named by the valid rows an import staged, registered if new, in the import's transaction. */
    public void ensureForImport(UUID importId, String actor) {
        jdbc.sql("""
                INSERT INTO rukun_warga (kelurahan_code, rw, created_by)
                SELECT DISTINCT kelurahan_code, rw, ? FROM household_import_row WHERE import_id = ? AND valid
                ON CONFLICT DO NOTHING""").params(actor, importId).update();
        jdbc.sql("""
                INSERT INTO rukun_tetangga (kelurahan_code, rw, rt, created_by)
                SELECT DISTINCT kelurahan_code, rw, rt, ? FROM household_import_row WHERE import_id = ? AND valid
                ON CONFLICT DO NOTHING""").params(actor, importId).update();
    }

    /** The kelurahan, when it exists and lies in the caller's region; else 404 (a region outside is not shown). */
    public String visible(RegistryScope scope, String kelurahan) {
        if (!directory.isKelurahan(kelurahan) || !scope.covers(kelurahan)) {
            throw HouseholdProblems.KELURAHAN_NOT_FOUND.refuse("Tidak ada kelurahan " + kelurahan + " di wilayah Anda.");
        }
        return kelurahan;
    }

    /** The kelurahan, when visible and the caller may change its units. */
    public String writable(RegistryScope scope, String kelurahan) {
        visible(scope, kelurahan);
        scope.requireWritableKelurahan(kelurahan);
        return kelurahan;
    }

    public List<Rw> rws(String kelurahan) {
        Map<String, List<String>> tree = new LinkedHashMap<>();
        jdbc.sql("SELECT rw FROM rukun_warga WHERE kelurahan_code = ? ORDER BY rw").param(kelurahan)
                .query(String.class).list().forEach(rw -> tree.put(rw, new java.util.ArrayList<>()));
        jdbc.sql("SELECT rw, rt FROM rukun_tetangga WHERE kelurahan_code = ? ORDER BY rw, rt").param(kelurahan)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> tree.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return tree.entrySet().stream().map(e -> new Rw(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    @Transactional
    public Rw addRw(String kelurahan, String number, String actor) {
        String rw = number(number, "/number", "RW");
        int added = jdbc.sql("INSERT INTO rukun_warga (kelurahan_code, rw, created_by) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(kelurahan, rw, actor).update();
        if (added == 0) {
            throw HouseholdProblems.RW_EXISTS.refuse(
                    "RW " + rw + " sudah terdaftar di kelurahan " + kelurahan + ".");
        }
        return new Rw(rw, List.of());
    }

    @Transactional
    public Rw addRt(String kelurahan, String rwNumber, String number, String actor) {
        String rw = number(rwNumber, "/rw", "RW");
        String rt = number(number, "/number", "RT");
        requireRw(kelurahan, rw);
        int added = jdbc.sql("INSERT INTO rukun_tetangga (kelurahan_code, rw, rt, created_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(kelurahan, rw, rt, actor).update();
        if (added == 0) {
            throw HouseholdProblems.RT_EXISTS.refuse(
                    "RT " + rt + " sudah terdaftar pada RW " + rw + ".");
        }
        return rws(kelurahan).stream().filter(r -> r.rw().equals(rw)).findFirst().orElseThrow();
    }

    public List<Dasawisma> dasawisma(String kelurahan) {
        return jdbc.sql("SELECT id, rw, rt, name FROM dasawisma WHERE kelurahan_code = ? ORDER BY rw, rt, name")
                .param(kelurahan)
                .query((rs, n) -> new Dasawisma(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    @Transactional
    public Dasawisma addDasawisma(String kelurahan, String rwNumber, String rtNumber, String name, String actor) {
        String rw = number(rwNumber, "/rw", "RW");
        String rt = number(rtNumber, "/rt", "RT");
        if (name == null || name.isBlank() || name.trim().length() > 80) {
            throw invalid("/name", "nama kelompok dasawisma wajib diisi, paling panjang 80 karakter");
        }
        long rtExists = jdbc.sql("SELECT count(*) FROM rukun_tetangga WHERE kelurahan_code = ? AND rw = ? AND rt = ?")
                .params(kelurahan, rw, rt).query(Long.class).single();
        if (rtExists == 0) {
            throw invalid("/rt", "RT " + rt + " belum terdaftar pada RW " + rw + "; daftarkan lebih dulu");
        }
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("INSERT INTO dasawisma (id, kelurahan_code, rw, rt, name, created_by) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (kelurahan_code, name) DO NOTHING").params(id, kelurahan, rw, rt, name.trim(), actor).update();
        if (added == 0) {
            throw HouseholdProblems.DASAWISMA_NAME_TAKEN.refuse(
                    "Kelompok dasawisma bernama " + name.trim() + " sudah ada di kelurahan ini.");
        }
        return new Dasawisma(id, rw, rt, name.trim());
    }

    private void requireRw(String kelurahan, String rw) {
        long exists = jdbc.sql("SELECT count(*) FROM rukun_warga WHERE kelurahan_code = ? AND rw = ?")
                .params(kelurahan, rw).query(Long.class).single();
        if (exists == 0) {
            throw HouseholdProblems.RW_NOT_FOUND.refuse(
                    "RW " + rw + " belum terdaftar di kelurahan " + kelurahan + ".");
        }
    }

    private static String number(String value, String pointer, String label) {
        if (value == null || !value.trim().matches("[0-9]{1,3}") || Integer.parseInt(value.trim()) == 0) {
            throw invalid(pointer, label + " harus berupa nomor 1 sampai 999");
        }
        return String.format("%03d", Integer.parseInt(value.trim()));
    }

    private static Refusal invalid(String pointer, String message) {
        return PlatformProblems.invalid(List.of(Violation.field(pointer, message)));
    }
}
