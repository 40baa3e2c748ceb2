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
 * {@code actor} (who took the step, as performance-service's audit names them: the submitter, the approver, the
 * editor who re-opened it, or the service itself) was added within v1: optional, absent from older events. It lets a
 * reader name who submitted and who approved the figures it traces.
 * {@code dueDate} (and with it {@code workingDaysLate}) is null for a historical quarter, one before the first year of
 * performance-service's holiday calendar, entered later from signed documents: no deadline applies to it.
 */
public record RealisationSnapshot(UUID realisationId, String unitCode, int year, int quarter, UUID agreementId,
                                  int agreementRevision, String status, int version, Integer approvedVersion,
                                  LocalDate dueDate, Instant submittedAt, Integer workingDaysLate, String reason,
                                  List<String> checklist, String obstacles, String followUp,
                                  List<RealisationEntry> entries, Instant occurredAt, String actor) {

    /** A snapshot as published before {@code actor} existed. */
    public RealisationSnapshot(UUID realisationId, String unitCode, int year, int quarter, UUID agreementId,
                               int agreementRevision, String status, int version, Integer approvedVersion,
                               LocalDate dueDate, Instant submittedAt, Integer workingDaysLate, String reason,
                               List<String> checklist, String obstacles, String followUp,
                               List<RealisationEntry> entries, Instant occurredAt) {
        this(realisationId, unitCode, year, quarter, agreementId, agreementRevision, status, version,
                approvedVersion, dueDate, submittedAt, workingDaysLate, reason, checklist, obstacles, followUp,
                entries, occurredAt, null);
    }
}
