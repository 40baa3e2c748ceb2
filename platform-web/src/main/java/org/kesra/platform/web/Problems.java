package org.kesra.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's problem details: Indonesian title, stable code, request id, violations. */
public final class Problems {

    /** Indonesian titles by status; a problem with its own title keeps it. */
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Permintaan tidak valid"),
            Map.entry(401, "Belum terautentikasi"),
            Map.entry(403, "Akses ditolak"),
            Map.entry(404, "Tidak ditemukan"),
            Map.entry(405, "Metode tidak diizinkan"),
            Map.entry(406, "Format jawaban tidak didukung"),
            Map.entry(409, "Konflik data"),
            Map.entry(412, "Data telah diubah pihak lain"),
            Map.entry(413, "Berkas atau permintaan terlalu besar"),
            Map.entry(415, "Jenis konten tidak didukung"),
            Map.entry(422, "Data tidak dapat diproses"),
            Map.entry(428, "Header If-Match wajib diisi"),
            Map.entry(429, "Terlalu banyak permintaan"),
            Map.entry(500, "Kesalahan pada server"),
            Map.entry(503, "Layanan sedang tidak tersedia"));

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail,
                                   List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title != null ? title : titleFor(status));
        problem.setType(URI.create("urn:kesra:problem:" + code));
        decorate(problem, code);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    /** Adds code and request id to a problem built elsewhere (Spring MVC's own), and an Indonesian title. */
    public static ProblemDetail decorate(ProblemDetail problem, String code) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", code);
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        if (problem.getTitle() == null || problem.getTitle().equals(defaultEnglishTitle(problem.getStatus()))) {
            problem.setTitle(titleFor(HttpStatusCode.valueOf(problem.getStatus())));
        }
        return problem;
    }

    public static String titleFor(HttpStatusCode status) {
        return TITLES.getOrDefault(status.value(), "Permintaan gagal");
    }

    public static String codeFor(HttpStatusCode status) {
        return "KESRA-HTTP-" + status.value();
    }

    private static String defaultEnglishTitle(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? null : known.getReasonPhrase();
    }
}
