package org.kesra.household.registry.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.kesra.household.registry.HouseholdInput;
import org.kesra.household.registry.PersonInput;

/** A new household with its members, as the form or a partner system sends it. */
public record RegisterHouseholdRequest(String kkNumber, String kelurahanCode, String rw, String rt, UUID dasawismaId,
                                       String address, BigDecimal latitude, BigDecimal longitude,
                                       String houseOwnership, Integer floorAreaM2, String floorMaterial,
                                       String wallMaterial, String roofMaterial, String waterSource, String sanitation,
                                       String lighting, String cookingFuel, List<String> assets, String incomeBand,
                                       List<PersonInput> members) {

    HouseholdInput household() {
        return new HouseholdInput(kkNumber, kelurahanCode, rw, rt, dasawismaId, address, latitude, longitude,
                houseOwnership, floorAreaM2, floorMaterial, wallMaterial, roofMaterial, waterSource, sanitation,
                lighting, cookingFuel, assets, incomeBand);
    }
}
