package org.kesra.reporting.generation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link ScheduledQuarterlyReports#generateDue()} every {@code kesra.reporting.generations.schedule-interval}
 * (first a minute after start); {@code schedule-enabled=false} turns it off (the ITs call the method themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "kesra.reporting.generations", name = "schedule-enabled", havingValue = "true",
        matchIfMissing = true)
class GenerationSchedule implements SchedulingConfigurer {

    private final ScheduledQuarterlyReports reports;
    private final GenerationProperties properties;

    GenerationSchedule(ScheduledQuarterlyReports reports, GenerationProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(reports::generateDue, properties.scheduleInterval(),
                java.time.Duration.ofMinutes(1)));
    }
}
