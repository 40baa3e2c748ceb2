package org.kesra.reporting;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.HouseholdRelocated;
import org.kesra.contracts.household.Member;
import org.kesra.contracts.household.MemberAdded;
import org.kesra.contracts.household.PersonDied;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes household-service's and welfare-service's events onto the real broker exactly as their outbox relays do
 * (CloudEvents binary mode, same source, type, data schema, subject and key), so reporting-service's consumers are
 * tested end to end without the producing services in this JVM (as welfare-service's HouseholdEventsFixture does).
 */
public final class SourceEventsFixture implements AutoCloseable {

    public static final String HOUSEHOLD = "household.events";
    public static final String WELFARE = "welfare.events";
    public static final String PERFORMANCE = "performance.events";
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;
    private final String servers;

    public SourceEventsFixture() {
        servers = System.getProperty("KAFKA_BOOTSTRAP_SERVERS");
        for (String topic : List.of(HOUSEHOLD, WELFARE, "performance.events")) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            } catch (Exception e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + topic, e);
                }
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static Member member(String name, LocalDate birth, String sex, String relationship) {
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        String nik = String.format("187202%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                1000 + SERIAL.getAndIncrement() % 9000);
        return new Member(UUID.randomUUID(), nik, name, birth, sex, relationship, "BELUM_KAWIN", "SLTA", "PETANI",
                "TIDAK", false, false, "HIDUP");
    }

    /** A household of {@code size} members (the first the head) registered in the kelurahan. */
    public HouseholdRegistered register(String kelurahanCode, int size) {
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(member("ANGGOTA " + i, LocalDate.of(1980 + i, 1 + i % 12, 1 + i), i % 2 == 0 ? "L" : "P",
                    i == 0 ? "KEPALA_KELUARGA" : "ANAK"));
        }
        HouseholdRegistered card = new HouseholdRegistered(UUID.randomUUID(),
                "187202" + String.format("%010d", System.nanoTime() % 10_000_000_000L), kelurahanCode, "001", "002",
                members, "API", Instant.now());
        household(EventCatalog.HOUSEHOLD_REGISTERED, card.householdId(), kelurahanCode, card);
        return card;
    }

    public void memberAdded(HouseholdRegistered card, Member member) {
        household(EventCatalog.MEMBER_ADDED, card.householdId(), card.kelurahanCode(),
                new MemberAdded(card.householdId(), card.kkNumber(), card.kelurahanCode(), member, Instant.now()));
    }

    public void died(HouseholdRegistered card, Member member) {
        household(EventCatalog.PERSON_DIED, card.householdId(), card.kelurahanCode(), new PersonDied(
                member.personId(), member.nik(), card.householdId(), LocalDate.now(), "surat kematian", Instant.now()));
    }

    public void relocated(HouseholdRegistered card, String toKelurahan) {
        household(EventCatalog.HOUSEHOLD_RELOCATED, card.householdId(), toKelurahan, new HouseholdRelocated(
                card.householdId(), card.kkNumber(), card.kkNumber(), card.kelurahanCode(), toKelurahan, "003", "004",
                "pindah alamat", Instant.now()));
    }

    public UUID household(EventDefinition definition, UUID key, String subject, Record payload) {
        UUID id = UUID.randomUUID();
        send(HOUSEHOLD, "household", id, definition, key.toString(), subject, payload);
        return id;
    }

    /** welfare-service's publication of one kelurahan's figures; returns the event id. */
    public UUID published(KelurahanIndicatorsPublished figures) {
        UUID id = UUID.randomUUID();
        send(WELFARE, "welfare", id, EventCatalog.KELURAHAN_INDICATORS_PUBLISHED, figures.kelurahanCode(),
                figures.kelurahanCode(), figures);
        return id;
    }

    /**
     * performance-service's event as its outbox relay writes it (key: the aggregate id, subject: the unit code);
     * returns the event id.
     */
    public UUID performance(EventDefinition definition, UUID key, String unitCode, Record payload) {
        return performance(definition, key.toString(), unitCode, payload);
    }

    /** The same with a key that is not an id (a unit's findings are keyed by its code). */
    public UUID performance(EventDefinition definition, String key, String unitCode, Record payload) {
        UUID id = UUID.randomUUID();
        send(PERFORMANCE, "performance", id, definition, key, unitCode, payload);
        return id;
    }

    /**
     * Commits the consumer group's position at the current end of every source topic, before the service joins it:
     * in the full build the broker is shared, and household- and welfare-service's tests have already published
     * thousands of events for the same kelurahan, which this service's tests would otherwise count and wait for.
     * The service then reads only the events these tests send. Only possible while the group has no member.
     *
     * @return the offsets committed, as {@code topic:partition=offset,...}: where a replay of the same history begins
     */
    public String startGroupAtTheEnd(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<String> topics = List.of(HOUSEHOLD, WELFARE, "performance.events");
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> ends =
                    new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition -> ends.put(
                            new org.apache.kafka.common.TopicPartition(topic, partition.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest())));
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets =
                    new java.util.HashMap<>();
            admin.listOffsets(ends).all().get().forEach((partition, end) -> offsets.put(partition,
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
            return offsets.entrySet().stream().map(e -> e.getKey().topic() + ":" + e.getKey().partition() + "="
                    + e.getValue().offset()).collect(java.util.stream.Collectors.joining(","));
        } catch (Exception e) {
            throw new IllegalStateException("cannot move consumer group " + group + " to the end of its topics", e);
        }
    }

    public void send(String topic, String service, UUID id, EventDefinition definition, String key, String subject,
                     Record payload) {
        var event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create("urn:kesra:service:" + service))
                .withType(definition.type())
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("urn:kesra:event:" + definition.type() + ":v" + definition.version()))
                .withDataContentType("application/json")
                .withSubject(subject)
                .withData(JSON.writeValueAsBytes(payload))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + definition.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
