package io.koubei.dashboard.access.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the sign-in button redirects to the provider: its discovery document must be readable. If it is not (the
 * provider is down, the issuer is mistyped), the user lands on the sign-in page with "单点登录未完成" and the log says
 * why, instead of Spring Security's bare 500.
 */
public final class OidcProviderCheck extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(OidcProviderCheck.class);
    private final OidcRegistration registration;

    public OidcProviderCheck(OidcRegistration registration) {
        this.registration = registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + "/oauth2/authorization/" + OidcRegistration.ID);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            registration.findByRegistrationId(OidcRegistration.ID);
        } catch (RuntimeException e) {
            log.warn("OIDC sign-in not started: the provider's discovery document could not be read: {}", e.getMessage());
            response.sendRedirect(request.getContextPath() + "/login?ssoerror");
            return;
        }
        chain.doFilter(request, response);
    }
}
