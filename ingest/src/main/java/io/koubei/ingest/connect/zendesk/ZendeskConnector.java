package io.koubei.ingest.connect.zendesk;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk Support tickets through the cursor-based incremental ticket export,
 * {@code GET {baseUrl}/api/v2/incremental/tickets/cursor.json?start_time=…} and then {@code ?cursor=<after_cursor>},
 * with the ticket metrics sideloaded ({@code include=metric_sets}); {@code end_of_stream} says when it is caught up.
 * A ticket → a {@code ticket} item ({@code ticket-ID}: subject, description, tags, requester as author,
 * {@code ticket{status, firstResponseAt, resolvedAt}} from the metric set: created_at + reply_time_in_minutes, and
 * solved_at), with a CSAT rating when the customer rated it (good → 5, bad → 1). With {@code comments} (default
 * true) the public comments after the first ({@code GET /api/v2/tickets/{id}/comments.json?include=users}) become
 * items replying to the ticket; those by agents and admins are official.
 *
 * <p>Auth: {@code email} + {@code token} (Basic {@code email/token:TOKEN}) or {@code oauthToken} (Bearer).
 */
public final class ZendeskConnector implements Connector {
    private static final Set<String> TEAM_ROLES = Set.of("agent", "admin");

    private final HttpFetcher http;
    private final String baseUrl;
    private final String authorization;
    private final boolean comments;
    private final Duration firstRunBack;
    private final int perPage;
    private final Clock clock;
    private final String sourceName;

    public ZendeskConnector(SourceConfig config, HttpFetcher http) {
        this(config, http, Clock.systemUTC());
    }

    public ZendeskConnector(SourceConfig config, HttpFetcher http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.sourceName = config.name();
        if (config.optional("baseUrl", null) == null) {
            throw config.problem("baseUrl", "is required for type zendesk (https://SUBDOMAIN.zendesk.com)");
        }
        this.baseUrl = config.baseUrl(null);
        String oauth = config.optional("oauthToken", null);
        String email = config.optional("email", null);
        String token = config.optional("token", null);
        if (oauth != null) {
            authorization = "Bearer " + oauth;
        } else if (email != null && token != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
        } else {
            throw config.problem(email == null ? "email" : "token", "type zendesk needs email and token (an API token), or oauthToken");
        }
        this.comments = Boolean.parseBoolean(config.optional("comments", "true"));
        try {
            this.firstRunBack = Duration.parse(config.optional("firstRunBack", "P30D"));
        } catch (DateTimeParseException e) {
            throw config.problem("firstRunBack", "expected an ISO-8601 duration such as P30D");
        }
        this.perPage = config.intSetting("perPage", 100, 1, 1000);
    }

    @Override
    public Channel defaultChannel() {
        return Channel.TICKET;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        String after = state.path("cursor").isString() ? state.get("cursor").asString() : null;
        String query = after != null ? "cursor=" + URLEncoder.encode(after, StandardCharsets.UTF_8)
                : "start_time=" + clock.instant().minus(firstRunBack).getEpochSecond();
        URI uri = URI.create(baseUrl + "/api/v2/incremental/tickets/cursor.json?" + query + "&include=metric_sets&per_page=" + perPage);
        JsonNode body = ConnectorJson.parse(http.get(uri, headers()).body(), uri);
        Map<String, JsonNode> metrics = new HashMap<>();
        body.path("metric_sets").forEach(m -> metrics.put(m.path("ticket_id").asString(), m));
        List<ObjectNode> records = new ArrayList<>();
        for (JsonNode t : body.path("tickets")) {
            if ("deleted".equals(ConnectorJson.text(t, "status"))) {
                continue;
            }
            String id = t.path("id").asString();
            records.add(ticket(t, metrics.get(id)));
            if (comments) {
                records.addAll(comments(id));
            }
        }
        ObjectNode next = ConnectorJson.object();
        String nextCursor = ConnectorJson.text(body, "after_cursor");
        if (nextCursor != null) {
            next.put("cursor", nextCursor);
        } else if (after != null) {
            next.put("cursor", after);
        }
        boolean more = !body.path("end_of_stream").asBoolean(true) && nextCursor != null;
        return new Page(records, next.isEmpty() ? null : ConnectorJson.cursor(next), more);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("Authorization", authorization);
        return h;
    }

    private ObjectNode ticket(JsonNode t, JsonNode metric) {
        ObjectNode o = ConnectorJson.object();
        String id = t.path("id").asString();
        o.put("externalId", "ticket-" + id);
        ConnectorJson.putText(o, "createdAt", ConnectorJson.text(t, "created_at"));
        ConnectorJson.putText(o, "title", ConnectorJson.text(t, "subject"));
        String description = ConnectorJson.text(t, "description");
        o.put("text", description == null ? "" : description);
        o.put("url", baseUrl + "/agent/tickets/" + id);
        if (t.hasNonNull("requester_id")) {
            o.putObject("author").put("id", t.get("requester_id").asString());
        }
        ArrayNode tags = ConnectorJson.MAPPER.createArrayNode();
        t.path("tags").forEach(x -> tags.add(x.asString()));
        if (!tags.isEmpty()) {
            o.set("tags", tags);
        }
        ObjectNode ticket = o.putObject("ticket");
        ConnectorJson.putText(ticket, "status", ConnectorJson.text(t, "status"));
        if (metric != null) {
            Instant created = instant(ConnectorJson.text(t, "created_at"));
            JsonNode reply = metric.path("reply_time_in_minutes").path("calendar");
            if (created != null && reply.isNumber()) {
                ticket.put("firstResponseAt", created.plus(Duration.ofMinutes(reply.asLong())).toString());
            }
            ConnectorJson.putText(ticket, "resolvedAt", ConnectorJson.text(metric, "solved_at"));
        }
        String score = ConnectorJson.text(t, "satisfaction_rating", "score");
        if ("good".equals(score) || "bad".equals(score)) {
            ObjectNode r = o.putObject("rating");
            r.put("scale", "csat");
            r.put("value", "good".equals(score) ? 5 : 1);
        }
        ObjectNode fields = o.putObject("fields");
        ConnectorJson.putText(fields, "priority", ConnectorJson.text(t, "priority"));
        ConnectorJson.putText(fields, "via", ConnectorJson.text(t, "via", "channel"));
        ConnectorJson.putText(fields, "satisfaction", score);
        ConnectorJson.putText(fields, "satisfactionComment", ConnectorJson.text(t, "satisfaction_rating", "comment"));
        return o;
    }

    private List<ObjectNode> comments(String ticketId) throws ConnectorException {
        URI uri = URI.create(baseUrl + "/api/v2/tickets/" + ticketId + "/comments.json?include=users");
        JsonNode body = ConnectorJson.parse(http.get(uri, headers()).body(), uri);
        Map<String, String> roles = new HashMap<>();
        body.path("users").forEach(u -> roles.put(u.path("id").asString(), ConnectorJson.text(u, "role")));
        List<ObjectNode> out = new ArrayList<>();
        boolean first = true;
        for (JsonNode c : body.path("comments")) {
            if (first) {
                first = false; // the ticket's description
                continue;
            }
            if (!c.path("public").asBoolean(true)) {
                continue; // internal notes stay internal
            }
            ObjectNode o = ConnectorJson.object();
            o.put("externalId", "ticket-" + ticketId + "-comment-" + c.path("id").asString());
            ConnectorJson.putText(o, "createdAt", ConnectorJson.text(c, "created_at"));
            String text = ConnectorJson.text(c, "plain_body");
            o.put("text", text != null ? text : String.valueOf(ConnectorJson.text(c, "body")));
            o.put("replyTo", sourceName + ":ticket-" + ticketId);
            String author = c.path("author_id").asString();
            ObjectNode a = o.putObject("author");
            a.put("id", author);
            a.put("official", TEAM_ROLES.contains(roles.get(author)));
            out.add(o);
        }
        return out;
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
