package org.kesra.welfare.agencyapi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.platform.web.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The answer other agencies get about one NIK: for each programme, whether the person is an active beneficiary
 * today and since when, and nothing else (no name, no household, no amounts). A family programme counts the
 * members of an enrolled household. No answer leaves before its access-log row is committed
 * ({@link VerificationAccessLog}).
 */
@Service
public class BeneficiaryVerification {

    private final JdbcClient jdbc;
    private final VerificationAccessLog accessLog;

    public BeneficiaryVerification(JdbcClient jdbc, VerificationAccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    public record ProgrammeStatus(String programme, String name, boolean activeBeneficiary, LocalDate since) {
    }

    public record Answer(String nik, LocalDate date, List<ProgrammeStatus> programmes) {
    }

    private record Row(String programme, String name, boolean activeBeneficiary, LocalDate since, UUID personId) {
    }

    /** One statement (no transaction needed): the programmes and, for the log, the person the NIK belongs to. */
    public Answer verify(String nik, Caller caller, String endpoint, String purpose, String requestId) {
        LocalDate today = LocalDate.now();
        List<Row> rows = jdbc.sql("""
                WITH person AS (
                    SELECT person_id, household_id FROM resident WHERE nik = :nik AND life_status = 'HIDUP'
                    ORDER BY updated_at DESC LIMIT 1),
                logged AS (
                    SELECT person_id FROM resident WHERE nik = :nik ORDER BY updated_at DESC LIMIT 1)
                SELECT p.code AS programme, p.name, count(e.id) > 0 AS active_beneficiary,
                       min(e.period_start) AS since, (SELECT person_id FROM logged) AS person_id
                FROM programme p
                LEFT JOIN enrolment e ON e.programme_code = p.code AND e.status <> 'BERAKHIR'
                     AND e.period_start <= :today AND (e.period_end IS NULL OR e.period_end >= :today)
                     AND (e.nik = :nik OR (p.unit = 'KELUARGA'
                          AND e.household_id = (SELECT household_id FROM person)))
                GROUP BY p.code, p.name ORDER BY p.code""")
                .param("nik", nik).param("today", today).query(Row.class).list();
        UUID personId = rows.isEmpty() ? null : rows.get(0).personId();
        accessLog.record(new VerificationAccessLog.Entry(caller.clientId() == null ? caller.name() : caller.clientId(),
                caller.name(), nik, personId, endpoint, purpose, requestId));
        return new Answer(nik, today, rows.stream()
                .map(r -> new ProgrammeStatus(r.programme(), r.name(), r.activeBeneficiary(), r.since()))
                .toList());
    }

    public record Access(long id, java.time.Instant accessedAt, String clientId, String caller, String nik,
                         java.util.UUID personId, String endpoint, String purpose, String requestId) {
    }

    /** The access log, newest first, optionally for one NIK or one client. */
    public List<Access> accesses(String nik, String clientId, int page, int size) {
        return jdbc.sql("""
                SELECT id, accessed_at, client_id, caller, nik, person_id, endpoint, purpose, request_id
                FROM verification_access
                WHERE (CAST(? AS text) IS NULL OR nik = ?) AND (CAST(? AS text) IS NULL OR client_id = ?)
                ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(nik, nik, clientId, clientId, size, (long) page * size).query(Access.class).list();
    }
}
