package org.kesra.performance.realisation;

import java.time.LocalDate;
import java.util.List;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.PoisonEventException;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.performance.register.RegisterFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumes welfare-service's {@code welfare.kelurahan-indicators.published} (through the event backbone's inbox, so a
 * redelivery is absorbed): keeps the figures and, when they are newer than those held and cover exactly a calendar
 * quarter, refreshes the realisations computed from them ({@link Realisations#registerChanged}). Figures of other
 * periods are kept but feed no quarter. A publication that cannot be applied (unknown kelurahan, reversed period,
 * negative counts, more served than found) goes to the dead-letter topic at once, with nothing written: the event's
 * transaction rolls back.
 */
@Component
class RegisterFeed implements EventHandler<KelurahanIndicatorsPublished> {

    private static final Logger log = LoggerFactory.getLogger(RegisterFeed.class);

    private final RegisterFigures figures;
    private final Realisations realisations;

    RegisterFeed(RegisterFigures figures, Realisations realisations) {
        this.figures = figures;
        this.realisations = realisations;
    }

    @Override
    public EventDefinition definition() {
        return EventCatalog.KELURAHAN_INDICATORS_PUBLISHED;
    }

    @Override
    public void handle(ReceivedEvent<KelurahanIndicatorsPublished> event) {
        KelurahanIndicatorsPublished published = event.payload();
        List<String> problems = figures.problems(published);
        if (!problems.isEmpty()) {
            // Retrying cannot make it sound: straight to the dead-letter topic, the reason in its headers.
            throw new PoisonEventException("event " + event.id() + " cannot be applied: "
                    + String.join("; ", problems), null);
        }
        if (!figures.record(published, event.id())) {
            log.info("event {}: figures of kelurahan {} for {}..{} older than those held, ignored", event.id(),
                    published.kelurahanCode(), published.periodFrom(), published.periodTo());
            return;
        }
        LocalDate from = published.periodFrom();
        boolean quarter = from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                && published.periodTo().equals(from.plusMonths(3).minusDays(1));
        if (quarter) {
            int changed = realisations.registerChanged(published.kelurahanCode(), from.getYear(),
                    (from.getMonthValue() - 1) / 3 + 1);
            log.info("event {}: figures of kelurahan {} for {}..{} changed {} realisation(s)", event.id(),
                    published.kelurahanCode(), from, published.periodTo(), changed);
        }
    }
}
