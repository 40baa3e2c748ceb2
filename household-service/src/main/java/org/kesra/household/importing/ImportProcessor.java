package org.kesra.household.importing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.Member;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.registry.HouseholdData;
import org.kesra.household.registry.ImportedRegistrations;
import org.kesra.household.registry.PersonData;
import org.kesra.household.registry.RegistryValidator;
import org.kesra.household.registry.Relationship;
import org.kesra.household.wilayah.RegionUnits;
import org.kesra.sheets.SheetFiles;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.sheets.UnreadableSheetException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import in two phases. Checking streams the file once: each row is read, validated with the registry's
 * rules, and copied (PostgreSQL COPY, in chunks) either into the staging table or, with what is wrong, into the
 * problem report; then the rules across rows and against the registry run as set queries on the staging table.
 * Applying writes households, persons, their history, the events and the duplicate-review queue in one transaction
 * from the staging table, so an import is wholly applied or not at all. Memory stays flat: one chunk of rows at a time.
 */
@Component
class ImportProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);
    private static final int EVENTS_PER_BATCH = 1_000;
    private static final String HEAD = Relationship.KEPALA_KELUARGA.name();

    private static final String STAGING_COLUMNS = "import_id, row_number, kk_number, kelurahan_code, rw, rt, address, "
            + "latitude, longitude, house_ownership, floor_area_m2, floor_material, wall_material, roof_material, "
            + "water_source, sanitation, lighting, cooking_fuel, assets, income_band, nik, name, name_key, birth_place, "
            + "birth_date, sex, relationship, marital_status, education, occupation, disability, severe_disability, "
            + "chronic_illness, pregnant, nik_flags";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final RegistryValidator validator;
    private final EventPublisher publisher;
    private final ImportedRegistrations registrations;
    private final RegionUnits regionUnits;
    private final TransactionTemplate applyTx;
    private final TransactionTemplate ownTx;
    private final Clock clock;

    ImportProcessor(DataSource dataSource, JdbcClient jdbc, ImportJobs jobs, ImportProfiles profiles,
                    RegistryValidator validator, EventPublisher publisher, PlatformTransactionManager transactions,
                    Clock clock, ImportedRegistrations registrations, RegionUnits regionUnits) {
        this.registrations = registrations;
        this.regionUnits = regionUnits;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.profiles = profiles;
        this.validator = validator;
        this.publisher = publisher;
        this.applyTx = new TransactionTemplate(transactions);
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs the import to its end state; never throws (a fault becomes status GAGAL). */
    void run(ImportJobs.Job job, Path file) {
        UUID id = job.id();
        try {
            jobs.start(id, ImportJobs.Status.MEMERIKSA);
            long checkStart = System.nanoTime();
            Checked checked = check(job, file);
            log.info("household import {} step check took {} ms", id, (System.nanoTime() - checkStart) / 1_000_000);
            boolean rejected = checked.rowsWithProblems() > 0 && job.mode() == ImportJobs.Mode.SEMUA_ATAU_TIDAK;
            if (rejected) {
                // Nothing is saved: every valid row is held back with the file.
                jobs.created(id, 0, 0, 0, checked.validRows(), checked.rowsWithProblems(), checked.validRows());
                jobs.finish(id, ImportJobs.Status.DITOLAK, checked.rowsWithProblems() + " baris bermasalah, jadi tidak ada"
                        + " data yang disimpan (mode SEMUA_ATAU_TIDAK). Unduh laporan masalah, perbaiki berkasnya, lalu"
                        + " unggah ulang; atau unggah dengan mode SEBAGIAN untuk menyimpan KK yang semua barisnya benar.");
            } else {
                jobs.start(id, ImportJobs.Status.MENERAPKAN);
                apply(job, checked);
                jobs.finish(id, ImportJobs.Status.SELESAI, null);
            }
            log.info("household import {} finished: {} rows, {} with problems", id, checked.rowsRead(),
                    checked.rowsWithProblems());
        } catch (FileUnreadable e) {
            jobs.finish(id, ImportJobs.Status.DITOLAK, e.getMessage());
        } catch (SameFileAlreadyImported e) {
            jobs.finish(id, ImportJobs.Status.DITOLAK, "Berkas yang sama persis sudah diimpor (impor " + e.getMessage()
                    + "); tidak ada data baru yang disimpan.");
        } catch (RuntimeException | IOException | SQLException e) {
            log.error("household import {} failed", id, e);
            jobs.finish(id, ImportJobs.Status.GAGAL, "Impor gagal karena kesalahan layanan, bukan karena isi berkas;"
                    + " tidak ada data yang disimpan. Coba lagi, atau laporkan kode impor " + id + " ke admin.");
        } finally {
            jdbc.sql("DELETE FROM household_import_row WHERE import_id = ?").param(id).update();
        }
    }

    /** @param rowsSkipped valid rows held back because another row of their card has a problem (mode SEBAGIAN) */
    private record Checked(long rowsRead, long validRows, long rowsWithProblems, long rowsSkipped) {
    }

    /** The file breaks off in the middle (an unclosed quote, a damaged XLSX): the file's fault, not ours. */
    private static final class FileUnreadable extends RuntimeException {
        FileUnreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean hasNext(Iterator<SheetRow> rows, long read) {
        try {
            return rows.hasNext();
        } catch (UnreadableSheetException e) {
            throw new FileUnreadable("Berkas tidak dapat dibaca setelah baris data ke-" + read + ": " + e.getMessage()
                    + ". Tidak ada data yang disimpan; perbaiki berkasnya lalu unggah ulang.");
        } catch (RuntimeException e) {
            // The reader's own text is English and may quote the file: only its type goes to the log, nothing to the user.
            log.info("household import stopped reading its file after data row {}: {}", read, e.getClass().getName());
            throw new FileUnreadable("Berkas tidak dapat dibaca setelah baris data ke-" + read + " (berkas rusak atau"
                    + " terpotong, misalnya berkas XLSX yang tidak utuh); tidak ada data yang disimpan. Simpan ulang"
                    + " berkasnya dari aplikasi asalnya, lalu unggah ulang.");
        }
    }

    private static final class SameFileAlreadyImported extends RuntimeException {
        SameFileAlreadyImported(String importId) {
            super(importId, null, false, false);
        }
    }

    // ---- phase 1: check ----

    private Checked check(ImportJobs.Job job, Path file) throws IOException, SQLException {
        UUID id = job.id();
        RegistryScope scope = new RegistryScope(job.regionPrefix(), true, true, job.createdBy());
        ImportProfiles.Profile profile = job.profileName() == null ? null
                : profiles.find(job.profileName()).orElseThrow();
        long read = 0;
        long valid = 0;
        long bad = 0;
        // Two connections: the staged rows stream through one COPY for the whole file, so PostgreSQL parses and
        // stores them while this thread validates the next ones (a COPY per 5,000-row chunk made the two wait for each
        // other); the problem report goes through the other in chunks.
        try (SheetSource source = SheetFiles.open(file, job.format()); Connection connection = dataSource.getConnection();
             Connection problemConnection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            problemConnection.setAutoCommit(true);
            CopyManager problemCopy = problemConnection.unwrap(PGConnection.class).getCopyAPI();
            RowInterpreter interpreter = new RowInterpreter(profiles.map(profile, source.header()), validator);
            StringBuilder staged = new StringBuilder(128 * 1024);
            StringBuilder problems = new StringBuilder(64 * 1024);
            long lastReport = System.nanoTime();
            List<RowInterpreter.CellProblem> rowProblems = new ArrayList<>();
            String idText = id.toString();
            try (Writer staging = new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY household_import_row (" + STAGING_COLUMNS + ") FROM STDIN", 1 << 16), StandardCharsets.UTF_8)) {
                for (Iterator<SheetRow> rows = source.rows(); hasNext(rows, read); ) {
                    SheetRow row = rows.next();
                    read++;
                    rowProblems.clear();
                    Object result = interpreter.interpret(row, rowProblems);
                    if (result instanceof RowInterpreter.Interpreted ok && !scope.covers(ok.household().kelurahanCode())) {
                        rowProblems.add(new RowInterpreter.CellProblem(interpreter.header(CanonicalColumn.KELURAHAN_CODE),
                                ok.household().kelurahanCode(), "kelurahan di luar wilayah Anda (" + scope.regionPrefix() + ")"));
                    }
                    if (rowProblems.isEmpty()) {
                        stage(staged, idText, row.number(), (RowInterpreter.Interpreted) result);
                        valid++;
                    } else {
                        bad++;
                        String kk = interpreter.kkOf(row);
                        for (RowInterpreter.CellProblem p : rowProblems) {
                            line(problems, idText, Long.toString(row.number()), kk, p.column(), p.value(), p.message());
                        }
                    }
                    if (staged.length() >= 64 * 1024) {
                        staging.append(staged);
                        staged.setLength(0);
                    }
                    if (problems.length() > 1024 * 1024) {
                        copy(problemCopy, "household_import_problem (import_id, row_number, kk_number, column_name, "
                                + "value, message)", problems);
                    }
                    if (System.nanoTime() - lastReport > 1_000_000_000L) {
                        jobs.progress(id, source.progress(), read, valid, bad);
                        lastReport = System.nanoTime();
                    }
                }
                staging.append(staged);
            }
            copy(problemCopy, "household_import_problem (import_id, row_number, kk_number, column_name, value, message)",
                    problems);
            jobs.progress(id, 1.0, read, valid, bad);
            // Fresh statistics, or the planner takes the just-filled staging table for empty and picks nested loops.
            timed(id, "analyze-staging", () -> jdbc.sql("ANALYZE household_import_row").update());
            timed(id, "set-checks", () -> setChecks(id, interpreter));
        }
        // A row with a problem found across rows or against the registry is no more valid than one with a bad cell:
        // it leaves the set of rows that may be applied.
        jdbc.sql("""
                UPDATE household_import_row SET valid = false WHERE import_id = ? AND valid AND row_number IN
                    (SELECT row_number FROM household_import_problem WHERE import_id = ?)""")
                .params(id, id).update();
        long withProblems = jdbc.sql("SELECT count(DISTINCT row_number) FROM household_import_problem WHERE import_id = ?")
                .param(id).query(Long.class).single();
        long validRows = read - withProblems;
        long skipped = job.mode() == ImportJobs.Mode.SEBAGIAN ? skipCardsWithProblems(id) : 0;
        jobs.progress(id, 1.0, read, validRows, withProblems);
        return new Checked(read, validRows, withProblems, skipped);
    }

    /**
     * A card is applied whole or not at all: one bad row holds back its household's other rows. Each held-back row
     * is reported with the rows that caused it, after the rows with problems are counted, so the report says why a
     * valid row was not saved and the counters add up.
     *
     * @return the valid rows held back
     */
    private long skipCardsWithProblems(UUID id) {
        jdbc.sql("""
                WITH bad AS (
                    SELECT kk_number, string_agg(row_number::text, ', ' ORDER BY row_number) AS rows
                    FROM (SELECT DISTINCT kk_number, row_number FROM household_import_problem
                          WHERE import_id = ? AND kk_number IS NOT NULL) p
                    GROUP BY kk_number)
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, NULL, s.kk_number,
                       'dilewati: baris ini benar, tetapi KK ' || s.kk_number || ' tidak disimpan karena baris '
                           || b.rows || ' dari KK yang sama bermasalah (satu KK disimpan utuh atau tidak sama sekali).'
                           || ' Perbaiki baris tersebut, lalu unggah ulang KK ini.'
                FROM household_import_row s JOIN bad b USING (kk_number) WHERE s.import_id = ? AND s.valid""")
                .params(id, id).update();
        return jdbc.sql("""
                UPDATE household_import_row SET valid = false WHERE import_id = ? AND valid AND kk_number IN
                    (SELECT kk_number FROM household_import_problem WHERE import_id = ? AND kk_number IS NOT NULL)""")
                .params(id, id).update();
    }

    /** The rules across rows and against the registry, as set queries; each finding becomes a row problem. */
    private void setChecks(UUID id, RowInterpreter interpreter) {
        String nik = interpreter.header(CanonicalColumn.NIK);
        String kk = interpreter.header(CanonicalColumn.KK_NUMBER);
        String relationship = interpreter.header(CanonicalColumn.RELATIONSHIP);
        String kelurahan = interpreter.header(CanonicalColumn.KELURAHAN_CODE);
        jdbc.sql("""
                WITH twice AS (
                    SELECT nik, string_agg(row_number::text, ', ' ORDER BY row_number) AS rows
                    FROM household_import_row WHERE import_id = ? GROUP BY nik HAVING count(*) > 1)
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, ?, s.nik,
                       'NIK yang sama muncul lebih dari sekali dalam berkas (baris ' || t.rows
                           || '); satu orang hanya boleh tercatat sekali'
                FROM household_import_row s JOIN twice t USING (nik) WHERE s.import_id = ?""")
                .params(id, nik, id).update();
        jdbc.sql("""
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, ?, s.nik,
                       'NIK sudah terdaftar di registri (di KK lain atau tanpa KK); satu orang hanya boleh ada di satu KK.'
                           || ' Gunakan menu pindah anggota untuk memindahkannya.'
                FROM household_import_row s JOIN person p ON p.nik = s.nik WHERE s.import_id = ?""")
                .params(nik, id).update();
        jdbc.sql("""
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, ?, s.kk_number,
                       'nomor KK sudah terdaftar di registri; tambahkan anggota baru lewat data KK tersebut'
                FROM household_import_row s JOIN household h ON h.kk_number = s.kk_number AND h.status = 'AKTIF'
                WHERE s.import_id = ?""")
                .params(kk, id).update();
        // Cards already reported for a row problem are left out here: their missing row may be the head.
        jdbc.sql("""
                WITH cards AS (
                    SELECT kk_number, count(*) FILTER (WHERE relationship = ?) AS heads, min(row_number) AS first_row
                    FROM household_import_row WHERE import_id = ?
                      AND kk_number NOT IN (SELECT kk_number FROM household_import_problem
                                            WHERE import_id = ? AND kk_number IS NOT NULL)
                    GROUP BY kk_number HAVING count(*) FILTER (WHERE relationship = ?) <> 1)
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, ?, s.relationship,
                       CASE WHEN c.heads = 0 THEN 'KK ' || s.kk_number || ' tidak memiliki kepala keluarga'
                            ELSE 'KK ' || s.kk_number || ' memiliki ' || c.heads || ' kepala keluarga; harus tepat satu' END
                FROM household_import_row s JOIN cards c USING (kk_number)
                WHERE s.import_id = ? AND ((c.heads = 0 AND s.row_number = c.first_row)
                                           OR (c.heads > 1 AND s.relationship = ?))""")
                .params(HEAD, id, id, HEAD, relationship, id, HEAD).update();
        jdbc.sql("""
                WITH first_rows AS (
                    SELECT DISTINCT ON (kk_number) kk_number, kelurahan_code, rw, rt, row_number
                    FROM household_import_row WHERE import_id = ?
                    ORDER BY kk_number, relationship <> ?, row_number)
                INSERT INTO household_import_problem (import_id, row_number, kk_number, column_name, value, message)
                SELECT s.import_id, s.row_number, s.kk_number, ?,
                       s.kelurahan_code || ' RW ' || s.rw || ' RT ' || s.rt,
                       'kelurahan/RW/RT berbeda dengan baris ' || f.row_number || ' (' || f.kelurahan_code || ' RW '
                           || f.rw || ' RT ' || f.rt || ') dari KK yang sama; satu KK tinggal di satu alamat'
                FROM household_import_row s JOIN first_rows f USING (kk_number)
                WHERE s.import_id = ? AND (s.kelurahan_code, s.rw, s.rt) IS DISTINCT FROM (f.kelurahan_code, f.rw, f.rt)""")
                .params(id, HEAD, kelurahan, id).update();
    }

    // ---- phase 2: apply ----

    private void apply(ImportJobs.Job job, Checked checked) {
        UUID id = job.id();
        String actor = job.createdBy();
        String reason = "Impor berkas " + job.fileName() + " (impor " + id + ")";
        String source = "IMPORT:" + id;
        Timestamp now = Timestamp.from(Instant.now(clock));
        applyTx.executeWithoutResult(tx -> {
            // Each table is written by its owner: RW/RT by wilayah, households, persons and history by the registry.
            regionUnits.ensureForImport(id, actor);
            long households = timed(id, "households", () -> registrations.households(id, actor, now));
            timed(id, "analyze-household", registrations::analyzeHouseholds);
            phase(id, 0.15);
            long persons = timed(id, "persons", () -> registrations.persons(id, actor, now));
            timed(id, "analyze-person", registrations::analyzePersons);
            phase(id, 0.4);
            timed(id, "history", () -> registrations.history(id, actor, reason, now));
            phase(id, 0.6);
            timed(id, "events", () -> publishRegistered(id, source, now.toInstant(), households));
            phase(id, 0.95);
            long reviews = timed(id, "duplicate-review", () -> queueLikelyDuplicates(id));
            jobs.created(id, households, persons, reviews, checked.validRows(), checked.rowsWithProblems(),
                    checked.rowsSkipped());
            try {
                // Only a job still applying completes: one failed meanwhile (its instance was taken for dead when the
                // lease's connection broke) keeps its failure, and this transaction is rolled back.
                int completed = jdbc.sql("UPDATE household_import SET status = 'SELESAI', finished_at = ?, "
                        + "phase_progress = 100 WHERE id = ? AND status = 'MENERAPKAN'")
                        .params(Timestamp.from(Instant.now(clock)), id).update();
                if (completed == 0) {
                    tx.setRollbackOnly();
                    throw new IllegalStateException("household import " + id + " was failed while it was applied");
                }
            } catch (DuplicateKeyException sameFile) {
                tx.setRollbackOnly();
                throw new SameFileAlreadyImported(jobs.sameFile(job.fileSha256()).map(j -> j.id().toString())
                        .orElse("lain"));
            }
        });
    }

    /** One HouseholdRegistered per card, built from what was stored, through the outbox like every other event. */
    private void publishRegistered(UUID id, String source, Instant at, long households) {
        List<OutgoingEvent> batch = new ArrayList<>(EVENTS_PER_BATCH);
        long[] published = {0};
        Object[] current = new Object[1];
        List<Member> members = new ArrayList<>();
        String[] card = new String[5];
        registrations.forEachRegisteredMember(id, rs -> {
                    UUID household = rs.getObject("household_id", UUID.class);
                    if (current[0] != null && !current[0].equals(household)) {
                        batch.add(registered((UUID) current[0], card, members, source, at));
                        members.clear();
                        if (batch.size() >= EVENTS_PER_BATCH) {
                            publisher.publishAll(batch);
                            published[0] += batch.size();
                            batch.clear();
                            phase(id, 0.6 + 0.35 * published[0] / Math.max(1, households));
                        }
                    }
                    current[0] = household;
                    card[0] = rs.getString("kk_number");
                    card[1] = rs.getString("kelurahan_code");
                    card[2] = rs.getString("rw");
                    card[3] = rs.getString("rt");
                    members.add(new Member(rs.getObject("id", UUID.class), rs.getString("nik"), rs.getString("name"),
                            rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("sex"),
                            rs.getString("relationship"), rs.getString("marital_status"), rs.getString("education"),
                            rs.getString("occupation"), rs.getString("disability"), rs.getBoolean("severe_disability"),
                            rs.getBoolean("pregnant"), "HIDUP"));
                });
        if (current[0] != null) {
            batch.add(registered((UUID) current[0], card, members, source, at));
        }
        if (!batch.isEmpty()) {
            publisher.publishAll(batch);
        }
    }

    private static OutgoingEvent registered(UUID household, String[] card, List<Member> members, String source,
                                            Instant at) {
        return new OutgoingEvent(EventCatalog.HOUSEHOLD_REGISTERED, household.toString(), card[1],
                new HouseholdRegistered(household, card[0], card[1], card[2], card[3], List.copyOf(members), source, at));
    }

    /**
     * Same name key, birth date and kelurahan under another NIK, in the registry or elsewhere in the file: probably
     * one person typed twice with a mistyped NIK. Both stay registered; a human decides.
     */
    private long queueLikelyDuplicates(UUID id) {
        return jdbc.sql("""
                INSERT INTO duplicate_review (id, import_id, row_number, nik, name, birth_date, kelurahan_code,
                    other_nik, other_person_id, other_row_number)
                SELECT gen_random_uuid(), p.import_id, s.row_number, p.nik, p.name, p.birth_date, p.kelurahan_code,
                       q.nik, q.id, o.row_number
                FROM person p
                JOIN household_import_row s ON s.import_id = p.import_id AND s.nik = p.nik
                JOIN person q ON q.birth_date = p.birth_date AND q.name_key = p.name_key
                             AND q.kelurahan_code = p.kelurahan_code AND q.nik <> p.nik
                LEFT JOIN household_import_row o ON o.import_id = p.import_id AND o.nik = q.nik
                WHERE p.import_id = ? AND (q.import_id IS DISTINCT FROM p.import_id OR q.nik > p.nik)""")
                .param(id).update();
    }

    /** Runs one step and logs how long it took: the figures behind docs/benchmarks.md. */
    private static <T> T timed(UUID id, String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        log.info("household import {} step {} took {} ms", id, step, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static void timed(UUID id, String step, Runnable work) {
        timed(id, step, () -> {
            work.run();
            return null;
        });
    }

    private void phase(UUID id, double fraction) {
        ownTx.executeWithoutResult(s -> jobs.phase(id, fraction));
    }

    // ---- COPY text format ----

    private static void copy(CopyManager copy, String target, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        copy.copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    private static void stage(StringBuilder out, String importId, long rowNumber, RowInterpreter.Interpreted row) {
        HouseholdData h = row.household();
        PersonData p = row.person();
        line(out, importId, Long.toString(rowNumber), h.kkNumber(), h.kelurahanCode(), h.rw(), h.rt(), h.address(),
                plain(h.latitude()), plain(h.longitude()), h.houseOwnership(),
                h.floorAreaM2() == null ? null : h.floorAreaM2().toString(), h.floorMaterial(), h.wallMaterial(),
                h.roofMaterial(), h.waterSource(), h.sanitation(), h.lighting(), h.cookingFuel(), array(h.assets()),
                h.incomeBand(), p.nik(), p.name(), p.nameKey(), p.birthPlace(), p.birthDate().toString(), p.sex().name(),
                p.relationship().name(), p.maritalStatus(), p.education(), p.occupation(), p.disability(),
                Boolean.toString(p.severeDisability()), p.chronicIllness(), Boolean.toString(p.pregnant()),
                array(p.nikFlags().stream().map(Enum::name).sorted().toList()));
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Codes only (upper case, digits, underscore): no quoting needed inside the array literal. */
    private static String array(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    static void line(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
