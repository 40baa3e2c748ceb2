package org.kesra.platform.refusal;

import java.util.List;
import java.util.Objects;
import org.kesra.platform.web.Violation;

/**
 * A use case's "no": a catalogued problem type, the Indonesian detail for the user and, where the input is at fault,
 * what is wrong and where. Thrown by domain code, which knows nothing of HTTP; the platform's advice answers it as an
 * RFC 9457 problem detail. Unchecked, so that a refusal rolls back the transaction it happens in.
 */
public class Refusal extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;

    public Refusal(ProblemType type, String detail, List<Violation> violations) {
        super(detail, null, false, false); // a refusal is an answer, not a fault: no stack trace to fill
        this.type = Objects.requireNonNull(type, "type");
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public String code() {
        return type.code();
    }

    public RefusalKind kind() {
        return type.kind();
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }
}
