package org.kesra.household.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.registry.NameKey;
import org.kesra.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finding persons and households. The caller's region is a condition of every query, so nothing outside it is
 * counted or returned. Names match on their {@link NameKey} (spelling and spacing variants), then by trigram
 * similarity for typos, best match first; otherwise results are ordered by name and id, so pages are stable.
 */
@Component
public class RegistrySearch {

    public record PersonQuery(String nik, String name, String kelurahanCode, UUID householdId, LocalDate birthDate,
                              String flag, String lifeStatus) {
    }

    /**
     * One person found. A masked reader gets no {@code birthDate} (left out of the JSON): with the sex it would give
     * back the hidden digits of the masked NIK; the birth year is enough for their statistics (docs/personal-data.md).
     */
    public record PersonSummary(UUID id, String nik, String name,
                                @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate birthDate, int birthYear,
                                String sex, String relationship, String kelurahanCode, UUID householdId,
                                String lifeStatus, List<String> nikFlags) {
    }

    public record HouseholdQuery(String kkNumber, String kelurahanCode, String rw, String rt, String status) {
    }

    public record HouseholdSummary(UUID id, String kkNumber, String kelurahanCode, String rw, String rt, String address,
                                   String headName, int livingMembers, String status, int version) {
    }

    private final JdbcClient jdbc;

    public RegistrySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResponse<PersonSummary> persons(RegistryScope scope, PersonQuery query, int page, int size) {
        scope.requireVisibleKelurahan(query.kelurahanCode());
        List<String> where = new ArrayList<>(List.of("kelurahan_code LIKE ?"));
        List<Object> args = new ArrayList<>(List.of(scope.likePattern()));
        String key = query.name() == null || query.name().isBlank() ? null : NameKey.of(query.name());
        if (query.nik() != null) {
            where.add("nik = ?");
            args.add(query.nik().trim());
        }
        if (key != null && !key.isEmpty()) {
            where.add("(name_key LIKE ? OR name_key % ?)");
            args.add("%" + key + "%");
            args.add(key);
        }
        if (query.kelurahanCode() != null) {
            where.add("kelurahan_code = ?");
            args.add(query.kelurahanCode());
        }
        if (query.householdId() != null) {
            where.add("household_id = ?");
            args.add(query.householdId());
        }
        if (query.birthDate() != null) {
            where.add("birth_date = ?");
            args.add(query.birthDate());
        }
        if (query.flag() != null) {
            where.add("? = ANY(nik_flags)");
            args.add(query.flag());
        }
        if (query.lifeStatus() != null) {
            where.add("life_status = ?");
            args.add(query.lifeStatus());
        }
        String condition = String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>();
        String order = "name, id";
        if (key != null && !key.isEmpty()) {
            order = "similarity(name_key, ?) DESC, name, id";
            pageArgs.add(key);
        }
        List<Object> all = new ArrayList<>(args);
        all.addAll(pageArgs);
        all.add(size);
        all.add((long) page * size);
        List<PersonSummary> items = jdbc.sql("""
                SELECT id, nik, name, birth_date, sex, relationship, kelurahan_code, household_id, life_status, nik_flags
                FROM person WHERE\s""" + condition + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, n) -> new PersonSummary(rs.getObject(1, UUID.class), scope.nik(rs.getString(2)),
                        rs.getString(3), scope.seesFullNik() ? rs.getObject(4, LocalDate.class) : null,
                        rs.getObject(4, LocalDate.class).getYear(), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                        Arrays.asList((String[]) rs.getArray(10).getArray())))
                .list();
        return PageResponse.of(items, page, size,
                () -> jdbc.sql("SELECT count(*) FROM person WHERE " + condition).params(args).query(Long.class).single());
    }

    public PageResponse<HouseholdSummary> households(RegistryScope scope, HouseholdQuery query, int page, int size) {
        scope.requireVisibleKelurahan(query.kelurahanCode());
        List<String> where = new ArrayList<>(List.of("h.kelurahan_code LIKE ?"));
        List<Object> args = new ArrayList<>(List.of(scope.likePattern()));
        if (query.kkNumber() != null) {
            where.add("h.kk_number = ?");
            args.add(query.kkNumber().trim());
        }
        if (query.kelurahanCode() != null) {
            where.add("h.kelurahan_code = ?");
            args.add(query.kelurahanCode());
        }
        if (query.rw() != null) {
            where.add("h.rw = ?");
            args.add(pad(query.rw()));
        }
        if (query.rt() != null) {
            where.add("h.rt = ?");
            args.add(pad(query.rt()));
        }
        where.add("h.status = ?");
        args.add(query.status() == null ? "AKTIF" : query.status());
        String condition = String.join(" AND ", where);
        List<Object> all = new ArrayList<>(args);
        all.add(size);
        all.add((long) page * size);
        List<HouseholdSummary> items = jdbc.sql("""
                SELECT h.id, h.kk_number, h.kelurahan_code, h.rw, h.rt, h.address,
                       (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relationship = 'KEPALA_KELUARGA'
                          AND p.life_status = 'HIDUP' LIMIT 1),
                       (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.life_status = 'HIDUP'),
                       h.status, h.version
                FROM household h WHERE\s""" + condition + " ORDER BY h.kelurahan_code, h.rw, h.rt, h.kk_number, h.id"
                        + " LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, n) -> new HouseholdSummary(rs.getObject(1, UUID.class), scope.kk(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getString(9), rs.getInt(10)))
                .list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM household h WHERE " + condition)
                .params(args).query(Long.class).single());
    }

    private static String pad(String number) {
        return number.trim().matches("[0-9]{1,3}") ? String.format("%03d", Integer.parseInt(number.trim())) : number;
    }
}
