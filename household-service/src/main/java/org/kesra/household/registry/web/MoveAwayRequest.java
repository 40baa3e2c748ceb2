package org.kesra.household.registry.web;

import java.time.LocalDate;
import org.kesra.household.registry.HouseholdRegistry;

/** A move out of the city as sent ({@code POST /api/v1/persons/{id}/move-away}). */
public record MoveAwayRequest(LocalDate movedOn, String destination, String reason) {

    HouseholdRegistry.MoveAway command() {
        return new HouseholdRegistry.MoveAway(movedOn, destination, reason);
    }
}
