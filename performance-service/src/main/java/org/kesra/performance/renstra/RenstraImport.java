package org.kesra.performance.renstra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetFiles;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.sheets.SpooledUpload;
import org.kesra.sheets.UnreadableSheetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Import of an agency's Renstra matrix (Tabel 6.1 layout, {@link RenstraMatrix}) from XLSX or CSV, read with the
 * {@code sheets} module. The matrix becomes the same typed request {@code POST /api/v1/renstra} takes and goes
 * through {@link RenstraPlans#create} (a unit without a plan for the period) or {@link RenstraPlans#revise} (the
 * unit's plan of exactly that period: a new version with the reason), so every rule, the scope check and the
 * plan-published event stay in one place. All or nothing: the whole file is read and checked before anything is
 * written, and the plan is written in one transaction. A refusal of the validator is said in the file's rows and
 * columns ({@code /rows/12/target2023}).
 */
@Service
public class RenstraImport {

    private static final Logger log = LoggerFactory.getLogger(RenstraImport.class);
    /** Far above any agency's Tabel 6.1 (a few hundred rows); beyond it the file is not a Renstra matrix. */
    static final int MAX_ROWS = 5_000;

    private final RenstraPlans plans;
    private final Units units;

    public RenstraImport(RenstraPlans plans, Units units) {
        this.plans = plans;
        this.units = units;
    }

    /**
     * The uploaded matrix and what the file does not say.
     *
     * @param basedOnVersion the version a revision replaces (If-Match); null: the newest
     */
    public record Upload(InputStream content, String fileName, Integer startYear, Integer endYear, String title,
                         String reason, Integer basedOnVersion) {
    }

    /** The stored plan version, and whether it is a new plan (version 1) or a revision of the period's plan. */
    public record Imported(RenstraViews.PlanView plan, boolean revision) {
    }

    public Imported importMatrix(UnitScope scope, String unitCode, Upload upload) {
        Unit unit = units.find(unitCode == null ? "" : unitCode.strip()).filter(u -> scope.reads(u.code()))
                .orElseThrow(() -> PerformanceProblems.UNIT_NOT_FOUND.refuse("Unit " + unitCode
                        + " tidak ditemukan di wilayah atau unit kerja Anda."));
        if (!scope.writes(unit)) {
            // Before the file is read: someone who may not write the unit learns nothing about their file.
            throw PerformanceProblems.UNIT_NOT_YOURS.refuse("Anda hanya dapat menyusun Renstra unit kerja Anda"
                    + " sendiri; " + unit.code() + " bukan unit Anda.", List.of(Violation.field("/unit",
                    "Bukan unit Anda.")));
        }
        PlanValidator.checkPeriod(upload.startYear(), upload.endYear());
        int start = upload.startYear();
        int end = upload.endYear();
        List<SheetRow> rows = rows(upload);
        RenstraMatrix.Read read = RenstraMatrix.read(rows, start, end, unit);
        Optional<RenstraViews.PlanSummary> existing = plans.list(scope, unit.code(), new Paging(0, null, 200))
                .items().stream().filter(p -> p.startYear() == start && p.endYear() == end).findFirst();
        try {
            if (existing.isPresent()) {
                RenstraViews.PlanSummary plan = existing.get();
                String title = blank(upload.title()) ? plan.title() : upload.title();
                int basedOn = upload.basedOnVersion() == null ? plan.latestVersion() : upload.basedOnVersion();
                RenstraViews.PlanView revised = plans.revise(scope, plan.id(), basedOn,
                        new RenstraRequests.Revision(title, upload.reason(), read.tujuan()));
                log.info("renstra matrix imported as version {} of plan {} (unit {}, {} rows)", revised.version(),
                        plan.id(), unit.code(), rows.size());
                return new Imported(revised, true);
            }
            String title = blank(upload.title()) ? "Renstra " + unit.name() + " " + start + "-" + end : upload.title();
            RenstraViews.PlanView created = plans.create(scope,
                    new RenstraRequests.NewPlan(unit.code(), title, start, end, read.tujuan()));
            log.info("renstra matrix imported as plan {} (unit {}, {} rows)", created.id(), unit.code(), rows.size());
            return new Imported(created, false);
        } catch (Refusal refusal) {
            if (refusal.violations().isEmpty()) {
                throw refusal;
            }
            List<Violation> translated = refusal.violations().stream().map(read::translate).toList();
            throw refusal.type().refuse(refusal.detail(), translated);
        }
    }

    /** Every row of the file, header included; the file's faults as refusals. */
    private static List<SheetRow> rows(Upload upload) {
        if (upload.content() == null) {
            throw PerformanceProblems.SHEET_EMPTY.refuse("Unggah berkas matriks Renstra (XLSX atau CSV).",
                    List.of(Violation.field("/file", "Berkas wajib diunggah.")));
        }
        String extension = extension(upload.fileName());
        if (extension != null && !List.of("xlsx", "csv", "txt").contains(extension)) {
            throw unsupported(upload.fileName());
        }
        try (SpooledUpload spooled = SpooledUpload.of(upload.content(), "renstra-matrix-")) {
            if (Files.size(spooled.file()) == 0) {
                throw PerformanceProblems.SHEET_EMPTY.refuse("Berkas yang diunggah kosong.",
                        List.of(Violation.field("/file", "Berkas kosong (0 byte).")));
            }
            String format = SheetFiles.formatOf(spooled.file(), upload.fileName())
                    .orElseThrow(() -> unsupported(upload.fileName()));
            try (SheetSource source = SheetFiles.open(spooled.file(), format)) {
                List<SheetRow> rows = new ArrayList<>();
                rows.add(new SheetRow(1, source.header(), java.util.Set.of()));
                Iterator<SheetRow> it = source.rows();
                while (it.hasNext()) {
                    if (rows.size() > MAX_ROWS) {
                        throw PerformanceProblems.SHEET_UNREADABLE.refuse("Berkas berisi lebih dari " + MAX_ROWS
                                + " baris; matriks Renstra satu unit jauh lebih kecil.",
                                List.of(Violation.field("/file", "Terlalu banyak baris.")));
                    }
                    rows.add(it.next());
                }
                if (rows.stream().allMatch(r -> r.cells().stream().allMatch(c -> c == null || c.isBlank()))) {
                    throw PerformanceProblems.SHEET_EMPTY.refuse("Berkas tidak berisi apa pun.",
                            List.of(Violation.field("/file", "Berkas kosong.")));
                }
                return rows;
            }
        } catch (UnreadableSheetException unreadable) {
            throw PerformanceProblems.SHEET_UNREADABLE.refuse("Berkas tidak dapat dibaca: " + unreadable.getMessage()
                    + ".", List.of(Violation.field("/file", unreadable.getMessage())));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException damaged) {
            // The XLSX reader's own failures (not a workbook, a damaged zip): the file's fault, said without its text.
            throw PerformanceProblems.SHEET_UNREADABLE.refuse("Berkas XLSX tidak dapat dibaca (rusak, terpotong atau"
                    + " bukan buku kerja Excel).", List.of(Violation.field("/file", "Berkas rusak.")));
        }
    }

    private static Refusal unsupported(String fileName) {
        return PerformanceProblems.SHEET_TYPE.refuse("Berkas " + (fileName == null ? "" : "'" + fileName + "' ")
                + "bukan XLSX atau CSV. Simpan matriks sebagai Excel Workbook (.xlsx) atau CSV.",
                List.of(Violation.field("/file", "Hanya XLSX atau CSV.")));
    }

    private static String extension(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return null;
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
