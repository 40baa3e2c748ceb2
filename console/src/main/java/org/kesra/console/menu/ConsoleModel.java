package org.kesra.console.menu;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.kesra.console.gateway.ApiRefusal;
import org.kesra.console.security.HtmxLoginRedirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page gets (the user and their menu), and what happens when the user's tokens are no longer good
 * (refresh refused, the gateway answers 401): the session ends and the user logs in again; an htmx request gets
 * {@code HX-Redirect} instead of a broken fragment. Any other refusal not handled by a page shows the error page.
 */
@ControllerAdvice
public class ConsoleModel {

    private static final Logger log = LoggerFactory.getLogger(ConsoleModel.class);

    @ModelAttribute("user")
    ConsoleUser user() {
        return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("menu")
    List<Menu.Entry> menu() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ConsoleUser user = ConsoleUser.of(authentication);
        return user == null ? List.of() : Menu.forRoles(user.roles());
    }

    /**
     * The CSRF header htmx sends with every request, as the body's {@code hx-headers} attribute: from the
     * server-rendered page, so no inline script is needed to hand the token over.
     */
    @ModelAttribute("htmxHeaders")
    String htmxHeaders(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken csrf
                ? "{\"" + csrf.getHeaderName() + "\":\"" + csrf.getToken() + "\"}" : null;
    }

    @ExceptionHandler(ClientAuthorizationException.class)
    void tokensGone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        logInAgain(request, response);
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        if (refusal.unauthenticated()) {
            logInAgain(request, response);
            return null;
        }
        log.info("API refusal not handled by a page: status {} code {}", refusal.problem().status(),
                refusal.problem().code());
        response.setStatus(refusal.problem().status() >= 500 ? 502 : refusal.problem().status());
        model.addAttribute("problem", refusal.problem());
        model.addAttribute("user", user());
        model.addAttribute("menu", menu());
        return HtmxLoginRedirect.isHtmx(request) ? "fragments/problem :: problem" : "error-page";
    }

    private static void logInAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (HtmxLoginRedirect.isHtmx(request)) {
            HtmxLoginRedirect.redirectHtmx(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + ("GET".equals(request.getMethod())
                    ? request.getRequestURI() : "/"));
        }
    }
}
