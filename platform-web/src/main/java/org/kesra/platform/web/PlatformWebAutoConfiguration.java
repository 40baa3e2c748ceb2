package org.kesra.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.kesra.platform.web.access.AccessRule;
import org.kesra.platform.web.access.AccessRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's HTTP conventions for a servlet service. The security chain is the wall every service keeps
 * itself (the gateway is not the only one): every API path needs a valid token; probes, metrics and API docs do not.
 * Malformed input (undecodable or NUL parameters, control characters in headers, bodies over the cap) is refused
 * with a 400 or 413 problem detail before anything reads it ({@link MalformedRequestFilter}, {@link CleanText}).
 * Which roles and scopes may call which endpoint is the service's access table ({@link AccessRules}); region and
 * agency scope are applied by the service in its queries.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
    WebMvcAutoConfiguration.class})
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformWebAutoConfiguration {

    /**
     * Actuator answers on the management port only (loopback, kesra-platform-defaults.properties), never on the API
     * port; the API port keeps the liveness and readiness probes as {@code /livez} and {@code /readyz}.
     */
    static final String[] PUBLIC_PATHS = {
        "/livez", "/readyz",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Before security, so that 401/403 answers carry the request id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(JsonMapper jsonMapper,
            @Value("${kesra.web.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
                new MalformedRequestFilter(new ProblemWriter(jsonMapper), maxBodySize.toBytes()));
        // Right after the request id, before security: nothing reads a parameter, header or body before it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** JSON strings holding a NUL are refused while the body is read (CleanText). */
    @Bean
    JacksonModule platformCleanText() {
        return CleanText.jsonModule();
    }

    /**
     * Tomcat's own error answers (requests refused before any filter runs) as problem details: after Boot's
     * customizer, which puts a plain {@code ErrorReportValve} on the host, that valve is replaced.
     */
    @Bean
    @org.springframework.core.annotation.Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    AccessRules accessRules() {
        return AccessRules.load();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    SecurityProblemResponder securityProblemResponder(JsonMapper jsonMapper) {
        return new SecurityProblemResponder(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, SecurityProblemResponder problems,
            JwtDecoder jwtDecoder, AccessRules accessRules, @Value("${kesra.security.verified-token-cache-size:4096}") long cacheSize) {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PATHS).permitAll();
                    for (AccessRule rule : accessRules.rules()) {
                        auth.requestMatchers(rule.method(), rule.pattern()).hasAnyAuthority(rule.authorities());
                    }
                    // An endpoint without a row in the access table is refused: nothing is reachable by accident.
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt
                                .decoder(new CachingJwtDecoder(jwtDecoder, Clock.systemUTC(), cacheSize))
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Spring Security's strict firewall with its header rules unchanged (no control characters, no unassigned code
     * points) but checked with a loop instead of its Unicode-class regular expression, which ran over every header
     * value of every request, a 1,200-character token included: about 4 % of a NIK lookup's CPU.
     */
    @Bean
    WebSecurityCustomizer platformHttpFirewall(SecurityProblemResponder problems) {
        StrictHttpFirewall firewall = httpFirewall();
        // A refused request is a problem detail like every other 400, not the servlet container's empty page.
        return web -> web.httpFirewall(firewall).requestRejectedHandler(problems);
    }

    /** The firewall of {@link #platformHttpFirewall()}; public for the benchmarks' minimal application. */
    public static StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PlatformWebAutoConfiguration::isPrintableAssigned);
        firewall.setAllowedHeaderValues(PlatformWebAutoConfiguration::isPrintableAssigned);
        return firewall;
    }

    /** The same set as StrictHttpFirewall's default pattern {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean isPrintableAssigned(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, nearly every header character: no table lookup
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(@Value("${spring.application.name}") String name) {
        return new OpenAPI()
                .info(new Info().title(name).version("v1")
                        .description("Kesra " + name + ". Errors are RFC 9457 problem details with a stable code."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Controllers take one {@link Paging} instead of page, cursor and size parameters, each checked once. */
    @Bean
    WebMvcConfigurer platformPaging() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PagingResolver());
            }
        };
    }

    /** The API docs show a {@link Paging} parameter as the three query parameters it is read from. */
    @Bean
    OperationCustomizer platformPagingDocs() {
        return (operation, handler) -> {
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() != Paging.class) {
                    continue;
                }
                Paging.PageSize limits = parameter.getParameterAnnotation(Paging.PageSize.class);
                int defaultSize = limits != null ? limits.value() : 20;
                int maxSize = limits != null ? limits.max() : 200;
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.QueryParameter().name("page")
                        .description("Nomor halaman, mulai dari 0 (daftar yang menerima cursor: pakai cursor)")
                        .schema(new io.swagger.v3.oas.models.media.IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                                ._default(0)));
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.QueryParameter()
                        .name(Cursor.PARAMETER).description(Cursor.CURSOR_PARAMETER)
                        .schema(new io.swagger.v3.oas.models.media.StringSchema()));
                operation.addParametersItem(new io.swagger.v3.oas.models.parameters.QueryParameter().name("size")
                        .description("Jumlah butir per halaman")
                        .schema(new io.swagger.v3.oas.models.media.IntegerSchema()
                                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(maxSize))
                                ._default(defaultSize)));
            }
            return operation;
        };
    }
}
