package org.kesra.reporting.cyclefigures;

import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.contracts.welfare.BenefitPaymentsRecorded;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.reporting.rebuild.RebuiltTables;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the PKH realisation and Sembako monthly reports take from welfare.events: payment rounds and their payment
 * totals. Runs in the inbox transaction (a redelivered event is applied once), with the topic's progress.
 */
@Configuration(proxyBeanMethods = false)
public class CycleEventHandlers {

    static final String TOPIC = "welfare.events";

    @Bean
    EventHandler<BenefitCycleOpened> reportingBenefitCycleOpened(CycleFigures figures, SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.BENEFIT_CYCLE_OPENED,
                (ReceivedEvent<BenefitCycleOpened> event) -> figures.opened(event.payload(), event.id()));
    }

    @Bean
    EventHandler<BenefitPaymentsRecorded> reportingBenefitPaymentsRecorded(CycleFigures figures,
                                                                           SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.BENEFIT_PAYMENTS_RECORDED,
                (ReceivedEvent<BenefitPaymentsRecorded> event) -> figures.paymentsRecorded(event.payload(), event.id()));
    }

    /** The tables the handlers above write, rebuilt from welfare.events by a read-model rebuild. */
    @Bean
    RebuiltTables cycleFigureTables() {
        return new RebuiltTables("cyclefigures", List.of("rm_benefit_cycle", "rm_benefit_payment_totals"));
    }
}
