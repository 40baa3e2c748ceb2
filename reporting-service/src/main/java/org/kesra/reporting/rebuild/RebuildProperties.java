package org.kesra.reporting.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kesra.reporting.rebuild.*}.
 *
 * @param atStart        start a rebuild when the service has started (env {@code KESRA_REPORTING_REBUILD_AT_START};
 *                       the launcher sets it with {@code KESRA_REPORTING_REBUILD=true})
 * @param replayFrom     where the replay begins: {@code earliest} (the default: all the broker holds), an ISO-8601
 *                       instant, or {@code topic:partition=offset,...}
 * @param catchUpTimeout longest the live consumers are held while the replay reads the last events before the switch;
 *                       past it the hold is released and tried again
 * @param staleAfter     a running rebuild whose instance has not reported for this long is taken as dead (abandoned)
 */
@ConfigurationProperties("kesra.reporting.rebuild")
public record RebuildProperties(@DefaultValue("false") boolean atStart, @DefaultValue("earliest") String replayFrom,
                                @DefaultValue("20s") Duration catchUpTimeout,
                                @DefaultValue("2m") Duration staleAfter) {
}
