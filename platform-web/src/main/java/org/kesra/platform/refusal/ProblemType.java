package org.kesra.platform.refusal;

/**
 * One entry of a service's problem catalogue: the stable code clients match on, what kind of refusal it is (the web
 * layer turns the kind into an HTTP status, once, in the platform's advice) and the Indonesian title users read.
 * A service lists all of its entries in one enum (household-service's {@code RegistryProblems}, welfare-service's
 * {@code WelfareProblems}); no code is spelled anywhere else.
 */
public interface ProblemType {

    /** Stable machine-readable code, e.g. {@code HH-NIK-TERDAFTAR}. */
    String code();

    RefusalKind kind();

    /** Indonesian title; {@code null} takes the platform's title for the kind. */
    String title();

    /** A refusal of this type with the detail the user reads. */
    default Refusal refuse(String detail) {
        return new Refusal(this, detail, java.util.List.of());
    }

    /** A refusal of this type pointing at what is wrong (fields of a body, rows and columns of a file). */
    default Refusal refuse(String detail, java.util.List<org.kesra.platform.web.Violation> violations) {
        return new Refusal(this, detail, violations);
    }
}
