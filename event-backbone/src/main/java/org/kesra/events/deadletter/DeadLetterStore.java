package org.kesra.events.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.kesra.platform.web.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The operator's table of dead letters, filled from this service's dead-letter topics. */
public class DeadLetterStore {

    private static final String COLUMNS = """
            id, status, event_id, event_type, original_topic, original_partition, original_offset, message_key, reason,
            failed_at, attempts, last_error, resolved_at, resolved_by, resolution_note, headers, payload""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public DeadLetterStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a record read from a dead-letter topic; reading it again changes nothing. */
    public void store(ConsumerRecord<String, byte[]> record) {
        ArrayNode headers = json.createArrayNode();
        for (Header header : record.headers()) {
            headers.addObject().put("name", header.key())
                    .put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        String reason = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN).orElse("unknown") + ": "
                + text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE).orElse("(no message)");
        jdbc.update("""
                INSERT INTO event_dead_letter (dlt_topic, dlt_partition, dlt_offset, event_id, event_type,
                    original_topic, original_partition, original_offset, message_key, headers, payload, reason, failed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (dlt_topic, dlt_partition, dlt_offset) DO NOTHING""",
                record.topic(), record.partition(), record.offset(),
                text(record, "ce_id").orElse(null), text(record, "ce_type").orElse(null),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(record.topic()),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION), number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.key(), json.writeValueAsString(headers), record.value(), reason,
                Timestamp.from(Instant.ofEpochMilli(record.timestamp())));
    }

    public PageResponse<DeadLetter.Summary> list(Optional<String> status, int page, int size) {
        String where = status.isPresent() ? " WHERE status = ?" : "";
        Object[] filter = status.map(s -> new Object[] {s}).orElse(new Object[0]);
        Long total = jdbc.queryForObject("SELECT count(*) FROM event_dead_letter" + where, Long.class, filter);
        List<Object> args = new ArrayList<>(List.of(filter));
        args.add(size);
        args.add((long) page * size);
        List<DeadLetter.Summary> items = jdbc.query("""
                SELECT id, status, event_id, event_type, original_topic, reason, failed_at, attempts
                FROM event_dead_letter""" + where + " ORDER BY id LIMIT ? OFFSET ?",
                (rs, n) -> new DeadLetter.Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8)),
                args.toArray());
        return PageResponse.of(items, page, size, total == null ? 0 : total);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_dead_letter WHERE id = ?", this::map, id)
                .stream().findFirst();
    }

    /** Locks the row for a re-drive or discard, so two operators cannot resolve it twice. */
    public Optional<DeadLetter> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_dead_letter WHERE id = ? FOR UPDATE", this::map, id)
                .stream().findFirst();
    }

    public void resolve(long id, String status, String by, String note) {
        jdbc.update("""
                UPDATE event_dead_letter SET status = ?, resolved_at = now(), resolved_by = ?, resolution_note = ?,
                    attempts = attempts + CASE WHEN ? = 'REDRIVEN' THEN 1 ELSE 0 END
                WHERE id = ?""", status, by, note, status, id);
    }

    public void recordFailedAttempt(long id, String error) {
        jdbc.update("UPDATE event_dead_letter SET attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    /** The original record, as the consumer first received it, for a re-drive. */
    public ConsumerRecord<String, byte[]> originalRecord(long id) {
        return jdbc.queryForObject("""
                SELECT original_topic, original_partition, original_offset, message_key, headers, payload
                FROM event_dead_letter WHERE id = ?""", (rs, n) -> {
                    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(rs.getString(1),
                            rs.getObject(2) == null ? 0 : rs.getInt(2), rs.getObject(3) == null ? 0 : rs.getLong(3),
                            rs.getString(4), rs.getBytes(6));
                    RecordHeaders headers = (RecordHeaders) record.headers();
                    for (JsonNode header : json.readTree(rs.getString(5))) {
                        String name = header.path("name").asString();
                        if (!name.startsWith("kafka_dlt-")) {
                            headers.add(name, Base64.getDecoder().decode(header.path("value").asString()));
                        }
                    }
                    return record;
                }, id);
    }

    private DeadLetter map(ResultSet rs, int row) throws SQLException {
        List<DeadLetter.HeaderValue> headers = new ArrayList<>();
        for (JsonNode header : json.readTree(rs.getString(16))) {
            byte[] value = header.path("value").isNull() ? null : Base64.getDecoder().decode(header.path("value").asString());
            headers.add(new DeadLetter.HeaderValue(header.path("name").asString(), display(value)));
        }
        return new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getInt(11), rs.getString(12),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
                rs.getString(15), headers, display(rs.getBytes(17)));
    }

    /** UTF-8 text as it is; anything else (Spring Kafka writes partition and offset as binary) in base64. */
    private static String display(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(value);
        }
    }

    private static Optional<String> text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header.value());
        return header.value().length == Integer.BYTES ? (long) buffer.getInt() : buffer.getLong();
    }
}
