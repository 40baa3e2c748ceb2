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
    UNAVAILABLE("KESRA-LAYANAN-TIDAK-TERSEDIA", RefusalKind.UNAVAILABLE, null);

    private final String code;
    private final RefusalKind kind;
    private final String title;

    PlatformProblems(String code, RefusalKind kind, String title) {
        this.code = code;
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public RefusalKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }

    /** The usual answer to invalid input: "Ada isian yang tidak valid." with what is wrong and where. */
    public static Refusal invalid(java.util.List<org.kesra.platform.web.Violation> violations) {
        return VALIDATION.refuse("Ada isian yang tidak valid.", violations);
    }
}
