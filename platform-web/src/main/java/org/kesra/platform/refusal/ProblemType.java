package org.kesra.platform.refusal;

/**
 * One entry of a service's problem catalogue: the stable code clients match on, what kind of refusal it is (the web
 * layer turns the kind into an HTTP status, once, in the platform's advice) and the Indonesian title users read.
 * A service lists all of its entries in one enum (household-service's {@code RegistryProblems}, welfare-service's
 * {@code WelfareProblems}); no code is spelled anywhere else.
 */
public interface ProblemType {

    /**
     * The three facts of an entry. A catalogue enum keeps one of these per constant and returns it here, so that the
     * accessors below are written once rather than in every catalogue.
     *
     * @param code  stable machine-readable code, e.g. {@code HH-NIK-TERDAFTAR}
     * @param kind  what kind of refusal it is
     * @param title Indonesian title; {@code null} takes the platform's title for the kind
     */
    record Definition(String code, RefusalKind kind, String title) {
    }

    Definition definition();

    /** Stable machine-readable code, e.g. {@code HH-NIK-TERDAFTAR}. */
    default String code() {
        return definition().code();
    }

    default RefusalKind kind() {
        return definition().kind();
    }

    /** Indonesian title; {@code null} takes the platform's title for the kind. */
    default String title() {
        return definition().title();
    }

    /** A refusal of this type with the detail the user reads. */
    default Refusal refuse(String detail) {
        return new Refusal(this, detail, java.util.List.of());
    }

    /** A refusal of this type pointing at what is wrong (fields of a body, rows and columns of a file). */
    default Refusal refuse(String detail, java.util.List<org.kesra.platform.web.Violation> violations) {
        return new Refusal(this, detail, violations);
    }
}
