package org.kesra.performance.renstra;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanNodeRef;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.performance.units.UnitDocumentsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces a published plan version on {@code performance.events} through the outbox, inside the transaction that
 * stored it: every indicator flattened with the node carrying it and the nodes above that one (key: the plan id, subject: the unit code).
 */
@Component
class PlanEvents {

    private final EventPublisher publisher;
    private final ApplicationEventPublisher changes;

    PlanEvents(EventPublisher publisher, ApplicationEventPublisher changes) {
        this.publisher = publisher;
        this.changes = changes;
    }

    void published(RenstraViews.PlanView plan) {
        List<PlanIndicator> indicators = new ArrayList<>();
        flatten(plan.tujuan(), List.of(), indicators);
        publisher.publish(new OutgoingEvent(EventCatalog.PLAN_VERSION_PUBLISHED, plan.id().toString(),
                plan.unit().code(), new PlanVersionPublished(plan.id(), plan.version(), plan.unit().code(),
                plan.title(), plan.startYear(), plan.endYear(), plan.reason(), indicators, plan.createdAt())));
        changes.publishEvent(new UnitDocumentsChanged(plan.unit().code(), plan.startYear(), plan.endYear()));
    }

    /** {@code above}: the nodes above {@code nodes}, tujuan first, published with each indicator as its ancestors. */
    private static void flatten(List<RenstraViews.NodeView> nodes, List<PlanNodeRef> above,
                                List<PlanIndicator> into) {
        for (RenstraViews.NodeView node : nodes) {
            for (RenstraViews.IndicatorView i : node.indicators()) {
                into.add(new PlanIndicator(i.id(), node.level().name(), node.code(), node.name(), i.name(),
                        i.unitOfMeasure(), i.direction().name(), i.kind().name(), i.aggregation().name(),
                        i.targets().stream().map(t -> new YearTarget(t.year(), plain(t.target()),
                                plain(t.targetMax()), t.budget())).toList(), above, plain(i.baseline()),
                        i.source() == null ? null : i.source().name(),
                        i.registerMeasure() == null ? null : i.registerMeasure().name(), i.registerProgramme()));
            }
            List<PlanNodeRef> path = new ArrayList<>(above);
            path.add(new PlanNodeRef(node.level().name(), node.code(), node.name()));
            flatten(node.children(), List.copyOf(path), into);
        }
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
