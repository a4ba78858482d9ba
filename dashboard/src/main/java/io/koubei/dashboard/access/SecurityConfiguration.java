package io.koubei.dashboard.access;

import io.koubei.dashboard.platform.KoubeiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import io.koubei.dashboard.access.sso.LdapSignIn;
import io.koubei.dashboard.access.sso.OidcBearerTokens;
import io.koubei.dashboard.access.sso.OidcProviderCheck;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import io.koubei.dashboard.access.sso.OidcRegistration;
import io.koubei.dashboard.access.sso.OidcSignIn;
import io.koubei.dashboard.access.sso.SsoProperties;
import io.koubei.dashboard.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors. {@code /api/**} is stateless (API token or HTTP Basic, never a session cookie, so CSRF cannot apply);
 * the pages use a login form and a session, with CSRF protection on. Both apply the same table of who may change
 * what ({@link AccessRules}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // `koubei import`, `report`… run without a web server: no HttpSecurity, no users to create
@EnableConfigurationProperties({AccessProperties.class, SsoProperties.class})
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return UserAccounts.encoder();
    }

    /** Accounts from configuration plus those created on the users settings page. */
    @Bean
    UserDirectory users(AccessProperties access, KoubeiProperties koubei, PasswordEncoder encoder,
            io.koubei.core.state.StateStore state) {
        return new UserDirectory(UserAccounts.from(access, koubei, encoder), state, koubei.getDataDir(), encoder);
    }

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    LoginThrottle loginThrottle(AccessProperties access) {
        return new LoginThrottle(access.getLogin(), Clock.systemUTC());
    }

    /**
     * Passwords of the users directory, then (koubei.auth.ldap.url set) of the LDAP directory, for the login form and
     * HTTP Basic alike, throttled and audited.
     */
    @Bean
    AuthenticationProvider passwordSignIn(UserDirectory users, PasswordEncoder encoder, LoginThrottle throttle,
            SsoProperties sso, AuditLog audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(passwords));
        if (sso.getLdap().enabled()) {
            providers.add(new LdapSignIn(sso.getLdap(), users, audit));
        }
        return new ThrottledAuthenticationProvider(providers, throttle);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
    }

    /** 401 as JSON, without {@code WWW-Authenticate}: no browser login prompt for the API. */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        if (e instanceof ThrottledAuthenticationProvider.ThrottledException t) {
            response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
            response.getWriter().write("{\"error\":\"" + t.getMessage() + "\"}");
            return;
        }
        response.getWriter().write("{\"error\":\"authentication required: an API token (Authorization: Bearer …) or HTTP Basic\"}");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, LoginThrottle throttle, ApiTokens managedTokens,
            SsoProperties sso) throws Exception {
        OidcBearerTokens oidcTokens = sso.getOidc().enabled() && sso.getOidc().isApiTokens()
                ? new OidcBearerTokens(sso.getOidc()) : null;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/api/v1/health").permitAll();
                    // vendors' webhooks cannot sign in: each request is authenticated by its HMAC signature instead
                    a.requestMatchers(HttpMethod.POST, "/api/v1/hooks/*").permitAll();
                    for (AccessRules.Rule r : AccessRules.CHANGES) {
                        if (!r.api().isEmpty()) {
                            a.requestMatchers(HttpMethod.POST, r.api().toArray(String[]::new)).hasAnyRole(r.roles());
                        }
                    }
                    a.requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER");
                    a.anyRequest().denyAll(); // a change no rule names
                })
                .addFilterBefore(new ApiTokenFilter(access.getApiTokens(), throttle, managedTokens, oidcTokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new JsonBodiesOnly(), AuthorizationFilter.class)
                // HTTP Basic stays for API clients, but without the challenge: a browser never prompts for (and caches)
                // credentials that a cross-site form could then ride on
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserDirectory users, SsoProperties sso, AuditLog audit) throws Exception {
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/oauth2/authorization/*", "/login/oauth2/code/*", "/koubei.css", "/*.js", "/webjars/**", "/favicon.ico", "/error").permitAll();
                    for (AccessRules.Rule r : AccessRules.CHANGES) {
                        if (!r.pages().isEmpty()) {
                            a.requestMatchers(HttpMethod.POST, r.pages().toArray(String[]::new)).hasAnyRole(r.roles());
                        }
                    }
                    // everyone signed in reads every page (settings included, read-only unless admin)
                    a.requestMatchers(HttpMethod.GET, "/**").hasRole("VIEWER");
                    a.anyRequest().denyAll(); // a change no rule names
                })
                .addFilterBefore(new CurrentAccountFilter(users), AuthorizationFilter.class)
                // every page: scripts and styles from the application only (inline styles stay: the templates use them;
                // the overview passes its data as attributes, not an inline script); no framing, no foreign form targets.
                // Reports keep their own stricter policy (ReportController).
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(PAGE_POLICY)))
                .formLogin(f -> f.loginPage("/login").permitAll().failureHandler(SecurityConfiguration::signInFailed))
                .httpBasic(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        if (sso.getOidc().enabled()) {
            // authorization-code sign-in: /oauth2/authorization/oidc → the provider → /login/oauth2/code/oidc
            OidcRegistration registration = new OidcRegistration(sso.getOidc());
            http.addFilterBefore(new OidcProviderCheck(registration), OAuth2AuthorizationRequestRedirectFilter.class);
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(registration)
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcSignIn(sso.getOidc(), users, audit)))
                    .failureHandler(SecurityConfiguration::signInFailed));
        }
        return http.build();
    }

    /** Where a refused sign-in lands: the sign-in page, saying why (each reason has its sentence in messages*.properties). */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason;
        if (e instanceof ThrottledAuthenticationProvider.ThrottledException) {
            reason = "throttled";
        } else if (e instanceof NoRoleException) {
            reason = "norole";
        } else if (e instanceof OAuth2AuthenticationException o) {
            reason = switch (o.getError().getErrorCode()) {
                case OidcSignIn.NO_ROLE, OidcSignIn.REFUSED -> "norole";
                default -> "ssoerror";
            };
            log.warn("OIDC sign-in failed: {} {}", o.getError().getErrorCode(), o.getError().getDescription());
        } else {
            reason = "error";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }
}
