package org.kesra.household.registry;

import java.util.List;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.Violation;
import org.springframework.http.HttpStatus;

/** The registry's refusals, each with a stable code and Indonesian text. */
public final class RegistryProblems {

    private RegistryProblems() {
    }

    public static ApiProblemException invalid(List<Violation> violations) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "KESRA-VALIDATION", null, "Ada isian yang tidak valid.",
                violations);
    }

    /** Problems of one input, each pointed at {@code prefix + field} ("/members/2" + "/nik"). */
    public static List<Violation> at(String prefix, List<Problem> problems) {
        return problems.stream().map(p -> new Violation(prefix + "/" + p.field(), null, null, p.value(), p.message()))
                .toList();
    }

    public static ApiProblemException householdNotFound(Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "HH-TIDAK-DITEMUKAN", "Rumah tangga tidak ditemukan",
                "Tidak ada rumah tangga " + id + " di wilayah Anda.");
    }

    public static ApiProblemException personNotFound(Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "HH-TIDAK-DITEMUKAN", "Penduduk tidak ditemukan",
                "Tidak ada penduduk " + id + " di wilayah Anda.");
    }

    public static ApiProblemException conflict(String code, String title, String detail, List<Violation> violations) {
        return new ApiProblemException(HttpStatus.CONFLICT, code, title, detail, violations);
    }

    public static ApiProblemException ifMatchRequired() {
        return new ApiProblemException(HttpStatus.PRECONDITION_REQUIRED, "KESRA-IF-MATCH-WAJIB", null,
                "Sertakan header If-Match berisi ETag dari data yang terakhir Anda baca, agar perubahan orang lain"
                        + " tidak tertimpa.");
    }

    public static ApiProblemException stale(int current) {
        return new ApiProblemException(HttpStatus.PRECONDITION_FAILED, "HH-VERSI-BERUBAH", null,
                "Data telah diubah oleh pihak lain sejak Anda membacanya (versi sekarang " + current
                        + "). Muat ulang datanya, lalu ulangi perubahan Anda.");
    }

    /** Checks an If-Match header ({@code "3"} or {@code W/"3"}) against the stored version. */
    public static void requireVersion(String ifMatch, int current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ifMatchRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(Integer.toString(current))) {
            throw stale(current);
        }
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
