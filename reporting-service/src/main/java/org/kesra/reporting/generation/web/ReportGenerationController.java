package org.kesra.reporting.generation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.kesra.platform.web.Caller;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.generation.GenerationStatus;
import org.kesra.reporting.generation.Regenerations;
import org.kesra.reporting.generation.ReportGenerations;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Kept report files: generate, poll, download (logged), history, download log, verification. */
@RestController
@Tag(name = "Berkas Laporan", description = "Laporan yang dibuat dan disimpan beserta parameter, versi data dan SHA-256")
public class ReportGenerationController {

    static final String PATH = "/api/v1/reports/generations";

    private final ReportGenerations generations;
    private final Regenerations regenerations;

    public ReportGenerationController(ReportGenerations generations, Regenerations regenerations) {
        this.generations = generations;
        this.regenerations = regenerations;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Minta pembuatan berkas laporan (XLSX atau PDF) yang disimpan",
            description = "type: quarterly (unit, tahun, triwulan), lakip (unit, tahun), recap (period, kecamatan), "
                    + "renstra (unit, versi), pkh (tahun, program), sembako (tahun, program; xlsx saja); "
                    + "format: xlsx atau pdf. Dibuat di latar belakang: 202 dengan Location status. Hak akses, "
                    + "wilayah dan penolakan sama dengan laporan yang sama lewat GET.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(value = "{\"type\": \"quarterly\", \"parameters\": {\"unit\": \"18.72.03\", "
                    + "\"tahun\": \"2024\", \"triwulan\": \"1\"}, \"format\": \"pdf\"}")))
    @ApiResponse(responseCode = "202", description = "Diterima; status di Location",
            content = @Content(schema = @Schema(implementation = GenerationStatus.class)))
    public ResponseEntity<GenerationStatus> request(@RequestBody(required = false) JsonNode body) {
        GenerationStatus queued = generations.request(ReportingAccess.reader(), Caller.current().subject(), body);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + queued.id())).body(queued);
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "Status satu berkas laporan: QUEUED, RUNNING, DONE, FAILED (dengan masalahnya)")
    public GenerationStatus status(@PathVariable String id) {
        return generations.status(ReportingAccess.reader(), id);
    }

    @GetMapping(PATH + "/{id}/file")
    @Operation(summary = "Unduh berkas laporan yang disimpan (dicatat)",
            description = "ETag dan Repr-Digest membawa SHA-256 berkas; setiap unduhan dicatat (siapa, kapan).")
    @ApiResponse(responseCode = "200", description = "Berkas", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<byte[]> file(@PathVariable String id) {
        Caller caller = Caller.current();
        ReportGenerations.KeptFile file = generations.download(ReportingAccess.reader(), caller.subject(),
                caller.roles(), id);
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .eTag("\"" + file.sha256() + "\"")
                // RFC 9530: the digest of the representation, so a client can check the bytes it received.
                .header("Repr-Digest", "sha-256=:" + base64 + ":")
                .body(file.bytes());
    }

    @GetMapping(PATH)
    @Operation(summary = "Riwayat berkas laporan yang boleh dilihat pemanggil (terbaru dulu, per halaman)")
    public GenerationStatus.Page history(
            @Parameter(description = "quarterly, lakip, recap, renstra, pkh atau sembako") @RequestParam(required = false) String type,
            @Parameter(description = "Kode unit (laporan kinerja) atau kecamatan (rekap)")
            @RequestParam(required = false) String unit,
            @Parameter(description = "Halaman, mulai 0") @RequestParam(required = false) String page,
            @Parameter(description = "Ukuran halaman 1-100 (bawaan 20)") @RequestParam(required = false) String size) {
        return generations.history(ReportingAccess.reader(), type, unit, page, size);
    }

    @GetMapping(PATH + "/{id}/downloads")
    @Operation(summary = "Catatan unduhan satu berkas (auditor, admin platform)")
    public List<GenerationStatus.Download> downloads(@PathVariable String id) {
        return generations.downloads(ReportingAccess.reader(), id);
    }

    @PostMapping(PATH + "/{id}/verifications")
    @Operation(summary = "Buat ulang berkas dengan parameter yang sama dan bandingkan SHA-256",
            description = "MATCH: sama persis; DATA_CHANGED: data sumber sudah bertambah sejak berkas dibuat "
                    + "(perbedaan tidak membuktikan apa pun); MISMATCH: versi data sama, berkas berbeda.")
    public GenerationStatus.Verification verify(@PathVariable String id) {
        return generations.verify(ReportingAccess.reader(), Caller.current().subject(), id);
    }

    @PostMapping(PATH + "/{id}/regenerations")
    @Operation(summary = "Buat ulang berkas dari peristiwa sumber sampai posisi (offset) yang tercatat saat dibuat",
            description = "Untuk berkas yang datanya sudah bertambah sejak dibuat (verifikasi: DATA_CHANGED): topik "
                    + "sumber diputar ulang dari awal sampai offset yang tercatat pada berkas ke skema sementara, "
                    + "laporan yang sama dibuat ulang dengan parameter yang sama dan SHA-256 dibandingkan: IDENTICAL "
                    + "atau DIFFERENT. Berjalan di latar belakang (202, status di Location); satu per satu dan tidak "
                    + "selama pembangunan ulang model baca (409).")
    @ApiResponse(responseCode = "202", description = "Diterima; status di Location",
            content = @Content(schema = @Schema(implementation = GenerationStatus.Regeneration.class)))
    public ResponseEntity<GenerationStatus.Regeneration> regenerate(@PathVariable String id) {
        GenerationStatus.Regeneration started = regenerations.start(ReportingAccess.reader(),
                Caller.current().subject(), id);
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + started.generationId() + "/regenerations/" + started.id()))
                .body(started);
    }

    @GetMapping(PATH + "/{id}/regenerations/{regenerationId}")
    @Operation(summary = "Status pembuatan ulang sesuai posisi data: RUNNING, DONE (IDENTICAL/DIFFERENT), FAILED")
    public GenerationStatus.Regeneration regeneration(@PathVariable String id, @PathVariable String regenerationId) {
        return regenerations.status(ReportingAccess.reader(), id, regenerationId);
    }
}
