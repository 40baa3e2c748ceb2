package org.kesra.household.authorization.web;

import java.util.List;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.platform.web.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the caller's {@link RegistryScope} once per request for every controller method that takes one, so that
 * no endpoint forgets the check: a caller without a registry role or a valid region is refused (403) before the
 * method runs.
 */
@Configuration(proxyBeanMethods = false)
class RegistryScopeResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    RegistryScopeResolver() {
        // Not a request parameter: the API docs show nothing for it (the token carries roles and region).
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RegistryScope.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RegistryScope.class;
    }

    @Override
    public RegistryScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                         NativeWebRequest request, WebDataBinderFactory binders) {
        return RegistryScope.of(Caller.current());
    }
}
