package org.kesra.events.outbox;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kesra.contracts.EventDefinition;
import tools.jackson.databind.JsonNode;

/** The JSON Schemas of the event contracts, loaded once each, checking payloads before they are published. */
public final class PayloadSchemas {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<EventDefinition, Schema> schemas = new ConcurrentHashMap<>();

    public void check(EventDefinition definition, JsonNode payload) {
        List<com.networknt.schema.Error> errors = schema(definition).validate(payload, context -> context
                .executionConfig(config -> config.formatAssertionsEnabled(true).locale(Locale.ENGLISH)));
        if (!errors.isEmpty()) {
            throw new EventSchemaViolationException(definition.type(), definition.version(),
                    errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());
        }
    }

    private Schema schema(EventDefinition definition) {
        return schemas.computeIfAbsent(definition, d -> {
            try (InputStream in = d.payloadType().getResourceAsStream(d.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + d.schemaResource() + " beside "
                            + d.payloadType().getName());
                }
                // The library builds a schema's validators lazily, on first use, without synchronisation; built here,
                // inside computeIfAbsent, every thread (request threads, the publisher's two) sees them complete.
                Schema schema = registry.getSchema(in);
                schema.initializeValidators();
                return schema;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
