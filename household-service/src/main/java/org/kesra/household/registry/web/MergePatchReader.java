package org.kesra.household.registry.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON Merge Patch body (RFC 7396) into a typed request: the body is read as a JSON object first (so that
 * every text in it passes the platform's checks, NUL included), then each field into its type. Nothing is refused
 * while reading: the request's {@code command()} validates once, in the order clients know (reason, unknown fields,
 * then each field).
 */
abstract class MergePatchReader<T> extends ValueDeserializer<T> {

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
        JavaType object = context.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
        Map<String, Object> body = context.readValue(parser, object);
        return read(body);
    }

    abstract T read(Map<String, Object> body);

    /** The reason as sent, when it is text. */
    static String reason(Map<String, Object> body) {
        return body.get("reason") instanceof String text ? text : null;
    }

    /** The fields of the body that the request does not know (the reason aside). */
    static List<String> unknown(Map<String, Object> body, Set<String> known) {
        return body.keySet().stream().filter(k -> !k.equals("reason") && !known.contains(k)).toList();
    }

    /** A correction needs a reason of at most 500 characters; answers it trimmed. */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw PlatformProblems.invalid(List.of(Violation.field("/reason",
                    "alasan wajib diisi, paling panjang 500 karakter")));
        }
        return reason.trim();
    }

    static void refuseUnknown(List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw PlatformProblems.invalid(unknown.stream().map(k -> Violation.field("/" + k,
                    "kolom ini tidak dikenal atau tidak dapat dikoreksi")).toList());
        }
    }
}
