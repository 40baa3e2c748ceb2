package org.kesra.household.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.CursorPage;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
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

    /**
     * One page of persons, by cursor or by number as the client asked. The summaries carry full NIKs and birth dates:
     * the web layer masks them for the reader.
     */
    public ListPage<PersonSummary> persons(RegistryScope scope, PersonQuery query, Paging paging) {
        return paging.byCursor() ? persons(scope, query, paging.cursor(), paging.size())
                : persons(scope, query, paging.page(), paging.size());
    }

    /** One page of households, by cursor or by number; the summaries carry full KK numbers (masked by the web layer). */
    public ListPage<HouseholdSummary> households(RegistryScope scope, HouseholdQuery query, Paging paging) {
        return paging.byCursor() ? households(scope, query, paging.cursor(), paging.size())
                : households(scope, query, paging.page(), paging.size());
    }

    public PageResponse<PersonSummary> persons(RegistryScope scope, PersonQuery query, int page, int size) {
        PersonFilter filter = personFilter(scope, query);
        List<Object> all = new ArrayList<>(filter.args());
        all.addAll(filter.orderArgs());
        all.add(size);
        all.add((long) page * size);
        List<PersonSummary> items = jdbc.sql(PERSON_SELECT + " WHERE " + filter.condition() + " ORDER BY "
                        + filter.order() + " LIMIT ? OFFSET ?")
                .params(all).query((rs, n) -> person(rs, scope)).list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM person WHERE "
                + filter.condition()).params(filter.args()).query(Long.class).single());
    }

    /**
     * The persons after {@code cursor} in the same order as the numbered pages: by name and id, or for a name search
     * by similarity (best first), name and id; the similarity of the last row travels in the cursor. Never counted.
     */
    public CursorPage<PersonSummary> persons(RegistryScope scope, PersonQuery query, String cursor, int size) {
        PersonFilter filter = personFilter(scope, query);
        List<Object> fingerprint = List.of(String.valueOf(query.nik()), String.valueOf(filter.key()),
                String.valueOf(query.kelurahanCode()), String.valueOf(query.householdId()),
                String.valueOf(query.birthDate()), String.valueOf(query.flag()), String.valueOf(query.lifeStatus()));
        boolean ranked = filter.key() != null;
        Optional<Cursor.Position> after = Cursor.decode(cursor, "persons", fingerprint, ranked ? 3 : 2);
        String condition = filter.condition();
        List<Object> all = new ArrayList<>(filter.args());
        if (after.isPresent()) {
            Cursor.Position position = after.get();
            if (ranked) {
                // Mixed directions (similarity descending, then name and id ascending) need the expanded form; the
                // similarity is compared as the real it is (a double would miss the ties).
                condition += " AND (similarity(name_key, ?) < CAST(? AS real) OR (similarity(name_key, ?) = "
                        + "CAST(? AS real) AND (name, id) > (?, ?)))";
                all.addAll(List.of(filter.key(), position.real(0), filter.key(), position.real(0), position.text(1),
                        position.uuid(2)));
            } else {
                condition += " AND (name, id) > (?, ?)";
                all.addAll(List.of(position.text(0), position.uuid(1)));
            }
        }
        all.addAll(filter.orderArgs());
        all.add(size + 1);
        String similarity = ranked ? "similarity(name_key, ?)" : "CAST(0 AS real)";
        List<Object> selectArgs = new ArrayList<>(ranked ? List.of(filter.key()) : List.of());
        selectArgs.addAll(all);
        List<Ranked> rows = jdbc.sql(PERSON_COLUMNS + ", " + similarity + " FROM person WHERE " + condition
                        + " ORDER BY " + filter.order() + " LIMIT ?")
                .params(selectArgs).query((rs, n) -> new Ranked(person(rs, scope), rs.getFloat(11))).list();
        return CursorPage.of(rows, size, last -> Cursor.encode("persons", fingerprint, ranked
                ? List.of(last.similarity(), last.person().name(), last.person().id())
                : List.of(last.person().name(), last.person().id()))).map(Ranked::person);
    }

    private record Ranked(PersonSummary person, float similarity) {
    }

    private record PersonFilter(String condition, List<Object> args, String key, String order, List<Object> orderArgs) {
    }

    private static PersonFilter personFilter(RegistryScope scope, PersonQuery query) {
        scope.requireVisibleKelurahan(query.kelurahanCode());
        List<String> where = new ArrayList<>(List.of("kelurahan_code LIKE ?"));
        List<Object> args = new ArrayList<>(List.of(scope.likePattern()));
        String key = query.name() == null || query.name().isBlank() ? null : NameKey.of(query.name());
        if (key != null && key.isEmpty()) {
            key = null;
        }
        if (query.nik() != null) {
            where.add("nik = ?");
            args.add(query.nik().trim());
        }
        if (key != null) {
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
        return key == null
                ? new PersonFilter(String.join(" AND ", where), args, null, "name, id", List.of())
                : new PersonFilter(String.join(" AND ", where), args, key, "similarity(name_key, ?) DESC, name, id",
                        List.of(key));
    }

    private static final String PERSON_COLUMNS =
            "SELECT id, nik, name, birth_date, sex, relationship, kelurahan_code, household_id, life_status, nik_flags";
    private static final String PERSON_SELECT = PERSON_COLUMNS + " FROM person";

    private static PersonSummary person(java.sql.ResultSet rs, RegistryScope scope) throws java.sql.SQLException {
        LocalDate birthDate = rs.getObject(4, LocalDate.class);
        // A reader of masked NIKs gets the birth year only: the date would give back the NIK's hidden digits.
        return new PersonSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), birthDate,
                birthDate.getYear(), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                Arrays.asList((String[]) rs.getArray(10).getArray()));
    }

    public PageResponse<HouseholdSummary> households(RegistryScope scope, HouseholdQuery query, int page, int size) {
        HouseholdFilter filter = householdFilter(scope, query);
        List<Object> all = new ArrayList<>(filter.args());
        all.add(size);
        all.add((long) page * size);
        List<HouseholdSummary> items = jdbc.sql(HOUSEHOLD_SELECT + " WHERE " + filter.condition()
                        + " ORDER BY " + HOUSEHOLD_ORDER + " LIMIT ? OFFSET ?")
                .params(all).query((rs, n) -> household(rs, scope)).list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM household h WHERE "
                + filter.condition()).params(filter.args()).query(Long.class).single());
    }

    /**
     * The households after {@code cursor}, in region and KK order. The sort key is compared as one row value, which
     * the index {@code household_list_order} serves as a range: the page after the last household costs what the
     * first does. Never counted.
     */
    public CursorPage<HouseholdSummary> households(RegistryScope scope, HouseholdQuery query, String cursor, int size) {
        HouseholdFilter filter = householdFilter(scope, query);
        // The cursor holds the last household's id only, never its KK number (masked for some readers): its sort key
        // is read back by id, once per page, as the row value the index range starts after.
        Optional<Cursor.Position> after = Cursor.decode(cursor, "households", filter.args(), 1);
        String condition = filter.condition();
        List<Object> all = new ArrayList<>(filter.args());
        if (after.isPresent()) {
            condition += " AND (h.kelurahan_code, h.rw, h.rt, h.kk_number, h.id) > (SELECT l.kelurahan_code, l.rw,"
                    + " l.rt, l.kk_number, l.id FROM household l WHERE l.id = ?)";
            all.add(after.get().uuid(0));
        }
        all.add(size + 1);
        List<HouseholdSummary> rows = jdbc.sql(HOUSEHOLD_SELECT + " WHERE " + condition + " ORDER BY "
                + HOUSEHOLD_ORDER + " LIMIT ?").params(all).query((rs, n) -> household(rs, scope)).list();
        return CursorPage.of(rows, size, last -> Cursor.encode("households", filter.args(), List.of(last.id())));
    }

    private record HouseholdFilter(String condition, List<Object> args) {
    }

    private static HouseholdFilter householdFilter(RegistryScope scope, HouseholdQuery query) {
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
        return new HouseholdFilter(String.join(" AND ", where), args);
    }

    private static final String HOUSEHOLD_ORDER = "h.kelurahan_code, h.rw, h.rt, h.kk_number, h.id";

    private static final String HOUSEHOLD_SELECT = """
            SELECT h.id, h.kk_number, h.kelurahan_code, h.rw, h.rt, h.address,
                   (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relationship = 'KEPALA_KELUARGA'
                      AND p.life_status = 'HIDUP' LIMIT 1),
                   (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.life_status = 'HIDUP'),
                   h.status, h.version
            FROM household h""";

    private static HouseholdSummary household(java.sql.ResultSet rs, RegistryScope scope)
            throws java.sql.SQLException {
        return new HouseholdSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getInt(10));
    }

    private static String pad(String number) {
        return number.trim().matches("[0-9]{1,3}") ? String.format("%03d", Integer.parseInt(number.trim())) : number;
    }
}
