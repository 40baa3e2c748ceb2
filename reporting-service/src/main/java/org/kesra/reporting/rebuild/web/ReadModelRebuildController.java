package org.kesra.reporting.rebuild.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Caller;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.rebuild.ReadModelRebuild;
import org.kesra.reporting.rebuild.RebuildStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Operator endpoints (platform-admin; through the gateway at /ops/reporting/read-model-rebuilds). */
@RestController
@Tag(name = "Operasi", description = "Pembangunan ulang model baca dari peristiwa sumber")
public class ReadModelRebuildController {

    private static final String PATH = "/api/v1/ops/read-model-rebuilds";

    private final ReadModelRebuild rebuild;

    public ReadModelRebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    @Operation(summary = "Bangun ulang semua model baca dengan memutar ulang topik sumber",
            description = "Berjalan di latar belakang; model lama tetap melayani laporan sampai model baru menyusul "
                    + "posisi konsumen langsung. 409 bila pembangunan ulang lain sedang berjalan.")
    public ResponseEntity<RebuildStatus> start(@RequestBody(required = false) JsonNode options) {
        // A rebuild takes no options yet: nothing or an empty object. Anything else is refused rather than ignored,
        // so that a garbled or mistaken request does not start hours of replay.
        if (options != null && !(options.isObject() && options.isEmpty())) {
            throw PlatformProblems.BODY_MALFORMED.refuse("Pembangunan ulang tidak menerima isian: kirim tanpa isi"
                    + " atau {}.");
        }
        RebuildStatus started = rebuild.start(Caller.current().subject());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + started.id())).body(started);
    }

    @GetMapping(PATH)
    @Operation(summary = "Pembangunan ulang terakhir (paling baru dulu)")
    public List<RebuildStatus> recent() {
        return rebuild.recent();
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "Status satu pembangunan ulang: posisi putar ulang, posisi konsumen langsung, akhir topik")
    public RebuildStatus status(@PathVariable String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ReportingProblems.REBUILD_UNKNOWN.refuse("Pembangunan ulang " + id + " tidak dikenal.");
        }
        return rebuild.status(parsed);
    }
}
