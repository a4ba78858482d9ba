package io.koubei.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator's door, apart from the API and the pages (so each can change without the other): the Actuator and the
 * OpenAPI document. Probes ({@code /actuator/health/**}) are open, with details (which could name the data
 * directory or the Elasticsearch URL) only for admins; the OpenAPI document and Swagger UI are open (they describe
 * routes, not data; every call made from Swagger UI still needs credentials); {@code /actuator/prometheus} needs an
 * admin (HTTP Basic) or the scrape token {@code koubei.metrics.token} ({@code KOUBEI_METRICS_TOKEN}, sent as
 * {@code Authorization: Bearer …}); every other Actuator endpoint needs an admin. Stateless: no session, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class OperationsSecurityConfiguration {
    static final String METRICS_AUTHORITY = "ROLE_METRICS";

    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, @Value("${koubei.metrics.token:}") String metricsToken)
            throws Exception {
        http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                        "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .anyRequest().hasRole("ADMIN"))
                .addFilterBefore(new MetricsTokenFilter(metricsToken), BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /** {@code Authorization: Bearer <koubei.metrics.token>} may scrape metrics and nothing else; constant-time. */
    static final class MetricsTokenFilter extends OncePerRequestFilter {
        private final byte[] token;

        MetricsTokenFilter(String token) {
            this.token = token == null || token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                        "metrics-scraper", null, List.of(new SimpleGrantedAuthority(METRICS_AUTHORITY))));
            }
            chain.doFilter(request, response);
        }
    }
}
