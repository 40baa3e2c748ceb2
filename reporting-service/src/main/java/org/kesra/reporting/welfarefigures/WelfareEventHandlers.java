package org.kesra.reporting.welfarefigures;

import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.reporting.rebuild.RebuiltTables;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the recap takes from welfare-service's events. welfare.events carries, besides probes, only
 * {@code welfare.kelurahan-indicators.published} today: PPKS totals and per category (since the optional
 * {@code ppksCategories}) and KPM per programme per kelurahan and period. Runs in the inbox transaction, with the topic's progress.
 */
@Configuration(proxyBeanMethods = false)
public class WelfareEventHandlers {

    static final String TOPIC = "welfare.events";

    @Bean
    EventHandler<KelurahanIndicatorsPublished> reportingKelurahanIndicators(WelfareFigures figures,
                                                                            SourceProgress progress) {
        return progress.handler(TOPIC, EventCatalog.KELURAHAN_INDICATORS_PUBLISHED,
                (ReceivedEvent<KelurahanIndicatorsPublished> event) -> figures.published(event.payload(), event.id()));
    }

    /** The tables the handler above writes, rebuilt from welfare.events by a read-model rebuild. */
    @Bean
    RebuiltTables welfareFigureTables() {
        return new RebuiltTables("welfarefigures", List.of("rm_kelurahan_figures", "rm_programme_kpm",
                "rm_ppks_category"));
    }
}
