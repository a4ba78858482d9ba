package io.koubei.dashboard.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API takes JSON and NDJSON bodies only (415 otherwise): a cross-site HTML form can send {@code text/plain},
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, never these, so a browser cannot be made
 * to post to the API for someone. A POST without a body (e.g. {@code /signals/scan}) needs no Content-Type.
 */
final class JsonBodiesOnly extends OncePerRequestFilter {
    static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_NDJSON,
            MediaType.parseMediaType("application/x-ndjson"));
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WITH_BODY.contains(request.getMethod()) && !acceptable(request)) {
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Content-Type must be application/json or application/x-ndjson\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptable(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        }
        try {
            MediaType m = MediaType.parseMediaType(type);
            return ACCEPTED.stream().anyMatch(a -> a.equalsTypeAndSubtype(m))
                    || "application".equals(m.getType()) && m.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
