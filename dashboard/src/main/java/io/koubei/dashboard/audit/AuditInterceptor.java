package io.koubei.dashboard.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes every change a person or a token makes through the pages or the API into the audit log: each successful
 * POST, PUT or DELETE (settings, users and roles, alert acknowledge/resolve, model activation and training,
 * re-analysis, scans, reports, events, erasures), and every export (a GET that hands data out). The action is the
 * route without its variables ({@code POST /api/v1/alerts/{id}/ack} → {@code alerts.ack}); the target is the
 * route's variables ({@code id=…}). Feedback intake itself (thousands of requests a day from connectors) is not an
 * action of a person and is left out; the ingest counters cover it.
 */
final class AuditInterceptor implements HandlerInterceptor {
    private static final Set<String> INTAKE = Set.of("/api/v1/feedback", "/api/v1/speed/events", "/api/v1/speed/service-days",
            "/api/v1/speed/release-feedback");
    /** Routes whose service writes a richer entry of its own (what was erased, counted). */
    private static final Set<String> SELF_AUDITED = Set.of("/api/v1/privacy/erase");
    private static final Set<String> EXPORTS = Set.of("/api/v1/export.csv", "/export.csv", "/api/v1/privacy/export");

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || response.getStatus() >= 400) {
            return;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return;
        }
        String method = request.getMethod();
        boolean change = "POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method);
        boolean export = "GET".equals(method) && EXPORTS.contains(pattern);
        if ((!change && !export) || INTAKE.contains(pattern) || SELF_AUDITED.contains(pattern) || pattern.startsWith("/api/v1/import") || pattern.startsWith("/api/v1/hooks")
                || "/login".equals(pattern) || "/logout".equals(pattern)) {
            return;
        }
        String detail = export && request.getQueryString() != null ? request.getQueryString() : null;
        audit.record(action(pattern), target(request), detail);
    }

    /** {@code /api/v1/alerts/{id}/ack} → {@code alerts.ack}; {@code /settings/users/{name}/role} → {@code settings.users.role}. */
    static String action(String pattern) {
        String p = pattern.startsWith("/api/v1/") ? pattern.substring("/api/v1/".length()) : pattern.substring(1);
        StringJoiner out = new StringJoiner(".");
        for (String segment : p.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                out.add(segment.endsWith(".csv") ? segment.substring(0, segment.length() - 4) : segment);
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(vars instanceof Map<?, ?> m) || m.isEmpty()) {
            return null;
        }
        StringJoiner out = new StringJoiner(" ");
        new TreeMap<>((Map<String, String>) m).forEach((k, v) -> out.add(k + "=" + v));
        return out.toString();
    }
}
