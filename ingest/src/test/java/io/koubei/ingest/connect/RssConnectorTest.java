package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rss connector against an RSSHub-like RSS 2.0 route and an Atom feed served locally. */
class RssConnectorTest {
    @TempDir
    Path dir;
    FakeVendor rsshub;
    SyncFixture fx;
    final List<String> items = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        rsshub = new FakeVendor();
        rsshub.route("/weibo/user/1195230310", r -> FakeVendor.Reply.xml(rss()));
        fx = new SyncFixture(dir);
        items.add(item("4981234567", "Sat, 05 Dec 2026 10:15:30 +0800", "新机续航太差了 &amp; 发热"));
        items.add(item("4981234568", "Sat, 05 Dec 2026 11:15:30 GMT", "拍照很好"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
        rsshub.close();
    }

    @Test
    void readsAnRssHubRouteThenOnlyNewItems() {
        SourceConfig source = fx.source("weibo-nova", "rss", Map.of("url", rsshub.baseUrl() + "/weibo/user/1195230310"));

        SyncResult first = fx.sync(source);

        assertThat(first.error()).isNull();
        assertThat(first.created()).isEqualTo(2);
        FeedbackItem post = fx.store.stored.get("weibo-nova:https://weibo.com/1195230310/4981234567");
        assertThat(post.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(post.text()).isEqualTo("新机续航太差了 & 发热\n配图");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-12-05T02:15:30Z"));
        assertThat(post.author().name()).isEqualTo("小米手机");
        assertThat(post.url()).isEqualTo("https://weibo.com/1195230310/4981234567");
        assertThat(post.tags()).containsExactly("续航");

        assertThat(fx.sync(source).fetched()).isZero();

        items.add(0, item("4981234569", "Sun, 06 Dec 2026 09:00:00 +0800", "信号一般"));
        SyncResult third = fx.sync(source);
        assertThat(third.fetched()).isEqualTo(1);
        assertThat(third.created()).isEqualTo(1);
        assertThat(fx.store.stored).hasSize(3);
    }

    @Test
    void readsAtomWithTheChannelTheSourceSets() {
        rsshub.route("/atom", r -> FakeVendor.Reply.xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Example Feed</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2026-12-05T18:30:02Z</updated>
                  <entry>
                    <title>Atom-Powered Robots Run Amok</title>
                    <link href="http://example.org/2003/12/13/atom03"/>
                    <link rel="edit" href="http://example.org/edit/1"/>
                    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                    <published>2026-12-05T18:30:02+08:00</published>
                    <updated>2026-12-06T18:30:02Z</updated>
                    <author><name>John Doe</name></author>
                    <category term="robots"/>
                    <content type="html">&lt;p&gt;Some &lt;b&gt;text&lt;/b&gt; &amp;amp; more.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>No date</title>
                    <id>urn:uuid:2</id>
                    <summary type="text">a &lt; b</summary>
                  </entry>
                </feed>
                """));
        SourceConfig source = new SourceConfig("sources.yml", "blog", "rss", java.time.Duration.ofHours(1), null,
                Channel.COMMUNITY, Map.of("url", rsshub.baseUrl() + "/atom"));

        SyncResult r = fx.sync(source);

        assertThat(r.created()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1); // an entry without a date cannot have a createdAt
        assertThat(r.problems()).anyMatch(p -> p.contains("createdAt"));
        FeedbackItem e = fx.store.stored.get("blog:urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(e.channel()).isEqualTo(Channel.COMMUNITY);
        assertThat(e.text()).isEqualTo("Some text & more.");
        assertThat(e.url()).isEqualTo("http://example.org/2003/12/13/atom03");
        assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-12-05T10:30:02Z"));
        assertThat(e.author().name()).isEqualTo("John Doe");
        assertThat(e.tags()).containsExactly("robots");
    }

    @Test
    void somethingThatIsNotAFeedIsAClearError() {
        rsshub.route("/broken", r -> FakeVendor.Reply.xml("<html><body>Welcome to RSSHub!"));
        SyncResult r = fx.sync(fx.source("x", "rss", Map.of("url", rsshub.baseUrl() + "/broken")));
        assertThat(r.error()).startsWith("the answer of " + rsshub.baseUrl() + "/broken is not an RSS or Atom feed");
        assertThat(fx.waits).isEmpty();
    }

    private static String item(String id, String date, String text) {
        return """
                <item>
                  <title><![CDATA[%s]]></title>
                  <description><![CDATA[%s<br><img src="https://wx1.sinaimg.cn/large/x.jpg" referrerpolicy="no-referrer"><p>配图</p>]]></description>
                  <pubDate>%s</pubDate>
                  <guid isPermaLink="false">https://weibo.com/1195230310/%s</guid>
                  <link>https://weibo.com/1195230310/%s</link>
                  <author><![CDATA[小米手机]]></author>
                  <category>续航</category>
                </item>
                """.formatted(text, text, date, id, id);
    }

    private String rss() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
                  <channel>
                    <title><![CDATA[小米手机的微博]]></title>
                    <link>https://weibo.com/1195230310/</link>
                    <atom:link href="http://localhost:1200/weibo/user/1195230310" rel="self" type="application/rss+xml"/>
                    <description><![CDATA[小米手机的微博 - Powered by RSSHub]]></description>
                    <generator>RSSHub</generator>
                    <language>zh-cn</language>
                    <lastBuildDate>Sun, 06 Dec 2026 10:00:00 GMT</lastBuildDate>
                    <ttl>5</ttl>
                """ + String.join("", items) + """
                  </channel>
                </rss>
                """;
    }
}
