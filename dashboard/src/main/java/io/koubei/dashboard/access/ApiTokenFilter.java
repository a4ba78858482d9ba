package io.koubei.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import io.koubei.dashboard.access.sso.OidcBearerTokens;

/**
 * {@code Authorization: Bearer <token>} for connectors and scripts; compared in constant time. A wrong token counts
 * as a failed sign-in of the client address ({@link LoginThrottle}, logged to {@code koubei.audit}): an address that
 * guesses waits, then is locked out, like one that guesses passwords.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
    private static final Logger audit = LoggerFactory.getLogger("koubei.audit");
    private final List<byte[]> tokens;
    private final LoginThrottle throttle;
    private final ApiTokens managed;
    /** The OIDC provider's access tokens, when koubei.auth.oidc.api-tokens is on; else null. */
    private final OidcBearerTokens oidc;

    ApiTokenFilter(List<String> tokens, LoginThrottle throttle, ApiTokens managed) {
        this(tokens, throttle, managed, null);
    }

    ApiTokenFilter(List<String> tokens, LoginThrottle throttle, ApiTokens managed, OidcBearerTokens oidc) {
        this.oidc = oidc;
        this.tokens = tokens.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().getBytes(StandardCharsets.UTF_8)).toList();
        this.throttle = throttle;
        this.managed = managed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String address = request.getRemoteAddr();
            Optional<Duration> wait = throttle.waitFor(null, address);
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                audit.warn("API token refused: address={} reason=throttled retryAfter={}s", address, seconds);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"too many failed sign-ins; try again in " + seconds + " s\"}");
                return;
            }
            String bearer = header.substring(7).trim();
            if (oidc != null && OidcBearerTokens.looksLikeJwt(bearer)) {
                try {
                    SecurityContextHolder.getContext().setAuthentication(oidc.authenticate(bearer));
                } catch (OidcBearerTokens.Refused e) {
                    throttle.failed(null, address);
                    audit.warn("API token refused: address={} reason={}", address, ThrottledAuthenticationProvider.clean(e.getMessage()));
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":" + tools.jackson.databind.json.JsonMapper.shared()
                            .writeValueAsString(e.getMessage()) + "}");
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            if (managed != null && ApiTokens.looksManaged(bearer)) {
                Optional<ApiTokens.Token> token = managed.authenticate(bearer);
                if (token.isEmpty()) {
                    throttle.failed(null, address);
                    audit.warn("API token refused: address={} reason=unknown or revoked token", address);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":\"invalid or revoked API token\"}");
                    return;
                }
                ApiTokens.Token t = token.get();
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                        "token:" + t.name(), null, List.of(new SimpleGrantedAuthority(t.scope().role.authority()))));
                chain.doFilter(request, response);
                return;
            }
            byte[] given = bearer.getBytes(StandardCharsets.UTF_8);
            boolean ok = false;
            for (byte[] t : tokens) {
                ok |= MessageDigest.isEqual(t, given);
            }
            if (!ok) {
                throttle.failed(null, address);
                audit.warn("API token refused: address={} reason=unknown token", address);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"invalid API token\"}");
                return;
            }
            // the bootstrap tokens of KOUBEI_API_TOKENS carry the admin scope: with one, an operator creates the scoped,
            // revocable tokens connectors should use (POST /api/v1/tokens)
            var auth = new UsernamePasswordAuthenticationToken("api-token", null,
                    List.of(new SimpleGrantedAuthority(Role.ADMIN.authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
