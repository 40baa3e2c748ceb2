package org.kesra.performance.realisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.performance.units.UnitDocumentsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces each review step of a realisation on {@code performance.events} through the outbox, in the transaction
 * of the step (key: the realisation id, so one realisation's events stay in order; subject: the unit code). The
 * payload is the realisation as it stands after the step, with the capaian and its rating (as labelled here) computed
 * here, so reporting never recomputes them.
 */
@Component
class RealisationEvents {

    private final EventPublisher publisher;
    private final ApplicationEventPublisher changes;

    RealisationEvents(EventPublisher publisher, ApplicationEventPublisher changes) {
        this.publisher = publisher;
        this.changes = changes;
    }

    void submitted(RealisationViews.RealisationView view, Instant at, String by) {
        publish(EventCatalog.REALISATION_SUBMITTED, view, null, List.of(), at, by);
    }

    void returned(RealisationViews.RealisationView view, List<ReturnReason> checklist, String other, Instant at,
                  String by) {
        publish(EventCatalog.REALISATION_RETURNED, view, other, checklist, at, by);
    }

    void approved(RealisationViews.RealisationView view, Instant at, String by) {
        publish(EventCatalog.REALISATION_APPROVED, view, null, List.of(), at, by);
    }

    void reopened(RealisationViews.RealisationView view, String reason, Instant at, String by) {
        publish(EventCatalog.REALISATION_REOPENED, view, reason, List.of(), at, by);
    }

    /** {@code by}: who took the step, as the audit row names them, so a reader can say who submitted and approved. */
    private void publish(EventDefinition type, RealisationViews.RealisationView view, String reason,
                         List<ReturnReason> checklist, Instant at, String by) {
        List<RealisationEntry> entries = view.entries().stream().map(e -> new RealisationEntry(e.item(),
                e.indicator(), e.unitOfMeasure(), text(e.value()), text(e.numerator()), text(e.denominator()),
                text(e.target()), text(e.targetMax()), e.budget(), e.budgetRealised(), text(e.budgetAbsorption()),
                text(e.quarter().percent()), text(e.yearToDateValue()), text(e.yearToDate().percent()),
                e.quarter().rating(), e.yearToDate().rating(), text(e.efficiency()))).toList();
        publisher.publish(new OutgoingEvent(type, view.id().toString(), view.unit().code(), new RealisationSnapshot(
                view.id(), view.unit().code(), view.year(), view.quarter(), view.agreementId(),
                view.agreementRevision(), view.status().name(), view.version(), view.approvedVersion(),
                view.dueDate(), view.submittedAt(), view.workingDaysLate(), reason,
                checklist.stream().map(Enum::name).toList(), view.obstacles(), view.followUp(), entries, at, by)));
        changes.publishEvent(new UnitDocumentsChanged(view.unit().code(), view.year(), view.year()));
    }

    private static String text(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
