package org.kesra.contracts.performance;

import java.util.UUID;

/** One item of an agreed Perjanjian Kinerja revision; {@code item} is its position, named by realisations. */
public record AgreementItem(int item, String sasaran, String indicator, String unitOfMeasure, String direction,
                            String target, String targetMax, Long budget, UUID renstraIndicatorId) {
}
