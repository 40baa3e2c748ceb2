package org.kesra.contracts.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A quarterly realisation as it stands after a step of its review (submitted, returned, approved, re-opened): the
 * content version concerned, its figures with the capaian performance-service computed, the review's reason or
 * checklist, and lateness. The payload of all four realisation events, so a reader keeps the latest state per
 * {@code realisationId} (the Kafka key) and the approved versions as they were approved.
 */
public record RealisationSnapshot(UUID realisationId, String unitCode, int year, int quarter, UUID agreementId,
                                  int agreementRevision, String status, int version, Integer approvedVersion,
                                  LocalDate dueDate, Instant submittedAt, Integer workingDaysLate, String reason,
                                  List<String> checklist, String obstacles, String followUp,
                                  List<RealisationEntry> entries, Instant occurredAt) {
}
