package org.kesra.reporting.generation;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.TopicPartition;
import org.kesra.platform.refusal.Refusal;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.rebuild.ScratchReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Regeneration of a kept file as of the data it was made from (issue 23 item 4), for when the read model has moved
 * on and {@link ReportGenerations#verify} can only say so: the source topics are replayed from the rebuild's start up
 * to exactly the file's recorded offsets into a scratch schema ({@link ScratchReplay}), the same report kind is read
 * there with the kept parameters and the requester's scope and rendered, and its SHA-256 compared with the kept one.
 * Asynchronous, polled like a generation; one at a time across all instances and never while a read-model rebuild
 * runs (each replays whole topics); the serving models are only read. Who may ask: whoever may see the file.
 */
@Service
public class Regenerations {

    private static final Logger log = LoggerFactory.getLogger(Regenerations.class);

    private final ReportGenerations generations;
    private final ReportKinds kinds;
    private final RegenerationStore store;
    private final ScratchReplay scratch;
    private final GenerationProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-regeneration");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UUID running;

    Regenerations(ReportGenerations generations, ReportKinds kinds, RegenerationStore store, ScratchReplay scratch,
                  GenerationProperties properties) {
        this.generations = generations;
        this.kinds = kinds;
        this.store = store;
        this.scratch = scratch;
        this.properties = properties;
    }

    /**
     * Starts a regeneration of the kept file {@code id}. Unknown file or another region's: 404; not made (yet):
     * 409; kept before offsets were recorded: 409; another regeneration or a rebuild running: 409.
     */
    public GenerationStatus.Regeneration start(ReportingAccess.Scope scope, String subject, String id) {
        GenerationStore.Kept kept = generations.visible(scope, id);
        GenerationStatus file = kept.status();
        if (!"DONE".equals(file.state())) {
            throw ReportGenerations.notReady(kept);
        }
        if (file.sourceOffsets() == null) {
            throw ReportingProblems.REGENERATION_NO_OFFSETS.refuse("Berkas ini dibuat sebelum posisi data (offset) "
                    + "dicatat, sehingga tidak dapat dibuat ulang sesuai datanya; gunakan verifikasi biasa.");
        }
        failStale();
        if (scratch.rebuildRunning()) {
            throw busy("Pembangunan ulang model baca sedang berjalan; coba lagi setelah selesai.");
        }
        UUID regeneration = UUID.randomUUID();
        try {
            store.insert(regeneration, file.id(), subject, file.sha256(), file.sourceOffsets(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw busy("Pembuatan ulang berkas lain (" + store.running().map(UUID::toString).orElse("lain")
                    + ") sedang berjalan; coba lagi setelah selesai.");
        }
        // A rebuild that started between the check and the insert: it did not see this one, so this one gives way.
        if (scratch.rebuildRunning()) {
            String detail = "Pembangunan ulang model baca sedang berjalan; coba lagi setelah selesai.";
            store.failed(regeneration, ReportingProblems.REGENERATION_BUSY.code(), detail, clock.instant());
            throw busy(detail);
        }
        log.info("report regeneration {} of generation {} requested by {}", regeneration, file.id(), subject);
        Optional<String> scopeRegion = Optional.ofNullable(kept.scopeRegion());
        runner.execute(() -> run(regeneration, file, new ReportingAccess.Scope(scopeRegion)));
        return store.find(regeneration).orElseThrow();
    }

    public GenerationStatus.Regeneration status(ReportingAccess.Scope scope, String id, String regenerationId) {
        GenerationStore.Kept kept = generations.visible(scope, id);
        UUID parsed;
        try {
            parsed = UUID.fromString(regenerationId);
        } catch (IllegalArgumentException e) {
            throw unknown(regenerationId);
        }
        return store.find(parsed).filter(r -> r.generationId().equals(kept.status().id()))
                .orElseThrow(() -> unknown(regenerationId));
    }

    private void run(UUID id, GenerationStatus file, ReportingAccess.Scope scope) {
        running = id;
        try {
            Map<TopicPartition, Long> until = new HashMap<>();
            for (GenerationStatus.SourceOffsets topic : file.sourceOffsets()) {
                topic.partitions().forEach(p -> until.put(new TopicPartition(topic.topic(), p.partition()),
                        p.lastOffset() + 1));
            }
            ScratchReplay.Result<Read> read = scratch.asOf(until,
                    applied -> store.heartbeat(id, applied, clock.instant()), () -> {
                        ReportKinds.Prepared again = kinds.prepare(file.type(), file.parameters(), scope);
                        byte[] bytes = again.render().apply(file.format()).bytes();
                        return new Read(ReportGenerations.sha256(bytes), again.dataVersion());
                    });
            String result = read.value().sha256().equals(file.sha256()) ? "IDENTICAL" : "DIFFERENT";
            store.done(id, result, read.value().sha256(), read.value().dataVersion(), read.eventsApplied(),
                    clock.instant());
            log.info("report regeneration {} of generation {}: {} after {} events replayed", id, file.id(), result,
                    read.eventsApplied());
        } catch (Refusal refusal) {
            store.failed(id, refusal.code(), refusal.detail(), clock.instant());
            log.info("report regeneration {} refused: {}", id, refusal.code());
        } catch (RuntimeException e) {
            log.warn("report regeneration {} of generation {} failed; the scratch schema was dropped", id, file.id(),
                    e);
            store.failed(id, ReportingProblems.REGENERATION_FAILED.code(), "Berkas tidak dapat dibuat ulang dari "
                    + "peristiwa sumber; model baca yang melayani tidak berubah. Coba lagi atau hubungi admin "
                    + "platform.", clock.instant());
        } finally {
            running = null;
        }
    }

    /** What the regenerated report gave. */
    private record Read(String sha256, List<GenerationStatus.DataVersion> dataVersion) {
    }

    /** Marks failed every regeneration whose instance stopped reporting. */
    @EventListener(ApplicationReadyEvent.class)
    public int failStale() {
        Instant now = clock.instant();
        List<UUID> stale = store.failStale(now.minus(properties.staleAfter()),
                ReportingProblems.REGENERATION_FAILED.code(),
                "Pembuatan ulang terputus (layanan dihentikan sebelum selesai); minta lagi.", now);
        stale.forEach(id -> log.info("report regeneration {} marked failed: its instance stopped", id));
        return stale.size();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        UUID open = running;
        if (open != null) {
            try {
                store.failed(open, ReportingProblems.REGENERATION_FAILED.code(),
                        "Pembuatan ulang terputus (layanan dihentikan sebelum selesai); minta lagi.", clock.instant());
            } catch (RuntimeException e) {
                log.warn("report regeneration {} left open at shutdown (marked failed when stale)", open);
            }
        }
    }

    private static Refusal busy(String detail) {
        return ReportingProblems.REGENERATION_BUSY.refuse(detail);
    }

    private static Refusal unknown(String id) {
        return ReportingProblems.REGENERATION_UNKNOWN.refuse("Pembuatan ulang " + id + " tidak dikenal.");
    }
}
