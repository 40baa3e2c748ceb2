package org.kesra.console.gateway;

/** A service refused a call (4xx/5xx): the page shows the problem instead of the result. */
public class ApiRefusal extends RuntimeException {

    private final ApiProblem problem;

    public ApiRefusal(ApiProblem problem) {
        super(problem.status() + " " + problem.code());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** The token was refused (expired session at Keycloak): the user must log in again. */
    public boolean unauthenticated() {
        return problem.status() == 401;
    }
}
