package org.kesra.reporting.generation;

import jakarta.annotation.PreDestroy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Report files generated on request and kept (issue 23 item 4): a request is checked and the report read at once
 * (same refusals as the report's GET), the file is rendered on a bounded executor and kept with its parameters, data
 * version and SHA-256; reading, downloading and verifying a kept file need the same region as its content.
 */
@Service
@EnableConfigurationProperties(GenerationProperties.class)
public class ReportGenerations {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerations.class);
    static final String REQUEST = "REQUEST";
    static final String SCHEDULE = "SCHEDULE";

    /** A kept file, as a download hands it out. */
    public record KeptFile(UUID id, String fileName, String mediaType, String sha256, byte[] bytes) {
    }

    private final ReportKinds kinds;
    private final GenerationStore store;
    private final GenerationProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ThreadPoolExecutor executor;
    /** Generations this instance has queued or is rendering, marked failed if it stops before they end. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    ReportGenerations(ReportKinds kinds, GenerationStore store, GenerationProperties properties) {
        this.kinds = kinds;
        this.store = store;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), r -> {
                    Thread thread = new Thread(r, "report-generation-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Checks the request ({@code {type, parameters, format}}), reads the report with the caller's scope and queues
     * its file. Unknown type: 404; bad type, format or parameter: 400 with a pointer into the body; the report's own
     * refusals (region, unit, period) as its GET answers them, with pointers under {@code /parameters}.
     */
    public GenerationStatus request(ReportingAccess.Scope scope, String requester, JsonNode body) {
        return submit(scope, requester, body, false).generation();
    }

    /** What {@link #requestUnlessKept} did: queued a new generation, or found one already kept. */
    public record Requested(GenerationStatus generation, boolean alreadyKept) {
    }

    /**
     * As {@link #request}, but when a file of the same type, format and parameters (as the report read them), made
     * with the same scope from the same data version, is kept (or being made by this instance), that one is answered
     * and nothing is queued: the same data gives the same bytes, so a second file would add nothing. A failed one
     * does not count.
     */
    public Requested requestUnlessKept(ReportingAccess.Scope scope, String requester, JsonNode body) {
        return submit(scope, requester, body, true);
    }

    private Requested submit(ReportingAccess.Scope scope, String requester, JsonNode body, boolean unlessKept) {
        if (body == null || !body.isObject()) {
            throw invalid("", "Isi permintaan harus objek JSON {type, parameters, format}.");
        }
        String type = text(body, "type", "/type");
        if (type == null) {
            throw invalid("/type", "Jenis laporan wajib diisi: " + ReportKinds.KNOWN + ".");
        }
        if (!ReportKinds.PARAMETERS.containsKey(type) && !ReportKinds.JSON_ONLY.contains(type)) {
            throw ReportingProblems.REPORT_TYPE_UNKNOWN.refuse("Jenis laporan '" + type
                    + "' tidak dikenal; " + ReportKinds.KNOWN + ".");
        }
        String format = text(body, "format", "/format");
        List<String> formats = ReportKinds.formats(type);
        if (format == null || !formats.contains(format)) {
            throw invalid("/format", formats.isEmpty()
                    ? "Laporan '" + type + "' hanya tersedia sebagai JSON, tidak sebagai berkas."
                    : "Format berkas wajib xlsx atau pdf.");
        }
        Map<String, String> parameters = parameters(type, body.get("parameters"));
        ReportKinds.Prepared prepared = kinds.prepare(type, parameters, scope);
        String scopeRegion = scope.region().orElse(null);
        if (unlessKept) {
            Optional<UUID> kept = store.kept(prepared, format, scopeRegion, Set.copyOf(inFlight));
            if (kept.isPresent()) {
                return new Requested(store.find(kept.get()).orElseThrow().status(), true);
            }
        }
        UUID id = UUID.randomUUID();
        store.queue(id, prepared, format, REQUEST, null, requester, scopeRegion, clock.instant());
        inFlight.add(id);
        try {
            executor.execute(() -> run(id, prepared, format));
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            String detail = "Terlalu banyak laporan sedang dibuat; coba lagi beberapa saat lagi.";
            store.failed(id, ReportingProblems.GENERATION_QUEUE_FULL.code(), detail, clock.instant());
            throw ReportingProblems.GENERATION_QUEUE_FULL.refuse(detail);
        }
        log.info("report generation {} queued: {} {} {} by {}", id, type, format, prepared.parameters(), requester);
        return new Requested(store.find(id).orElseThrow().status(), false);
    }

    /** Renders and keeps a queued file; a failure is kept on the generation, never thrown to the queue. */
    void run(UUID id, ReportKinds.Prepared prepared, String format) {
        try {
            store.running(id, clock.instant());
            ReportKinds.File file = prepared.render().apply(format);
            String sha = sha256(file.bytes());
            store.done(id, file, sha, clock.instant());
            log.info("report generation {} done: {} bytes, sha256 {}", id, file.bytes().length, sha);
        } catch (Refusal refusal) {
            store.failed(id, refusal.code(), refusal.detail(), clock.instant());
            log.info("report generation {} refused: {}", id, refusal.code());
        } catch (RuntimeException e) {
            log.warn("report generation {} failed", id, e);
            store.failed(id, ReportingProblems.GENERATION_FAILED.code(),
                    "Berkas laporan tidak dapat dibuat; coba lagi atau hubungi admin platform.", clock.instant());
        } finally {
            inFlight.remove(id);
        }
    }

    /** Queues and renders at once on the calling thread (the schedule's own); false if the trigger was taken. */
    boolean generateNow(ReportKinds.Prepared prepared, String format, String triggerKey) {
        UUID id = UUID.randomUUID();
        if (!store.queue(id, prepared, format, SCHEDULE, triggerKey, "scheduler", null, clock.instant())) {
            return false;
        }
        inFlight.add(id);
        log.info("report generation {} scheduled: {} {} {}", id, prepared.type(), format, prepared.parameters());
        run(id, prepared, format);
        return true;
    }

    public GenerationStatus status(ReportingAccess.Scope scope, String id) {
        return visible(scope, id).status();
    }

    /** The file's bytes; the download is logged (who, when, which file). 409 while not made or failed. */
    public KeptFile download(ReportingAccess.Scope scope, String subject, Set<String> roles, String id) {
        GenerationStore.Kept kept = visible(scope, id);
        GenerationStore.Content content = store.content(kept.status().id()).orElseThrow(() -> notReady(kept));
        store.downloaded(kept.status().id(), subject, roles.stream().sorted().toList(), clock.instant());
        log.info("report file {} downloaded by {}", kept.status().id(), subject);
        return new KeptFile(kept.status().id(), content.fileName(), content.mediaType(), content.sha256(),
                content.bytes());
    }

    /** The history the caller may see, newest first; {@code type} and {@code unit} filter it. */
    public GenerationStatus.Page history(ReportingAccess.Scope scope, String type, String unit, String page,
                                         String size) {
        if (type != null && !ReportKinds.PARAMETERS.containsKey(type)) {
            throw invalid("/type", "Jenis laporan '" + type + "' tidak dikenal; " + ReportKinds.KNOWN + ".");
        }
        int pageNumber = number(page, 0, 0, 100_000, "/page");
        int pageSize = number(size, 20, 1, 100, "/size");
        return store.page(scope.region().orElse(null), type, unit == null || unit.isBlank() ? null : unit.trim(),
                pageNumber, pageSize);
    }

    /** Every download of a file (auditors and platform admins, who read the whole city). */
    public List<GenerationStatus.Download> downloads(ReportingAccess.Scope scope, String id) {
        return store.downloads(visible(scope, id).status().id());
    }

    /**
     * Regenerates a kept file with its parameters and its requester's scope from the current read model and compares
     * the SHA-256. When the data version differs from the kept one the answer is {@code DATA_CHANGED}: different bytes
     * then prove nothing; {@link Regenerations} then regenerates it as of the file's recorded offsets.
     */
    public GenerationStatus.Verification verify(ReportingAccess.Scope scope, String subject, String id) {
        GenerationStore.Kept kept = visible(scope, id);
        GenerationStatus status = kept.status();
        if (!"DONE".equals(status.state())) {
            throw notReady(kept);
        }
        ReportKinds.Prepared again = kinds.prepare(status.type(), status.parameters(),
                new ReportingAccess.Scope(Optional.ofNullable(kept.scopeRegion())));
        String sha = sha256(again.render().apply(status.format()).bytes());
        String result;
        String message;
        if (sha.equals(status.sha256())) {
            result = "MATCH";
            message = "Berkas yang dibuat ulang sama persis (SHA-256 sama).";
        } else if (!again.dataVersion().equals(status.dataVersion())) {
            result = "DATA_CHANGED";
            message = "Data sumber telah bertambah sejak berkas dibuat, sehingga berkas tidak dapat dibuat ulang "
                    + "dari versi data yang sama; perbedaan SHA-256 bukan tanda perubahan berkas. Untuk membuat ulang "
                    + "berkas dari posisi data yang tercatat, minta pembuatan ulang (regenerations).";
        } else {
            result = "MISMATCH";
            message = "Dengan versi data yang sama, berkas yang dibuat ulang berbeda (SHA-256 berbeda).";
        }
        log.info("report generation {} verified by {}: {}", status.id(), subject, result);
        return new GenerationStatus.Verification(status.id(), result, message, status.sha256(), sha,
                status.dataVersion(), again.dataVersion(), clock.instant());
    }

    /**
     * Marks failed every generation queued or running for longer than {@code stale-after}: the instance that held
     * it stopped. Runs at start and at each scheduled run, so nothing stays RUNNING forever.
     */
    public int failStale() {
        Instant now = clock.instant();
        List<UUID> stale = store.failStale(now.minus(properties.staleAfter()),
                ReportingProblems.GENERATION_INTERRUPTED.code(),
                "Pembuatan berkas terputus (layanan dihentikan sebelum selesai); minta pembuatan ulang.", now);
        stale.forEach(id -> log.info("report generation {} marked failed: not finished before a restart", id));
        return stale.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failStaleAtStart() {
        failStale();
    }

    /** On shutdown the generations this instance still holds are marked failed, not left running. */
    @PreDestroy
    void stop() {
        executor.shutdownNow();
        for (UUID id : new ArrayList<>(inFlight)) {
            try {
                store.failed(id, ReportingProblems.GENERATION_INTERRUPTED.code(),
                        "Pembuatan berkas terputus (layanan dihentikan sebelum selesai); minta pembuatan ulang.",
                        clock.instant());
            } catch (RuntimeException e) {
                log.warn("report generation {} left open at shutdown (marked failed at the next start)", id);
            }
        }
    }

    GenerationStore.Kept visible(ReportingAccess.Scope scope, String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
        return store.find(parsed).filter(kept -> sees(scope, kept.audienceRegion())).orElseThrow(() -> unknown(id));
    }

    /** A regional reader sees a file whose content lies within their region; another's is "unknown", not 403. */
    static boolean sees(ReportingAccess.Scope scope, String audience) {
        if (scope.region().isEmpty()) {
            return true;
        }
        String own = scope.region().get();
        return audience != null && (audience.equals(own) || audience.startsWith(own + "."));
    }

    private static Refusal unknown(String id) {
        return ReportingProblems.GENERATION_UNKNOWN.refuse("Berkas laporan " + id + " tidak dikenal.");
    }

    static Refusal notReady(GenerationStore.Kept kept) {
        return ReportingProblems.GENERATION_NOT_READY.refuse("FAILED".equals(kept.status().state())
                ? "Pembuatan berkas ini gagal; tidak ada berkas untuk diunduh."
                : "Berkas masih dibuat (" + kept.status().state() + "); coba lagi sebentar lagi.");
    }

    private static Map<String, String> parameters(String type, JsonNode node) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw invalid("/parameters", "Parameter laporan harus objek, misalnya {\"unit\": \"18.72.03\"}.");
        }
        List<String> known = ReportKinds.PARAMETERS.get(type);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String pointer = "/parameters/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (!known.contains(field.getKey())) {
                throw invalid(pointer, "Parameter '" + field.getKey() + "' tidak dikenal untuk laporan " + type
                        + "; yang dikenal: " + String.join(", ", known) + ".");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isString() && !value.isIntegralNumber()) {
                throw invalid(pointer, "Parameter '" + field.getKey() + "' harus teks atau bilangan bulat.");
            }
            parameters.put(field.getKey(), value.asString());
        }
        return parameters;
    }

    private static String text(JsonNode body, String field, String pointer) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(pointer, "'" + field + "' harus teks.");
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    private static int number(String text, int absent, int min, int max, String pointer) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(pointer, "Harus bilangan bulat " + min + " sampai " + max + ".");
    }

    private static Refusal invalid(String pointer, String detail) {
        return ReportingProblems.PARAMETER_INVALID.refuse("Permintaan pembuatan laporan tidak sah.",
                List.of(Violation.field(pointer, detail)));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
