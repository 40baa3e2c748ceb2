package org.kesra.household.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.kesra.platform.web.PageResponse;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /** @param nikView how this reader may see NIKs (whole or masked); applied to the before and after values too */
    public PageResponse<Entry> of(Entity entity, UUID id, int page, int size,
                                  java.util.function.UnaryOperator<String> nikView) {
        long total = jdbc.sql("SELECT count(*) FROM change_history WHERE entity = ? AND entity_id = ?")
                .params(entity.name(), id).query(Long.class).single();
        var items = jdbc.sql("""
                SELECT id, action, changed_at, changed_by, reason, request_id, before, after FROM change_history
                WHERE entity = ? AND entity_id = ? ORDER BY id LIMIT ? OFFSET ?""")
                .params(entity.name(), id, size, (long) page * size)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        masked(rs.getString(7), nikView), masked(rs.getString(8), nikView)))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    private JsonNode masked(String stored, java.util.function.UnaryOperator<String> nikView) {
        if (stored == null) {
            return null;
        }
        JsonNode node = json.readTree(stored);
        if (node instanceof tools.jackson.databind.node.ObjectNode object && object.has("nik")
                && object.get("nik").isString()) {
            object.put("nik", nikView.apply(object.get("nik").asString()));
        }
        return node;
    }
}
