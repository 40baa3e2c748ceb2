package org.kesra.reporting.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kesra.demo.reports.*}: how the demo mode waits for the read models before it keeps its report files.
 *
 * @param pollInterval how often the sources' progress is looked at
 * @param quiet        how long the performance and welfare sources must have applied nothing (after having applied
 *                     something) before the models are taken as caught up with what the demo loaded
 * @param timeout      how long after start-up to wait for that at most; then nothing is generated (logged)
 * @param renderWait   how long to wait for the files to be rendered before logging their state
 */
@ConfigurationProperties("kesra.demo.reports")
public record DemoReportsProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("15s") Duration quiet,
                                    @DefaultValue("20m") Duration timeout, @DefaultValue("5m") Duration renderWait) {
}
