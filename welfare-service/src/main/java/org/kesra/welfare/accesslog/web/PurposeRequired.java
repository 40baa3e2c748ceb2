package org.kesra.welfare.accesslog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kesra.platform.web.Caller;
import org.kesra.welfare.accesslog.PersonalDataAccessLog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read that answers a caller with full NIKs ({@link ReadsFullNik}) needs the declared purpose
 * ({@code X-Purpose}): without it the request is refused (400 {@code WF-TUJUAN-WAJIB}) before the endpoint runs, so
 * no personal data is read for it. One check for all such endpoints, so that a new one only needs the annotation.
 */
@Configuration(proxyBeanMethods = false)
class PurposeRequired implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ReadsFullNik reads = method.getMethodAnnotation(ReadsFullNik.class);
            if (reads != null && reads.value().include(Caller.current())) {
                PersonalDataAccessLog.requirePurpose(request.getHeader(PersonalDataAccessLog.PURPOSE_HEADER));
            }
        }
        return true;
    }
}
