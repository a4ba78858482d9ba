package io.koubei.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions follow the users page at once: a session of an account that was disabled (or removed) is ended, and one
 * whose role changed gets the new role on its next request.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {
    private final UserDirectory users;

    CurrentAccountFilter(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof OAuth2AuthenticationToken && auth.isAuthenticated()) {
            // single sign-on: the role is the provider's at sign-in; an account an admin disabled here is signed out
            Optional<UserDirectory.Account> account = users.find(auth.getName());
            if (account.isEmpty() || !account.get().enabled()) {
                signOut(request, response);
                return;
            }
        } else if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()) {
            Optional<UserDirectory.Account> account = users.find(auth.getName());
            if (account.isEmpty() || !account.get().enabled()) {
                signOut(request, response);
                return;
            }
            String authority = account.get().role().authority();
            boolean same = auth.getAuthorities().size() == 1
                    && auth.getAuthorities().iterator().next().getAuthority().equals(authority);
            if (!same) {
                var updated = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                        List.of(new SimpleGrantedAuthority(authority)));
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(updated);
                SecurityContextHolder.setContext(context);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?disabled");
    }
}
