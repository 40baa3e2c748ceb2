package org.kesra.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, answered as an RFC 9457 problem detail. {@code code} is stable (clients and
 * support staff match on it); title and detail are Indonesian text for the user.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    public ApiProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public ApiProblemException(HttpStatus status, String code, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
