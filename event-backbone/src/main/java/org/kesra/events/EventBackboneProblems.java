package org.kesra.events;

import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.refusal.RefusalKind;

/** The event backbone's refusals (its operator API: dead letters, probes), each with its stable code. */
public enum EventBackboneProblems implements ProblemType {
    DEAD_LETTER_NOT_FOUND("KESRA-DLT-NOT-FOUND", RefusalKind.NOT_FOUND, "Dead letter tidak ditemukan"),
    DEAD_LETTER_RESOLVED("KESRA-DLT-RESOLVED", RefusalKind.CONFLICT, "Dead letter sudah diselesaikan"),
    REDRIVE_FAILED("KESRA-DLT-REDRIVE-FAILED", RefusalKind.UNPROCESSABLE, "Event masih gagal diproses"),
    PROBE_UNSUPPORTED("KESRA-PROBE-UNSUPPORTED", RefusalKind.NOT_FOUND, "Probe tidak tersedia");

    private final Definition definition;

    EventBackboneProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
