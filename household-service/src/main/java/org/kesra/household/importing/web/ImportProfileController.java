package org.kesra.household.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.importing.CanonicalColumn;
import org.kesra.household.importing.ImportProfiles;
import org.kesra.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The canonical columns of an import file, and the profiles that map a cadre's headings onto them. */
@RestController
@RequestMapping("/api/v1/household-imports")
@Tag(name = "Impor data rumah tangga", description = "Impor CSV/XLSX dari kader, profil pemetaan kolom, dugaan data ganda")
public class ImportProfileController {

    /** @param cityWide true makes the profile city-wide (Dinas Sosial admins only); absent keeps its owner */
    public record ProfileRequest(String description, Map<String, String> columns, Boolean cityWide) {
    }

    public record Column(String name, String field, boolean required) {
    }

    /** Dinas Sosial's admins may change every profile, city-wide ones included. */
    private static final String DINSOS_ADMIN = "dinsos-admin";

    private final ImportProfiles profiles;

    public ImportProfileController(ImportProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/columns")
    @Operation(summary = "Kolom baku berkas impor")
    public List<Column> columns() {
        return Arrays.stream(CanonicalColumn.values())
                .map(c -> new Column(c.columnName(), c.field(), c.required())).toList();
    }

    /** @param scope resolved only to refuse callers without a registry role or region */
    @GetMapping("/profiles")
    @Operation(summary = "Profil pemetaan kolom")
    public List<ImportProfiles.Profile> profiles(RegistryScope scope) {
        return profiles.all();
    }

    @PutMapping("/profiles/{name}")
    @Operation(summary = "Simpan profil pemetaan: judul kolom di berkas kader → kolom baku. Profil baru milik wilayah"
            + " (atau OPD) Anda; profil yang ada hanya boleh diubah pemiliknya atau admin Dinas Sosial; versi lama"
            + " disimpan")
    public ImportProfiles.Profile saveProfile(@PathVariable String name, @RequestBody ProfileRequest request,
                                              RegistryScope scope) {
        scope.requireWrite();
        Caller caller = Caller.current();
        return profiles.save(name, request.description(), request.columns(), request.cityWide(),
                new ImportProfiles.Editor(scope.actor(), scope.regionPrefix(), caller.opd().orElse(null),
                        caller.hasRole(DINSOS_ADMIN)));
    }

    /** @param scope resolved only to refuse callers without a registry role or region */
    @GetMapping("/profiles/{name}/versions")
    @Operation(summary = "Semua versi profil pemetaan yang pernah disimpan, terbaru dulu")
    public List<ImportProfiles.Version> profileVersions(@PathVariable String name, RegistryScope scope) {
        return profiles.versions(name);
    }
}
