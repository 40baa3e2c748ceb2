package org.kesra.reporting.demo;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kesra.platform.refusal.Refusal;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.generation.GenerationStatus;
import org.kesra.reporting.generation.ReportGenerations;
import org.kesra.reporting.recap.ReportPeriod;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.welfarefigures.WelfareFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The launcher's demo mode ({@code KESRA_DEMO_POPULATION=true}, {@code kesra.demo.population}) for this service: once
 * the read models have caught up with what the other services' demo loaded (performance-service's seed plans,
 * welfare-service's seed rounds), one kept file of each report kind for the demo city is asked for through the use
 * case {@code POST /api/v1/reports/generations} calls, so the files pass the same checks and land in the same archive
 * (console {@code /laporan/arsip}) as a user's.
 *
 * <p>Caught up: both {@code performance.events} and {@code welfare.events} have applied events and neither has
 * applied one for {@code kesra.demo.reports.quiet}. There is no end-of-demo event to wait for, so quiet is the sign;
 * it is polled on a thread of its own, never blocking start-up, and given up after {@code timeout}.
 *
 * <p>Idempotent: a file of the same kind, parameters and format made from the same data version is not made again,
 * so a restart adds nothing; a restart after the data moved keeps the newer state beside the older one. The requester
 * recorded is {@value #ACTOR}, as performance-service's demo records its plans.
 */
@Component
@ConditionalOnBooleanProperty("kesra.demo.population")
@EnableConfigurationProperties(DemoReportsProperties.class)
public class DemoReports {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    static final String ACTOR = "demo.platform-admin";
    static final List<String> SOURCES = List.of("performance.events", "welfare.events");
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One file the demo keeps: the report kind, its parameters and the format. */
    public record DemoFile(String type, Map<String, String> parameters, String format) {
    }

    /** What became of one demo file: the generation kept for it and whether it was already there. */
    public record Outcome(DemoFile file, GenerationStatus generation, boolean alreadyKept, String refusedCode) {
    }

    private final ReportGenerations generations;
    private final SourceProgress progress;
    private final WelfareFigures welfare;
    private final DemoReportsProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService waiting = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-reports");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant startedAt;
    private volatile List<Outcome> outcomes;

    DemoReports(ReportGenerations generations, SourceProgress progress, WelfareFigures welfare,
                DemoReportsProperties properties) {
        this.generations = generations;
        this.progress = progress;
        this.welfare = welfare;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWaiting() {
        startedAt = clock.instant();
        log.info("demo reports: waiting for {} to catch up (quiet {}, at most {})", SOURCES, properties.quiet(),
                properties.timeout());
        waiting.scheduleWithFixedDelay(this::check, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        waiting.shutdownNow();
    }

    /** What the last run kept (null until the demo's files were asked for). */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    private void check() {
        try {
            if (caughtUp()) {
                waiting.shutdown();
                outcomes = generate();
            } else if (Duration.between(startedAt, clock.instant()).compareTo(properties.timeout()) > 0) {
                waiting.shutdown();
                log.warn("demo reports: {} not caught up within {}; no demo report files kept (a restart tries "
                        + "again)", SOURCES, properties.timeout());
            }
        } catch (RuntimeException e) {
            // the database may not answer for a moment; the next poll tries again (the timeout still bounds it)
            log.warn("demo reports: check failed, trying again", e);
        }
    }

    /** Every source has applied events and none has applied one for the quiet period. */
    boolean caughtUp() {
        Instant quietSince = clock.instant().minus(properties.quiet());
        return progress.of(SOURCES).stream().allMatch(s -> s.eventsApplied() > 0 && s.lastAppliedAt() != null
                && !s.lastAppliedAt().isAfter(quietSince));
    }

    /**
     * Asks for every demo file not yet kept from the current data, waits (bounded) for them to be rendered and logs
     * one line per file, ids only. A report the use case refuses is logged and skipped.
     */
    public List<Outcome> generate() {
        List<Outcome> done = new ArrayList<>();
        for (DemoFile file : files()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", file.type());
            ObjectNode parameters = body.putObject("parameters");
            file.parameters().forEach(parameters::put);
            body.put("format", file.format());
            try {
                ReportGenerations.Requested requested = generations.requestUnlessKept(ReportingAccess.Scope.city(),
                        ACTOR, body);
                done.add(new Outcome(file, requested.generation(), requested.alreadyKept(), null));
            } catch (Refusal refusal) {
                done.add(new Outcome(file, null, false, refusal.code()));
            }
        }
        Instant until = clock.instant().plus(properties.renderWait());
        List<Outcome> finished = new ArrayList<>();
        for (Outcome outcome : done) {
            Outcome last = outcome.generation() == null ? outcome : awaitRendered(outcome, until);
            finished.add(last);
            DemoFile file = last.file();
            if (last.generation() == null) {
                log.info("demo report {} {} {}: refused {}", file.type(), file.format(), file.parameters(),
                        last.refusedCode());
            } else {
                log.info("demo report {} {} {}: generation {} {}{}", file.type(), file.format(), file.parameters(),
                        last.generation().id(), last.generation().state(), last.alreadyKept() ? " (already kept)" : "");
            }
        }
        return finished;
    }

    private Outcome awaitRendered(Outcome outcome, Instant until) {
        GenerationStatus status = outcome.generation();
        while (("QUEUED".equals(status.state()) || "RUNNING".equals(status.state()))
                && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = generations.status(ReportingAccess.Scope.city(), status.id().toString());
        }
        return new Outcome(outcome.file(), status, outcome.alreadyKept(), null);
    }

    /**
     * The demo city's files: seed 002's quarterly report (Kecamatan Metro Pusat, Q1 2024), seed 004's LAKIP
     * (Kecamatan Metro Barat 2022), Dinas Sosial's Renstra matrix, seed 001 Tabel 2.1's PKH realisation per stage
     * (2021, its last year) and the Sembako months seed 001 states (2019), the city's PPKS recap; each as XLSX and
     * PDF.
     */
    List<DemoFile> files() {
        List<DemoFile> files = new ArrayList<>();
        both(files, "quarterly", ordered("unit", "18.72.01", "tahun", "2024", "triwulan", "1"));
        both(files, "lakip", ordered("unit", "18.72.03", "tahun", "2022"));
        both(files, "renstra", ordered("unit", "dinsos"));
        both(files, "pkh", ordered("tahun", "2021", "program", "PKH"));
        both(files, "sembako", ordered("tahun", "2019", "program", "SEMBAKO"));
        both(files, "recap", ordered("period", recapPeriod()));
        return files;
    }

    /**
     * The newest period welfare-service published kelurahan figures for, as a report period (year, quarter or month);
     * the current year when none was published (the recap then shows the registered households and persons).
     */
    String recapPeriod() {
        for (WelfareFigures.Period period : welfare.publishedPeriods()) {
            Optional<String> code = reportPeriod(period.from(), period.to());
            if (code.isPresent()) {
                return code.get();
            }
        }
        return String.valueOf(LocalDate.now(clock.withZone(CITY_ZONE)).getYear());
    }

    static Optional<String> reportPeriod(LocalDate from, LocalDate to) {
        int year = from.getYear();
        List<String> candidates = List.of(String.valueOf(year),
                year + "-Q" + ((from.getMonthValue() - 1) / 3 + 1), String.format("%d-%02d", year, from.getMonthValue()));
        for (String candidate : candidates) {
            ReportPeriod parsed;
            try {
                parsed = ReportPeriod.parse(candidate);
            } catch (Refusal refusal) {
                return Optional.empty(); // a year the reports do not cover
            }
            if (parsed.from().equals(from) && parsed.to().equals(to)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void both(List<DemoFile> files, String type, Map<String, String> parameters) {
        files.add(new DemoFile(type, parameters, "xlsx"));
        files.add(new DemoFile(type, parameters, "pdf"));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
