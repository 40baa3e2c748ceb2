package org.kesra.welfare.verivali.web;

import org.kesra.welfare.verivali.Verivali;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.StringWriter;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.sheets.SpooledUpload;
import org.kesra.welfare.access.WelfareAccess;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.uploads.web.Uploads;
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

    /** The columns of the result file, in the order the national system's upload takes them. */
    static final String[] EXPORT_HEADER = {"NO", "NIK", "NAMA", "TANGGAL_LAHIR", "KODE_KELURAHAN", "STATUS_PADAN",
        "KETERANGAN", "DESIL", "KELAYAKAN", "KEPUTUSAN", "ALASAN_KEPUTUSAN"};

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
                                       @Parameter(deprecated = true, description = Cursor.PAGE_PARAMETER)
                                       @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
                                       @Parameter(description = Cursor.CURSOR_PARAMETER)
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 500, message = "ukuran halaman maksimal 500") int size) {
        WelfareAccess.dinsosStaff();
        return cursor != null ? verivali.rows(id, status, reason, cursor, size)
                : verivali.rows(id, status, reason, page, size);
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
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(EXPORT_HEADER).get().print(out)) {
            for (Verivali.Row row : verivali.all(id)) {
                printer.printRecord(row.rowNo(), text(row.nik()), text(row.name()),
                        row.birthDate() == null ? "" : row.birthDate().toString(), text(row.kelurahanCode()),
                        row.matchStatus(), row.reason() == null ? "" : row.reason(),
                        row.decile() == null ? "" : row.decile(),
                        row.eligible() == null ? "" : row.eligible() ? "LAYAK" : "TIDAK_LAYAK",
                        row.decision() == null ? "" : row.decision(), text(row.decisionReason()));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verivali-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
