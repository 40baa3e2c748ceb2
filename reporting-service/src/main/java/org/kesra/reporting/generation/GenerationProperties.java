package org.kesra.reporting.generation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kesra.reporting.generations.*}.
 *
 * @param threads          files rendered at the same time (the machine's cores are shared with the consumers)
 * @param queueCapacity    generations waiting beyond those; more is refused (503 {@code RP-ANTREAN-PENUH})
 * @param staleAfter       a generation queued or running for longer is taken as lost (its instance stopped) and
 *                         marked failed, at start and at each scheduled run; rendering takes seconds
 * @param scheduleEnabled  whether the quarterly reports are generated after each unit's deadline
 * @param scheduleInterval how often the schedule looks for deadlines passed and realisations changed
 * @param scheduleFormats  the formats each scheduled report is kept in
 */
@ConfigurationProperties("kesra.reporting.generations")
public record GenerationProperties(@DefaultValue("2") int threads, @DefaultValue("20") int queueCapacity,
                                   @DefaultValue("15m") Duration staleAfter,
                                   @DefaultValue("true") boolean scheduleEnabled,
                                   @DefaultValue("15m") Duration scheduleInterval,
                                   @DefaultValue("pdf") List<String> scheduleFormats) {
}
