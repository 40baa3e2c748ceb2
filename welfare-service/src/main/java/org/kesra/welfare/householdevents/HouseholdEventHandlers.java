package org.kesra.welfare.householdevents;

import org.kesra.contracts.EventCatalog;
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
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.welfare.enrolment.EnrolmentReviews;
import org.kesra.welfare.enrolment.Enrolments;
import org.kesra.welfare.residents.ResidentProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What welfare-service does with household-service's events: keep its resident copy current, and react where a
 * register is affected. A death, a move out of the city or a member leaving the card opens a review of every running
 * enrolment of the family (and, for a death or move away, of the person), with the amount before and after, computed
 * before the resident copy takes the change in; a relocation moves the household's enrolments to the new kelurahan; a
 * corrected KK number reaches the members' rows. Nothing is ended automatically: a verifier decides. Each runs in the
 * transaction that records the event as handled.
 */
@Configuration(proxyBeanMethods = false)
public class HouseholdEventHandlers {

    @Bean
    EventHandler<HouseholdRegistered> householdRegistered(ResidentProjection residents) {
        return EventHandler.of(EventCatalog.HOUSEHOLD_REGISTERED, (ReceivedEvent<HouseholdRegistered> event) -> {
            HouseholdRegistered card = event.payload();
            for (Member member : card.members()) {
                residents.upsert(member, card.householdId(), card.kkNumber(), card.kelurahanCode(), event.time());
            }
        });
    }

    @Bean
    EventHandler<MemberAdded> memberAdded(ResidentProjection residents) {
        return EventHandler.of(EventCatalog.MEMBER_ADDED, (ReceivedEvent<MemberAdded> event) -> {
            MemberAdded added = event.payload();
            residents.upsert(added.member(), added.householdId(), added.kkNumber(), added.kelurahanCode(),
                    event.time());
        });
    }

    @Bean
    EventHandler<MemberRemoved> memberRemoved(ResidentProjection residents, EnrolmentReviews reviews) {
        return EventHandler.of(EventCatalog.MEMBER_REMOVED, (ReceivedEvent<MemberRemoved> event) -> {
            MemberRemoved removed = event.payload();
            reviews.open(new EnrolmentReviews.MemberChange(removed.personId(), removed.nik(), removed.householdId(),
                    EnrolmentReviews.Reason.KELUAR_KK, EnrolmentReviews.MemberChange.cityDate(removed.removedAt()),
                    event.id()));
            residents.removedFromHousehold(removed.personId(), removed.householdId(), event.time());
        });
    }

    @Bean
    EventHandler<MemberMoved> memberMoved(ResidentProjection residents, EnrolmentReviews reviews) {
        return EventHandler.of(EventCatalog.MEMBER_MOVED, (ReceivedEvent<MemberMoved> event) -> {
            MemberMoved moved = event.payload();
            reviews.open(new EnrolmentReviews.MemberChange(moved.personId(), moved.nik(), moved.fromHouseholdId(),
                    EnrolmentReviews.Reason.KELUAR_KK, EnrolmentReviews.MemberChange.cityDate(moved.movedAt()),
                    event.id()));
            residents.moved(moved.personId(), moved.toHouseholdId(), moved.toKkNumber(), moved.toKelurahanCode(),
                    event.time());
        });
    }

    @Bean
    EventHandler<HouseholdRelocated> householdRelocated(ResidentProjection residents, Enrolments enrolments) {
        return EventHandler.of(EventCatalog.HOUSEHOLD_RELOCATED, (ReceivedEvent<HouseholdRelocated> event) -> {
            HouseholdRelocated relocated = event.payload();
            residents.householdChanged(relocated.householdId(), relocated.kkNumber(), relocated.toKelurahanCode(),
                    event.time());
            enrolments.householdRelocated(relocated.householdId(), relocated.toKelurahanCode());
        });
    }

    @Bean
    EventHandler<PersonCorrected> personCorrected(ResidentProjection residents) {
        return EventHandler.of(EventCatalog.PERSON_CORRECTED, (ReceivedEvent<PersonCorrected> event) ->
                residents.corrected(event.payload().personId(), event.payload().changes(), event.time()));
    }

    @Bean
    EventHandler<HouseholdCorrected> householdCorrected(ResidentProjection residents) {
        return EventHandler.of(EventCatalog.HOUSEHOLD_CORRECTED, (ReceivedEvent<HouseholdCorrected> event) ->
                residents.householdChanged(event.payload().householdId(), event.payload().kkNumber(),
                        event.payload().kelurahanCode(), event.time()));
    }

    @Bean
    EventHandler<PersonDied> personDied(ResidentProjection residents, EnrolmentReviews reviews) {
        return EventHandler.of(EventCatalog.PERSON_DIED, (ReceivedEvent<PersonDied> event) -> {
            PersonDied died = event.payload();
            reviews.open(new EnrolmentReviews.MemberChange(died.personId(), died.nik(), died.householdId(),
                    EnrolmentReviews.Reason.MENINGGAL, died.dateOfDeath(), event.id()));
            residents.lifeStatus(died.personId(), "MENINGGAL", event.time());
        });
    }

    @Bean
    EventHandler<PersonMovedAway> personMovedAway(ResidentProjection residents, EnrolmentReviews reviews) {
        return EventHandler.of(EventCatalog.PERSON_MOVED_AWAY, (ReceivedEvent<PersonMovedAway> event) -> {
            PersonMovedAway moved = event.payload();
            reviews.open(new EnrolmentReviews.MemberChange(moved.personId(), moved.nik(), moved.householdId(),
                    EnrolmentReviews.Reason.PINDAH_KELUAR_KOTA, moved.movedOn(), event.id()));
            residents.lifeStatus(moved.personId(), "PINDAH", event.time());
        });
    }
}
