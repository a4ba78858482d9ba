package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zendesk connector against a local server that answers like the cursor-based incremental ticket export
 * ({@code after_cursor}, {@code end_of_stream}, sideloaded {@code metric_sets}) and the ticket comments endpoint.
 */
class ZendeskConnectorTest {
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("ops@acme.com/token:zd-good".getBytes(StandardCharsets.UTF_8));
    private static final int PAGE_SIZE = 2;

    @TempDir
    Path dir;
    FakeVendor zendesk;
    SyncFixture fx;
    /** Ticket changes in the order Zendesk would export them; the export cursor is an index into this list. */
    final List<Map<String, Object>> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        zendesk = new FakeVendor();
        zendesk.route("/api/v2/incremental/tickets/cursor.json", this::export);
        for (int id = 1; id <= 3; id++) {
            int ticket = id;
            zendesk.route("/api/v2/tickets/" + id + "/comments.json", r -> comments(r, ticket));
        }
        changes.add(ticket(1, "open", null));
        changes.add(ticket(2, "solved", "good"));
        changes.add(ticket(3, "solved", "bad"));
        fx = new SyncFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        zendesk.close();
    }

    private SourceConfig source(String token) {
        return fx.source("zendesk", "zendesk", Map.of("baseUrl", zendesk.baseUrl(), "email", "ops@acme.com", "token", token));
    }

    @Test
    void exportsTicketsWithCommentsMetricsAndSatisfactionThenOnlyChanges() {
        SyncResult first = fx.sync(source("zd-good"));

        assertThat(first.error()).isNull();
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.created()).isEqualTo(6); // 3 tickets, and per ticket one public reply (the internal note is left out)
        FeedbackItem t2 = fx.store.stored.get("zendesk:ticket-2");
        assertThat(t2.channel()).isEqualTo(Channel.TICKET);
        assertThat(t2.title()).isEqualTo("Ticket 2: 屏幕闪烁");
        assertThat(t2.text()).isEqualTo("手机屏幕闪烁 2");
        assertThat(t2.ticket().status()).isEqualTo("solved");
        assertThat(t2.ticket().firstResponseAt()).isEqualTo(Instant.parse("2026-12-01T10:45:00Z"));
        assertThat(t2.ticket().resolvedAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(t2.rating().scale()).isEqualTo(RatingScale.CSAT);
        assertThat(t2.rating().value()).isEqualTo(5.0);
        assertThat(fx.store.stored.get("zendesk:ticket-3").rating().value()).isEqualTo(1.0);
        assertThat(fx.store.stored.get("zendesk:ticket-1").rating()).isNull();
        FeedbackItem reply = fx.store.stored.get("zendesk:ticket-2-comment-202");
        assertThat(reply.replyTo()).isEqualTo("zendesk:ticket-2");
        assertThat(reply.fromOfficialAccount()).isTrue();
        assertThat(reply.text()).isEqualTo("您好，我们已为您安排换机");
        assertThat(fx.store.stored).doesNotContainKey("zendesk:ticket-2-comment-203");
        assertThat(zendesk.requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(AUTH));
        assertThat(zendesk.requests.get(0).pathAndQuery()).contains("start_time=").contains("include=metric_sets");

        assertThat(fx.sync(source("zd-good")).fetched()).isZero();

        changes.add(ticket(1, "solved", "good"));
        SyncResult third = fx.sync(source("zd-good"));
        assertThat(third.created()).isZero();
        assertThat(third.updated()).isEqualTo(2); // the ticket and its reply
        assertThat(fx.store.stored.get("zendesk:ticket-1").ticket().status()).isEqualTo("solved");
    }

    @Test
    void anInvalidTokenIsAClearErrorAndTheCursorStays() {
        fx.sync(source("zd-good"));
        String cursor = fx.cursor("zendesk");

        SyncResult r = fx.sync(source("zd-revoked"));

        assertThat(r.error()).contains("HTTP 401").contains("credentials were refused").doesNotContain("zd-revoked");
        assertThat(fx.cursor("zendesk")).isEqualTo(cursor);
        assertThat(fx.waits).isEmpty();
    }

    @Test
    void aRateLimitOnTheCommentsRetriesThePageWithoutDuplicates() {
        zendesk.failNext("/api/v2/tickets/2/comments.json", new FakeVendor.Reply(429, Map.of("Retry-After", "60"), "{\"error\":\"APIRateLimitExceeded\"}"));
        zendesk.failNext("/api/v2/incremental/tickets/cursor.json?cursor=2", new FakeVendor.Reply(503, Map.of(), "Service Unavailable"));

        SyncResult r = fx.sync(source("zd-good"));

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(6);
        assertThat(r.updated()).isZero();
        assertThat(fx.waits).containsExactly(Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    private FakeVendor.Reply export(FakeVendor.Request r) {
        if (!AUTH.equals(r.header("Authorization"))) {
            return new FakeVendor.Reply(401, Map.of("Content-Type", "application/json"), "{\"error\":\"Couldn't authenticate you\"}");
        }
        String cursor = FakeVendor.query(r, "cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(changes.size(), from + PAGE_SIZE);
        List<Map<String, Object>> tickets = new ArrayList<>(changes.subList(from, to));
        List<Map<String, Object>> metrics = tickets.stream().map(t -> Map.<String, Object>of("ticket_id", t.get("id"),
                "reply_time_in_minutes", Map.of("calendar", 45, "business", 45),
                "solved_at", "2026-12-02T10:00:00Z")).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tickets", tickets);
        body.put("metric_sets", metrics);
        body.put("after_url", zendesk.baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=" + to);
        body.put("after_cursor", String.valueOf(to));
        body.put("before_cursor", null);
        body.put("end_of_stream", to >= changes.size());
        return FakeVendor.Reply.json(ConnectorJson.MAPPER.writeValueAsString(body));
    }

    private static FakeVendor.Reply comments(FakeVendor.Request r, int ticket) {
        List<Map<String, Object>> comments = List.of(
                Map.of("id", ticket * 100 + 1, "type", "Comment", "author_id", 9000 + ticket, "public", true,
                        "body", "手机屏幕闪烁 " + ticket, "plain_body", "手机屏幕闪烁 " + ticket, "created_at", "2026-12-01T10:00:00Z"),
                Map.of("id", ticket * 100 + 2, "type", "Comment", "author_id", 77, "public", true,
                        "body", "<p>您好，我们已为您安排换机</p>", "plain_body", "您好，我们已为您安排换机", "created_at", "2026-12-01T10:45:00Z"),
                Map.of("id", ticket * 100 + 3, "type", "Comment", "author_id", 77, "public", false,
                        "body", "内部备注：批次问题", "plain_body", "内部备注：批次问题", "created_at", "2026-12-01T11:00:00Z"));
        List<Map<String, Object>> users = List.of(Map.of("id", 9000 + ticket, "name", "顾客" + ticket, "role", "end-user"),
                Map.of("id", 77, "name", "客服小米", "role", "agent"));
        return FakeVendor.Reply.json(ConnectorJson.MAPPER.writeValueAsString(Map.of("comments", comments, "users", users,
                "next_page", "null".substring(0, 0), "count", 3)));
    }

    private static Map<String, Object> ticket(int id, String status, String satisfaction) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("url", "https://acme.zendesk.com/api/v2/tickets/" + id + ".json");
        t.put("id", id);
        t.put("created_at", "2026-12-01T10:00:00Z");
        t.put("updated_at", "2026-12-02T10:00:00Z");
        t.put("subject", "Ticket " + id + ": 屏幕闪烁");
        t.put("description", "手机屏幕闪烁 " + id);
        t.put("priority", "normal");
        t.put("status", status);
        t.put("requester_id", 9000 + id);
        t.put("tags", List.of("screen"));
        t.put("via", Map.of("channel", "web"));
        t.put("satisfaction_rating", satisfaction == null ? Map.of("score", "unoffered")
                : Map.of("score", satisfaction, "comment", "ok"));
        return t;
    }
}
