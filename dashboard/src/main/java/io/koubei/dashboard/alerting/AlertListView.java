package io.koubei.dashboard.alerting;

import io.koubei.analysis.signals.Severity;
import io.koubei.dashboard.query.FilterParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One page of the incident list: the global filters, the page's own narrowing (status, type, severity), counts per
 * type to narrow by, and paging. A long history stays usable: unresolved incidents first, ranked by severity ×
 * recency × size ({@link IncidentView#ORDER}), 50 at a time.
 */
public record AlertListView(FilterParams filters, String status, String type, String severity, int offset, int limit,
        int total, List<IncidentView> page, Map<String, Long> typeCounts, Map<String, Long> severityCounts) {
    public static final int PAGE = 50;

    /**
     * @param matching incidents already narrowed by the global filters and the status
     */
    public static AlertListView of(FilterParams filters, String status, String type, String severity, int offset,
            List<IncidentView> matching) {
        Map<String, Long> types = new TreeMap<>();
        Map<String, Long> severities = new LinkedHashMap<>();
        for (IncidentView a : matching) {
            types.merge(a.type().name(), 1L, Long::sum);
        }
        List<IncidentView> ofType = matching.stream().filter(a -> type == null || a.type().name().equals(type)).toList();
        Severity[] all = Severity.values();
        for (int i = all.length - 1; i >= 0; i--) { // the most severe first
            Severity v = all[i];
            long n = ofType.stream().filter(a -> a.severity() == v).count();
            if (n > 0) {
                severities.put(v.name(), n);
            }
        }
        List<IncidentView> shown = ofType.stream().filter(a -> severity == null || a.severity().name().equals(severity))
                .sorted(IncidentView.ORDER).toList();
        int from = Math.max(0, Math.min(offset, shown.isEmpty() ? 0 : (shown.size() - 1) / PAGE * PAGE));
        List<IncidentView> page = shown.subList(from, Math.min(shown.size(), from + PAGE));
        return new AlertListView(filters, status, type, severity, from, PAGE, shown.size(), page, types, severities);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + limit < total;
    }

    public int firstShown() {
        return total == 0 ? 0 : offset + 1;
    }

    public int lastShown() {
        return offset + page.size();
    }

    /** This view with one of status, type or severity replaced (null removes it), from the first page. */
    public String href(String name, String value) {
        return link("status".equals(name) ? value : status, "type".equals(name) ? value : type,
                "severity".equals(name) ? value : severity, 0);
    }

    public String previous() {
        return link(status, type, severity, Math.max(0, offset - limit));
    }

    public String next() {
        return link(status, type, severity, offset + limit);
    }

    private String link(String status, String type, String severity, int offset) {
        StringBuilder q = new StringBuilder(filters.toQueryString());
        append(q, "status", status);
        append(q, "type", type);
        append(q, "severity", severity);
        append(q, "offset", offset == 0 ? null : Integer.toString(offset));
        return q.isEmpty() ? "/alerts" : "/alerts?" + q;
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!q.isEmpty()) {
            q.append('&');
        }
        q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
