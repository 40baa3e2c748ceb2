package org.kesra.contracts.performance;

import java.time.Instant;
import java.util.List;

/**
 * The consistency findings of one unit for one year as they stand after a change to its documents (a plan version
 * published, an agreement agreed, a realisation submitted, returned, approved or re-opened). A snapshot, not a delta:
 * it replaces every earlier list of the same unit and year, so an empty list means the documents now agree, and a
 * lost event is made good by the next one. Key and subject: the unit code.
 */
public record UnitFindingsPublished(String unitCode, int year, List<Finding> findings, Instant occurredAt) {

    /** One inconsistency with its stable code (e.g. PF-CEK-JUMLAH-ANGGARAN) and the places that disagree. */
    public record Finding(String code, String check, String message, Integer quarter, List<Place> places) {
    }

    /** A place a finding names: the document kind, its API path, a JSON pointer into it, a label and the figure. */
    public record Place(String document, String href, String pointer, String label, String value) {
    }
}
