package org.kesra.performance;

import java.util.ArrayList;
import java.util.List;
import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.web.Violation;

/**
 * The violations found while checking one request, each with its catalogued type and pointer, collected so the user
 * sees every one at once. The refusal carries the type of the first found (checkers walk a request in document
 * order) and lists all of them.
 */
public final class Findings {

    private record Found(ProblemType type, Violation violation) {
    }

    private final List<Found> found = new ArrayList<>();

    public void add(ProblemType type, String pointer, String detail) {
        found.add(new Found(type, Violation.field(pointer, detail)));
    }

    /** How many violations so far; a checker compares it to see whether a step found anything. */
    public int size() {
        return found.size();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws the refusal of everything found, with {@code detail} for the user; nothing when all was well. */
    public void refuseIfAny(String detail) {
        if (!found.isEmpty()) {
            throw found.get(0).type().refuse(detail, found.stream().map(Found::violation).toList());
        }
    }
}
