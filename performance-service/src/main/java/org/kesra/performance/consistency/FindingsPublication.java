package org.kesra.performance.consistency;

import java.time.Instant;
import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.UnitFindingsPublished;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.performance.units.UnitDocumentsChanged;
import org.kesra.performance.units.UnitScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes a unit's consistency findings for each year a change touched, as {@code performance.unit-findings.published}
 * (issue 22 item 9: reporting shows the findings as this service computed them). Runs after the change commits, in a
 * transaction of its own: a check that fails cannot undo or refuse the user's step, and since every event is the whole
 * list for the unit and year, one that is lost (a crash between the two commits) is made good by the next change.
 */
@Component
class FindingsPublication {

    private static final Logger log = LoggerFactory.getLogger(FindingsPublication.class);
    private static final UnitScope SERVICE = UnitScope.serviceItself("performance-service");

    private final ConsistencyChecks checks;
    private final EventPublisher publisher;

    FindingsPublication(ConsistencyChecks checks, EventPublisher publisher) {
        this.checks = checks;
        this.publisher = publisher;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void publish(UnitDocumentsChanged change) {
        Instant now = Instant.now();
        for (int year = change.fromYear(); year <= change.toYear(); year++) {
            try {
                ConsistencyViews.UnitFindings found = checks.forUnit(SERVICE, change.unitCode(), year);
                publisher.publish(new OutgoingEvent(EventCatalog.UNIT_FINDINGS_PUBLISHED, change.unitCode(),
                        change.unitCode(), new UnitFindingsPublished(change.unitCode(), year,
                        found.findings().stream().map(FindingsPublication::finding).toList(), now)));
            } catch (RuntimeException e) {
                log.warn("findings of unit {} year {} not published: {}", change.unitCode(), year, e.toString());
            }
        }
    }

    private static UnitFindingsPublished.Finding finding(ConsistencyViews.Finding f) {
        List<UnitFindingsPublished.Place> places = f.places().stream().map(p -> new UnitFindingsPublished.Place(
                p.document().name(), p.href(), p.pointer(), p.label(), p.value())).toList();
        return new UnitFindingsPublished.Finding(f.code(), f.check().name(), f.message(), f.quarter(), places);
    }
}
