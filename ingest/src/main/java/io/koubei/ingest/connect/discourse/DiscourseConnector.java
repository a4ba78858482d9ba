package io.koubei.ingest.connect.discourse;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HtmlText;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Discourse forum's latest posts, {@code GET {baseUrl}/posts.json} (newest first) and older ones with
 * {@code ?before=<post id>}; optional {@code Api-Key} / {@code Api-Username} headers. A post → a {@code community}
 * item with externalId {@code <topic id>/<post number>}; a post after the first replies to the post it answers
 * ({@code reply_to_post_number}) or else to the topic's first post; staff, admins and moderators are official;
 * {@code trust_level} is the author's level; the topic title is the title.
 *
 * <p>The cursor keeps the highest post id read ({@code known}); a run pages back by {@code before} until it meets a
 * known post or the forum's first one, remembering where it is so that a stopped run goes on from there.
 */
public final class DiscourseConnector implements Connector {

    private final HttpFetcher http;
    private final String baseUrl;
    private final String apiKey;
    private final String apiUsername;
    private final String sourceName;

    public DiscourseConnector(SourceConfig config, HttpFetcher http) {
        this.http = http;
        this.sourceName = config.name();
        if (config.optional("baseUrl", null) == null) {
            throw config.problem("baseUrl", "is required for type discourse (the forum, e.g. https://forum.example.com)");
        }
        this.baseUrl = config.baseUrl(null);
        this.apiKey = config.optional("apiKey", null);
        this.apiUsername = config.optional("apiUsername", apiKey == null ? null : "system");
    }

    @Override
    public Channel defaultChannel() {
        return Channel.COMMUNITY;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        long known = state.path("known").asLong(0);
        long newest = Math.max(known, state.path("newest").asLong(0));
        long before = state.path("before").asLong(0);
        URI uri = URI.create(baseUrl + "/posts.json" + (before > 0 ? "?before=" + before : ""));
        JsonNode posts = ConnectorJson.parse(http.get(uri, headers()).body(), uri).path("latest_posts");
        List<ObjectNode> records = new ArrayList<>();
        long lowest = Long.MAX_VALUE;
        boolean reachedKnown = false;
        for (JsonNode p : posts) {
            long id = p.path("id").asLong(0);
            if (id <= 0) {
                continue;
            }
            lowest = Math.min(lowest, id);
            if (id <= known) {
                reachedKnown = true;
                continue;
            }
            newest = Math.max(newest, id);
            records.add(post(p));
        }
        boolean more = !reachedKnown && lowest != Long.MAX_VALUE && lowest > 1;
        ObjectNode next = ConnectorJson.object();
        if (more) {
            next.put("known", known);
            next.put("newest", newest);
            next.put("before", lowest);
        } else {
            next.put("known", newest);
        }
        return new Page(records, ConnectorJson.cursor(next), more);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        if (apiKey != null) {
            h.put("Api-Key", apiKey);
            h.put("Api-Username", apiUsername);
        }
        return h;
    }

    private ObjectNode post(JsonNode p) {
        ObjectNode o = ConnectorJson.object();
        String topic = p.path("topic_id").asString();
        long number = p.path("post_number").asLong(1);
        o.put("externalId", topic + "/" + number);
        ConnectorJson.putText(o, "createdAt", ConnectorJson.text(p, "created_at"));
        String raw = ConnectorJson.text(p, "raw");
        o.put("text", raw != null && !raw.isBlank() ? raw.strip() : String.valueOf(HtmlText.toText(ConnectorJson.text(p, "cooked"))));
        ConnectorJson.putText(o, "title", ConnectorJson.text(p, "topic_title"));
        String slug = ConnectorJson.text(p, "topic_slug");
        o.put("url", baseUrl + "/t/" + (slug == null ? "-" : slug) + "/" + topic + "/" + number);
        if (number > 1) {
            long parent = p.path("reply_to_post_number").asLong(0);
            o.put("replyTo", sourceName + ":" + topic + "/" + (parent > 0 ? parent : 1));
        }
        ObjectNode a = o.putObject("author");
        ConnectorJson.putText(a, "id", ConnectorJson.text(p, "username"));
        ConnectorJson.putText(a, "name", ConnectorJson.text(p, "name") == null ? ConnectorJson.text(p, "username") : ConnectorJson.text(p, "name"));
        a.put("official", p.path("staff").asBoolean(false) || p.path("admin").asBoolean(false) || p.path("moderator").asBoolean(false));
        if (p.path("trust_level").isNumber()) {
            a.put("level", p.get("trust_level").asInt());
        }
        if (p.path("reply_count").isNumber()) {
            o.putObject("interactions").put("replies", p.get("reply_count").asInt());
        }
        ObjectNode f = o.putObject("fields");
        f.put("postId", p.path("id").asString());
        f.put("topicId", topic);
        return o;
    }
}
