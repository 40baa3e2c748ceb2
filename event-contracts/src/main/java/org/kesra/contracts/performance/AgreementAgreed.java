package org.kesra.contracts.performance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A revision of a Perjanjian Kinerja was agreed and is frozen from now on; a later change is a new revision, agreed
 * again with its own event. Carries the items as agreed.
 */
public record AgreementAgreed(UUID agreementId, int revision, String unitCode, int year, String position,
                              String positionTitle, String reason, List<AgreementItem> items, Instant agreedAt) {
}
