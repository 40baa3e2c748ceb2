package org.kesra.household.registry.web;

import java.time.LocalDate;
import org.kesra.household.registry.HouseholdRegistry;

/** A death as sent ({@code POST /api/v1/persons/{id}/death}); the registry checks it against the person. */
public record DeathRequest(LocalDate dateOfDeath, String reason) {

    HouseholdRegistry.Death command() {
        return new HouseholdRegistry.Death(dateOfDeath, reason);
    }
}
