package org.kesra.welfare.agencyapi;

import java.util.UUID;
import org.kesra.welfare.WelfareProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one verification answer's access-log row, committed (autocommit) before the answer leaves, so no answer
 * leaves without a durable log row (UU 27/2022). If the row cannot be written the caller gets a 503 problem and no
 * answer. Batching the rows of concurrent answers into one transaction (group commit) was tried and measured no
 * faster: PostgreSQL already groups concurrent commits' WAL flushes, and the bound is CPU (docs/stack.md 32).
 */
@Component
public class VerificationAccessLog {

    private static final Logger log = LoggerFactory.getLogger(VerificationAccessLog.class);

    public record Entry(String clientId, String caller, String nik, UUID personId, String endpoint, String purpose,
                        String requestId) {
    }

    private final JdbcClient jdbc;

    public VerificationAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns once the entry is committed; throws a 503 problem when it could not be. */
    public void record(Entry entry) {
        try {
            jdbc.sql("""
                    INSERT INTO verification_access (client_id, caller, nik, person_id, endpoint, purpose, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.clientId(), entry.caller(), entry.nik(), entry.personId(), entry.endpoint(),
                            entry.purpose(), entry.requestId())
                    .update();
        } catch (DataAccessException e) {
            log.error("verification access log row not written (request {}); answer refused", entry.requestId(), e);
            throw WelfareProblems.ACCESS_LOG_FAILED.refuse(
                    "Catatan akses tidak dapat disimpan saat ini, sehingga jawaban verifikasi tidak diberikan. "
                            + "Ulangi beberapa saat lagi.");
        }
    }
}
