package org.kesra.platform.refusal;

/**
 * The platform's own problem types, shared by every service: the codes a client sees whatever service answered.
 * A service's catalogue adds its own ({@code HH-...}, {@code WF-...}); it does not repeat these.
 */
public enum PlatformProblems implements ProblemType {
    /** Fields of a body or parameters that break their rules, each named in {@code errors}. */
    VALIDATION("KESRA-VALIDATION", RefusalKind.INVALID, null),
    /** The role or region of the caller does not allow the action. */
    FORBIDDEN("KESRA-AUTH-403", RefusalKind.FORBIDDEN, null),
    /** A change sent without the version it was based on. */
    IF_MATCH_REQUIRED("KESRA-IF-MATCH-WAJIB", RefusalKind.VERSION_REQUIRED, null),
    /** A paging cursor that this endpoint did not issue, or issued for other filters. */
    CURSOR_INVALID("KESRA-KURSOR-TIDAK-SAH", RefusalKind.INVALID, "Kursor halaman tidak sah"),
    /** A file or body over the endpoint's limit. */
    TOO_LARGE("KESRA-TERLALU-BESAR", RefusalKind.TOO_LARGE, null),
    /** A dependency (a topic, a database) that is not reachable right now. */
    UNAVAILABLE("KESRA-LAYANAN-TIDAK-TERSEDIA", RefusalKind.UNAVAILABLE, null),
    // Refused by the web layer before any use case runs (filters, the advice, Spring Security).
    /** A query parameter that is not valid UTF-8 or holds a control character. */
    PARAMETER_MALFORMED("KESRA-PARAMETER-TIDAK-SAH", RefusalKind.INVALID, null),
    /** A header that is not valid text. */
    HEADER_MALFORMED("KESRA-HEADER-TIDAK-SAH", RefusalKind.INVALID, null),
    /** A request body that is not the JSON the endpoint reads. */
    BODY_MALFORMED("KESRA-MALFORMED-BODY", RefusalKind.INVALID, null),
    /** A file endpoint called without multipart/form-data. */
    NOT_MULTIPART("KESRA-BUKAN-MULTIPART", RefusalKind.INVALID, null),
    /** A body of a media type the endpoint does not read. */
    MEDIA_TYPE_UNSUPPORTED("KESRA-HTTP-415", RefusalKind.UNSUPPORTED, null),
    /** A request Spring Security's firewall refuses (a malformed path, say). */
    REQUEST_REJECTED("KESRA-PERMINTAAN-DITOLAK", RefusalKind.INVALID, null),
    /** No valid token. */
    UNAUTHENTICATED("KESRA-AUTH-401", RefusalKind.UNAUTHENTICATED, null);

    private final Definition definition;

    PlatformProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The usual answer to invalid input: "Ada isian yang tidak valid." with what is wrong and where. */
    public static Refusal invalid(java.util.List<org.kesra.platform.web.Violation> violations) {
        return VALIDATION.refuse("Ada isian yang tidak valid.", violations);
    }
}
