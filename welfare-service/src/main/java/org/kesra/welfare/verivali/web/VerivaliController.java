package org.kesra.welfare.verivali.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SpooledUpload;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.uploads.web.Uploads;
import org.kesra.welfare.verivali.Verivali;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Verivali", description = "Verifikasi dan validasi daftar penerima terhadap registri rumah tangga")
public class VerivaliController {

    private static final Logger log = LoggerFactory.getLogger(VerivaliController.class);

    private final Verivali verivali;

    public VerivaliController(Verivali verivali) {
        this.verivali = verivali;
    }

    @PostMapping(path = "/api/v1/verivali", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Unggah daftar penerima (CSV atau XLSX: nik, nama, tanggal_lahir, kode_kelurahan) dan padankan setiap baris")
    public Verivali.Summary upload(@RequestParam("program") String programme, @RequestPart("file") MultipartFile file)
            throws IOException {
        String actor = WelfareAccess.dinsosStaff().name();
        long started = System.nanoTime();
        try (SpooledUpload spooled = Uploads.spool(file, "verivali-")) {
            long copied = System.nanoTime();
            Verivali.Summary summary = verivali.upload(programme, file.getOriginalFilename(), spooled.file(),
                    spooled.sha256(), actor);
            // Together with Verivali's own step times: what the spool and the commit cost (docs/benchmarks.md).
            log.info("verivali {}: spooled in {} ms, stored and committed in {} ms", summary.id(),
                    (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            return summary;
        }
    }

    @GetMapping("/api/v1/verivali")
    @Operation(summary = "Daftar penerima yang sudah diunggah, terbaru dahulu, dengan jumlah tidak padan dan yang sudah diputuskan")
    public List<Verivali.Batch> batches(@RequestParam(name = "size", defaultValue = "20") int size) {
        WelfareAccess.dinsosStaff();
        if (size < 1 || size > 200) {
            throw WelfareProblems.PARAMETER_INVALID.refuse("Ukuran halaman tidak valid.",
                    List.of(Violation.field("/size", "size harus 1 sampai 200.")));
        }
        return verivali.batches(size);
    }

    @GetMapping("/api/v1/verivali/{id}")
    @Operation(summary = "Ringkasan hasil verivali: padan, tidak padan per alasan, kelayakan, keputusan")
    public Verivali.Summary summary(@PathVariable UUID id) {
        WelfareAccess.dinsosStaff();
        return verivali.summary(id);
    }

    @GetMapping("/api/v1/verivali/{id}/rows")
    @ReadsFullNik
    @Operation(summary = "Baris hasil verivali (halaman), menurut status dan alasan",
            description = Cursor.PAGING)
    public ListPage<Verivali.Row> rows(@PathVariable UUID id,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(name = "alasan", required = false) String reason,
                                       @Paging.PageSize(value = 50, max = 500) Paging paging) {
        WelfareAccess.dinsosStaff();
        return paging.byCursor() ? verivali.rows(id, status, reason, paging.cursor(), paging.size())
                : verivali.rows(id, status, reason, paging.page(), paging.size());
    }

    @GetMapping("/api/v1/verivali/{id}/rows/{rowNo}/candidates")
    @ReadsFullNik
    @Operation(summary = "Satu baris dengan calon padanannya dari registri: pemegang NIK, orang yang dipadankan, dan penduduk bernama mirip yang lahir di tanggal yang sama atau tinggal di kelurahan yang sama",
            description = "Paling banyak lima, yang paling dekat dahulu (NIK, tanggal lahir, kelurahan yang sama, lalu kemiripan nama).")
    public Verivali.RowCandidates candidates(@PathVariable UUID id, @PathVariable int rowNo) {
        WelfareAccess.dinsosStaff();
        return verivali.candidates(id, rowNo);
    }

    @PostMapping("/api/v1/verivali/{id}/rows/{rowNo}/decision")
    @Operation(summary = "Putuskan satu baris: DITERIMA atau DITOLAK, dengan alasan")
    public Verivali.Row decide(@PathVariable UUID id, @PathVariable int rowNo,
                               @RequestBody Verivali.DecisionRequest request) {
        return verivali.decide(id, rowNo, request, WelfareAccess.verifier().name());
    }

    @GetMapping("/api/v1/verivali/{id}/export.csv")
    @ReadsFullNik
    @Operation(summary = "Hasil verivali sebagai CSV untuk diunggah ke sistem nasional")
    public ResponseEntity<byte[]> export(@PathVariable UUID id) throws IOException {
        WelfareAccess.dinsosStaff();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verivali-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(VerivaliExport.csv(verivali.all(id)));
    }
}
