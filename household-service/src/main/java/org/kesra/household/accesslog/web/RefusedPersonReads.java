package org.kesra.household.accesslog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.platform.web.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Attempts on a person refused by the access table itself (a role that may not read persons at all, 403 before any
 * controller runs) go into the access log like the refusals the controllers log (outside the region, unknown id).
 * Spring Security publishes its authorization denials once an {@link AuthorizationEventPublisher} bean exists;
 * granted requests publish nothing, so the lookups pay nothing for it.
 */
@Configuration(proxyBeanMethods = false)
class RefusedPersonReads {

    private static final Pattern PERSON_READ =
            Pattern.compile("/api/v1/persons/([0-9a-fA-F-]{36})(/history)?/?");

    private final PersonalDataAccessLog log;

    RefusedPersonReads(PersonalDataAccessLog log) {
        this.log = log;
    }

    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getObject() instanceof HttpServletRequest request) || !"GET".equals(request.getMethod())) {
            return;
        }
        Authentication authentication = event.getAuthentication().get();
        // No token: a 401 by nobody known; nothing to put a name to.
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return;
        }
        Matcher person = PERSON_READ.matcher(request.getRequestURI());
        if (!person.matches()) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(person.group(1));
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        log.personRefused(Caller.from(token.getToken()), id, 403,
                "GET /api/v1/persons/{id}" + (person.group(2) == null ? "" : "/history"),
                request.getHeader(PersonalDataAccessLog.PURPOSE_HEADER));
    }
}
