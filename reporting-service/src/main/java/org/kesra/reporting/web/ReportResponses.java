package org.kesra.reporting.web;

import java.util.List;
import java.util.Locale;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.pdf.ReportPdf;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How every report answers over HTTP: the format asked for, and a file under the name its report gives. */
public final class ReportResponses {

    private ReportResponses() {
    }

    /** A report file as an attachment named {@code name}. */
    public static ResponseEntity<byte[]> file(String mediaType, String name, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(bytes);
    }

    /**
     * {@code json}, {@code xlsx} or {@code pdf}: the {@code format} parameter when given (anything else is refused
     * with its pointer), else what the Accept header names, else JSON.
     */
    public static String format(String format, String accept) {
        if (format != null) {
            String chosen = format.trim().toLowerCase(Locale.ROOT);
            if (!List.of("json", "xlsx", "pdf").contains(chosen)) {
                throw ReportingProblems.PARAMETER_INVALID.refuse("Format laporan tidak dikenal.",
                        List.of(Violation.field("/format", "Format '" + format + "' tidak dikenal; json, xlsx "
                                + "atau pdf.")));
            }
            return chosen;
        }
        if (accept != null && accept.contains(ReportWorkbook.MEDIA_TYPE)) {
            return "xlsx";
        }
        return accept != null && accept.contains(ReportPdf.MEDIA_TYPE) ? "pdf" : "json";
    }
}
