package org.kesra.household.accesslog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal-data access log of the registry: each read of one person's full record or of one household with its
 * members, with who, when, which endpoint and the purpose the caller declared ({@code X-Purpose}). Searches and
 * lists are not logged (they show masked or summary data); writes have their own change history.
 */
@Component
public class PersonalDataAccessLog {

    public static final String PURPOSE_HEADER = "X-Purpose";

    private final JdbcClient jdbc;

    public PersonalDataAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Access(long id, OffsetDateTime accessedAt, String actor, String clientId, UUID personId,
                         UUID householdId, String endpoint, String purpose, String requestId) {
    }

    public void personRead(UUID personId, String endpoint, String purpose) {
        record(personId, null, endpoint, purpose);
    }

    public void householdRead(UUID householdId, String endpoint, String purpose) {
        record(null, householdId, endpoint, purpose);
    }

    private void record(UUID personId, UUID householdId, String endpoint, String purpose) {
        Caller caller = Caller.current();
        String declared = purpose == null || purpose.isBlank() ? null
                : purpose.strip().substring(0, Math.min(purpose.strip().length(), 200));
        jdbc.sql("""
                INSERT INTO personal_data_access (actor, client_id, person_id, household_id, endpoint, purpose, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.name(), caller.clientId(), personId, householdId, endpoint, declared,
                        MDC.get(RequestIdFilter.MDC_KEY))
                .update();
    }

    public PageResponse<Access> find(UUID personId, UUID householdId, String actor, int page, int size) {
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
        String condition = String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Access> items = jdbc.sql("SELECT id, accessed_at, actor, client_id, person_id, household_id, endpoint,"
                        + " purpose, request_id FROM personal_data_access WHERE " + condition
                        + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageArgs).query(Access.class).list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM personal_data_access WHERE "
                + condition).params(args).query(Long.class).single());
    }
}
