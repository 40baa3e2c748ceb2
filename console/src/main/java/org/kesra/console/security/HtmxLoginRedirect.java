package org.kesra.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Sends a user without a session to the login. An htmx request (a fragment: search results, a form's answer) cannot
 * show Keycloak's page inside the page it updates, so it gets {@code HX-Redirect} to the page the user is on; loading
 * that page starts the login and brings them back to it.
 */
public class HtmxLoginRedirect implements AuthenticationEntryPoint {

    private final LoginUrlAuthenticationEntryPoint login;

    public HtmxLoginRedirect(String loginPath) {
        this.login = new LoginUrlAuthenticationEntryPoint(loginPath);
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (isHtmx(request)) {
            redirectHtmx(request, response);
            return;
        }
        login.commence(request, response, e);
    }

    /**
     * A form or htmx request whose session has ended carries a CSRF token the server no longer knows: that is not an
     * attack to refuse with 403 but a user to send back to log in (htmx: {@code HX-Redirect} to the page; a form: the
     * start page). Any other refusal stays a 403.
     */
    public static AccessDeniedHandler csrfWithoutSession() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            // The browser sent no session, or one that has ended (the refusal itself may have made a new one).
            boolean sessionEnded = request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid();
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken;
            if (denied instanceof CsrfException && sessionEnded && anonymous) {
                if (isHtmx(request)) {
                    redirectHtmx(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + "/");
                }
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }

    /** {@code HX-Redirect} to the path of the page the htmx request came from (never another site). */
    public static void redirectHtmx(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("HX-Redirect", currentPath(request.getHeader("HX-Current-URL")));
    }

    static String currentPath(String currentUrl) {
        if (currentUrl == null || currentUrl.isBlank()) {
            return "/";
        }
        try {
            String path = URI.create(currentUrl).getRawPath();
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
