package org.kesra.reporting.web;

import java.nio.charset.StandardCharsets;
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

    /**
     * The policy of a preview page: its own inline styles and the charts' inline SVG, nothing loaded, no script, no
     * form, no frame (sandbox), so a report's text, which comes from users (names, narratives), can never act.
     */
    public static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
     * The page a PDF report is rendered from (the same Thymeleaf template, charts as inline SVG), for the console to
     * show as a preview: HTML, inline, under {@link #PREVIEW_POLICY}.
     */
    public static ResponseEntity<byte[]> preview(String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PREVIEW_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code json}, {@code xlsx}, {@code pdf} or {@code html} (the PDF's page, a preview): the {@code format}
     * parameter when given (anything else is refused
     * with its pointer), else what the Accept header names, else JSON.
     */
    public static String format(String format, String accept) {
        if (format != null) {
            String chosen = format.trim().toLowerCase(Locale.ROOT);
            if (!List.of("json", "xlsx", "pdf", "html").contains(chosen)) {
                throw ReportingProblems.PARAMETER_INVALID.refuse("Format laporan tidak dikenal.",
                        List.of(Violation.field("/format", "Format '" + format + "' tidak dikenal; json, xlsx, "
                                + "pdf atau html (pratinjau halaman PDF).")));
            }
            return chosen;
        }
        if (accept != null && accept.contains(ReportWorkbook.MEDIA_TYPE)) {
            return "xlsx";
        }
        return accept != null && accept.contains(ReportPdf.MEDIA_TYPE) ? "pdf" : "json";
    }
}
