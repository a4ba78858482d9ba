package io.koubei.dashboard.speed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pushes an opinion point or issue cluster to an issue tracker: a generic webhook (Koubei's own JSON), Jira REST
 * ({@code POST <url>/rest/api/2/issue}) or GitHub Issues ({@code POST <url>/repos/<owner>/<repo>/issues}).
 */
public class IssueTracker {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * What to file: an opinion point ({@code aspect}) or an issue cluster found by search words ({@code query}).
     * {@code link} is an absolute dashboard link to the items behind it (built from {@code itemIds} when absent).
     */
    public record IssueRequest(String tracker, String aspect, String query, String product, String title, String description,
            List<String> itemIds, String link) {
    }

    /** Where it was filed: the tracker's own key (NOVA-7, #42) and address. */
    public record Filed(String externalKey, String url) {
    }

    public Filed push(SpeedProperties.Tracker t, IssueRequest r) {
        String type = t.getType() == null ? "webhook" : t.getType().trim().toLowerCase(java.util.Locale.ROOT);
        String base = stripSlash(t.getUrl());
        String target;
        Object payload;
        switch (type) {
            case "jira" -> {
                target = base + "/rest/api/2/issue";
                payload = jiraPayload(t, r);
            }
            case "github" -> {
                if (t.getProject() == null || !t.getProject().contains("/")) {
                    throw new IllegalArgumentException("tracker " + t.getName() + ": project must be owner/repo for GitHub");
                }
                target = base + "/repos/" + t.getProject() + "/issues";
                payload = githubPayload(r);
            }
            case "webhook" -> {
                target = t.getUrl();
                payload = webhookPayload(r);
            }
            default -> throw new IllegalArgumentException("tracker " + t.getName() + ": unknown type '" + t.getType()
                    + "' (expected webhook, jira or github)");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(LifecycleEventStore.JSON.writeValueAsString(payload),
                        StandardCharsets.UTF_8));
        if (type.equals("github")) {
            b.header("Accept", "application/vnd.github+json");
        }
        if (t.getToken() != null && !t.getToken().isBlank()) {
            b.header("Authorization", "Bearer " + t.getToken());
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TrackerUnavailableException("tracker " + t.getName() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerUnavailableException("interrupted");
        }
        if (resp.statusCode() / 100 != 2) {
            throw new TrackerUnavailableException("tracker " + t.getName() + " answered " + resp.statusCode() + ": "
                    + abbreviate(resp.body()));
        }
        JsonNode answer = resp.body() == null || resp.body().isBlank() ? null : LifecycleEventStore.JSON.readTree(resp.body());
        return switch (type) {
            case "jira" -> new Filed(text(answer, "key"), answer == null || text(answer, "key") == null ? null
                    : base + "/browse/" + text(answer, "key"));
            case "github" -> new Filed(answer == null || answer.get("number") == null ? null : "#" + answer.get("number").asString(),
                    text(answer, "html_url"));
            default -> new Filed(text(answer, "key") != null ? text(answer, "key") : text(answer, "id"), text(answer, "url"));
        };
    }

    static Map<String, Object> webhookPayload(IssueRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "koubei.issue");
        m.put("title", r.title());
        m.put("description", r.description());
        m.put("aspect", r.aspect());
        m.put("query", r.query());
        m.put("product", r.product());
        m.put("itemIds", r.itemIds());
        m.put("link", r.link());
        return m;
    }

    static Map<String, Object> jiraPayload(SpeedProperties.Tracker t, IssueRequest r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", t.getProject() == null ? "" : t.getProject()));
        fields.put("summary", r.title());
        fields.put("description", body(r));
        fields.put("issuetype", Map.of("name", t.getIssueType()));
        fields.put("labels", r.aspect() == null ? List.of("koubei") : List.of("koubei", "aspect-" + r.aspect()));
        return Map.of("fields", fields);
    }

    static Map<String, Object> githubPayload(IssueRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        m.put("body", body(r));
        m.put("labels", r.aspect() == null ? List.of("koubei") : List.of("koubei", "aspect:" + r.aspect()));
        return m;
    }

    private static String body(IssueRequest r) {
        StringBuilder sb = new StringBuilder();
        if (r.description() != null) {
            sb.append(r.description()).append("\n\n");
        }
        sb.append("Koubei: ").append(r.itemIds().size()).append(" items");
        if (r.product() != null) sb.append(", product ").append(r.product());
        if (r.aspect() != null) sb.append(", aspect ").append(r.aspect());
        if (r.link() != null) sb.append("\n").append(r.link());
        return sb.toString();
    }

    private static String text(JsonNode n, String f) {
        return n == null || n.get(f) == null || n.get(f).isNull() ? null : n.get(f).asString();
    }

    private static String stripSlash(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("tracker url is not configured");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The tracker did not take the issue; nothing was recorded, the caller may retry. */
    public static class TrackerUnavailableException extends RuntimeException {
        public TrackerUnavailableException(String message) {
            super(message);
        }
    }
}
