package org.kesra.console.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kesra.console.security.ConsoleSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What every render test shares: the whole console on MockMvc, its gateway URL pointed at the test class's own
 * {@code static StandInGateway} field (stopped after the class), a logged-in user by role, and a page read as text.
 *
 * <p>Each class gets its own application context, as the gateway's URL differs per class: the console keeps the
 * region tree and the code lists for minutes, and a test that counts those reads must start with them empty.
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
@ContextCustomizerFactories(RenderTestSupport.GatewayUrl.class)
@ExtendWith(RenderTestSupport.StopGateway.class)
public abstract class RenderTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ClientRegistrationRepository registrations;

    /** A user logged in through Keycloak with one realm role, this username and these further ID-token claims. */
    protected RequestPostProcessor login(String role, String username, Map<String, Object> claims) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId(ConsoleSecurity.REGISTRATION))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role))
                .idToken(t -> {
                    t.claim("preferred_username", username);
                    claims.forEach(t::claim);
                });
    }

    /** The page at {@code path} as {@code user} sees it; anything but 200 fails with what came instead. */
    protected String page(String path, RequestPostProcessor user) throws Exception {
        MockHttpServletResponse answer = mvc.perform(get(path).with(user)).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path + ": " + answer.getContentAsString()).isEqualTo(200);
        return answer.getContentAsString(StandardCharsets.UTF_8);
    }

    protected static String html(MockHttpServletResponse answer) throws Exception {
        return answer.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The test class's stand-in gateway: its one static field of that type (reading it starts the gateway). */
    static StandInGateway gatewayOf(Class<?> testClass) {
        List<StandInGateway> found = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == StandInGateway.class) {
                    try {
                        field.setAccessible(true);
                        found.add((StandInGateway) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(testClass.getName() + " needs one static StandInGateway field, has "
                    + found.size());
        }
        return found.get(0);
    }

    /** Points {@code kesra.console.gateway-url} at the test class's stand-in; the URL keys the cached context. */
    public static final class GatewayUrl implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer(gatewayOf(testClass).url());
        }

        private record Customizer(String url) implements ContextCustomizer {

            @Override
            public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standInGateway",
                        Map.of("kesra.console.gateway-url", url)));
            }
        }
    }

    /** Stops the test class's stand-in once its tests are done. */
    public static final class StopGateway implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            gatewayOf(context.getRequiredTestClass()).close();
        }
    }
}
