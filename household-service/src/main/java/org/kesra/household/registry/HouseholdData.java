package org.kesra.household.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A validated household: normalised card, place and socio-economic answers. */
public record HouseholdData(String kkNumber, String kelurahanCode, String rw, String rt, UUID dasawismaId,
                            String address, BigDecimal latitude, BigDecimal longitude, String houseOwnership,
                            Integer floorAreaM2, String floorMaterial, String wallMaterial, String roofMaterial,
                            String waterSource, String sanitation, String lighting, String cookingFuel,
                            List<String> assets, String incomeBand) {
}
