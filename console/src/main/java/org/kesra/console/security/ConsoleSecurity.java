package org.kesra.console.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kesra.console.ConsoleProperties;
import org.kesra.console.accountability.AccountabilityRoles;
import org.kesra.console.audit.AuditRoles;
import org.kesra.console.planning.PlanningRoles;
import org.kesra.console.registers.RegisterRoles;
import org.kesra.console.verification.VerificationRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The console as a backend for frontend: users log in at Keycloak with the authorization code flow and PKCE (the
 * console is a confidential client), the tokens stay in the server-side session ({@link
 * HttpSessionOAuth2AuthorizedClientRepository}) and never reach the browser, which holds only the session cookie.
 * Every form and htmx request carries the CSRF token; the pages allow no inline script or style (CSP) and no
 * framing. Logging out ends the Keycloak session too (OIDC RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    public static final String REGISTRATION = "keycloak";
    public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION;

    /** Pages anyone may load: the stylesheet and scripts, the logged-out page, the probes. */
    static final String[] PUBLIC_PATHS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/keluar-selesai",
        "/livez", "/readyz", "/error"};

    /** The roles that read and write the household registry (household-service's access table). */
    public static final List<String> REGISTRY_READERS = List.of("kelurahan-operator", "kecamatan-operator",
            "dinsos-operator", "dinsos-admin", "dinsos-verifier", "disnakertrans-monitor", "auditor");
    public static final List<String> REGISTRY_WRITERS = List.of("kelurahan-operator", "kecamatan-operator",
            "dinsos-operator", "dinsos-admin");

    /** The roles that monitor quarterly reporting (performance-service's access table for its monitoring). */
    public static final List<String> MONITORS = List.of("disnakertrans-monitor", "planner", "auditor",
            "platform-admin", "kecamatan-approver", "kecamatan-operator");
    /** The roles that read reports (reporting-service's access table); regional staff only their region. */
    public static final List<String> REPORT_READERS = List.of("disnakertrans-monitor", "planner", "auditor",
            "platform-admin", "kecamatan-approver", "kecamatan-operator", "kelurahan-operator", "dinsos-admin",
            "dinsos-operator", "dinsos-verifier");
    /** Who reads city-level reports (PKH realisation, Sembako months): reporting-service's ReportingAccess. */
    public static final List<String> CITY_REPORT_READERS = List.of("platform-admin", "auditor",
            "disnakertrans-monitor", "planner", "dinsos-admin", "dinsos-operator", "dinsos-verifier");
    /** Who reports a unit's quarter, who decides on it, who reads reports (performance-service's access table). */
    public static final List<String> QUARTER_SUBMITTERS = List.of("kecamatan-operator", "kelurahan-operator",
            "planner", "platform-admin");
    public static final List<String> QUARTER_APPROVERS = List.of("kecamatan-approver", "platform-admin");
    public static final List<String> QUARTER_READERS = List.of("kecamatan-operator", "kecamatan-approver",
            "kelurahan-operator", "planner", "auditor", "disnakertrans-monitor", "platform-admin");

    @Bean
    SecurityFilterChain consoleSecurityChain(HttpSecurity http, ConsoleProperties properties,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients,
            OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE for the confidential client as well (the realm requires S256 of this client).
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/keluar-selesai");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // After login the user lands on the page they asked for, never on an htmx fragment or a form's answer.
        requestCache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && !HtmxLoginRedirect.isHtmx(request));
        String[] writers = REGISTRY_WRITERS.toArray(String[]::new);
        String[] readers = REGISTRY_READERS.toArray(String[]::new);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/rumah-tangga/baru", "/rumah-tangga/*/anggota/**",
                                "/rumah-tangga/*/anggota-baru", "/rumah-tangga/*/koreksi",
                                "/rumah-tangga/*/pindah-alamat", "/rumah-tangga/*/kepala-keluarga")
                        .hasAnyRole(writers)
                        .requestMatchers(HttpMethod.POST, "/rumah-tangga/impor").hasAnyRole(writers)
                        .requestMatchers("/rumah-tangga/**").hasAnyRole(readers)
                        // A kelurahan's RW, RT and dasawisma: read by the registry's readers, kept by its writers.
                        .requestMatchers(HttpMethod.POST, "/wilayah/**").hasAnyRole(writers)
                        .requestMatchers("/wilayah", "/wilayah/**").hasAnyRole(readers)
                        // Journey 2 (verification): deciding needs a verifier; the reviews and figures are read by
                        // every city-level welfare reader; the lists by Dinas Sosial staff only.
                        .requestMatchers(HttpMethod.POST, "/verifikasi/daftar/*/baris/*", "/verifikasi/peninjauan/*")
                        .hasAnyRole(VerificationRoles.DECIDERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.GET, "/verifikasi/peninjauan", "/verifikasi/ppks-kpm")
                        .hasAnyRole(VerificationRoles.WELFARE_READERS.toArray(String[]::new))
                        .requestMatchers("/verifikasi", "/verifikasi/**")
                        .hasAnyRole(VerificationRoles.VERIVALI_STAFF.toArray(String[]::new))
                        // The registers (PPKS cases, enrolments): kept by Dinas Sosial operators and admins, read by
                        // the city-level welfare readers.
                        .requestMatchers("/ppks/baru", "/kepesertaan/baru", "/psks/baru", "/penyaluran/baru")
                        .hasAnyRole(RegisterRoles.KEEPERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/ppks/**", "/kepesertaan/**", "/psks/**",
                                "/penyaluran/**")
                        .hasAnyRole(RegisterRoles.KEEPERS.toArray(String[]::new))
                        .requestMatchers("/ppks", "/ppks/**", "/kepesertaan", "/kepesertaan/**", "/psks", "/psks/**",
                                "/penyaluran", "/penyaluran/**")
                        .hasAnyRole(RegisterRoles.READERS.toArray(String[]::new))
                        // Musyawarah kelurahan proposals: proposed by kelurahan and kecamatan staff for their region
                        // and by Dinas Sosial operators and admins, decided by its verifiers and admins, read by all
                        // of them and auditors; the deciles uploaded by admins.
                        .requestMatchers("/musyawarah/baru")
                        .hasAnyRole(RegisterRoles.MUSYAWARAH_PROPOSERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/musyawarah/*/keputusan")
                        .hasAnyRole(RegisterRoles.MUSYAWARAH_DECIDERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/musyawarah/**").denyAll()
                        .requestMatchers("/musyawarah", "/musyawarah/**")
                        .hasAnyRole(RegisterRoles.MUSYAWARAH_READERS.toArray(String[]::new))
                        .requestMatchers("/desil", "/desil/**")
                        .hasAnyRole(RegisterRoles.DECILE_UPLOADERS.toArray(String[]::new))
                        // The programme catalogue: changed by Dinas Sosial admins (who also publish the kelurahan
                        // indicators), read by the city-level welfare readers; eligibility by the full-NIK readers.
                        .requestMatchers("/katalog-program/baru")
                        .hasAnyRole(RegisterRoles.CATALOGUE_EDITORS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/katalog-program/**")
                        .hasAnyRole(RegisterRoles.CATALOGUE_EDITORS.toArray(String[]::new))
                        .requestMatchers("/katalog-program", "/katalog-program/**")
                        .hasAnyRole(RegisterRoles.CATALOGUE_READERS.toArray(String[]::new))
                        .requestMatchers("/indikator-kelurahan")
                        .hasAnyRole(RegisterRoles.CATALOGUE_EDITORS.toArray(String[]::new))
                        .requestMatchers("/cek-kelayakan")
                        .hasAnyRole(RegisterRoles.ELIGIBILITY_CHECKERS.toArray(String[]::new))
                        .requestMatchers("/pemantauan/ppks", "/pemantauan/dasbor", "/laporan", "/laporan/**")
                        .hasAnyRole(REPORT_READERS.toArray(String[]::new))
                        .requestMatchers("/pemantauan", "/pemantauan/**").hasAnyRole(MONITORS.toArray(String[]::new))
                        .requestMatchers("/penilaian-laporan/**", "/penilaian-laporan")
                        .hasAnyRole(QUARTER_APPROVERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/laporan-triwulan/**", "/laporan-triwulan")
                        .hasAnyRole(QUARTER_SUBMITTERS.toArray(String[]::new))
                        .requestMatchers("/laporan-triwulan/**", "/laporan-triwulan")
                        .hasAnyRole(QUARTER_READERS.toArray(String[]::new))
                        // Year on year and AKIP evaluations: the API's readers read, auditors and admins record.
                        .requestMatchers(HttpMethod.POST, "/evaluasi-akip", "/evaluasi-akip/**")
                        .hasAnyRole(AccountabilityRoles.AKIP_RECORDERS.toArray(String[]::new))
                        .requestMatchers("/evaluasi-akip", "/evaluasi-akip/**", "/perbandingan-tahunan")
                        .hasAnyRole(AccountabilityRoles.READERS.toArray(String[]::new))
                        // Renstra and Perjanjian Kinerja: kept by planners and admins, read by the API's readers.
                        .requestMatchers("/renstra/impor", "/perjanjian-kinerja/baru", "/perjanjian-kinerja/*/ubah")
                        .hasAnyRole(PlanningRoles.KEEPERS.toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/renstra/**", "/perjanjian-kinerja/**")
                        .hasAnyRole(PlanningRoles.KEEPERS.toArray(String[]::new))
                        .requestMatchers("/renstra", "/renstra/**", "/perjanjian-kinerja", "/perjanjian-kinerja/**")
                        .hasAnyRole(PlanningRoles.READERS.toArray(String[]::new))
                        // The personal-data access logs: household- and welfare-service let auditors alone read them.
                        .requestMatchers("/audit/akses-data-pribadi", "/audit/akses-data-pribadi/**")
                        .hasAnyRole(AuditRoles.ACCESS_LOG_READERS.toArray(String[]::new))
                        .requestMatchers("/audit/**").denyAll()
                        // The holiday calendar, read-model rebuilds and dead letters: the services' operator and
                        // calendar endpoints accept platform admins only.
                        // The holiday calendar behind every deadline: performance-service lets only platform admins
                        // change it.
                        .requestMatchers("/admin/**").hasRole("platform-admin")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(authorizationRequests))
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(u -> u.oidcUserService(users)))
                .logout(l -> l.logoutSuccessHandler(logout))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HtmxLoginRedirect(LOGIN_PATH))
                        .accessDeniedHandler(HtmxLoginRedirect.csrfWithoutSession()))
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                                ConsoleSecurity::preview), new ContentSecurityPolicyHeaderWriter(
                                contentSecurityPolicy(properties))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ConsoleSecurity::preview,
                                new ContentSecurityPolicyHeaderWriter(PREVIEW_POLICY)))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), geolocation=(), microphone=(), payment=(), usb=()")));
        return http.build();
    }

    /**
     * The policy of a report's preview ({@code format=html} on a {@code /laporan/} route): the page is
     * reporting-service's own template with inline styles and SVG charts, and its text comes from users, so it may
     * load nothing, run nothing, post nothing and is sandboxed (a unique origin: the session cookie is not its).
     */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static boolean preview(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/laporan/")
                && "html".equalsIgnoreCase(request.getParameter("format"));
    }

    /**
     * Scripts and styles from the console only, no inline ones; forms post to the console, or to Keycloak for the
     * logout redirect (Chromium applies form-action to a form's redirects).
     */
    static String contentSecurityPolicy(ConsoleProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' "
                + properties.issuerOrigin() + "; frame-ancestors 'none'";
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        String jwks = properties.jwksUri() == null || properties.jwksUri().isBlank()
                ? properties.endpoint("certs") : properties.jwksUri();
        // Every endpoint given: no discovery call, so the console starts while Keycloak is still starting.
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(properties.endpoint("auth"))
                .tokenUri(properties.endpoint("token"))
                .jwkSetUri(jwks)
                .issuerUri(properties.issuerUri())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", properties.endpoint("logout")))
                .clientName("Keycloak Kota Metro")
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /** The tokens live in the user's server-side session and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the user's access token for API calls, refreshing it with the refresh token when it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    /** The realm roles are in the access token only ({@code realm_access.roles}): read them from it, verified. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> consoleUsers(ConsoleProperties properties,
            ClientRegistrationRepository registrations) {
        ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri())));
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            roles(decoder, request.getAccessToken().getTokenValue())
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    static List<String> roles(JwtDecoder decoder, String accessToken) {
        Jwt jwt = decoder.decode(accessToken);
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
