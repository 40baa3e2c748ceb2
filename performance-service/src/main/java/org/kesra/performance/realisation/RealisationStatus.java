package org.kesra.performance.realisation;

/** Where a quarterly realisation stands in its review. */
public enum RealisationStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED
}
