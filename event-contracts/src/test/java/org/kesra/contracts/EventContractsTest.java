package org.kesra.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build-time check of the contracts: each record agrees with its schema field by field and type by type,
 * each example validates against the schema and round-trips through the record unchanged.
 */
class EventContractsTest {

    /** Irregular past tenses allowed as the verb of an event name; regular ones end in "ed". */
    private static final Set<String> IRREGULAR_PAST = Set.of("sent", "paid", "made", "set", "found", "held", "put");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventDefinition> definitions() {
        return EventCatalog.ALL.stream();
    }

    @Test
    void typeAndVersionPairsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (EventDefinition d : EventCatalog.ALL) {
            assertThat(seen.add(d.type() + ":" + d.version())).as("duplicate %s v%d", d.type(), d.version()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void nameEndsInAPastTenseVerb(EventDefinition definition) {
        String action = definition.type().substring(definition.type().lastIndexOf('.') + 1);
        String verb = action.split("-")[0]; // moved-away: the verb is "moved"

        assertThat(verb.endsWith("ed") || IRREGULAR_PAST.contains(verb))
                .as("%s: the event name must end in a past-tense verb", definition.type()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void recordComponentsAreExactlyTheSchemaPropertiesAtEveryLevel(EventDefinition definition) {
        JsonNode schema = schemaJson(definition);
        List<String> mismatches = new ArrayList<>();
        compareObject(definition.payloadType(), schema, schema, definition.type(), mismatches);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void recordComponentTypesMatchSchemaTypesAtEveryLevel(EventDefinition definition) {
        JsonNode schema = schemaJson(definition);
        List<String> mismatches = new ArrayList<>();
        compareTypes(definition.payloadType(), schema, schema, definition.type(), mismatches);
        assertThat(mismatches).isEmpty();
    }

    /** Record components and schema properties are the same set; the object is closed; required names exist. */
    private static void compareObject(Class<?> record, JsonNode objectSchema, JsonNode root, String where,
                                      List<String> mismatches) {
        JsonNode object = resolve(objectSchema, root);
        Set<String> properties = new HashSet<>(object.path("properties").propertyNames());
        Set<String> components = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        if (!components.equals(properties)) {
            mismatches.add(where + ": record " + components + " vs schema " + properties);
        }
        if (object.path("additionalProperties").asBoolean(true)) {
            mismatches.add(where + ": producer schemas close their property set (additionalProperties: false)");
        }
        for (JsonNode required : object.path("required")) {
            if (!components.contains(required.asString())) {
                mismatches.add(where + ": required " + required.asString() + " is not a record component");
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode property = object.path("properties").path(component.getName());
                JsonNode nestedSchema = property.has("items") ? property.path("items") : property;
                compareObject(nested, nestedSchema, root, where + "." + component.getName(), mismatches);
            }
        }
    }

    private static void compareTypes(Class<?> record, JsonNode objectSchema, JsonNode root, String where,
                                     List<String> mismatches) {
        JsonNode properties = resolve(objectSchema, root).path("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = resolve(properties.path(component.getName()), root);
            String expected = schemaTypeOf(component.getGenericType(), property, mismatches, where + "." + component.getName());
            Set<String> declared = declaredTypes(property);
            if (expected != null && !declared.contains(expected)) {
                mismatches.add(where + "." + component.getName() + ": Java " + component.getGenericType().getTypeName()
                        + " needs schema type " + expected + ", schema says " + declared);
            }
            if (component.getType().isPrimitive() && declared.contains("null")) {
                mismatches.add(where + "." + component.getName() + ": a primitive cannot be null");
            }
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode nestedSchema = property.has("items") ? property.path("items") : property;
                compareTypes(nested, nestedSchema, root, where + "." + component.getName(), mismatches);
            }
        }
    }

    /** The record inside a component: the component's own type, or the element type of a list. */
    private static Class<?> nestedRecord(Type type) {
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            Type element = parameterized.getActualTypeArguments()[0];
            return element instanceof Class<?> c && c.isRecord() ? c : null;
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }

    /** Follows a local {@code $ref} (#/$defs/...). */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asString();
            current = root.at(ref.substring(1));
        }
        return current;
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void exampleValidatesAgainstSchemaAndRoundTripsThroughTheRecord(EventDefinition definition) {
        JsonNode example = readJson(definition.payloadType(), definition.exampleResource());
        List<Error> errors = schema(definition).validate(example, formats());
        assertThat(errors).as("%s example against schema", definition.type()).isEmpty();

        Object payload = STRICT.treeToValue(example, definition.payloadType());
        JsonNode written = STRICT.readTree(STRICT.writeValueAsString(payload));
        assertThat(written).as("%s example round trip", definition.type()).isEqualTo(example);
        assertThat(schema(definition).validate(written, formats())).isEmpty();
    }

    @Test
    void performanceEventsPublishedBeforeTheLakipFieldsStillValidateAndReadWithNulls() {
        // ancestors (plan) and rating/yearToDateRating (realisation) were added within v1 for the LAKIP: the events
        // already on the topic lack them, and a replay must still read them
        var plan = (tools.jackson.databind.node.ObjectNode) readJson(org.kesra.contracts.performance
                .PlanVersionPublished.class, EventCatalog.PLAN_VERSION_PUBLISHED.exampleResource());
        ((tools.jackson.databind.node.ObjectNode) plan.at("/indicators/0")).remove("ancestors");
        // baseline was added within v1 for the Renstra matrix, after the LAKIP's fields
        ((tools.jackson.databind.node.ObjectNode) plan.at("/indicators/0")).remove("baseline");
        assertThat(schema(EventCatalog.PLAN_VERSION_PUBLISHED).validate(plan, formats())).isEmpty();
        var readPlan = STRICT.treeToValue(plan, org.kesra.contracts.performance.PlanVersionPublished.class);
        assertThat(readPlan.indicators().get(0).ancestors()).isNull();
        assertThat(readPlan.indicators().get(0).baseline()).isNull();

        var realisation = (tools.jackson.databind.node.ObjectNode) readJson(org.kesra.contracts.performance
                .RealisationSnapshot.class, EventCatalog.REALISATION_APPROVED.exampleResource());
        var entry = (tools.jackson.databind.node.ObjectNode) realisation.at("/entries/0");
        entry.remove("rating");
        entry.remove("yearToDateRating");
        assertThat(schema(EventCatalog.REALISATION_APPROVED).validate(realisation, formats())).isEmpty();
        var read = STRICT.treeToValue(realisation, org.kesra.contracts.performance.RealisationSnapshot.class);
        assertThat(read.entries().get(0).rating()).isNull();
        assertThat(read.entries().get(0).yearToDateRating()).isNull();
        assertThat(read.entries().get(0).capaian()).isEqualTo("121.43");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void schemaRejectsAPayloadMissingARequiredField(EventDefinition definition) {
        JsonNode schema = schemaJson(definition);
        for (JsonNode required : schema.path("required")) {
            var example = (tools.jackson.databind.node.ObjectNode) readJson(definition.payloadType(),
                    definition.exampleResource());
            example.remove(required.asString());
            assertThat(schema(definition).validate(example, formats()))
                    .as("%s without %s", definition.type(), required.asString()).isNotEmpty();
        }
    }

    /**
     * {@code ppksCategories} was added to v1 as an optional field: a publication written before it (no such
     * property) still validates and reads with null categories, and a category count the schema does not allow
     * (negative, unknown shape) is refused at the producer.
     */
    @Test
    void kelurahanIndicatorsWithoutPpksCategoriesStayValidAndCategoriesAreChecked() {
        EventDefinition definition = EventCatalog.KELURAHAN_INDICATORS_PUBLISHED;
        var older = (tools.jackson.databind.node.ObjectNode) readJson(definition.payloadType(),
                definition.exampleResource());
        older.remove("ppksCategories");
        assertThat(schema(definition).validate(older, formats())).isEmpty();
        var read = STRICT.treeToValue(older, org.kesra.contracts.welfare.KelurahanIndicatorsPublished.class);
        assertThat(read.ppksCategories()).isNull();
        assertThat(read.ppksTerdata()).isEqualTo(12);

        var example = (tools.jackson.databind.node.ObjectNode) readJson(definition.payloadType(),
                definition.exampleResource());
        var withCategories = STRICT.treeToValue(example,
                org.kesra.contracts.welfare.KelurahanIndicatorsPublished.class);
        assertThat(withCategories.ppksCategories()).extracting(c -> c.category()).containsExactly("AJ", "LUT", "PD");
        ((tools.jackson.databind.node.ObjectNode) example.path("ppksCategories").get(0)).put("terdata", -1);
        assertThat(schema(definition).validate(example, formats())).isNotEmpty();
        var lowerCase = (tools.jackson.databind.node.ObjectNode) readJson(definition.payloadType(),
                definition.exampleResource());
        ((tools.jackson.databind.node.ObjectNode) lowerCase.path("ppksCategories").get(0)).put("category", "anak");
        assertThat(schema(definition).validate(lowerCase, formats())).isNotEmpty();
    }

    private static java.util.function.Consumer<com.networknt.schema.ExecutionContext> formats() {
        return context -> context.executionConfig(config -> config.formatAssertionsEnabled(true).locale(Locale.ENGLISH));
    }

    private static String schemaTypeOf(Type type, JsonNode property, List<String> mismatches, String name) {
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            return "array";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "string";
        }
        if (raw == UUID.class) {
            requireFormat(property, "uuid", mismatches, name);
            return "string";
        }
        if (raw == Instant.class) {
            requireFormat(property, "date-time", mismatches, name);
            return "string";
        }
        if (raw == LocalDate.class) {
            requireFormat(property, "date", mismatches, name);
            return "string";
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw.isEnum()) {
            Set<String> constants = new HashSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
            Set<String> allowed = new HashSet<>();
            property.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    allowed.add(v.asString());
                }
            });
            if (!constants.equals(allowed)) {
                mismatches.add(name + ": enum " + constants + " vs schema " + allowed);
            }
            return "string";
        }
        if (raw.isRecord()) {
            return "object";
        }
        mismatches.add(name + ": no schema mapping for " + raw.getName() + " (money is long rupiah, never floating point)");
        return null;
    }

    private static void requireFormat(JsonNode property, String format, List<String> mismatches, String name) {
        if (!format.equals(property.path("format").asString(""))) {
            mismatches.add(name + ": needs \"format\": \"" + format + "\"");
        }
    }

    private static Set<String> declaredTypes(JsonNode property) {
        Set<String> types = new HashSet<>();
        JsonNode type = property.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (!type.isMissingNode()) {
            types.add(type.asString());
        }
        return types;
    }

    private static Schema schema(EventDefinition definition) {
        return SCHEMAS.getSchema(schemaJson(definition).toString());
    }

    private static JsonNode schemaJson(EventDefinition definition) {
        return readJson(definition.payloadType(), definition.schemaResource());
    }

    private static JsonNode readJson(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            assertThat(in).as("resource %s next to %s", resource, anchor.getName()).isNotNull();
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
