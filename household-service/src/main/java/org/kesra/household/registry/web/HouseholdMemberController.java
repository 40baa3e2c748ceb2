package org.kesra.household.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.registry.HouseholdRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The members of a household (KK): add, remove, move to another card, change the head. If-Match of the card. */
@RestController
@RequestMapping("/api/v1/households/{id}")
@Tag(name = "Rumah tangga (KK)", description = "Daftar rumah tangga dan anggotanya")
public class HouseholdMemberController {

    private final HouseholdRegistry registry;
    private final RegistryAnswers answers;

    public HouseholdMemberController(HouseholdRegistry registry, RegistryAnswers answers) {
        this.registry = registry;
        this.answers = answers;
    }

    @PostMapping("/members")
    @Operation(summary = "Tambah anggota keluarga (kelahiran, perkawinan, anggota yang belum tercatat)")
    public ResponseEntity<RegistryResponses.HouseholdView> addMember(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AddMemberRequest request, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.addMember(scope, id, ifMatch, request.person(), request.reason()), scope,
                access, access.purpose());
    }

    @PostMapping("/members/{personId}/removal")
    @Operation(summary = "Keluarkan anggota dari KK tanpa memindahkannya (misalnya tercatat keliru)")
    public ResponseEntity<RegistryResponses.HouseholdView> removeMember(@PathVariable UUID id,
            @PathVariable UUID personId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReasonRequest request, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.removeMember(scope, id, personId, ifMatch, request.reason()), scope,
                access, access.purpose());
    }

    @PostMapping("/members/{personId}/move")
    @Operation(summary = "Pindahkan anggota ke KK lain, atau ke KK baru (pecah KK); If-Match milik KK asal")
    public ResponseEntity<RegistryResponses.HouseholdView> moveMember(@PathVariable UUID id,
            @PathVariable UUID personId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdRegistry.MoveMember request, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.moveMember(scope, id, personId, ifMatch, request), scope, access,
                access.purpose());
    }

    @PostMapping("/head")
    @Operation(summary = "Ganti kepala keluarga")
    public ResponseEntity<RegistryResponses.HouseholdView> changeHead(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody HouseholdRegistry.HeadChange request, RegistryScope scope, AccessRequest access) {
        return answers.household(id, registry.changeHead(scope, id, ifMatch, request), scope, access,
                access.purpose());
    }
}
