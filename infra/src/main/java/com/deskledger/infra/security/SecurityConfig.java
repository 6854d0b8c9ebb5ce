package com.deskledger.infra.security;

import com.deskledger.kernel.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.DispatcherType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Roles per route; centres are checked where the data is (commands before dispatch, views and audit per query).
 * HTTP Basic against configured users with a verification cache; bearer JWTs as well when a decoder is configured.
 */
@Configuration
public class SecurityConfig {

    /** The command APIs of the four aggregates, reads of them included. */
    static final String[] COMMAND_ROOTS = {"/api/visits", "/api/visits/**", "/api/complaints", "/api/complaints/**",
        "/api/members", "/api/members/**", "/api/shifts", "/api/shifts/**",
        "/api/products", "/api/products/**", "/api/timetable", "/api/timetable/**"};

    /** Any signed-in user but a kiosk: a KIOSK user may use only the routes named for it. */
    static final AuthorizationManager<RequestAuthorizationContext> NOT_A_KIOSK = (authentication, context) -> {
        Authentication user = authentication.get();
        boolean allowed = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
                && user.getAuthorities().stream().noneMatch(a -> Role.KIOSK.authority().equals(a.getAuthority()));
        return new AuthorizationDecision(allowed);
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(DeskSecurityProperties properties, PasswordEncoder encoder,
                                                @Value("${deskledger.demo-users:false}") boolean demoUsers,
                                                Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new ConfiguredUsers(properties, demoUsers,
                encoder));
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingAuthenticationProvider(dao, properties.getAuthCacheTtl(),
                properties.getAuthCacheSize(), clock, authCacheRefresher()));
    }

    /**
     * Renews verified logins ahead of their expiry, one at a time: a thread that exists only while there is work
     * (a daemon, gone after 30 s idle), so nothing has to stop it when the application does.
     */
    private static Executor authCacheRefresher() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "auth-cache-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The browser's pages: a login form, a session, CSRF tokens in a cookie that scripts read and send back as
     * {@code X-XSRF-TOKEN}. Matched first; everything else falls through to the stateless API chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain browser(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher(BrowserPaths.ALL)
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        // the raw token from the cookie is accepted as a header or a form field
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(BrowserPaths.PUBLIC).permitAll()
                        .requestMatchers(BrowserPaths.KIOSK).hasRole("KIOSK")
                        .anyRequest().access(NOT_A_KIOSK))
                .addFilterAfter(new ActorFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The few API writes the dashboard makes with its browser session (an ADMIN's projection replay, dead-letter
     * retries and evictions; the kiosk page's lookup and check-in, KIOSK only; the member page's card issue and
     * revocation, the desk and up): the session's login is read, never created or written, and the CSRF token from the
     * {@code XSRF-TOKEN} cookie must come back as the {@code X-XSRF-TOKEN} header (403 without it). A request with its own credentials ({@code Authorization})
     * goes to the API chain as before.
     */
    @Bean
    @Order(2)
    SecurityFilterChain sessionWrites(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        List<RequestMatcher> writes = Arrays.stream(BrowserPaths.SESSION_WRITES)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
                .toList();
        http.securityMatcher(new AndRequestMatcher(new OrRequestMatcher(writes),
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) == null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(c -> c.securityContextRepository(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, BrowserPaths.KIOSK_WRITES).hasRole("KIOSK")
                        .requestMatchers(HttpMethod.POST, BrowserPaths.CARD_WRITES).hasRole("RECEPTIONIST")
                        .anyRequest().hasRole("ADMIN"))
                .addFilterAfter(new ActorFilter(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                            DeskSecurityProperties properties, ObjectMapper json,
                            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the dashboard reads with its session; its few writes go through sessionWrites (with CSRF)
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionReadsOnly())))
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // member imports: an admin, or a manager of the import's centre (checked per import)
                        .requestMatchers("/api/imports/**").hasAnyRole("ADMIN", "MANAGER")
                        // checkpoints of the event store: auditors and operations take them and fetch receipts
                        .requestMatchers(HttpMethod.POST, "/api/audit/checkpoints").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/checkpoints", "/api/audit/checkpoints/*",
                                "/api/audit/keys").hasAnyRole("AUDITOR", "MANAGER", "ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole("MANAGER", "AUDITOR")
                        // the kiosk: its own lookup, and the desk's own check-in against a session
                        .requestMatchers("/api/kiosk/**").hasRole("KIOSK")
                        .requestMatchers(HttpMethod.POST, "/api/timetable/sessions/*/check-ins")
                        .hasAnyRole("RECEPTIONIST", "KIOSK")
                        .requestMatchers(HttpMethod.GET, "/api/views/**").hasAnyRole("RECEPTIONIST", "AUDITOR")
                        // desk commands; finer rules (supervisor-only, manager-only) are checked per command
                        .requestMatchers(COMMAND_ROOTS).hasRole("RECEPTIONIST")
                        .anyRequest().access(NOT_A_KIOSK))
                .addFilterAfter(new ActorFilter(), AuthorizationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // its own manager: the Basic one (set above) knows nothing of tokens
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(new JwtActorConverter(properties.getJwt()));
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDenied())
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))));
        }
        return http.build();
    }
}
