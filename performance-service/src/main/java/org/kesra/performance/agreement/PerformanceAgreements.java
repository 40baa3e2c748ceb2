package org.kesra.performance.agreement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.renstra.RenstraPlans;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.PageResponse;
import org.kesra.performance.units.UnitDocumentsChanged;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Perjanjian Kinerja use cases, the only writer of the {@code agreement*} tables: draft an agreement, change it (in
 * place while DRAFT, as a new revision with a reason once AGREED), agree it (which freezes the revision), read any
 * revision. Writers are the unit's planners and platform admins ({@link UnitScope#writes}); reads are scoped in the
 * queries like the Renstra's.
 */
@Service
public class PerformanceAgreements {

    private static final Logger log = LoggerFactory.getLogger(PerformanceAgreements.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Units units;
    private final RenstraPlans plans;
    private final EventPublisher publisher;
    private final ApplicationEventPublisher changes;

    public PerformanceAgreements(JdbcClient jdbc, JdbcTemplate batch, Units units, RenstraPlans plans,
                                 EventPublisher publisher, ApplicationEventPublisher changes) {
        this.publisher = publisher;
        this.changes = changes;
        this.jdbc = jdbc;
        this.batch = batch;
        this.units = units;
        this.plans = plans;
    }

    private record Stored(UUID id, String unitCode, int year, int currentRevision, AgreementStatus status) {
    }

    @Transactional
    public AgreementViews.AgreementView draft(UnitScope scope, AgreementRequests.NewAgreement request) {
        Findings findings = new Findings();
        Unit unit = null;
        if (request.unit() == null || request.unit().isBlank()) {
            findings.add(PerformanceProblems.REQUIRED, "/unit", "Kode unit wajib diisi.");
        } else {
            unit = units.find(request.unit().strip()).orElse(null);
            if (unit == null) {
                findings.add(PerformanceProblems.UNIT_UNKNOWN, "/unit", "Unit " + request.unit().strip()
                        + " tidak dikenal.");
            }
        }
        findings.refuseIfAny("Unit kerja Perjanjian Kinerja tidak sah.");
        if (!scope.writes(unit)) {
            throw PerformanceProblems.UNIT_NOT_YOURS.refuse("Anda hanya dapat menyusun Perjanjian Kinerja unit kerja"
                    + " Anda sendiri.", List.of(Violation.field("/unit", "Bukan unit Anda.")));
        }
        if (request.year() == null) {
            findings.add(PerformanceProblems.REQUIRED, "/year", "Tahun wajib diisi.");
        } else if (request.year() < 2000 || request.year() > 2100) {
            findings.add(PerformanceProblems.PERIOD_INVALID, "/year", "Tahun harus antara 2000 dan 2100.");
        }
        Position position = null;
        if (request.position() == null || request.position().isBlank()) {
            findings.add(PerformanceProblems.REQUIRED, "/position", "Jabatan wajib diisi (HEAD, ESELON_III, ESELON_IV).");
        } else {
            try {
                position = Position.valueOf(request.position().strip());
            } catch (IllegalArgumentException unknown) {
                findings.add(PerformanceProblems.POSITION_UNKNOWN, "/position",
                        "Jabatan harus salah satu dari: HEAD, ESELON_III, ESELON_IV.");
            }
        }
        String title = request.positionTitle() == null ? null : request.positionTitle().strip();
        if (title == null || title.isEmpty()) {
            findings.add(PerformanceProblems.REQUIRED, "/positionTitle", "Nama jabatan wajib diisi.");
        } else if (title.length() > 300) {
            findings.add(PerformanceProblems.TOO_LONG, "/positionTitle", "Paling banyak 300 karakter.");
        }
        List<AgreementViews.ItemView> items = request.year() == null ? List.of()
                : items(findings, request.items(), unit.code(), request.year());
        findings.refuseIfAny("Perjanjian Kinerja tidak dapat disimpan: ada isian yang tidak sesuai aturan.");
        units.lock(unit.code());
        boolean exists = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM agreement WHERE unit_code = ? AND year = ? AND position = ?
                                  AND lower(position_title) = lower(?))""")
                .params(unit.code(), request.year(), position.name(), title).query(Boolean.class).single();
        if (exists) {
            throw PerformanceProblems.AGREEMENT_EXISTS.refuse("Unit " + unit.code() + " sudah memiliki Perjanjian"
                    + " Kinerja " + title + " tahun " + request.year() + "; ubah yang ada.",
                    List.of(Violation.field("/positionTitle", "Sudah ada untuk tahun ini.")));
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO agreement (id, unit_code, year, position, position_title, current_revision, created_at,
                                       created_by)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(id, unit.code(), request.year(), position.name(), title, Timestamp.from(now),
                        scope.caller().name()).update();
        insertRevision(id, 1, null, now, scope.caller().name());
        insertItems(id, 1, items);
        log.info("agreement {} drafted for unit {} year {}", id, unit.code(), request.year());
        return read(scope, id, 1);
    }

    /** Changes the newest revision: in place while DRAFT, as a new DRAFT revision with a reason once AGREED. */
    @Transactional
    public AgreementViews.AgreementView change(UnitScope scope, UUID id, int basedOnRevision,
                                               AgreementRequests.Change request) {
        Stored agreement = writable(scope, id, basedOnRevision);
        Findings findings = new Findings();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        boolean newRevision = agreement.status() == AgreementStatus.AGREED;
        if (newRevision && reason == null) {
            findings.add(PerformanceProblems.REQUIRED, "/reason", "Perjanjian Kinerja yang sudah disepakati hanya"
                    + " dapat diubah sebagai revisi baru dengan alasan.");
        } else if (reason != null && reason.length() > 2000) {
            findings.add(PerformanceProblems.TOO_LONG, "/reason", "Paling banyak 2000 karakter.");
        }
        List<AgreementViews.ItemView> items = items(findings, request.items(), agreement.unitCode(), agreement.year());
        findings.refuseIfAny("Perubahan Perjanjian Kinerja tidak dapat disimpan.");
        int revision = agreement.currentRevision();
        if (newRevision) {
            revision++;
            insertRevision(id, revision, reason, Instant.now(), scope.caller().name());
            jdbc.sql("UPDATE agreement SET current_revision = ? WHERE id = ?").params(revision, id).update();
        } else {
            jdbc.sql("DELETE FROM agreement_item WHERE agreement_id = ? AND revision = ?").params(id, revision)
                    .update();
            if (revision > 1 && reason != null) {
                jdbc.sql("UPDATE agreement_revision SET reason = ? WHERE agreement_id = ? AND revision = ?")
                        .params(reason, id, revision).update();
            }
        }
        insertItems(id, revision, items);
        log.info("agreement {} revision {} changed", id, revision);
        return read(scope, id, revision);
    }

    /** Marks the newest revision AGREED, after which it never changes. */
    @Transactional
    public AgreementViews.AgreementView agree(UnitScope scope, UUID id, int basedOnRevision) {
        Stored agreement = writable(scope, id, basedOnRevision);
        if (agreement.status() == AgreementStatus.AGREED) {
            throw PerformanceProblems.AGREEMENT_ALREADY_AGREED.refuse("Revisi " + agreement.currentRevision()
                    + " sudah disepakati; perubahan menjadi revisi baru.");
        }
        jdbc.sql("""
                UPDATE agreement_revision SET status = 'AGREED', agreed_at = ?, agreed_by = ?
                 WHERE agreement_id = ? AND revision = ?""")
                .params(Timestamp.from(Instant.now()), scope.caller().name(), id, agreement.currentRevision())
                .update();
        log.info("agreement {} revision {} agreed", id, agreement.currentRevision());
        AgreementViews.AgreementView agreed = read(scope, id, agreement.currentRevision());
        List<AgreementItem> items = new ArrayList<>();
        for (int i = 0; i < agreed.items().size(); i++) {
            AgreementViews.ItemView item = agreed.items().get(i);
            items.add(new AgreementItem(i, item.sasaran(), item.indicator(), item.unitOfMeasure(),
                    item.direction().name(), text(item.target()), text(item.targetMax()), item.budget(),
                    item.renstraIndicatorId()));
        }
        // In the transaction that froze the revision: the event is out exactly when the agreement is.
        publisher.publish(new OutgoingEvent(EventCatalog.AGREEMENT_AGREED, id.toString(), agreed.unit().code(),
                new AgreementAgreed(id, agreed.revision(), agreed.unit().code(), agreed.year(),
                        agreed.position().name(), agreed.positionTitle(), agreed.reason(), items, agreed.agreedAt())));
        changes.publishEvent(new UnitDocumentsChanged(agreed.unit().code(), agreed.year(), agreed.year()));
        return agreed;
    }

    /** One revision ({@code null}: the newest) of an agreement the caller may read. */
    @Transactional(readOnly = true)
    public AgreementViews.AgreementView read(UnitScope scope, UUID id, Integer revision) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        String inScope = scope.condition("unit_code", args);
        record Head(String unitCode, int year, Position position, String title, int current) {
        }
        Head head = jdbc.sql("SELECT unit_code, year, position, position_title, current_revision FROM agreement"
                        + " WHERE id = ? AND " + inScope).params(args)
                .query((rs, n) -> new Head(rs.getString(1), rs.getInt(2), Position.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5))).optional().orElseThrow(() -> notFound(id));
        int shown = revision == null ? head.current() : revision;
        List<AgreementViews.RevisionSummary> revisions = jdbc.sql("""
                SELECT revision, status, reason, created_at, created_by, agreed_at, agreed_by
                  FROM agreement_revision WHERE agreement_id = ? ORDER BY revision""").param(id)
                .query((rs, n) -> new AgreementViews.RevisionSummary(rs.getInt(1),
                        AgreementStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getString(7))).list();
        AgreementViews.RevisionSummary this_ = revisions.stream().filter(r -> r.revision() == shown).findFirst()
                .orElseThrow(() -> PerformanceProblems.AGREEMENT_REVISION_NOT_FOUND.refuse("Perjanjian Kinerja " + id
                        + " tidak memiliki revisi " + shown + "; revisi terbaru " + head.current() + "."));
        List<AgreementViews.ItemView> items = jdbc.sql("""
                SELECT sasaran, indicator, unit_of_measure, direction, target, target_upper, budget,
                       renstra_indicator_id
                  FROM agreement_item WHERE agreement_id = ? AND revision = ? ORDER BY position""")
                .params(id, shown)
                .query((rs, n) -> {
                    long budget = rs.getLong(7);
                    Long budgetOrNone = rs.wasNull() ? null : budget;
                    return new AgreementViews.ItemView(rs.getString(1), rs.getString(2), rs.getString(3),
                            Direction.valueOf(rs.getString(4)), plain(rs.getBigDecimal(5)),
                            plain(rs.getBigDecimal(6)), budgetOrNone, rs.getObject(8, UUID.class));
                }).list();
        Unit unit = units.find(head.unitCode()).orElseThrow(() -> notFound(id));
        return new AgreementViews.AgreementView(id, unit, head.year(), head.position(), head.title(), shown,
                head.current(), this_.status(), this_.reason(), this_.createdAt(), this_.createdBy(),
                this_.agreedAt(), this_.agreedBy(), revisions, items);
    }

    /** Agreements the caller may read, of one unit and/or year, or all in scope. */
    @Transactional(readOnly = true)
    public PageResponse<AgreementViews.AgreementSummary> list(UnitScope scope, String unitCode, Integer year,
                                                              Paging paging) {
        if (paging.byCursor()) {
            throw PlatformProblems.CURSOR_INVALID.refuse("Daftar Perjanjian Kinerja memakai nomor halaman (page),"
                    + " bukan kursor.", List.of(Violation.field("/cursor", "Gunakan page dan size.")));
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.condition("a.unit_code", args));
        if (unitCode != null) {
            units.readable(scope, unitCode);
            where.append(" AND a.unit_code = ?");
            args.add(unitCode);
        }
        if (year != null) {
            where.append(" AND a.year = ?");
            args.add(year);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(paging.size());
        pageArgs.add((long) paging.page() * paging.size());
        List<AgreementViews.AgreementSummary> items = jdbc.sql(
                "SELECT a.id, a.unit_code, a.year, a.position, a.position_title, a.current_revision, r.status"
                        + " FROM agreement a JOIN agreement_revision r ON r.agreement_id = a.id"
                        + " AND r.revision = a.current_revision WHERE " + where
                        + " ORDER BY a.year DESC, a.unit_code, a.position, a.id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new AgreementViews.AgreementSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getInt(3), Position.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6),
                        AgreementStatus.valueOf(rs.getString(7)))).list();
        return PageResponse.of(items, paging.page(), paging.size(), () -> jdbc.sql(
                "SELECT count(*) FROM agreement a WHERE " + where).params(args).query(Long.class).single());
    }

    private Stored writable(UnitScope scope, UUID id, int basedOnRevision) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        String inScope = scope.condition("a.unit_code", args);
        Stored agreement = jdbc.sql("""
                SELECT a.id, a.unit_code, a.year, a.current_revision, r.status
                  FROM agreement a JOIN agreement_revision r ON r.agreement_id = a.id
                                  AND r.revision = a.current_revision
                 WHERE a.id = ? AND\s""" + inScope + " FOR UPDATE OF a").params(args)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), AgreementStatus.valueOf(rs.getString(5)))).optional()
                .orElseThrow(() -> notFound(id));
        Unit unit = units.find(agreement.unitCode()).orElseThrow(() -> notFound(id));
        if (!scope.writes(unit)) {
            throw PerformanceProblems.UNIT_NOT_YOURS.refuse("Anda hanya dapat mengubah Perjanjian Kinerja unit kerja"
                    + " Anda sendiri.");
        }
        if (basedOnRevision != agreement.currentRevision()) {
            throw PerformanceProblems.AGREEMENT_STALE.refuse("Perjanjian Kinerja ini sudah berubah menjadi revisi "
                    + agreement.currentRevision() + " sejak revisi " + basedOnRevision + " yang Anda kirim. Muat ulang,"
                    + " lalu ulangi.");
        }
        return agreement;
    }

    private List<AgreementViews.ItemView> items(Findings findings, List<AgreementRequests.Item> items,
                                                String unitCode, int year) {
        if (items == null || items.isEmpty()) {
            findings.add(PerformanceProblems.REQUIRED, "/items", "Perjanjian Kinerja memerlukan paling sedikit satu"
                    + " indikator.");
            return List.of();
        }
        List<AgreementViews.ItemView> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AgreementRequests.Item item = items.get(i);
            String at = "/items/" + i;
            if (item == null) {
                findings.add(PerformanceProblems.REQUIRED, at, "Butir kosong.");
                continue;
            }
            String sasaran = text(findings, at + "/sasaran", item.sasaran(), 1000, "Sasaran");
            String indicator = text(findings, at + "/indicator", item.indicator(), 1000, "Indikator");
            String unitOfMeasure = text(findings, at + "/unitOfMeasure", item.unitOfMeasure(), 100, "Satuan");
            Direction direction = null;
            if (item.direction() == null || item.direction().isBlank()) {
                findings.add(PerformanceProblems.REQUIRED, at + "/direction", "Arah indikator wajib diisi.");
            } else {
                try {
                    direction = Direction.valueOf(item.direction().strip());
                } catch (IllegalArgumentException unknown) {
                    findings.add(PerformanceProblems.DIRECTION_UNKNOWN, at + "/direction",
                            "Arah indikator harus salah satu dari: HIGHER, LOWER, RANGE.");
                }
            }
            if (item.target() == null) {
                findings.add(PerformanceProblems.REQUIRED, at + "/target", "Target wajib diisi.");
            } else if (item.target().signum() < 0) {
                findings.add(PerformanceProblems.VALUE_INVALID, at + "/target", "Target tidak boleh negatif.");
            }
            if (direction == Direction.RANGE) {
                if (item.targetMax() == null || (item.target() != null
                        && item.targetMax().compareTo(item.target()) < 0)) {
                    findings.add(PerformanceProblems.RANGE_INVALID, at + "/targetMax",
                            "Indikator RANGE memerlukan batas atas yang tidak lebih kecil dari batas bawah.");
                }
            } else if (direction != null && item.targetMax() != null) {
                findings.add(PerformanceProblems.RANGE_INVALID, at + "/targetMax",
                        "Batas atas target hanya untuk indikator dengan arah RANGE.");
            }
            if (item.budget() != null && item.budget() < 0) {
                findings.add(PerformanceProblems.BUDGET_NEGATIVE, at + "/budget", "Anggaran tidak boleh negatif.");
            }
            if (item.renstraIndicatorId() != null && !plans.indicatorServes(item.renstraIndicatorId(), unitCode, year)) {
                findings.add(PerformanceProblems.RENSTRA_INDICATOR_MISMATCH, at + "/renstraIndicatorId",
                        "Bukan indikator Renstra unit ini untuk periode yang mencakup tahun " + year + ".");
            }
            checked.add(new AgreementViews.ItemView(sasaran, indicator, unitOfMeasure, direction,
                    plain(item.target()), direction == Direction.RANGE ? plain(item.targetMax()) : null,
                    item.budget(), item.renstraIndicatorId()));
        }
        return checked;
    }

    private static String text(Findings findings, String pointer, String text, int max, String what) {
        if (text == null || text.isBlank()) {
            findings.add(PerformanceProblems.REQUIRED, pointer, what + " wajib diisi.");
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            findings.add(PerformanceProblems.TOO_LONG, pointer, "Paling banyak " + max + " karakter.");
            return null;
        }
        return stripped;
    }

    private void insertRevision(UUID id, int revision, String reason, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO agreement_revision (agreement_id, revision, status, reason, created_at, created_by)
                VALUES (?, ?, 'DRAFT', ?, ?, ?)""").params(id, revision, reason, Timestamp.from(at), by).update();
    }

    private void insertItems(UUID id, int revision, List<AgreementViews.ItemView> items) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AgreementViews.ItemView item = items.get(i);
            rows.add(new Object[] {id, revision, i, item.sasaran(), item.indicator(), item.unitOfMeasure(),
                    item.direction().name(), item.target(), item.targetMax(), item.budget(),
                    item.renstraIndicatorId()});
        }
        batch.batchUpdate("""
                INSERT INTO agreement_item (agreement_id, revision, position, sasaran, indicator, unit_of_measure,
                    direction, target, target_upper, budget, renstra_indicator_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static Refusal notFound(UUID id) {
        return PerformanceProblems.AGREEMENT_NOT_FOUND.refuse("Perjanjian Kinerja " + id + " tidak ditemukan.");
    }

    private static String text(BigDecimal value) {
        return value == null ? null : plain(value).toPlainString();
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
