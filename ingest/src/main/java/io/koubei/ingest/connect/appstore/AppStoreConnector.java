package io.koubei.ingest.connect.appstore;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.Watermark;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apple's public customer-reviews feed, JSON flavour:
 * {@code {baseUrl}/{country}/rss/customerreviews/page={n}/id={appId}/sortby=mostrecent/json}, pages 1–10 of 50
 * reviews, newest first. Each {@code feed.entry} has {@code id}, {@code updated}, {@code title}, {@code content},
 * {@code im:rating} (1–5), {@code im:version}, {@code author.name}, {@code author.uri}, {@code im:voteSum} and
 * {@code im:voteCount}, each as {@code {"label": …}}. A review → a {@code review} item with a stars rating and the
 * app version as {@code productVersion}.
 *
 * <p>A run reads page 1, 2, … until it meets a review it already has (the cursor's watermark), an empty page, or
 * page {@code maxPages}; the cursor remembers the page it is on, so a run stopped half-way goes on where it was.
 * The feed only ever shows the latest 500 reviews per country: poll more often than 500 reviews arrive.
 */
public final class AppStoreConnector implements Connector {
    public static final String PUBLIC_ENDPOINT = "https://itunes.apple.com";

    private final HttpFetcher http;
    private final String baseUrl;
    private final String appId;
    private final String country;
    private final int maxPages;

    public AppStoreConnector(SourceConfig config, HttpFetcher http) {
        this.http = http;
        this.baseUrl = config.baseUrl(PUBLIC_ENDPOINT);
        this.appId = config.required("appId");
        if (!appId.matches("[0-9]+")) {
            throw config.problem("appId", "expected the numeric App Store id (as in apps.apple.com/…/id1142110895), got '" + appId + "'");
        }
        this.country = config.required("country").toLowerCase(java.util.Locale.ROOT);
        if (!country.matches("[a-z]{2}")) {
            throw config.problem("country", "expected a two-letter store country such as cn or us, got '" + country + "'");
        }
        this.maxPages = config.intSetting("maxPages", 10, 1, 10);
    }

    @Override
    public Channel defaultChannel() {
        return Channel.REVIEW;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        Watermark known = Watermark.readFrom(state, "known");
        Watermark newest = Watermark.readFrom(state, "newest").max(known);
        int page = state.path("page").asInt(1);
        URI uri = URI.create(baseUrl + "/" + country + "/rss/customerreviews/page=" + page + "/id=" + appId + "/sortby=mostrecent/json");
        JsonNode feed = ConnectorJson.parse(http.get(uri, Map.of("Accept", "application/json")).body(), uri).path("feed");
        List<JsonNode> entries = entries(feed.get("entry"));
        List<ObjectNode> records = new ArrayList<>();
        boolean reachedKnown = false;
        for (JsonNode e : entries) {
            if (e.get("im:rating") == null) {
                continue; // older feeds list the app itself first
            }
            String id = ConnectorJson.text(e, "id", "label");
            Instant at = instant(ConnectorJson.text(e, "updated", "label"));
            if (id == null || at == null) {
                records.add(map(e, id, at)); // let the validator say what is missing
                continue;
            }
            if (!known.isNew(at, id)) {
                reachedKnown = true;
                continue;
            }
            newest = newest.advance(at, id);
            records.add(map(e, id, at));
        }
        boolean more = !reachedKnown && !entries.isEmpty() && page < maxPages;
        ObjectNode next = ConnectorJson.object();
        if (more) {
            known.writeTo(next, "known");
            newest.writeTo(next, "newest");
            next.put("page", page + 1);
        } else {
            newest.writeTo(next, "known");
        }
        return new Page(records, ConnectorJson.cursor(next), more);
    }

    private ObjectNode map(JsonNode e, String id, Instant at) {
        ObjectNode o = ConnectorJson.object();
        ConnectorJson.putText(o, "externalId", id);
        if (at != null) {
            o.put("createdAt", at.toString());
        }
        ConnectorJson.putText(o, "title", ConnectorJson.text(e, "title", "label"));
        o.put("text", ConnectorJson.text(e, "content", "label") == null ? "" : ConnectorJson.text(e, "content", "label"));
        String rating = ConnectorJson.text(e, "im:rating", "label");
        if (rating != null) {
            ObjectNode r = o.putObject("rating");
            r.put("scale", "stars");
            r.put("value", rating);
        }
        ConnectorJson.putText(o, "productVersion", ConnectorJson.text(e, "im:version", "label"));
        String name = ConnectorJson.text(e, "author", "name", "label");
        String uri = ConnectorJson.text(e, "author", "uri", "label");
        if (name != null || uri != null) {
            ObjectNode a = o.putObject("author");
            ConnectorJson.putText(a, "id", uri == null ? null : uri.replaceAll(".*/id(\\d+).*", "$1"));
            ConnectorJson.putText(a, "name", name);
        }
        String votes = ConnectorJson.text(e, "im:voteSum", "label");
        if (votes != null && votes.matches("[0-9]+")) {
            o.putObject("interactions").put("likes", votes);
        }
        ConnectorJson.putText(o, "url", "https://apps.apple.com/" + country + "/app/id" + appId + "?see-all=reviews");
        o.putObject("fields").put("country", country);
        return o;
    }

    private static List<JsonNode> entries(JsonNode entry) {
        List<JsonNode> out = new ArrayList<>();
        if (entry == null || entry.isNull()) {
            return out;
        }
        if (entry.isArray()) {
            entry.forEach(out::add);
        } else {
            out.add(entry); // a feed with one entry gives it as an object
        }
        return out;
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
