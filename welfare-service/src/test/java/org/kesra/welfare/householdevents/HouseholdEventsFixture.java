package org.kesra.welfare.householdevents;

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
import org.kesra.contracts.household.FieldChange;
import org.kesra.contracts.household.HouseholdCorrected;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.Member;
import org.kesra.contracts.household.MemberAdded;
import org.kesra.contracts.household.MemberMoved;
import org.kesra.contracts.household.PersonCorrected;
import org.kesra.contracts.household.PersonDied;
import org.kesra.contracts.household.PersonMovedAway;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes household-service's events onto the real broker exactly as its outbox relay does (CloudEvents binary mode,
 * same source, type, data schema, subject and key), so that welfare-service's consumer is tested end to end without
 * starting household-service in the same JVM. The platform's end-to-end test covers the two services together.
 */
public final class HouseholdEventsFixture implements AutoCloseable {

    public static final String TOPIC = "household.events";
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

    public HouseholdEventsFixture() {
        String servers = System.getProperty("KAFKA_BOOTSTRAP_SERVERS");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A valid NIK first registered in Metro Pusat (187201) for the birth date and sex, unique in this run. */
    public static String nik(LocalDate birth, String sex) {
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        return String.format("187201%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                1000 + SERIAL.getAndIncrement() % 9000);
    }

    public static Member member(String name, LocalDate birth, String sex, String relationship) {
        return new Member(UUID.randomUUID(), nik(birth, sex), name, birth, sex, relationship,
                "KEPALA_KELUARGA".equals(relationship) || "ISTRI".equals(relationship) ? "KAWIN" : "BELUM_KAWIN",
                "SLTA", "PETANI", "TIDAK", false, false, "HIDUP");
    }

    /** A registered family of three in the kelurahan: head, wife, child. */
    public HouseholdRegistered registerFamily(String kelurahanCode) {
        return register(kelurahanCode, List.of(member("SUPARMAN", LocalDate.of(1980, 5, 12), "L", "KEPALA_KELUARGA"),
                member("SITI AMINAH", LocalDate.of(1985, 8, 20), "P", "ISTRI"),
                member("BAYU SAPUTRA", LocalDate.of(2012, 3, 3), "L", "ANAK")));
    }

    /** A registered household with the given members. */
    public HouseholdRegistered register(String kelurahanCode, List<Member> members) {
        HouseholdRegistered card = new HouseholdRegistered(UUID.randomUUID(),
                "187201" + String.format("%010d", System.nanoTime() % 10_000_000_000L), kelurahanCode, "001", "002",
                members, "API", Instant.now());
        send(EventCatalog.HOUSEHOLD_REGISTERED, card.householdId(), kelurahanCode, card);
        return card;
    }

    public void memberAdded(HouseholdRegistered card, Member member) {
        send(EventCatalog.MEMBER_ADDED, card.householdId(), card.kelurahanCode(),
                new MemberAdded(card.householdId(), card.kkNumber(), card.kelurahanCode(), member, Instant.now()));
    }

    public static Member with(Member member, boolean pregnant, boolean severeDisability) {
        return new Member(member.personId(), member.nik(), member.name(), member.birthDate(), member.sex(),
                member.relationship(), member.maritalStatus(), member.education(), member.occupation(),
                severeDisability ? "FISIK" : member.disability(), severeDisability, pregnant, member.lifeStatus());
    }

    public void died(HouseholdRegistered card, Member member, LocalDate date) {
        send(EventCatalog.PERSON_DIED, card.householdId(), card.kelurahanCode(), new PersonDied(member.personId(),
                member.nik(), card.householdId(), date, "surat kematian kelurahan", Instant.now()));
    }

    public void movedAway(HouseholdRegistered card, Member member, LocalDate date) {
        send(EventCatalog.PERSON_MOVED_AWAY, card.householdId(), card.kelurahanCode(),
                new PersonMovedAway(member.personId(), member.nik(), card.householdId(), date, "Kota Bandar Lampung",
                        "surat pindah", Instant.now()));
    }

    /** The member left the card for a new one of their own (pecah KK); keyed by the new card, as the registry does. */
    public void splitOff(HouseholdRegistered card, Member member) {
        UUID newHousehold = UUID.randomUUID();
        send(EventCatalog.MEMBER_MOVED, newHousehold, card.kelurahanCode(), new MemberMoved(member.personId(),
                member.nik(), card.householdId(), newHousehold,
                "187201" + String.format("%010d", System.nanoTime() % 10_000_000_000L), card.kelurahanCode(),
                "KEPALA_KELUARGA", true, "pecah KK", Instant.now()));
    }

    public void corrected(HouseholdRegistered card, Member member, List<FieldChange> changes) {
        send(EventCatalog.PERSON_CORRECTED, card.householdId(), card.kelurahanCode(), new PersonCorrected(
                member.personId(), member.nik(), card.householdId(), changes, "koreksi data", Instant.now()));
    }

    public void kkNumberCorrected(HouseholdRegistered card, String newKkNumber) {
        send(EventCatalog.HOUSEHOLD_CORRECTED, card.householdId(), card.kelurahanCode(), new HouseholdCorrected(
                card.householdId(), newKkNumber, card.kelurahanCode(),
                List.of(new FieldChange("kkNumber", card.kkNumber(), newKkNumber)), "salah ketik nomor KK",
                Instant.now()));
    }

    public void send(EventDefinition definition, UUID key, String subject, Record payload) {
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("urn:kesra:service:household"))
                .withType(definition.type())
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("urn:kesra:event:" + definition.type() + ":v" + definition.version()))
                .withDataContentType("application/json")
                .withSubject(subject)
                .withData(JSON.writeValueAsBytes(payload))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(TOPIC, key.toString())
                .writeBinary(event);
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
