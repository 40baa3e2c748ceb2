package org.kesra.reporting.rebuild;

import org.kesra.platform.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code kesra.reporting.rebuild.at-start=true} (the launcher's {@code KESRA_REPORTING_REBUILD=true}): a rebuild once
 * the service is up. With several instances started so, one rebuilds; the others are refused and say so in the log.
 */
@Component
class RebuildAtStart {

    private static final Logger log = LoggerFactory.getLogger(RebuildAtStart.class);

    private final ReadModelRebuild rebuild;
    private final RebuildProperties properties;

    RebuildAtStart(ReadModelRebuild rebuild, RebuildProperties properties) {
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startIfAsked() {
        if (!properties.atStart()) {
            return;
        }
        try {
            RebuildStatus started = rebuild.start("at-start");
            log.info("read model rebuild {} started at start-up", started.id());
        } catch (Refusal e) {
            log.info("no read model rebuild at start-up: {}", e.detail());
        }
    }
}
