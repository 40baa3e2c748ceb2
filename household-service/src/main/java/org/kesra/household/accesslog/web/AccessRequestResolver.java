package org.kesra.household.accesslog.web;

import java.util.List;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads an {@link AccessRequest} from the request (the {@code X-Purpose} header, the method and the matched path
 * pattern), and shows the header in the API docs of every endpoint that takes one.
 */
@Configuration(proxyBeanMethods = false)
class AccessRequestResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    AccessRequestResolver() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessRequest.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AccessRequest.class;
    }

    @Override
    public AccessRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                         NativeWebRequest request, WebDataBinderFactory binders) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String method = request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class).getMethod();
        return new AccessRequest(method + " " + pattern, request.getHeader(PersonalDataAccessLog.PURPOSE_HEADER));
    }

    @Bean
    static OperationCustomizer purposeHeaderDocs() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == AccessRequest.class) {
                    operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                            .name(PersonalDataAccessLog.PURPOSE_HEADER)
                            .description("Tujuan pembacaan data pribadi; dicatat bersama pembacaan (wajib untuk"
                                    + " pembacaan yang selalu dicatat)")
                            .schema(new io.swagger.v3.oas.models.media.StringSchema()));
                }
            }
            return operation;
        };
    }
}
