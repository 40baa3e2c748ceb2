package org.kesra.welfare.accesslog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.RequestIdFilter;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.authorization.WelfareAccess;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * welfare-service's personal-data access log, the mirror of household-service's: one row per staff answer that
 * carries a full NIK (who, client, when, endpoint, the NIKs shown, the declared purpose, request id). The agency API
 * has its own log ({@code verification_access}). Rows are written by {@code web.FullNikAnswers}, once for every endpoint,
 * and by the lookups by NIK that refuse. See docs/personal-data.md.
 */
@Component
public class PersonalDataAccessLog {

    public static final String PURPOSE_HEADER = "X-Purpose";

    private final JdbcClient jdbc;

    public PersonalDataAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Access(long id, OffsetDateTime accessedAt, String actor, String clientId, List<String> niks,
                         int status, String endpoint, String purpose, String requestId) {
    }

    /** The declared purpose, trimmed and cut to 200 characters; a 400 problem when it is missing. */
    public static String requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw WelfareProblems.PURPOSE_REQUIRED.refuse(
                    "Jawaban ini memuat NIK lengkap, dan setiap pembacaan data pribadi dicatat beserta tujuannya:"
                            + " isi header " + PURPOSE_HEADER
                            + " dengan tujuan Anda (misalnya \"verifikasi calon KPM PKH\").");
        }
        return cut(purpose);
    }

    public void record(Caller caller, Collection<String> niks, int status, String endpoint, String purpose) {
        jdbc.sql("""
                INSERT INTO personal_data_access (actor, client_id, niks, status, endpoint, purpose, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caller.name(), caller.clientId(), niks.stream().distinct().toArray(String[]::new),
                        (short) status, endpoint, purpose == null || purpose.isBlank() ? null : cut(purpose),
                        MDC.get(RequestIdFilter.MDC_KEY))
                .update();
    }

    /** Newest first; the NIKs as the reader may see them (an auditor: masked; the filter takes a full NIK). */
    public PageResponse<Access> find(Caller reader, String nik, String actor, int page, int size) {
        List<String> where = new ArrayList<>(List.of("true"));
        List<Object> args = new ArrayList<>();
        if (nik != null) {
            where.add("niks @> ARRAY[?]::text[]");
            args.add(nik);
        }
        if (actor != null && !actor.isBlank()) {
            where.add("actor = ?");
            args.add(actor.strip());
        }
        String condition = String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        boolean full = WelfareAccess.seesFullNik(reader);
        List<Access> items = jdbc.sql("SELECT id, accessed_at, actor, client_id, niks, status, endpoint, purpose,"
                        + " request_id FROM personal_data_access WHERE " + condition
                        + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new Access(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), java.util.Arrays.stream((String[]) rs.getArray(5).getArray())
                                .map(v -> full ? v : WelfareAccess.masked(v)).toList(),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM personal_data_access WHERE "
                + condition).params(args).query(Long.class).single());
    }

    private static String cut(String purpose) {
        String stripped = purpose.strip();
        return stripped.substring(0, Math.min(stripped.length(), 200));
    }
}
