package org.kesra.household.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.registry.HouseholdRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes to one person: corrections, death, moving out of the city. If-Match with the person's last ETag. */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Penduduk (NIK)", description = "Pencarian penduduk, koreksi data, kematian dan pindah keluar kota")
public class PersonChangeController {

    private final HouseholdRegistry registry;
    private final RegistryAnswers answers;

    public PersonChangeController(HouseholdRegistry registry, RegistryAnswers answers) {
        this.registry = registry;
        this.answers = answers;
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Koreksi data penduduk dengan alasan; NIK yang tidak sesuai tanggal lahir ditandai, tidak ditolak")
    public ResponseEntity<RegistryResponses.PersonView> correct(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PersonPatchRequest patch, RegistryScope scope, AccessRequest access) {
        return answers.person(id, registry.correctPerson(scope, id, ifMatch, patch.command()), scope, access,
                access.purpose());
    }

    @PostMapping("/{id}/death")
    @Operation(summary = "Catat kematian")
    public ResponseEntity<RegistryResponses.PersonView> death(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DeathRequest request, RegistryScope scope, AccessRequest access) {
        return answers.person(id, registry.recordDeath(scope, id, ifMatch, request.command()), scope, access,
                access.purpose());
    }

    @PostMapping("/{id}/move-away")
    @Operation(summary = "Catat pindah ke luar kota")
    public ResponseEntity<RegistryResponses.PersonView> moveAway(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody MoveAwayRequest request, RegistryScope scope, AccessRequest access) {
        return answers.person(id, registry.recordMoveAway(scope, id, ifMatch, request.command()), scope, access,
                access.purpose());
    }
}
