package org.kesra.household.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.importing.HouseholdImports;
import org.kesra.household.importing.ImportJobs;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem report of one import. Values and messages can carry NIKs ("NIK ... sudah terdaftar"): masked for
 * masked readers; for full readers the purpose is required and each answer logged with the NIKs it showed.
 */
@RestController
@RequestMapping("/api/v1/household-imports/{id}")
@Tag(name = "Impor data rumah tangga", description = "Impor CSV/XLSX dari kader, profil pemetaan kolom, dugaan data ganda")
public class ImportProblemController {

    private final HouseholdImports imports;
    private final ImportJobs jobs;
    private final PersonalDataAccessLog accessLog;

    public ImportProblemController(HouseholdImports imports, ImportJobs jobs, PersonalDataAccessLog accessLog) {
        this.imports = imports;
        this.jobs = jobs;
        this.accessLog = accessLog;
    }

    @GetMapping("/problems")
    @Operation(summary = "Laporan masalah per baris (baris, kolom, nilai, pesan). Nilai dan pesan dapat memuat NIK:"
            + " bagi peran yang melihat NIK lengkap, header X-Purpose wajib dan setiap jawaban dicatat.",
            description = Cursor.PAGING)
    public ListPage<ImportJobs.ProblemRow> problems(@PathVariable UUID id,
            @Paging.PageSize(value = 100, max = 1000) Paging paging, RegistryScope scope, AccessRequest access) {
        String purpose = access.purposeRequiredFor(scope);
        imports.find(scope, id);
        ListPage<ImportJobs.ProblemRow> found = paging.byCursor() ? jobs.problems(id, paging.cursor(), paging.size())
                : jobs.problems(id, paging.page(), paging.size());
        logged(found.items().stream().flatMap(ImportProblemController::niks).toList(), scope, access, purpose);
        return found.map(p -> shown(p, scope));
    }

    @GetMapping(value = "/problems.csv", produces = "text/csv")
    @Operation(summary = "Unduh laporan masalah sebagai CSV (aman dibuka di spreadsheet); bagi peran yang melihat NIK"
            + " lengkap, header X-Purpose wajib dan setiap unduhan dicatat")
    public void problemsCsv(@PathVariable UUID id, RegistryScope scope, AccessRequest access,
                            HttpServletResponse response) throws IOException {
        String purpose = access.purposeRequiredFor(scope);
        ImportJobs.Job job = imports.find(scope, id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"masalah-impor-" + job.id() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
        Set<String> niks = new LinkedHashSet<>();
        jobs.writeProblemsCsv(id, out, p -> {
            niks.addAll(niks(p).toList());
            return shown(p, scope);
        });
        out.flush();
        logged(niks, scope, access, purpose);
    }

    private void logged(java.util.Collection<String> niks, RegistryScope scope, AccessRequest access, String purpose) {
        if (scope.seesFullNik()) {
            accessLog.niksRead(null, niks, access.endpoint(), purpose);
        }
    }

    /** A problem as the caller may read it: the NIKs in its value and message masked for masked readers. */
    private static ImportJobs.ProblemRow shown(ImportJobs.ProblemRow p, RegistryScope scope) {
        return new ImportJobs.ProblemRow(p.rowNumber(), p.column(), scope.niksIn(p.value()), scope.niksIn(p.message()));
    }

    private static Stream<String> niks(ImportJobs.ProblemRow p) {
        return Stream.concat(RegistryScope.niksFoundIn(p.value()).stream(),
                RegistryScope.niksFoundIn(p.message()).stream());
    }
}
