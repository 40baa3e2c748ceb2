package org.kesra.gateway;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * An agency client reaches only the API paths of the scopes its token carries (beneficiary.verify: the verification
 * answer); staff tokens pass on to the services, whose access tables decide per role. So an agency allowed to ask
 * "is this NIK a PKH beneficiary" cannot even reach the endpoint that lists beneficiaries, whatever a service's table
 * might say by mistake.
 */
class AgencyPaths implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final Map<String, List<PathPattern>> byScope;

    AgencyPaths(Map<String, List<String>> byScope) {
        this.byScope = byScope.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(PathPatternParser.defaultInstance::parse).toList()));
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(a -> a.isAuthenticated() && a instanceof JwtAuthenticationToken)
                .map(a -> (AuthorizationResult) new AuthorizationDecision(allows(EdgeCaller.of(a), context)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private boolean allows(EdgeCaller caller, AuthorizationContext context) {
        if (!caller.agency()) {
            return true;
        }
        var path = context.getExchange().getRequest().getPath().pathWithinApplication();
        return caller.scopes().stream().map(scope -> byScope.getOrDefault(scope, List.of()))
                .flatMap(List::stream).anyMatch(pattern -> pattern.matches(path));
    }
}
