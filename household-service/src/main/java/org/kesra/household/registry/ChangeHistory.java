package org.kesra.household.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.platform.web.PageResponse;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The change history of households and persons, written in the transaction of each change. */
@Component
public class ChangeHistory {

    public enum Entity {
        HOUSEHOLD, PERSON
    }

    /** One entry as read back: who, when, what before and after, why. */
    public record Entry(long id, String action, Instant changedAt, String changedBy, String reason, String requestId,
                        JsonNode before, JsonNode after) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ChangeHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Entity entity, UUID id, String action, Map<String, ?> before, Map<String, ?> after, String reason,
                       String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO change_history (entity, entity_id, action, changed_at, changed_by, reason, request_id, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(entity.name(), id, action, Timestamp.from(at), actor, reason, MDC.get("requestId"),
                        before == null ? null : json.writeValueAsString(before),
                        after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /**
     * One page of an entity's history as this reader may see it: the snapshots are restricted like the records
     * themselves (NIK and KK masked, birth date, health and coordinates left out for masked readers; see
     * {@link RegistryScope}), or they would undo the masking.
     */
    public PageResponse<Entry> of(Entity entity, UUID id, int page, int size, RegistryScope scope) {
        long total = jdbc.sql("SELECT count(*) FROM change_history WHERE entity = ? AND entity_id = ?")
                .params(entity.name(), id).query(Long.class).single();
        var items = jdbc.sql("""
                SELECT id, action, changed_at, changed_by, reason, request_id, before, after FROM change_history
                WHERE entity = ? AND entity_id = ? ORDER BY id LIMIT ? OFFSET ?""")
                .params(entity.name(), id, size, (long) page * size)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        restricted(rs.getString(7), scope), restricted(rs.getString(8), scope)))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    /** The NIKs the entries show (in full to a full reader): what the access log records for this answer. */
    public static List<String> niks(List<Entry> entries) {
        List<String> niks = new ArrayList<>();
        for (Entry entry : entries) {
            for (JsonNode snapshot : new JsonNode[] {entry.before(), entry.after()}) {
                if (snapshot != null && snapshot.path("nik").isString()) {
                    niks.add(snapshot.path("nik").asString());
                }
            }
        }
        return niks;
    }

    private JsonNode restricted(String stored, RegistryScope scope) {
        if (stored == null) {
            return null;
        }
        JsonNode node = json.readTree(stored);
        if (scope.seesFullNik() || !(node instanceof ObjectNode object)) {
            return node;
        }
        if (object.path("nik").isString()) {
            object.put("nik", scope.nik(object.get("nik").asString()));
        }
        if (object.path("kkNumber").isString()) {
            object.put("kkNumber", scope.kk(object.get("kkNumber").asString()));
        }
        if (object.path("birthDate").isString()) {
            String birthDate = object.get("birthDate").asString();
            if (birthDate.length() >= 4) {
                object.put("birthYear", Integer.parseInt(birthDate.substring(0, 4)));
            }
        }
        RegistryScope.PERSON_FIELDS_OF_FULL_READERS.forEach(object::remove);
        RegistryScope.HOUSEHOLD_FIELDS_OF_FULL_READERS.forEach(object::remove);
        return node;
    }
}
