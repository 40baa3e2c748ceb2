package org.kesra.household.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of likely duplicates found by imports: two NIKs with the same name, birth date and kelurahan. A person
 * who matches, enters and verifies data decides whether they are one person (then one record is corrected or
 * removed through the registry) or two.
 */
@Service
public class DuplicateReviews {

    public enum Decision {
        ORANG_SAMA, ORANG_BERBEDA
    }

    /** One queued pair; the NIKs in full (the web layer masks them for the reader). */
    public record Review(UUID id, UUID importId, Long rowNumber, String nik, String name, LocalDate birthDate,
                         String kelurahanCode, String otherNik, UUID otherPersonId, Long otherRowNumber, String status,
                         String decidedBy, Instant decidedAt, String decisionReason) {
    }

    private final JdbcClient jdbc;

    public DuplicateReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResponse<Review> list(RegistryScope scope, String status, UUID importId, int page, int size) {
        String where = " WHERE kelurahan_code LIKE ? AND (?::text IS NULL OR status = ?) AND (?::uuid IS NULL OR import_id = ?)";
        Object[] params = {scope.likePattern(), status, status, importId, importId};
        long total = jdbc.sql("SELECT count(*) FROM duplicate_review" + where).params(params).query(Long.class).single();
        List<Review> items = jdbc.sql("SELECT * FROM duplicate_review" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(params).params(size, (long) page * size)
                .query((rs, n) -> review(rs)).list();
        return PageResponse.of(items, page, size, total);
    }

    @Transactional
    public Review decide(RegistryScope scope, UUID id, Decision decision, String reason) {
        if (!scope.seesFullNik()) {
            throw PlatformProblems.FORBIDDEN.refuse(
                    "Hanya petugas yang memasukkan atau memverifikasi data yang dapat memutuskan dugaan data ganda.");
        }
        if (decision == null || reason == null || reason.isBlank() || reason.length() > 500) {
            throw PlatformProblems.invalid(
                    List.of(decision == null ? Violation.field("/decision", "keputusan ORANG_SAMA atau ORANG_BERBEDA")
                            : Violation.field("/reason", "alasan keputusan wajib diisi (paling panjang 500 karakter)")));
        }
        Review current = jdbc.sql("SELECT * FROM duplicate_review WHERE id = ? AND kelurahan_code LIKE ? FOR UPDATE")
                .params(id, scope.likePattern()).query((rs, n) -> review(rs)).optional()
                .orElseThrow(() -> HouseholdProblems.REVIEW_NOT_FOUND.refuse(
                        "Tidak ada dugaan data ganda " + id + " di wilayah Anda."));
        if (!"TERBUKA".equals(current.status())) {
            throw HouseholdProblems.REVIEW_DECIDED.refuse(
                    "Dugaan data ganda ini sudah diputuskan " + current.status() + " oleh " + current.decidedBy() + ".");
        }
        jdbc.sql("UPDATE duplicate_review SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?")
                .params(decision.name(), scope.actor(), Timestamp.from(Instant.now()), reason.trim(), id).update();
        return jdbc.sql("SELECT * FROM duplicate_review WHERE id = ?").param(id).query((rs, n) -> review(rs))
                .single();
    }

    private static Review review(ResultSet rs) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Review(rs.getObject("id", UUID.class), rs.getObject("import_id", UUID.class),
                (Long) rs.getObject("row_number"), rs.getString("nik"), rs.getString("name"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("kelurahan_code"),
                rs.getString("other_nik"), rs.getObject("other_person_id", UUID.class),
                (Long) rs.getObject("other_row_number"), rs.getString("status"), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"));
    }
}
