package org.kesra.platform.web;

import org.kesra.platform.refusal.PlatformProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 raised by the security filters, before any controller advice runs, answered as problem details
 * like every other error, and so are requests the firewall refuses (a {@code ;} or an encoded slash in the path).
 * The RFC 6750 {@code WWW-Authenticate} header carries the error code only ({@code invalid_token}): the token
 * parser's own message would tell a prober which check failed.
 */
public class SecurityProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler,
        RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblemResponder.class);

    private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter problems;

    public SecurityProblemResponder(JsonMapper json) {
        this.problems = new ProblemWriter(json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(e));
        problems.write(request, response, HttpStatus.UNAUTHORIZED, PlatformProblems.UNAUTHENTICATED.code(),
                "Token akses tidak ada, kedaluwarsa, atau tidak sah. Masuk kembali lalu ulangi.", List.of());
    }

    /** {@code Bearer} without a token, {@code Bearer error="invalid_token"} with a refused one; no description. */
    static String challenge(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth) {
            return "Bearer error=\"" + oauth.getError().getErrorCode() + "\"";
        }
        return "Bearer";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        deniedHandler.handle(request, response, e);
        problems.write(request, response, HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN.code(),
                "Peran, cakupan (scope) atau wilayah Anda tidak mengizinkan tindakan ini.", List.of());
    }

    /** The firewall's refusal; its message quotes the refused text, so it is not logged. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.atInfo().addKeyValue("kesra.refused", "firewall").log("request refused by the firewall");
        problems.write(request, response, HttpStatus.BAD_REQUEST, PlatformProblems.REQUEST_REJECTED.code(),
                "Alamat atau header permintaan berisi karakter atau urutan yang tidak diizinkan.", List.of());
    }
}
