package org.kesra.platform.web;

/**
 * An exception as it may be logged: its class names and stack frames, not its messages. Messages quote input
 * (PostgreSQL's "Key (nik)=(...)", a conversion's rejected value), and logs never carry NIKs or names.
 */
final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld: it may quote input)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Redacted of(Throwable e) {
        return of(e, 0);
    }

    private static Redacted of(Throwable e, int depth) {
        if (e == null || depth > 16) {
            return null;
        }
        return new Redacted(e, e.getCause() == e ? null : of(e.getCause(), depth + 1));
    }
}
