package org.kesra.reporting.sources;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How far behind each source the read models are, as metrics: {@code kesra_reporting_source_lag_seconds{topic}} (age
 * of the newest applied event; NaN before the first), {@code kesra_reporting_source_lag_events{topic}} (events of
 * the topic not applied yet: its end offsets minus the applied offsets; NaN while the broker does not answer) and
 * {@code kesra_reporting_source_events_applied{topic}}. Read
 * from {@code source_progress} at each scrape (one small query per topic), so they show exactly what a report shows.
 */
@Component
public class SourceLagMetrics {

    public static final List<String> TOPICS = List.of("household.events", "welfare.events", "performance.events");

    public SourceLagMetrics(SourceProgress progress, MeterRegistry meters) {
        for (String topic : TOPICS) {
            Gauge.builder("kesra.reporting.source.lag", progress, p -> {
                        Long lag = p.of(List.of(topic)).get(0).lagSeconds();
                        return lag == null ? Double.NaN : lag;
                    })
                    .tag("topic", topic).baseUnit("seconds")
                    .description("Age of the newest event of the topic applied to the read models")
                    .register(meters);
            Gauge.builder("kesra.reporting.source.lag.events", progress, p -> {
                        Long behind = p.of(List.of(topic)).get(0).eventsBehind();
                        return behind == null ? Double.NaN : behind;
                    })
                    .tag("topic", topic).baseUnit("events")
                    .description("Events of the topic not yet applied to the read models (log-end minus applied offsets)")
                    .register(meters);
            Gauge.builder("kesra.reporting.source.events.applied", progress,
                            p -> p.of(List.of(topic)).get(0).eventsApplied())
                    .tag("topic", topic)
                    .description("Events of the topic applied to the read models")
                    .register(meters);
        }
    }
}
