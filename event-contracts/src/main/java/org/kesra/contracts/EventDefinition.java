package org.kesra.contracts;

import java.util.regex.Pattern;

/**
 * One event type at one version: its CloudEvents {@code type}, the record its {@code data} deserialises into, and
 * the JSON Schema that payload must satisfy ({@code <Record>.v<version>.schema.json} next to the record).
 *
 * <p>Rules (docs/events.md):
 * <ul>
 *   <li>name: {@code <service>.<aggregate>.<past-tense-verb>}, lower case, e.g. {@code household.member.added};
 *       the service prefix names the producing service and its topic {@code <service>.events};</li>
 *   <li>within a version only additive changes: new optional fields; consumers ignore fields they do not know;</li>
 *   <li>a breaking change (renamed, removed, retyped or newly required field) is a new version with its own record
 *       and schema; the producer publishes both versions until every consumer has moved.</li>
 * </ul>
 */
public record EventDefinition(String type, int version, Class<? extends Record> payloadType) {

    private static final Pattern NAME = Pattern.compile("^[a-z]+\\.[a-z][a-z-]*\\.[a-z]+(-[a-z]+)*$");

    public EventDefinition {
        if (!NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type " + type + " is not <service>.<aggregate>.<verb>");
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1: " + type);
        }
    }

    /** The producing service, the first segment of the type. */
    public String service() {
        return type.substring(0, type.indexOf('.'));
    }

    /** The topic of the producing service: one topic per source (ARCHITECTURE.md, Events). */
    public String topic() {
        return service() + ".events";
    }

    /** Class-path resource of the payload's JSON Schema, relative to the payload record. */
    public String schemaResource() {
        return payloadType.getSimpleName() + ".v" + version + ".schema.json";
    }

    /** Class-path resource of the valid example payload kept beside the schema. */
    public String exampleResource() {
        return payloadType.getSimpleName() + ".v" + version + ".example.json";
    }

    /** The CloudEvents {@code dataschema} URI naming this schema version. */
    public String dataSchema() {
        return "urn:kesra:event:" + type + ":v" + version;
    }
}
