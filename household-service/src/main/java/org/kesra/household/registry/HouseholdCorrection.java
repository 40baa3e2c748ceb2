package org.kesra.household.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A correction of a household's data (not its kelurahan: that is a relocation): the fields sent, and why. */
public record HouseholdCorrection(String reason, Patched<String> kkNumber, Patched<String> rw, Patched<String> rt,
                                  Patched<UUID> dasawismaId, Patched<String> address, Patched<BigDecimal> latitude,
                                  Patched<BigDecimal> longitude, Patched<String> houseOwnership,
                                  Patched<Integer> floorAreaM2, Patched<String> floorMaterial,
                                  Patched<String> wallMaterial, Patched<String> roofMaterial,
                                  Patched<String> waterSource, Patched<String> sanitation, Patched<String> lighting,
                                  Patched<String> cookingFuel, Patched<List<String>> assets,
                                  Patched<String> incomeBand) {
}
