package org.kesra.household.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.importing.CanonicalColumn;
import org.kesra.household.importing.DuplicateReviews;
import org.kesra.household.importing.HouseholdImports;
import org.kesra.household.importing.ImportJobs;
import org.kesra.household.importing.ImportProfiles;
import org.kesra.household.registry.web.HouseholdController;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import of the cadres' spreadsheets: start, follow, read the problem report; mapping profiles; duplicates. */
@RestController
@RequestMapping("/api/v1/household-imports")
@Tag(name = "Impor data rumah tangga", description = "Impor CSV/XLSX dari kader, profil pemetaan kolom, dugaan data ganda")
public class ImportController {

    /** @param cityWide true makes the profile city-wide (Dinas Sosial admins only); absent keeps its owner */
    public record ProfileRequest(String description, Map<String, String> columns, Boolean cityWide) {
    }

    public record Column(String name, String field, boolean required) {
    }

    public record DecisionRequest(DuplicateReviews.Decision decision, String reason) {
    }

    /** Dinas Sosial's admins may change every profile, city-wide ones included. */
    private static final String DINSOS_ADMIN = "dinsos-admin";

    private final HouseholdImports imports;
    private final ImportJobs jobs;
    private final ImportProfiles profiles;
    private final DuplicateReviews reviews;
    private final PersonalDataAccessLog accessLog;

    public ImportController(HouseholdImports imports, ImportJobs jobs, ImportProfiles profiles, DuplicateReviews reviews,
                            PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.imports = imports;
        this.jobs = jobs;
        this.profiles = profiles;
        this.reviews = reviews;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Mulai impor berkas CSV/XLSX (satu baris per orang); berkas yang sama dua kali tidak membuat"
            + " data baru")
    public ResponseEntity<ImportJobs.Job> start(@RequestPart(name = "file", required = false) MultipartFile file,
                                                @RequestParam(required = false) String profile,
                                                @RequestParam(required = false) String mode,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        HouseholdImports.Started started = imports.start(HouseholdController.scope(),
                file == null ? null : new HouseholdImports.Upload(file.getOriginalFilename(), file.isEmpty(),
                        file::getInputStream), profile, mode, key);
        URI location = URI.create("/api/v1/household-imports/" + started.job().id());
        return started.created() ? ResponseEntity.accepted().location(location).body(started.job())
                : ResponseEntity.ok().location(location).body(started.job());
    }

    @GetMapping
    @Operation(summary = "Daftar impor di wilayah Anda, terbaru dulu")
    public PageResponse<ImportJobs.Job> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return imports.list(HouseholdController.scope(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status dan kemajuan impor")
    public ImportJobs.Job get(@PathVariable UUID id) {
        return imports.find(HouseholdController.scope(), id);
    }

    @GetMapping("/{id}/problems")
    @Operation(summary = "Laporan masalah per baris (baris, kolom, nilai, pesan). Nilai dan pesan dapat memuat NIK:"
            + " bagi peran yang melihat NIK lengkap, header X-Purpose wajib dan setiap jawaban dicatat.",
            description = Cursor.PAGING)
    public ListPage<ImportJobs.ProblemRow> problems(@PathVariable UUID id,
                                                    @Parameter(deprecated = true, description = Cursor.PAGE_PARAMETER)
                                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                                    @Parameter(description = Cursor.CURSOR_PARAMETER) @RequestParam(required = false) String cursor,
                                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        String declared = scope.seesFullNik() ? PersonalDataAccessLog.requirePurpose(purpose) : null;
        imports.find(scope, id);
        ListPage<ImportJobs.ProblemRow> found = (cursor != null ? jobs.problems(id, cursor, size)
                : jobs.problems(id, page, size)).map(p -> shown(p, scope));
        if (scope.seesFullNik()) {
            accessLog.niksRead(null, found.items().stream().flatMap(ImportController::niks).toList(),
                    "GET /api/v1/household-imports/{id}/problems", declared);
        }
        return found;
    }

    @GetMapping(value = "/{id}/problems.csv", produces = "text/csv")
    @Operation(summary = "Unduh laporan masalah sebagai CSV (aman dibuka di spreadsheet); bagi peran yang melihat NIK"
            + " lengkap, header X-Purpose wajib dan setiap unduhan dicatat")
    public void problemsCsv(@PathVariable UUID id,
                            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose,
                            HttpServletResponse response) throws IOException {
        RegistryScope scope = HouseholdController.scope();
        String declared = scope.seesFullNik() ? PersonalDataAccessLog.requirePurpose(purpose) : null;
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
        if (scope.seesFullNik()) {
            accessLog.niksRead(null, niks, "GET /api/v1/household-imports/{id}/problems.csv", declared);
        }
    }

    /** A problem as the caller may read it: the NIKs in its value and message masked for masked readers. */
    private static ImportJobs.ProblemRow shown(ImportJobs.ProblemRow p, RegistryScope scope) {
        return new ImportJobs.ProblemRow(p.rowNumber(), p.column(), scope.niksIn(p.value()), scope.niksIn(p.message()));
    }

    private static java.util.stream.Stream<String> niks(ImportJobs.ProblemRow p) {
        return java.util.stream.Stream.concat(RegistryScope.niksFoundIn(p.value()).stream(),
                RegistryScope.niksFoundIn(p.message()).stream());
    }

    @GetMapping("/columns")
    @Operation(summary = "Kolom baku berkas impor")
    public List<Column> columns() {
        return java.util.Arrays.stream(CanonicalColumn.values())
                .map(c -> new Column(c.columnName(), c.field(), c.required())).toList();
    }

    @GetMapping("/profiles")
    @Operation(summary = "Profil pemetaan kolom")
    public List<ImportProfiles.Profile> profiles() {
        HouseholdController.scope();
        return profiles.all();
    }

    @PutMapping("/profiles/{name}")
    @Operation(summary = "Simpan profil pemetaan: judul kolom di berkas kader → kolom baku. Profil baru milik wilayah"
            + " (atau OPD) Anda; profil yang ada hanya boleh diubah pemiliknya atau admin Dinas Sosial; versi lama"
            + " disimpan")
    public ImportProfiles.Profile saveProfile(@PathVariable String name, @RequestBody ProfileRequest request) {
        RegistryScope scope = HouseholdController.scope();
        scope.requireWrite();
        Caller caller = Caller.current();
        return profiles.save(name, request.description(), request.columns(), request.cityWide(),
                new ImportProfiles.Editor(scope.actor(), scope.regionPrefix(), caller.opd().orElse(null),
                        caller.hasRole(DINSOS_ADMIN)));
    }

    @GetMapping("/profiles/{name}/versions")
    @Operation(summary = "Semua versi profil pemetaan yang pernah disimpan, terbaru dulu")
    public List<ImportProfiles.Version> profileVersions(@PathVariable String name) {
        HouseholdController.scope();
        return profiles.versions(name);
    }

    @GetMapping("/reviews")
    @Operation(summary = "Dugaan data ganda (nama, tanggal lahir dan kelurahan sama, NIK berbeda); bagi peran yang"
            + " melihat NIK lengkap, header X-Purpose wajib dan setiap jawaban dicatat")
    public PageResponse<DuplicateReviews.Review> reviews(
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "TERBUKA|ORANG_SAMA|ORANG_BERBEDA",
                    message = "status TERBUKA, ORANG_SAMA atau ORANG_BERBEDA") String status,
            @RequestParam(required = false) UUID importId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestHeader(name = PersonalDataAccessLog.PURPOSE_HEADER, required = false) String purpose) {
        RegistryScope scope = HouseholdController.scope();
        String declared = scope.seesFullNik() ? PersonalDataAccessLog.requirePurpose(purpose) : null;
        PageResponse<DuplicateReviews.Review> found = reviews.list(scope, status, importId, page, size);
        if (scope.seesFullNik()) {
            accessLog.niksRead(null, found.items().stream()
                            .flatMap(r -> java.util.stream.Stream.of(r.nik(), r.otherNik()))
                            .filter(java.util.Objects::nonNull).toList(),
                    "GET /api/v1/household-imports/reviews", declared);
        }
        return found;
    }

    @PostMapping("/reviews/{id}/decision")
    @Operation(summary = "Putuskan dugaan data ganda: ORANG_SAMA atau ORANG_BERBEDA, dengan alasan")
    public DuplicateReviews.Review decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
        return reviews.decide(HouseholdController.scope(), id, request.decision(), request.reason());
    }
}
