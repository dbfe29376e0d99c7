package org.coalitionledger.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.user.BearerTokenFilter;
import org.coalitionledger.security.user.DatabaseUsers;
import org.coalitionledger.security.user.UserStateFilter;
import org.coalitionledger.security.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.time.Clock;

/**
 * Who may do what. The API ({@code /api/**}, the OpenAPI document and Swagger UI) takes HTTP Basic on every request
 * and keeps no session (a GET may also use the session of the pages, {@link SignedInDownloads}); the web pages take
 * form login with a session and CSRF protection, over the same users. Only the health check is open. Denied
 * requests and failed logins are logged; passwords never are.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String REALM = "Coalition Ledger";

    private static final String VIEWER = Role.VIEWER.name();
    private static final String RECORDER = Role.RECORDER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String METRICS = Role.METRICS.name();

    /** The users in the database (security.user); configured ones are imported at start ({@link ConfiguredUsers}). */
    @Bean
    DatabaseUsers users(UserStore store) {
        return new DatabaseUsers(store);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, SecurityProperties properties,
                                                Clock clock, MeterRegistry metrics, JdbcTemplate jdbc) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(new LoginCheck(passwords, name -> isUser(users, name),
                                                  new LoginThrottle(properties.throttle(), clock, jdbc), clock,
                                                  reason -> metrics.counter("ledger.login.failures", "reason", reason)
                                                          .increment())
                                           .rememberedOnlyWhile(((DatabaseUsers) users)::isCurrent));
    }

    // --- users in the database (security.user): API tokens, and the per-request check of the user's state ---

    /** Personal API tokens ({@code Bearer cl_…}) on the API, before HTTP Basic. */
    private static void apiTokens(HttpSecurity http, UserStore store, Clock clock) {
        http.addFilterBefore(new BearerTokenFilter(store, clock), BasicAuthenticationFilter.class);
        userState(http, store);
    }

    /** Enabled, same password, one-time password changed: checked on each request, after authentication. */
    private static void userState(HttpSecurity http, UserStore store) {
        http.addFilterBefore(new UserStateFilter(store), AuthorizationFilter.class);
    }

    private static boolean isUser(UserDetailsService users, String name) {
        try {
            return users.loadUserByUsername(name) != null;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(SecurityProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.maxBody().toBytes(), properties.maxImportBody().toBytes(),
                                    properties.maxEvidenceBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the body limit, before Spring Security: a users' table out of reach is a 503, not a 500. */
    @Bean
    FilterRegistrationBean<DatabaseFailureFilter> databaseFailures() {
        FilterRegistrationBean<DatabaseFailureFilter> registration = new FilterRegistrationBean<>(
                new DatabaseFailureFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Requests that Spring Security's firewall refuses before any filter chain (a path with {@code ..}, {@code ;},
     * {@code //} or an encoded {@code %}, {@code .} or {@code /}; a header it does not accept) are answered like
     * every other error, with a problem detail that says what is wrong, not with the servlet's default error body.
     */
    @Bean
    RequestRejectedHandler rejectedRequests() {
        return (request, response, rejected) -> {
            String detail = RejectedRequests.detail(rejected);
            log.info("Refused {} {} from {}: {}", request.getMethod(), Text.clip(request.getRequestURI()),
                     request.getRemoteAddr(), detail);
            Problems.write(response, HttpStatus.BAD_REQUEST, detail);
        };
    }

    /** The API: HTTP Basic, no session, answers in problem details. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, UserStore store, Clock clock,
                            ObjectProvider<SignOn> signOn) throws Exception {
        apiTokens(http, store, clock);
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                             "/actuator/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(METRICS, ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        // a METRICS user created with a one-time password must be able to replace it
                        .requestMatchers(HttpMethod.POST, "/api/users/me/password").authenticated()
                        .requestMatchers("/api/users/me/**").hasAnyRole(VIEWER, RECORDER, AUDITOR, ADMIN)
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/export").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/reviews", "/api/reviews/**")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/import", "/api/coalitions", "/api/coalitions/**",
                                         "/api/agreements", "/api/agreements/**", "/api/records/**",
                                         "/api/evidence")
                        .hasAnyRole(RECORDER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/import", "/api/import/**").hasAnyRole(RECORDER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(VIEWER, RECORDER, AUDITOR, ADMIN)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiEntryPoint())
                        .accessDeniedHandler(apiAccessDenied()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a GET may use the session of a user signed in on the pages (their download links); writes may not
                // (the request attribute keeps who called for the request's async and error dispatches)
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SignedInDownloads())))
                // No session and no cookie authenticate an API write, and CrossSiteWriteFilter refuses every
                // write whose body type a cross-site form could send (JSON, JSON Lines and CSV need a CORS
                // preflight, which the ledger never grants): CSRF tokens would protect nothing more here.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        for (SignOn extra : signOn) {
            extra.api(http);
        }
        return http.build();
    }

    /** The web pages: form login with a session and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, UserStore store,
                              ObjectProvider<SignOn> signOn) throws Exception {
        userState(http, store);
        http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                         "/favicon.svg")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers("/audit", "/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        // the record forms: only those who may record see them
                        .requestMatchers("/record/**", "/imports").hasAnyRole(RECORDER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(VIEWER, RECORDER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .requestMatchers("/account/**").hasAnyRole(VIEWER, RECORDER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(RECORDER, ADMIN)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").failureHandler(formFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(pageAccessDenied()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(formAction(signOn))));
        for (SignOn extra : signOn) {
            extra.pages(http, authentication);
        }
        return http.build();
    }

    /** The pages' policy: their forms lead to the ledger, and to where a further sign-on's logout leads. */
    private static String formAction(ObjectProvider<SignOn> signOn) {
        StringBuilder targets = new StringBuilder("'self'");
        signOn.forEach(extra -> extra.formTargets().forEach(target -> targets.append(' ').append(target)));
        return csp(targets.toString());
    }

    /** Pages load scripts, styles and images from the ledger itself only, and may not be framed. */
    static final String CSP = csp("'self'");

    /**
     * The pages' Content-Security-Policy, their forms (and the redirects that answer them) leading to
     * {@code formAction} only: the ledger itself, and under single sign-on the provider (logging out leads there).
     */
    static String csp(String formAction) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action " + formAction;
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, credentialsProblem(request));
        };
    }

    private static String credentialsProblem(HttpServletRequest request) {
        return request.getHeader("Authorization") == null
                ? "log in: this request needs HTTP Basic credentials"
                : "the user name or password is not right";
    }

    private static AccessDeniedHandler apiAccessDenied() {
        return (request, response, denied) -> {
            logDenied(request);
            Problems.write(response, HttpStatus.FORBIDDEN, "your role does not allow " + request.getMethod() + " "
                    + Text.clip(request.getRequestURI()));
        };
    }

    private static AccessDeniedHandler pageAccessDenied() {
        return (request, response, denied) -> {
            logDenied(request);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    private static void logDenied(HttpServletRequest request) {
        log.warn("Denied {} {} to user '{}' from {}", request.getMethod(), Text.clip(request.getRequestURI()),
                 request.getUserPrincipal() == null ? "" : Text.clip(request.getUserPrincipal().getName()),
                 request.getRemoteAddr());
    }

    private static AuthenticationFailureHandler formFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            try {
                response.sendRedirect(request.getContextPath()
                        + (failure instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
