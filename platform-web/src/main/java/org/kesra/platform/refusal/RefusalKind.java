package org.kesra.platform.refusal;

/**
 * Why a use case said no, in domain terms. The platform's advice maps each kind to one HTTP status
 * ({@code ProblemDetailsAdvice.STATUS}); use cases never name a status themselves.
 */
public enum RefusalKind {
    /** The input breaks a rule of its own (a field, a row, a parameter): 400. */
    INVALID,
    /** No valid token: 401 (raised by the web layer's security, not by use cases). */
    UNAUTHENTICATED,
    /** The caller's role or region does not allow it: 403. */
    FORBIDDEN,
    /** Nothing of that id exists where the caller may look: 404. */
    NOT_FOUND,
    /** It clashes with what is stored (a NIK already registered, a decision already taken): 409. */
    CONFLICT,
    /** The record changed since the caller read it (If-Match): 412. */
    STALE,
    /** The body or file is larger than allowed: 413. */
    TOO_LARGE,
    /** The body or file is of a kind the endpoint does not read: 415. */
    UNSUPPORTED,
    /** Well-formed, but the state of the record does not allow it now: 422. */
    UNPROCESSABLE,
    /** The request must name the version it changes (If-Match): 428. */
    VERSION_REQUIRED,
    /** Something the use case depends on is not available right now: 503. */
    UNAVAILABLE
}
