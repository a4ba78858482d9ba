package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.RatingScale;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appstore connector against a local server answering in the shape of Apple's customer-reviews JSON feed. */
class AppStoreConnectorTest {
    private static final String APP = "1142110895";
    private static final int PAGE_SIZE = 3;

    @TempDir
    Path dir;
    FakeVendor apple;
    SyncFixture fx;
    /** What the "App Store" holds, newest first. */
    final List<String[]> reviews = new ArrayList<>();
    SourceConfig source;

    @BeforeEach
    void setUp() throws Exception {
        apple = new FakeVendor();
        for (int p = 1; p <= 10; p++) {
            int page = p;
            apple.route(pagePath(page), r -> FakeVendor.Reply.json(feed(page)));
        }
        for (int i = 7; i >= 1; i--) {
            reviews.add(review(i));
        }
        fx = new SyncFixture(dir);
        source = new SourceConfig("sources.yml", "appstore-cn", "appstore", Duration.ofHours(1), "nova-x1", null,
                Map.of("appId", APP, "country", "cn", "baseUrl", apple.baseUrl()));
    }

    @AfterEach
    void tearDown() {
        fx.close();
        apple.close();
    }

    @Test
    void readsEveryPageThenOnlyWhatIsNew() {
        SyncResult first = fx.sync(source);

        assertThat(first.error()).isNull();
        assertThat(first.fetched()).isEqualTo(7);
        assertThat(first.created()).isEqualTo(7);
        assertThat(first.rejected()).isZero();
        assertThat(first.pages()).isEqualTo(4); // 3 + 3 + 1, then an empty page
        FeedbackItem r5 = fx.store.stored.get("appstore-cn:900000005");
        assertThat(r5.channel()).isEqualTo(Channel.REVIEW);
        assertThat(r5.product()).isEqualTo("nova-x1");
        assertThat(r5.rating().scale()).isEqualTo(RatingScale.STARS);
        assertThat(r5.rating().value()).isEqualTo(5 % 5 + 1);
        assertThat(r5.productVersion()).isEqualTo("2.0.5");
        assertThat(r5.title()).isEqualTo("标题 5");
        assertThat(r5.text()).isEqualTo("续航不错，第 5 条评论");
        assertThat(r5.author().name()).isEqualTo("用户5");
        assertThat(r5.author().id()).isEqualTo("55555");
        assertThat(r5.createdAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z").plusSeconds(3600L * 5));

        apple.requests.clear();
        SyncResult second = fx.sync(source);
        assertThat(second.error()).isNull();
        assertThat(second.fetched()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(apple.requests).hasSize(1); // page 1 already shows known reviews

        reviews.add(0, review(8));
        reviews.add(0, review(9));
        SyncResult third = fx.sync(source);
        assertThat(third.fetched()).isEqualTo(2);
        assertThat(third.created()).isEqualTo(2);
        assertThat(fx.store.stored).hasSize(9);
        assertThat(fx.statuses.get("appstore-cn").orElseThrow().totalCreated()).isEqualTo(9);
    }

    @Test
    void aServerErrorMidRunIsRetriedAndNothingIsLostOrReadTwice() {
        apple.failNext(pagePath(2), new FakeVendor.Reply(500, Map.of(), "{\"error\":\"internal\"}"));

        SyncResult r = fx.sync(source);

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(7);
        assertThat(r.updated()).isZero();
        assertThat(fx.store.stored).hasSize(7);
        assertThat(fx.waits).containsExactly(Duration.ofMillis(100));
        assertThat(apple.requests).extracting(FakeVendor.Request::pathAndQuery)
                .containsExactly(pagePath(1), pagePath(2), pagePath(2), pagePath(3), pagePath(4));
    }

    @Test
    void aRateLimitWaitsWhatRetryAfterSays() {
        apple.failNext(pagePath(1), new FakeVendor.Reply(429, Map.of("Retry-After", "7"), ""));

        SyncResult r = fx.sync(source);

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(7);
        assertThat(fx.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aServiceUnavailableWithRetryAfterWaitsThatLong() {
        apple.failNext(pagePath(3), new FakeVendor.Reply(503, Map.of("Retry-After", "2"), "maintenance"));

        SyncResult r = fx.sync(source);

        assertThat(r.error()).isNull();
        assertThat(r.created()).isEqualTo(7);
        assertThat(fx.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRunStoppedHalfWayGoesOnFromItsDurableCursorAfterARestart() {
        apple.failNext(pagePath(2), new FakeVendor.Reply(404, Map.of(), "gone for a moment"));

        SyncResult broken = fx.sync(source);
        assertThat(broken.error()).contains("HTTP 404").contains("/page=2/");
        assertThat(broken.created()).isEqualTo(3);
        assertThat(fx.statuses.get("appstore-cn").orElseThrow().consecutiveFailures()).isEqualTo(1);

        fx.restart();
        SyncResult resumed = fx.sync(source);

        assertThat(resumed.error()).isNull();
        assertThat(resumed.created()).isEqualTo(4);
        assertThat(resumed.updated()).isZero();
        assertThat(fx.store.stored).hasSize(7);
        assertThat(fx.statuses.get("appstore-cn").orElseThrow().consecutiveFailures()).isZero();
        assertThat(fx.sync(source).fetched()).isZero();
    }

    private static String pagePath(int page) {
        return "/cn/rss/customerreviews/page=" + page + "/id=" + APP + "/sortby=mostrecent/json";
    }

    private static String[] review(int i) {
        String updated = Instant.parse("2026-12-01T05:00:00Z").plusSeconds(3600L * i).atOffset(java.time.ZoneOffset.ofHours(-8)).toString();
        return new String[] {"90000000" + i, updated, String.valueOf(i % 5 + 1), "2.0." + i, "标题 " + i,
                "续航不错，第 " + i + " 条评论", "用户" + i, String.valueOf(i).repeat(5)};
    }

    /** One page in the documented shape: every value wrapped as {"label": …}. */
    private String feed(int page) {
        StringBuilder entries = new StringBuilder();
        int from = (page - 1) * PAGE_SIZE;
        for (int i = from; i < Math.min(reviews.size(), from + PAGE_SIZE); i++) {
            String[] r = reviews.get(i);
            if (entries.length() > 0) {
                entries.append(',');
            }
            entries.append("""
                    {"author":{"uri":{"label":"https://itunes.apple.com/cn/reviews/id%s"},"name":{"label":"%s"},"label":""},
                     "updated":{"label":"%s"},"im:rating":{"label":"%s"},"im:version":{"label":"%s"},"id":{"label":"%s"},
                     "title":{"label":"%s"},"content":{"label":"%s","attributes":{"type":"text"}},
                     "link":{"attributes":{"rel":"related","href":"https://itunes.apple.com/cn/review?id=%s&type=Purple%%20Software"}},
                     "im:voteSum":{"label":"0"},"im:contentType":{"attributes":{"term":"Application","label":"应用"}},"im:voteCount":{"label":"0"}}
                    """.formatted(r[7], r[6], r[1], r[2], r[3], r[0], r[4], r[5], APP));
        }
        String entry = entries.length() == 0 ? "" : ",\"entry\":[" + entries + "]";
        return """
                {"feed":{"author":{"name":{"label":"iTunes Store"},"uri":{"label":"http://www.apple.com/cn/itunes/"}},
                 "updated":{"label":"2026-12-07T10:00:00-07:00"},"rights":{"label":"Copyright 2008 Apple Inc."},
                 "title":{"label":"iTunes Store：客户评论"},"icon":{"label":"http://itunes.apple.com/favicon.ico"},
                 "link":[{"attributes":{"rel":"alternate","type":"text/html","href":"https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=cn&id=29099"}}],
                 "id":{"label":"https://mzstoreservices-int-st.itunes.apple.com/cn/rss/customerreviews/page=%d/id=%s/sortby=mostrecent/json"}%s}}
                """.formatted(page, APP, entry);
    }
}
