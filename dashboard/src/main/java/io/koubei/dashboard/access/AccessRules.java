package io.koubei.dashboard.access;

import java.util.List;

/**
 * Who may change what: the one table both doors apply, the pages (session + CSRF) and the API (token or HTTP Basic),
 * so an action is never allowed through one door and refused through the other. Reading (GET) is open to every
 * signed-in role and to API tokens; a change (any other method) that no rule names is refused to everyone.
 * docs/configuration.md shows this table; {@code AccessTableTest} walks the documented one against the running app.
 */
public final class AccessRules {

    /**
     * One action: the page and API paths (Ant patterns, {@code *} for a path variable) it is done through, and the
     * lowest role that may do it (the hierarchy admin &gt; analyst &gt; viewer gives the rest). {@code apiToken}: API
     * tokens (role INGEST) may do it too.
     */
    public record Rule(String action, List<String> pages, List<String> api, Role role, boolean apiToken) {
        String[] roles() {
            return apiToken ? new String[] {role.name(), Role.INGEST.name()} : new String[] {role.name()};
        }
    }

    /** Evaluated in order: a more specific rule comes before a broader one that would also match its paths. */
    public static final List<Rule> CHANGES = List.of(
            new Rule("post feedback", List.of(), List.of("/api/v1/feedback"), Role.ANALYST, true),
            new Rule("acknowledge, resolve, assign or comment on an incident",
                    List.of("/alerts/*/ack", "/alerts/*/resolve", "/alerts/*/assign", "/alerts/*/comment"),
                    List.of("/api/v1/alerts/*/ack", "/api/v1/alerts/*/resolve", "/api/v1/alerts/*/assign",
                            "/api/v1/alerts/*/comment"), Role.ANALYST, false),
            new Rule("rename, hide, promote or merge a discovered theme",
                    List.of("/settings/themes/*", "/settings/themes/*/merge"),
                    List.of("/api/v1/themes/*", "/api/v1/themes/*/merge"), Role.ANALYST, false),
            new Rule("generate an archived report", List.of("/reports"), List.of(), Role.ANALYST, false),
            new Rule("re-scan signals, record product events", List.of(),
                    List.of("/api/v1/signals/scan", "/api/v1/events"), Role.ANALYST, false),
            new Rule("response speed: lifecycle events, service days, issues, releases, release feedback, queue check",
                    List.of(), List.of("/api/v1/speed/events", "/api/v1/speed/service-days", "/api/v1/speed/issues",
                            "/api/v1/speed/releases", "/api/v1/speed/release-feedback", "/api/v1/speed/queue/check"),
                    Role.ANALYST, false),
            new Rule("train or activate a sentiment model", List.of("/settings/sentiment/train", "/settings/sentiment/activate"),
                    List.of("/api/v1/models/sentiment/train", "/api/v1/models/sentiment/activate"), Role.ADMIN, false),
            new Rule("erase an author's personal data", List.of(), List.of("/api/v1/privacy/erase"), Role.ADMIN, false),
            new Rule("create or revoke an API token", List.of("/admin/tokens", "/admin/tokens/*/revoke"),
                    List.of("/api/v1/tokens", "/api/v1/tokens/*/revoke"), Role.ADMIN, false),
            new Rule("change settings and users", List.of("/settings/**"), List.of(), Role.ADMIN, false));

    private AccessRules() {
    }
}
