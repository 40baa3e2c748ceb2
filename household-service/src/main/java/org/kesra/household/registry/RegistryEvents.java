package org.kesra.household.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.household.FieldChange;
import org.kesra.contracts.household.HouseholdCorrected;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.HouseholdRelocated;
import org.kesra.contracts.household.Member;
import org.kesra.contracts.household.MemberAdded;
import org.kesra.contracts.household.MemberMoved;
import org.kesra.contracts.household.MemberRemoved;
import org.kesra.contracts.household.PersonCorrected;
import org.kesra.contracts.household.PersonDied;
import org.kesra.contracts.household.PersonMovedAway;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.springframework.stereotype.Component;

/**
 * The registry's events, written to the outbox in the transaction of the change. The key is always the household:
 * the household with its members is the aggregate, so one card's events reach consumers in order. The subject is
 * the kelurahan code, for consumers that route by region.
 */
@Component
public class RegistryEvents {

    private final EventPublisher publisher;

    public RegistryEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public static Member member(PersonRecord p) {
        PersonData d = p.data();
        return new Member(p.id(), d.nik(), d.name(), d.birthDate(), d.sex().name(),
                d.relationship() == null ? Relationship.LAINNYA.name() : d.relationship().name(), d.maritalStatus(),
                d.education(), d.occupation(), d.disability(), d.severeDisability(), d.pregnant(), p.lifeStatus().name());
    }

    public static OutgoingEvent registered(HouseholdRecord h, List<PersonRecord> members, String source, Instant at) {
        return new OutgoingEvent(EventCatalog.HOUSEHOLD_REGISTERED, h.id().toString(), h.data().kelurahanCode(),
                new HouseholdRegistered(h.id(), h.data().kkNumber(), h.data().kelurahanCode(), h.data().rw(),
                        h.data().rt(), members.stream().map(RegistryEvents::member).toList(), source, at));
    }

    public void householdRegistered(HouseholdRecord h, List<PersonRecord> members, String source, Instant at) {
        publisher.publish(registered(h, members, source, at));
    }

    public void memberAdded(HouseholdRecord h, PersonRecord p, Instant at) {
        publish(EventCatalog.MEMBER_ADDED, h.id(), h.data().kelurahanCode(),
                new MemberAdded(h.id(), h.data().kkNumber(), h.data().kelurahanCode(), member(p), at));
    }

    public void memberRemoved(HouseholdRecord h, PersonRecord p, String reason, Instant at) {
        publish(EventCatalog.MEMBER_REMOVED, h.id(), h.data().kelurahanCode(),
                new MemberRemoved(h.id(), p.id(), p.data().nik(), reason, at));
    }

    public void memberMoved(UUID fromHousehold, HouseholdRecord to, PersonRecord p, boolean newHousehold, String reason,
                            Instant at) {
        publish(EventCatalog.MEMBER_MOVED, to.id(), to.data().kelurahanCode(),
                new MemberMoved(p.id(), p.data().nik(), fromHousehold, to.id(), to.data().kkNumber(),
                        to.data().kelurahanCode(), p.data().relationship().name(), newHousehold, reason, at));
    }

    public void householdRelocated(HouseholdRecord before, HouseholdRecord after, String reason, Instant at) {
        publish(EventCatalog.HOUSEHOLD_RELOCATED, after.id(), after.data().kelurahanCode(),
                new HouseholdRelocated(after.id(), after.data().kkNumber(), before.data().kkNumber(),
                        before.data().kelurahanCode(), after.data().kelurahanCode(), after.data().rw(), after.data().rt(),
                        reason, at));
    }

    public void personDied(PersonRecord p, String reason, Instant at) {
        publish(EventCatalog.PERSON_DIED, key(p), p.kelurahanCode(),
                new PersonDied(p.id(), p.data().nik(), p.householdId(), p.lifeStatusDate(), reason, at));
    }

    public void personMovedAway(PersonRecord p, String reason, Instant at) {
        publish(EventCatalog.PERSON_MOVED_AWAY, key(p), p.kelurahanCode(),
                new PersonMovedAway(p.id(), p.data().nik(), p.householdId(), p.lifeStatusDate(), p.movedTo(), reason, at));
    }

    public void personCorrected(PersonRecord p, List<FieldChange> changes, String reason, Instant at) {
        publish(EventCatalog.PERSON_CORRECTED, key(p), p.kelurahanCode(),
                new PersonCorrected(p.id(), p.data().nik(), p.householdId(), changes, reason, at));
    }

    public void householdCorrected(HouseholdRecord h, List<FieldChange> changes, String reason, Instant at) {
        publish(EventCatalog.HOUSEHOLD_CORRECTED, h.id(), h.data().kelurahanCode(),
                new HouseholdCorrected(h.id(), h.data().kkNumber(), h.data().kelurahanCode(), changes, reason, at));
    }

    /** A person off any card is their own aggregate until they join one. */
    private static UUID key(PersonRecord p) {
        return p.householdId() != null ? p.householdId() : p.id();
    }

    private void publish(org.kesra.contracts.EventDefinition definition, UUID key, String subject, Record payload) {
        publisher.publish(new OutgoingEvent(definition, key.toString(), subject, payload));
    }
}
