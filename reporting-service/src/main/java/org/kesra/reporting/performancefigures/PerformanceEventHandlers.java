package org.kesra.reporting.performancefigures;

import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.UnitFindingsPublished;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.reporting.rebuild.RebuiltTables;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the quarterly performance report takes from performance-service's events: plan versions, agreed Perjanjian
 * Kinerja revisions, the four realisation review steps (one payload, the realisation as it stands after the
 * step) and the unit's consistency findings per year. Each handler runs in the transaction that records the event in
 * the inbox (a redelivered event is applied once) and advances the topic's progress in the same transaction. Each
 * also records where the event was read (topic, partition, offset), so a report's figure can be traced to it.
 */
@Configuration(proxyBeanMethods = false)
public class PerformanceEventHandlers {

    static final String TOPIC = "performance.events";

    @Bean
    EventHandler<PlanVersionPublished> reportingPlanVersionPublished(PerformanceFigures figures,
                                                                     SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.PLAN_VERSION_PUBLISHED,
                (ReceivedEvent<PlanVersionPublished> event) -> {
                    figures.received(event, event.payload().planId(), event.payload().unitCode());
                    figures.planPublished(event.payload(), event.id());
                });
    }

    @Bean
    EventHandler<AgreementAgreed> reportingAgreementAgreed(PerformanceFigures figures, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.AGREEMENT_AGREED,
                (ReceivedEvent<AgreementAgreed> event) -> {
                    figures.received(event, event.payload().agreementId(), event.payload().unitCode());
                    figures.agreed(event.payload(), event.id());
                });
    }

    @Bean
    EventHandler<RealisationSnapshot> reportingRealisationSubmitted(PerformanceFigures figures,
                                                                    SourceProgress progress) {
        return realisation(EventCatalog.REALISATION_SUBMITTED, figures, progress);
    }

    @Bean
    EventHandler<RealisationSnapshot> reportingRealisationReturned(PerformanceFigures figures,
                                                                   SourceProgress progress) {
        return realisation(EventCatalog.REALISATION_RETURNED, figures, progress);
    }

    @Bean
    EventHandler<RealisationSnapshot> reportingRealisationApproved(PerformanceFigures figures,
                                                                   SourceProgress progress) {
        return realisation(EventCatalog.REALISATION_APPROVED, figures, progress);
    }

    @Bean
    EventHandler<RealisationSnapshot> reportingRealisationReopened(PerformanceFigures figures,
                                                                   SourceProgress progress) {
        return realisation(EventCatalog.REALISATION_REOPENED, figures, progress);
    }

    @Bean
    EventHandler<UnitFindingsPublished> reportingUnitFindingsPublished(UnitFindings findings,
                                                                       SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.UNIT_FINDINGS_PUBLISHED,
                (ReceivedEvent<UnitFindingsPublished> event) -> findings.published(event.payload(), event.id()));
    }

    private static EventHandler<RealisationSnapshot> realisation(EventDefinition definition,
                                                                 PerformanceFigures figures,
                                                                 SourceProgress progress) {
        return progress.handler(TOPIC, definition, (ReceivedEvent<RealisationSnapshot> event) -> {
            figures.received(event, event.payload().realisationId(), event.payload().unitCode());
            figures.realisationStep(event.payload(), event.type(), event.id());
        });
    }

    /** The tables the handlers above write, rebuilt from performance.events by a read-model rebuild. */
    @Bean
    RebuiltTables performanceTables() {
        return new RebuiltTables("performancefigures", List.of("rm_perf_plan_version", "rm_perf_plan_indicator",
                "rm_perf_plan_target", "rm_perf_agreement",
                "rm_perf_agreement_item", "rm_perf_realisation", "rm_perf_realisation_version",
                "rm_perf_realisation_entry", "rm_perf_realisation_step", "rm_perf_step_entry", "rm_perf_event",
                "rm_perf_unit_findings", "rm_perf_unit_finding", "rm_perf_unit_finding_place"));
    }
}
