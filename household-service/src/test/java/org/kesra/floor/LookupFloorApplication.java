package org.kesra.floor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.platform.web.CachingJwtDecoder;
import org.kesra.platform.web.HeaderBearerTokenResolver;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.PlatformWebAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of household-service's NIK lookup on this machine: the least a Spring Boot service on the platform's
 * stack can spend on the same request. Tomcat, Spring MVC, Jackson, a Spring Security resource server checking the
 * same Keycloak token (issuer, audience, signature, kept once verified by the platform's {@link CachingJwtDecoder};
 * the platform's token resolver and firewall, which avoid Spring's regular expressions over the token), and the
 * service's own lookup query through {@link JdbcClient} on the same database and pool size; nothing else: no access
 * table, no region scope, no request log, no observation or tracing, no bean validation, no problem-details advice.
 * Also {@code /bare}: a constant answer without the database. It is open to callers without a token (the start-up
 * probe), but a token that comes with the request, as it does in the benchmark, is checked all the same.
 *
 * <p>The household benchmark starts it as a process beside the service and loads it with the same wrk clients, so
 * the service's figure can be read against what the framework alone reaches here in the same run. It lives outside
 * {@code org.kesra.household} so that the service's component scan does not pick it up.
 */
@SpringBootConfiguration
@EnableWebSecurity
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class, SecurityFilterAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
public class LookupFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(LookupFloorApplication.class, args);
    }

    @Bean
    SecurityFilterChain floorSecurity(HttpSecurity http, JwtDecoder decoder) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/bare").permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(decoder, Clock.systemUTC(), 4096))));
        return http.build();
    }

    /** The platform's firewall and token resolver: Spring's defaults run regular expressions over the token. */
    @Bean
    WebSecurityCustomizer floorFirewall() {
        StrictHttpFirewall firewall = PlatformWebAutoConfiguration.httpFirewall();
        return web -> web.httpFirewall(firewall);
    }

    /**
     * The same columns, condition and order as the service's person search for one NIK, answered as one page.
     * Registered as a member class of this configuration.
     */
    @RestController
    static class FloorController {

        record Person(UUID id, String nik, String name, LocalDate birthDate, String sex, String relationship,
                      String kelurahanCode, UUID householdId, String lifeStatus, List<String> nikFlags) {
        }

        private final JdbcClient jdbc;

        FloorController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/persons")
        PageResponse<Person> persons(@RequestParam String nik) {
            List<Person> items = jdbc.sql("""
                    SELECT id, nik, name, birth_date, sex, relationship, kelurahan_code, household_id, life_status,
                           nik_flags
                    FROM person WHERE kelurahan_code LIKE ? AND nik = ? ORDER BY name, id LIMIT ? OFFSET ?""")
                    .params("18.72.%", nik, 50, 0L)
                    .query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getString(9),
                            Arrays.asList((String[]) rs.getArray(10).getArray())))
                    .list();
            return PageResponse.of(items, 0, 50, items.size());
        }

        @GetMapping("/bare")
        Map<String, String> bare() {
            return Map.of("status", "ok");
        }
    }
}
