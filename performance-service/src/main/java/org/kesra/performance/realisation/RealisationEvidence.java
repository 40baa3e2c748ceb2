package org.kesra.performance.realisation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.platform.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of a realisation (the only writer of {@code realisation_evidence}): attached by the unit's submitters
 * while the content may change (DRAFT, RETURNED) to the current content version, at most {@link #MAX_BYTES}, of a
 * type recognised from the content itself (PDF, PNG, JPEG, or XLSX: a zip named .xlsx), never from what the client
 * declares. Each is stored with its SHA-256; reading is scoped like the realisation.
 */
@Service
public class RealisationEvidence {

    /** 5 MiB: a scanned attendance list or a photo, not a video. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RealisationEvidence.class);

    private final JdbcClient jdbc;
    private final Realisations realisations;

    public RealisationEvidence(JdbcClient jdbc, Realisations realisations) {
        this.jdbc = jdbc;
        this.realisations = realisations;
    }

    @Schema(name = "BuktiRealisasi")
    public record EvidenceView(UUID id, UUID realisationId, int version, String fileName, String contentType,
                               long sizeBytes, @Schema(description = "SHA-256 isi berkas (hex)") String sha256,
                               Instant uploadedAt, String uploadedBy,
                               @Schema(description = "ETag realisasi sesudah unggahan") int realisationEtag) {
    }

    /** One stored file, to be sent back as it was uploaded. */
    public record StoredFile(String fileName, String contentType, String sha256, byte[] content) {
    }

    @Transactional
    public EvidenceView attach(UnitScope scope, UUID realisationId, int etag, String fileName, byte[] content) {
        Realisations.Row row = realisations.visible(scope, realisationId, true);
        Unit unit = realisations.unitOf(row);
        if (!Reviewers.submits(scope.caller(), unit)) {
            throw PerformanceProblems.NOT_SUBMITTER.refuse("Bukti realisasi unit " + unit.code() + " hanya diunggah"
                    + " oleh operator unit itu sendiri.");
        }
        Realisations.fresh(row, etag);
        if (row.status() != RealisationStatus.DRAFT && row.status() != RealisationStatus.RETURNED) {
            throw PerformanceProblems.TRANSITION_NOT_ALLOWED.refuse("Bukti hanya dapat ditambahkan selama realisasi"
                    + " berstatus DRAFT atau RETURNED; realisasi ini " + row.status() + ".");
        }
        if (content == null || content.length == 0) {
            throw PerformanceProblems.REQUIRED.refuse("Berkas bukti kosong.", List.of(Violation.field("/file",
                    "Pilih berkas yang berisi.")));
        }
        if (content.length > MAX_BYTES) {
            throw PerformanceProblems.EVIDENCE_TOO_LARGE.refuse("Berkas bukti " + content.length + " byte; paling"
                    + " besar " + MAX_BYTES + " byte (5 MiB).", List.of(Violation.field("/file", "Terlalu besar.")));
        }
        String name = fileName(fileName);
        String type = detect(name, content);
        if (type == null) {
            throw PerformanceProblems.EVIDENCE_TYPE.refuse("Bukti harus berkas PDF, PNG, JPEG atau XLSX (dikenali"
                    + " dari isinya).", List.of(Violation.field("/file", "Jenis berkas tidak diizinkan.")));
        }
        String sha256 = sha256(content);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO realisation_evidence (id, realisation_id, version, file_name, content_type, size_bytes,
                                                  sha256, content, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, realisationId, row.currentVersion(), name, type, (long) content.length, sha256, content,
                        Timestamp.from(now), scope.caller().name()).update();
        // Evidence is part of what the reviewer decides on: the realisation's ETag moves with it.
        jdbc.sql("UPDATE realisation SET etag = etag + 1 WHERE id = ?").param(realisationId).update();
        log.info("evidence {} ({} bytes) attached to realisation {} version {}", id, content.length, realisationId,
                row.currentVersion());
        return new EvidenceView(id, realisationId, row.currentVersion(), name, type, content.length, sha256, now,
                scope.caller().name(), row.etag() + 1);
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> list(UnitScope scope, UUID realisationId) {
        Realisations.Row row = realisations.visible(scope, realisationId, false);
        return jdbc.sql("""
                SELECT id, version, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                  FROM realisation_evidence WHERE realisation_id = ? ORDER BY uploaded_at, id""").param(realisationId)
                .query((rs, n) -> new EvidenceView(rs.getObject(1, UUID.class), realisationId, rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), row.etag())).list();
    }

    @Transactional(readOnly = true)
    public StoredFile read(UnitScope scope, UUID realisationId, UUID evidenceId) {
        realisations.visible(scope, realisationId, false);
        return jdbc.sql("SELECT file_name, content_type, sha256, content FROM realisation_evidence"
                        + " WHERE id = ? AND realisation_id = ?").params(evidenceId, realisationId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional().orElseThrow(() -> PerformanceProblems.EVIDENCE_NOT_FOUND.refuse("Berkas bukti "
                        + evidenceId + " tidak ditemukan pada realisasi ini."));
    }

    /** The name without any client path, at most 255 characters; "bukti" when none was given. */
    static String fileName(String given) {
        if (given == null || given.isBlank()) {
            return "bukti";
        }
        String name = given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "_");
        return name.isEmpty() ? "bukti" : name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** The type from the content's signature; {@code null} for anything not allowed. */
    static String detect(String fileName, byte[] content) {
        if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "image/png";
        }
        if (starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(content, new byte[] {'P', 'K', 3, 4}) && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return null;
    }

    private static boolean starts(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException always) {
            throw new IllegalStateException("SHA-256 is part of every JRE", always);
        }
    }
}
