package org.kesra.reporting.population;

import java.util.List;
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
import org.kesra.reporting.rebuild.RebuiltTables;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the recap takes from household-service's events: where each household and person is and whether the person
 * still counts as registered. Each handler runs in the transaction that records the event in the inbox (a
 * redelivered event is applied once) and advances the topic's progress in the same transaction.
 * {@code household.person.corrected} changes nothing a recap counts, but it is handled so that the progress says
 * the topic was read that far.
 */
@Configuration(proxyBeanMethods = false)
public class HouseholdEventHandlers {

    static final String TOPIC = "household.events";

    @Bean
    EventHandler<HouseholdRegistered> reportingHouseholdRegistered(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.HOUSEHOLD_REGISTERED,
                (ReceivedEvent<HouseholdRegistered> event) -> {
            HouseholdRegistered card = event.payload();
            population.household(card.householdId(), card.kelurahanCode(), event.time());
            for (Member member : card.members()) {
                population.person(member.personId(), card.householdId(), card.kelurahanCode(),
                        status(member.lifeStatus()), event.time());
            }
        });
    }

    @Bean
    EventHandler<MemberAdded> reportingMemberAdded(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.MEMBER_ADDED, (ReceivedEvent<MemberAdded> event) -> {
            MemberAdded added = event.payload();
            population.person(added.member().personId(), added.householdId(), added.kelurahanCode(),
                    status(added.member().lifeStatus()), event.time());
        });
    }

    @Bean
    EventHandler<MemberRemoved> reportingMemberRemoved(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.MEMBER_REMOVED, (ReceivedEvent<MemberRemoved> event) ->
                population.status(event.payload().personId(), "KELUAR_KK", true, event.time()));
    }

    @Bean
    EventHandler<MemberMoved> reportingMemberMoved(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.MEMBER_MOVED, (ReceivedEvent<MemberMoved> event) -> {
            MemberMoved moved = event.payload();
            if (moved.newHousehold()) {
                population.household(moved.toHouseholdId(), moved.toKelurahanCode(), event.time());
            }
            population.person(moved.personId(), moved.toHouseholdId(), moved.toKelurahanCode(), "TERDAFTAR",
                    event.time());
        });
    }

    @Bean
    EventHandler<HouseholdRelocated> reportingHouseholdRelocated(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.HOUSEHOLD_RELOCATED, (ReceivedEvent<HouseholdRelocated> event) ->
                population.householdMoved(event.payload().householdId(), event.payload().toKelurahanCode(),
                        event.time()));
    }

    @Bean
    EventHandler<HouseholdCorrected> reportingHouseholdCorrected(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.HOUSEHOLD_CORRECTED, (ReceivedEvent<HouseholdCorrected> event) ->
                population.householdMoved(event.payload().householdId(), event.payload().kelurahanCode(),
                        event.time()));
    }

    @Bean
    EventHandler<PersonCorrected> reportingPersonCorrected(SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.PERSON_CORRECTED, (ReceivedEvent<PersonCorrected> event) -> {
        });
    }

    @Bean
    EventHandler<PersonDied> reportingPersonDied(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.PERSON_DIED, (ReceivedEvent<PersonDied> event) ->
                population.status(event.payload().personId(), "MENINGGAL", false, event.time()));
    }

    @Bean
    EventHandler<PersonMovedAway> reportingPersonMovedAway(Population population, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.PERSON_MOVED_AWAY, (ReceivedEvent<PersonMovedAway> event) ->
                population.status(event.payload().personId(), "PINDAH", false, event.time()));
    }

    /** A member recorded as dead or moved away at registration does not count as registered. */
    private static String status(String lifeStatus) {
        return switch (lifeStatus == null ? "HIDUP" : lifeStatus) {
            case "MENINGGAL" -> "MENINGGAL";
            case "PINDAH" -> "PINDAH";
            default -> "TERDAFTAR";
        };
    }

    /**
     * The tables the handlers above write, rebuilt from household.events by a read-model rebuild. A household's move
     * finds its members by {@code rm_person_household}, so a rebuild keeps that index while it replays.
     */
    @Bean
    RebuiltTables populationTables() {
        return new RebuiltTables("population", List.of("rm_household", "rm_person"), List.of("rm_person_household"));
    }
}
