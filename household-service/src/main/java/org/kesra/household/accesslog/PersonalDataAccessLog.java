package org.kesra.household.accesslog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kesra.household.HouseholdProblems;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal-data access log of the registry (UU 27/2022): every answer that carries a full NIK, every read of one
 * person's or household's record or history (masked or not), and every refused attempt on a person, with who, when,
 * which endpoint, which NIKs were shown, how it ended and the purpose the caller declared ({@code X-Purpose}, required
 * for the reads). Writes have their own change history; their answers carry only the NIKs the writer sent or keeps.
 * See docs/personal-data.md.
 */
@Component
public class PersonalDataAccessLog {

    public static final String PURPOSE_HEADER = "X-Purpose";

    private final JdbcClient jdbc;

    public PersonalDataAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Access(long id, OffsetDateTime accessedAt, String actor, String clientId, UUID personId,
                         UUID householdId, List<String> niks, int status, String endpoint, String purpose,
                         String requestId) {
    }

    /**
     * The declared purpose of a logged read, trimmed and cut to 200 characters; a 400 problem when it is missing,
     * so that no logged read happens without one.
     */
    public static String requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw HouseholdProblems.PURPOSE_REQUIRED.refuse(
                    "Pembacaan data pribadi dicatat beserta tujuannya: isi header " + PURPOSE_HEADER
                            + " dengan tujuan Anda (misalnya \"verifikasi calon KPM PKH\").");
        }
        String stripped = purpose.strip();
        return stripped.substring(0, Math.min(stripped.length(), 200));
    }

    public void personRead(UUID personId, Collection<String> niks, String endpoint, String purpose) {
        record(personId, null, niks, 200, endpoint, purpose);
    }

    public void householdRead(UUID householdId, Collection<String> niks, String endpoint, String purpose) {
        record(null, householdId, niks, 200, endpoint, purpose);
    }

    /** An answer that names no single person or household (a search): the NIKs it showed or asked for. */
    public void niksRead(UUID householdId, Collection<String> niks, String endpoint, String purpose) {
        record(null, householdId, niks, 200, endpoint, purpose);
    }

    /** A refused attempt on a person (403 or 404): nothing was shown, but the attempt is on record. */
    public void personRefused(UUID personId, int status, String endpoint, String purpose) {
        personRefused(Caller.current(), personId, status, endpoint, purpose);
    }

    public void personRefused(Caller caller, UUID personId, int status, String endpoint, String purpose) {
        record(caller, personId, null, List.of(), status, endpoint, purpose);
    }

    /**
     * A write refused because a NIK is already registered (possibly outside the caller's region): the refusal tells
     * the caller that the NIK exists, so it is logged as an access to it. Its own transaction, so that the entry
     * stays when the refused write rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void registeredNikRevealed(Collection<String> niks, String endpoint) {
        record(null, null, niks, 409, endpoint, null);
    }

    private void record(UUID personId, UUID householdId, Collection<String> niks, int status, String endpoint,
                        String purpose) {
        record(Caller.current(), personId, householdId, niks, status, endpoint, purpose);
    }

    private void record(Caller caller, UUID personId, UUID householdId, Collection<String> niks, int status,
                        String endpoint, String purpose) {
        String declared = purpose == null || purpose.isBlank() ? null
                : purpose.strip().substring(0, Math.min(purpose.strip().length(), 200));
        jdbc.sql("""
                INSERT INTO personal_data_access (actor, client_id, person_id, household_id, niks, status, endpoint,
                                                  purpose, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.name(), caller.clientId(), personId, householdId,
                        niks.stream().distinct().toArray(String[]::new), (short) status, endpoint, declared,
                        MDC.get(RequestIdFilter.MDC_KEY))
                .update();
    }

    public PageResponse<Access> find(UUID personId, UUID householdId, String actor, String nik, int page, int size) {
        List<String> where = new ArrayList<>(List.of("true"));
        List<Object> args = new ArrayList<>();
        if (personId != null) {
            where.add("person_id = ?");
            args.add(personId);
        }
        if (householdId != null) {
            where.add("household_id = ?");
            args.add(householdId);
        }
        if (actor != null && !actor.isBlank()) {
            where.add("actor = ?");
            args.add(actor.strip());
        }
        if (nik != null) {
            where.add("niks @> ARRAY[?]::text[]");
            args.add(nik);
        }
        String condition = String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Access> items = jdbc.sql("SELECT id, accessed_at, actor, client_id, person_id, household_id, niks, status,"
                        + " endpoint, purpose, request_id FROM personal_data_access WHERE " + condition
                        + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new Access(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        List.of((String[]) rs.getArray(7).getArray()), rs.getInt(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)))
                .list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM personal_data_access WHERE "
                + condition).params(args).query(Long.class).single());
    }
}
