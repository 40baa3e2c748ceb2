package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Publishes the payment rounds recorded before welfare-service published round events: the seed migrations' Tabel 2.1
 * and Sembako months (V202611240003, V202611250001) and any round or payment list recorded through the API until now.
 * Without it reporting-service would never see them, and the API cannot record them again (one round per programme,
 * year and label). Writes the same rows the {@code EventPublisher} writes (one {@code welfare.benefit-cycle.opened}
 * per round, one {@code welfare.benefit-payments.recorded} with the totals of each round that has payments), so the
 * outbox relay publishes them after start-up; payloads as the v1 schemas describe them, built by PostgreSQL's
 * json_build_object. Runs once, in the migration's transaction.
 */
public class V202612081200__PublishRecordedRounds extends BaseJavaMigration {

    private static final int SLOTS = 16; // EventPublisher.SLOTS: the relay's slot is hash(key) mod 16

    @Override
    public void migrate(Context context) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Statement select = context.getConnection().createStatement();
             PreparedStatement insert = context.getConnection().prepareStatement("""
                     INSERT INTO event_outbox (event_id, topic, message_key, slot, event_type, event_version, subject,
                                               occurred_at, payload)
                     VALUES (?, 'welfare.events', ?, ?, ?, 1, ?, ?, convert_to(?, 'UTF8'))""")) {
            try (ResultSet rounds = select.executeQuery("""
                    SELECT c.id::text, c.programme_code, json_build_object(
                               'cycleId', c.id, 'programme', c.programme_code, 'year', c.year, 'label', c.label,
                               'kind', c.kind, 'periodStart', c.period_start, 'periodEnd', c.period_end,
                               'sp2dKpm', c.sp2d_kpm, 'sp2dRupiah', c.sp2d_rupiah, 'realisedKpm', c.realised_kpm,
                               'realisedRupiah', c.realised_rupiah,
                               'openedAt', to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
                           (SELECT json_build_object(
                               'cycleId', c.id, 'programme', c.programme_code, 'year', c.year, 'label', c.label,
                               'paidKpm', count(*) FILTER (WHERE p.status = 'DIBAYAR'),
                               'paidRupiah', coalesce(sum(p.rupiah), 0),
                               'unpaidKpm', count(*) FILTER (WHERE p.status = 'TIDAK_DIBAYAR'),
                               'rows', count(*),
                               'recordedAt', to_char(max(p.recorded_at) AT TIME ZONE 'UTC',
                                                     'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
                            FROM benefit_payment p WHERE p.cycle_id = c.id HAVING count(*) > 0)
                    FROM benefit_cycle c ORDER BY c.year, c.period_start, c.label""")) {
                while (rounds.next()) {
                    String key = rounds.getString(1);
                    add(insert, key, rounds.getString(2), "welfare.benefit-cycle.opened", rounds.getString(3), now);
                    if (rounds.getString(4) != null) {
                        add(insert, key, rounds.getString(2), "welfare.benefit-payments.recorded", rounds.getString(4),
                                now);
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, String key, String subject, String type, String payload,
                            Timestamp now) throws Exception {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, key);
        insert.setShort(3, (short) Math.floorMod(key.hashCode(), SLOTS));
        insert.setString(4, type);
        insert.setString(5, subject);
        insert.setTimestamp(6, now);
        insert.setString(7, payload);
        insert.addBatch();
    }
}
