package io.koubei.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>} for connectors and scripts; compared in constant time. */
final class ApiTokenFilter extends OncePerRequestFilter {
    private final List<byte[]> tokens;

    ApiTokenFilter(List<String> tokens) {
        this.tokens = tokens.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            boolean ok = false;
            for (byte[] t : tokens) {
                ok |= MessageDigest.isEqual(t, given);
            }
            if (!ok) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"invalid API token\"}");
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken("api-token", null,
                    List.of(new SimpleGrantedAuthority(Role.INGEST.authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
