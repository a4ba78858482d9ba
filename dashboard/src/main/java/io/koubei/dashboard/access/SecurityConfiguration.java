package io.koubei.dashboard.access;

import io.koubei.dashboard.platform.KoubeiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors. {@code /api/**} is stateless (API token or HTTP Basic, never a session cookie, so CSRF cannot apply);
 * the pages use a login form and a session, with CSRF protection on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // `koubei import`, `report`… run without a web server: no HttpSecurity, no users to create
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return UserAccounts.encoder();
    }

    /** Accounts from configuration plus those created on the users settings page. */
    @Bean
    UserDirectory users(AccessProperties access, KoubeiProperties koubei, PasswordEncoder encoder) {
        return new UserDirectory(UserAccounts.from(access, koubei, encoder), koubei.getDataDir(), encoder);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessProperties access) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/health").permitAll()
                        // vendors' webhooks cannot sign in: each request is authenticated by its HMAC signature instead
                        .requestMatchers(HttpMethod.POST, "/api/v1/hooks/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/feedback", "/api/v1/import/**", "/api/v1/speed/events",
                                "/api/v1/speed/service-days", "/api/v1/speed/release-feedback").hasAnyRole("ANALYST", "INGEST")
                        .requestMatchers(HttpMethod.POST, "/api/v1/models/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .anyRequest().hasRole("ANALYST"))
                .addFilterBefore(new ApiTokenFilter(access.getApiTokens()), BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserDirectory users) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/koubei.css", "/*.js", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // everyone signed in may read the settings; only admins change them
                        .requestMatchers(HttpMethod.GET, "/settings", "/settings/**").hasRole("VIEWER")
                        .requestMatchers("/settings", "/settings/**").hasRole("ADMIN")
                        .anyRequest().hasRole("VIEWER"))
                .addFilterBefore(new CurrentAccountFilter(users), AuthorizationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
