package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.FeedbackItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discourse connector against a local /posts.json: newest first, pages of {@value #PAGE_SIZE}, {@code before}. */
class DiscourseConnectorTest {
    private static final int PAGE_SIZE = 3;

    @TempDir
    Path dir;
    FakeVendor forum;
    SyncFixture fx;
    final List<Map<String, Object>> posts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        forum = new FakeVendor();
        forum.route("/posts.json", this::latest);
        posts.add(post(11, 7, 1, null, false, "续航怎么样？"));
        posts.add(post(12, 7, 2, null, true, "我们正在排查，感谢反馈"));
        posts.add(post(13, 7, 3, 2, false, "谢谢官方"));
        posts.add(post(14, 8, 1, null, false, "相机偏色"));
        posts.add(post(15, 8, 2, null, false, "同问"));
        fx = new SyncFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        forum.close();
    }

    @Test
    void pagesBackByBeforeThenReadsOnlyNewPosts() {
        SourceConfig source = fx.source("forum", "discourse", Map.of("baseUrl", forum.baseUrl(), "apiKey", "k1", "apiUsername", "bot"));

        SyncResult first = fx.sync(source);

        assertThat(first.error()).isNull();
        assertThat(first.created()).isEqualTo(5);
        assertThat(forum.requests).extracting(FakeVendor.Request::pathAndQuery).containsExactly("/posts.json", "/posts.json?before=13", "/posts.json?before=11");
        assertThat(forum.requests.get(0).header("Api-Key")).isEqualTo("k1");
        assertThat(forum.requests.get(0).header("Api-Username")).isEqualTo("bot");
        FeedbackItem staff = fx.store.stored.get("forum:7/2");
        assertThat(staff.fromOfficialAccount()).isTrue();
        assertThat(staff.replyTo()).isEqualTo("forum:7/1");
        assertThat(staff.text()).isEqualTo("我们正在排查，感谢反馈");
        assertThat(staff.title()).isEqualTo("Topic 7");
        assertThat(staff.url()).isEqualTo(forum.baseUrl() + "/t/topic-7/7/2");
        assertThat(staff.author().level()).isEqualTo(2);
        assertThat(fx.store.stored.get("forum:7/3").replyTo()).isEqualTo("forum:7/2");
        assertThat(fx.store.stored.get("forum:7/1").replyTo()).isNull();

        forum.requests.clear();
        assertThat(fx.sync(source).fetched()).isZero();
        assertThat(forum.requests).hasSize(1);

        posts.add(post(16, 8, 3, null, false, "我也是"));
        SyncResult third = fx.sync(source);
        assertThat(third.created()).isEqualTo(1);
        assertThat(fx.store.stored).hasSize(6);
    }

    @Test
    void aServerErrorAndARateLimitAreRetried() {
        forum.failNext("/posts.json?before=13", new FakeVendor.Reply(502, Map.of(), "Bad Gateway"));
        forum.failNext("/posts.json?before=11", new FakeVendor.Reply(429, Map.of("Retry-After", "3"), "{\"errors\":[\"slow down\"]}"));

        SyncResult r = fx.sync(fx.source("forum", "discourse", Map.of("baseUrl", forum.baseUrl())));

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(5);
        assertThat(r.updated()).isZero();
        assertThat(fx.waits).containsExactly(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(3));
    }

    private FakeVendor.Reply latest(FakeVendor.Request r) {
        String before = FakeVendor.query(r, "before");
        List<Map<String, Object>> page = posts.stream()
                .filter(p -> before == null || ((Number) p.get("id")).longValue() < Long.parseLong(before))
                .sorted(Comparator.comparing(p -> -((Number) p.get("id")).longValue()))
                .limit(PAGE_SIZE).toList();
        return FakeVendor.Reply.json(ConnectorJson.MAPPER.writeValueAsString(Map.of("latest_posts", page)));
    }

    private static Map<String, Object> post(long id, long topic, int number, Integer replyTo, boolean staff, String text) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", staff ? "客服小米" : "用户" + id);
        p.put("username", staff ? "support" : "u" + id);
        p.put("avatar_template", "/user_avatar/forum/u/{size}/1.png");
        p.put("created_at", "2026-12-0" + (id % 9) + "T10:00:00.000Z");
        p.put("cooked", "<p>" + text + "</p>");
        p.put("post_number", number);
        p.put("post_type", 1);
        p.put("updated_at", "2026-12-0" + (id % 9) + "T10:00:00.000Z");
        p.put("reply_count", 0);
        p.put("reply_to_post_number", replyTo);
        p.put("topic_id", topic);
        p.put("topic_slug", "topic-" + topic);
        p.put("topic_title", "Topic " + topic);
        p.put("moderator", false);
        p.put("admin", false);
        p.put("staff", staff);
        p.put("user_id", id);
        p.put("trust_level", 2);
        return p;
    }
}
