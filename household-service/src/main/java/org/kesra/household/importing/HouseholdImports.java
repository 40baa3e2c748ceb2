package org.kesra.household.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetFiles;
import org.kesra.sheets.SheetSource;
import org.kesra.sheets.SpooledUpload;
import org.kesra.sheets.UnreadableSheetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starting and following imports. What can be told at once is told at once, as a problem detail: no file, an empty
 * file, a format we cannot read, a header without the required columns, an unknown profile. The rows are checked by
 * the worker; their problems go to the import's report. The same file twice (byte for byte) answers the first import
 * instead of starting another, and so does a repeated Idempotency-Key.
 */
@Service
public class HouseholdImports {

    private static final Logger log = LoggerFactory.getLogger(HouseholdImports.class);

    /** @param created false when an earlier import of the same file or key was answered instead */
    public record Started(ImportJobs.Job job, boolean created) {
    }

    /**
     * An uploaded file as the use case needs it, whatever carried it (a multipart part over HTTP).
     *
     * @param fileName the name the client gave, or {@code null}
     * @param empty    true when the upload has no bytes
     */
    public record Upload(String fileName, boolean empty, Content content) {

        /** Opens the upload's bytes. */
        @FunctionalInterface
        public interface Content {
            java.io.InputStream open() throws IOException;
        }
    }

    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final ImportRunner runner;
    private final Path spool;
    private final Clock clock;

    public HouseholdImports(ImportJobs jobs, ImportProfiles profiles, ImportRunner runner,
                            @Value("${kesra.import.spool-dir:${java.io.tmpdir}/kesra-household-imports}") Path spool,
                            Clock clock) throws IOException {
        this.jobs = jobs;
        this.profiles = profiles;
        this.runner = runner;
        this.spool = Files.createDirectories(spool);
        this.clock = clock;
    }

    public Started start(RegistryScope scope, Upload upload, String profileName, String modeText,
                         String idempotencyKey) {
        scope.requireWrite();
        List<Violation> violations = new ArrayList<>();
        ImportJobs.Mode mode = ImportJobs.Mode.SEMUA_ATAU_TIDAK;
        if (modeText != null && !modeText.isBlank()) {
            try {
                mode = ImportJobs.Mode.valueOf(modeText.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(Violation.field("/mode", "mode harus SEMUA_ATAU_TIDAK (bawaan) atau SEBAGIAN"));
            }
        }
        ImportProfiles.Profile profile = null;
        if (profileName != null && !profileName.isBlank()) {
            profile = profiles.find(profileName.trim()).orElse(null);
            if (profile == null) {
                violations.add(Violation.field("/profile", "profil pemetaan kolom '" + profileName + "' tidak ada"));
            }
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            violations.add(Violation.field("/Idempotency-Key", "Idempotency-Key berisi 1 sampai 200 karakter"));
        }
        if (upload == null || upload.empty()) {
            violations.add(Violation.field("/file", "berkas kosong: unggah berkas CSV atau XLSX berisi data"));
        }
        if (!violations.isEmpty()) {
            throw PlatformProblems.invalid(violations);
        }
        UUID id = UUID.randomUUID();
        Path file = spool.resolve(id + ".upload");
        boolean handedOver = false;
        try {
            String sha256 = SpooledUpload.to(upload.content().open(), file).sha256();
            String fileName = upload.fileName() == null ? "berkas" : Path.of(upload.fileName())
                    .getFileName().toString();
            Started started = startSpooled(scope, id, file, fileName, sha256, profile, mode, idempotencyKey);
            handedOver = started.created();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!handedOver) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * Starts an import of a file on this machine (the demo population): copied to the spool like an upload, and
     * from there the same path.
     */
    public Started startLocal(RegistryScope scope, Path source, ImportJobs.Mode mode) throws IOException {
        UUID id = UUID.randomUUID();
        Path file = spool.resolve(id + ".upload");
        String sha256 = SpooledUpload.to(Files.newInputStream(source), file).sha256();
        Started started = startSpooled(scope, id, file, source.getFileName().toString(), sha256, null, mode, null);
        if (!started.created()) {
            deleteQuietly(file);
        }
        return started;
    }

    private Started startSpooled(RegistryScope scope, UUID id, Path file, String fileName, String sha256,
                                 ImportProfiles.Profile profile, ImportJobs.Mode mode, String idempotencyKey)
            throws IOException {
        String format = SheetFiles.formatOf(file, fileName).orElseThrow(HouseholdImports::unsupported);
        // A job whose instance died is failed before the upload is matched against it, so that the same file or key
        // starts a new import instead of answering a dead one.
        runner.failAbandoned();
        if (idempotencyKey != null) {
            var earlier = jobs.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent() && earlier.get().status() == ImportJobs.Status.GAGAL
                    && earlier.get().fileSha256().equals(sha256)) {
                jobs.releaseKey(earlier.get().id());
                earlier = java.util.Optional.empty();
            }
            if (earlier.isPresent()) {
                if (!earlier.get().fileSha256().equals(sha256)) {
                    throw HouseholdProblems.IMPORT_KEY_USED.refuse(
                            "Idempotency-Key ini sudah dipakai untuk berkas lain (impor " + earlier.get().id()
                                    + "). Gunakan kunci baru untuk berkas baru.");
                }
                return new Started(earlier.get(), false);
            }
        }
        var same = jobs.sameFile(sha256);
        if (same.isPresent()) {
            return new Started(same.get(), false);
        }
        String[] read = checkHeader(file, format, profile);
        ImportJobs.Job job = new ImportJobs.Job(id, fileName, sha256, Files.size(file), format, read[0], read[1],
                profile == null ? null : profile.name(), mode, ImportJobs.Status.ANTRE,
                java.math.BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, null, scope.regionPrefix(), scope.actor(),
                Instant.now(clock), null, null);
        jobs.create(job, idempotencyKey, runner.lease());
        runner.submit(job, file);
        return new Started(jobs.find(id).orElseThrow(), true);
    }

    public ImportJobs.Job find(RegistryScope scope, UUID id) {
        return jobs.find(id).filter(job -> job.regionPrefix().startsWith(scope.regionPrefix()))
                .orElseThrow(() -> HouseholdProblems.IMPORT_NOT_FOUND.refuse("Tidak ada impor " + id + " di wilayah Anda."));
    }

    public PageResponse<ImportJobs.Job> list(RegistryScope scope, int page, int size) {
        return jobs.page(scope.regionPrefix(), page, size);
    }

    /** The file's encoding and delimiter, once its header has the required columns and at least one data row. */
    private String[] checkHeader(Path file, String format, ImportProfiles.Profile profile) {
        try (SheetSource source = SheetFiles.open(file, format)) {
            if (source.header().stream().allMatch(h -> h == null || h.isBlank())) {
                throw badFile("berkas kosong: baris pertama harus berisi judul kolom");
            }
            ImportProfiles.HeaderMapping mapping = profiles.map(profile, source.header());
            if (!mapping.missing().isEmpty()) {
                List<Violation> missing = mapping.missing().stream().map(column -> Violation.cell(1, column.columnName(),
                        null, "kolom wajib " + column.columnName() + " tidak ada di judul berkas" + (profile == null
                                ? " (tanpa profil, judul harus memakai nama kolom baku; atau pilih profil pemetaan)"
                                : " maupun di profil " + profile.name()))).toList();
                throw HouseholdProblems.IMPORT_COLUMNS_MISSING.refuse(
                        "Judul kolom berkas tidak memuat semua kolom wajib.", missing);
            }
            if (!source.rows().hasNext()) {
                throw badFile("berkas hanya berisi judul kolom, tanpa baris data");
            }
            return new String[] {source.encoding(), source.delimiter()};
        } catch (Refusal e) {
            throw e;
        } catch (UnreadableSheetException e) {
            throw badFile("berkas tidak dapat dibaca sebagai " + format + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // The reader's own text is English and may quote the file: only its type goes to the log, nothing to the user.
            log.info("household import upload unreadable as {}: {}", format, e.getClass().getName());
            throw badFile("berkas tidak dapat dibaca sebagai " + format + ": berkas rusak, terpotong, atau bukan berkas "
                    + format + " yang utuh. Simpan ulang dari aplikasi asalnya, lalu unggah lagi.");
        }
    }

    private static Refusal badFile(String detail) {
        return HouseholdProblems.IMPORT_FILE_UNREADABLE.refuse(detail,
                List.of(Violation.field("/file", detail)));
    }

    private static Refusal unsupported() {
        return HouseholdProblems.IMPORT_FORMAT_UNSUPPORTED.refuse(
                "Unggah berkas CSV (.csv) atau Excel .xlsx. Berkas Excel lama (.xls) simpan dulu sebagai .xlsx.",
                List.of(Violation.field("/file", "format berkas tidak didukung")));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file in the temporary folder holds no registry state; the OS clears it
        }
    }
}
