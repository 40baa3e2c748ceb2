package org.kesra.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The schema check lets a valid payload through and names every kind of failure with its location. */
class PayloadSchemasTest {

    private static final EventDefinition REGISTERED = EventCatalog.HOUSEHOLD_REGISTERED;

    private final PayloadSchemas schemas = new PayloadSchemas();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void acceptsTheContractsOwnExample() throws IOException {
        assertThatCode(() -> schemas.check(REGISTERED, example())).doesNotThrowAnyException();
    }

    @Test
    void refusesAWrongFormatWithItsLocation() throws IOException {
        ObjectNode payload = example();
        ((ObjectNode) payload.get("members").get(0)).put("birthDate", "1980-13-45");

        assertThatThrownBy(() -> schemas.check(REGISTERED, payload))
                .isInstanceOfSatisfying(EventSchemaViolationException.class, e ->
                        assertThat(e.getMessage()).contains("/members/0/birthDate"));
    }

    @Test
    void refusesAMissingFieldAndAWrongTypeTogether() throws IOException {
        ObjectNode payload = example();
        payload.remove("kkNumber");
        payload.put("members", "none");

        assertThatThrownBy(() -> schemas.check(REGISTERED, payload))
                .isInstanceOfSatisfying(EventSchemaViolationException.class, e ->
                        assertThat(e.getMessage()).contains("kkNumber").contains("/members"));
    }

    private ObjectNode example() throws IOException {
        try (InputStream in = REGISTERED.payloadType().getResourceAsStream(
                REGISTERED.schemaResource().replace(".schema.json", ".example.json"))) {
            JsonNode node = json.readTree(in);
            return (ObjectNode) node;
        }
    }
}
