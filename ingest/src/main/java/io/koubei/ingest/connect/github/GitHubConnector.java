package io.koubei.ingest.connect.github;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.Watermark;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A repository's issues and issue comments through the REST API: {@code GET /repos/{owner}/{repo}/issues} and
 * {@code GET /repos/{owner}/{repo}/issues/comments}, both with {@code sort=updated&direction=asc&since=…&per_page=100}.
 * An issue → a {@code community} item ({@code issue-N}: title, body, labels as tags, state in {@code fields.state});
 * a comment → an item ({@code comment-ID}) whose {@code replyTo} is its issue's item. Authors whose
 * {@code author_association} is OWNER, MEMBER or COLLABORATOR are official. Pull requests and their comments are left out.
 *
 * <p>Paging is by keyset: each page asks {@code since} = the newest {@code updated_at} read so far (the watermark
 * keeps the ids read at exactly that second, so none is read twice); only while a page brings nothing later than that second does
 * the connector follow the {@code Link: rel="next"} URL. Offsets that shift while a repository changes can thus
 * never skip an item. Issues are read first, then comments; the cursor says which stream a stopped run was in.
 */
public final class GitHubConnector implements Connector {
    public static final String PUBLIC_ENDPOINT = "https://api.github.com";
    private static final Set<String> MEMBERS = Set.of("OWNER", "MEMBER", "COLLABORATOR");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern ISSUE_NUMBER = Pattern.compile("/issues/(\\d+)$");

    private final HttpFetcher http;
    private final String baseUrl;
    private final String repo;
    private final String token;
    private final String sourceName;

    public GitHubConnector(SourceConfig config, HttpFetcher http) {
        this.http = http;
        this.baseUrl = config.baseUrl(PUBLIC_ENDPOINT);
        this.repo = config.required("repo");
        if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw config.problem("repo", "expected owner/name, got '" + repo + "'");
        }
        this.token = config.optional("token", null);
        this.sourceName = config.name();
    }

    @Override
    public Channel defaultChannel() {
        return Channel.COMMUNITY;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        String stream = state.path("stream").asString("issues");
        boolean issues = !"comments".equals(stream);
        Watermark mark = Watermark.readFrom(state, stream);
        String nextLink = state.path("next").isString() ? state.get("next").asString() : null;
        URI uri = nextLink != null ? URI.create(nextLink) : URI.create(baseUrl + "/repos/" + repo
                + (issues ? "/issues?state=all&" : "/issues/comments?") + "sort=updated&direction=asc&per_page=100"
                + (mark.since() == null ? "" : "&since=" + URLEncoder.encode(mark.since().toString(), StandardCharsets.UTF_8)));
        HttpFetcher.Response r = http.get(uri, headers());
        JsonNode body = ConnectorJson.parse(r.body(), uri);
        if (!body.isArray()) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, "the answer of " + HttpFetcher.where(uri)
                    + " is not a JSON array as documented");
        }
        List<ObjectNode> records = new ArrayList<>();
        Watermark after = mark;
        for (JsonNode n : body) {
            String id = issues ? "issue-" + n.path("number").asString() : "comment-" + n.path("id").asString();
            Instant updated = instant(ConnectorJson.text(n, "updated_at"));
            if (updated == null || !mark.isNew(updated, id)) {
                continue;
            }
            after = after.advance(updated, id);
            if (issues && n.has("pull_request")) {
                continue;
            }
            if (!issues && String.valueOf(ConnectorJson.text(n, "html_url")).contains("/pull/")) {
                continue;
            }
            records.add(issues ? issue(n, id) : comment(n, id));
        }
        String link = r.header("Link").map(GitHubConnector::nextLink).orElse(null);
        ObjectNode next = state.deepCopy();
        after.writeTo(next, stream);
        next.remove("next");
        // the newest time did not move (a page of items updated in one second): page on by Link within that second
        boolean sameSecond = link != null && java.util.Objects.equals(after.since(), mark.since());
        if (sameSecond) {
            next.put("next", link);
        }
        boolean more = link != null;
        if (!more && issues) {
            next.put("stream", "comments");
            more = true;
        } else if (!more) {
            next.remove("stream");
        } else {
            next.put("stream", stream);
        }
        return new Page(records, ConnectorJson.cursor(next), more);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/vnd.github+json");
        h.put("X-GitHub-Api-Version", "2022-11-28");
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        return h;
    }

    private ObjectNode issue(JsonNode n, String id) {
        ObjectNode o = common(n, id);
        String title = ConnectorJson.text(n, "title");
        ConnectorJson.putText(o, "title", title);
        String body = ConnectorJson.text(n, "body");
        o.put("text", body == null || body.isBlank() ? (title == null ? "" : title) : body);
        ArrayNode tags = ConnectorJson.MAPPER.createArrayNode();
        n.path("labels").forEach(l -> {
            String name = l.isString() ? l.asString() : ConnectorJson.text(l, "name");
            if (name != null && !name.isBlank()) {
                tags.add(name);
            }
        });
        if (!tags.isEmpty()) {
            o.set("tags", tags);
        }
        ObjectNode fields = o.putObject("fields");
        ConnectorJson.putText(fields, "state", ConnectorJson.text(n, "state"));
        ConnectorJson.putText(fields, "repo", repo);
        if (n.path("comments").isNumber()) {
            interactions(o).put("replies", n.get("comments").asInt());
        }
        return o;
    }

    private ObjectNode comment(JsonNode n, String id) {
        ObjectNode o = common(n, id);
        String body = ConnectorJson.text(n, "body");
        o.put("text", body == null ? "" : body);
        Matcher m = ISSUE_NUMBER.matcher(String.valueOf(ConnectorJson.text(n, "issue_url")));
        if (m.find()) {
            o.put("replyTo", sourceName + ":issue-" + m.group(1));
        }
        o.putObject("fields").put("repo", repo);
        return o;
    }

    private static ObjectNode common(JsonNode n, String id) {
        ObjectNode o = ConnectorJson.object();
        o.put("externalId", id);
        ConnectorJson.putText(o, "createdAt", ConnectorJson.text(n, "created_at"));
        ConnectorJson.putText(o, "url", ConnectorJson.text(n, "html_url"));
        JsonNode user = n.get("user");
        if (user != null && user.isObject()) {
            ObjectNode a = o.putObject("author");
            ConnectorJson.putText(a, "id", ConnectorJson.text(user, "login"));
            ConnectorJson.putText(a, "name", ConnectorJson.text(user, "login"));
            a.put("official", MEMBERS.contains(String.valueOf(ConnectorJson.text(n, "author_association"))));
        }
        if (n.path("reactions").path("total_count").isNumber()) {
            interactions(o).put("likes", n.get("reactions").get("total_count").asInt());
        }
        return o;
    }

    private static ObjectNode interactions(ObjectNode o) {
        return o.get("interactions") instanceof ObjectNode i ? i : o.putObject("interactions");
    }

    static String nextLink(String header) {
        for (String part : header.split(",")) {
            Matcher m = NEXT.matcher(part.trim());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
