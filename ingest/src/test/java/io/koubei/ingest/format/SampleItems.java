package io.koubei.ingest.format;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.TicketInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Items covering every field of format v1, made up for tests. */
final class SampleItems {

    private SampleItems() {
    }

    /** Every field set; {@code flatExtra} keeps extra values to text so that CSV/XLSX can carry them too. */
    static List<FeedbackItem> all(boolean flatExtra) {
        List<FeedbackItem> items = new ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("shop", "tmall-旗舰店");
        if (!flatExtra) {
            extra.put("geo", Map.of("city", "深圳", "lat", 22.5));
            extra.put("scores", List.of(1, 2, 3));
        }
        items.add(FeedbackItem.builder()
                .source("weibo").channel(Channel.SOCIAL).externalId("4981234567")
                .createdAt(Instant.parse("2024-05-01T02:15:30.123Z"))
                .text("新机续航太差了，一天三充。客服电话 138-0013-8000 打不通！\n第二行，带\"引号\", 逗号")
                .title("续航问题").lang("zh").product("Phone X").productVersion("1.2.3")
                .url("https://weibo.com/4981234567")
                .author(new Author("u1", "米粉小王", 1200, Instant.parse("2019-03-01T00:00:00Z"), 5, true, false))
                .interactions(new Interactions(10, 2, 3)).tags(List.of("电池", "battery")).extra(extra)
                .build());
        items.add(FeedbackItem.builder()
                .id("nps-q4-resp-77").source("nps-q4").channel(Channel.SURVEY).externalId("77")
                .createdAt(Instant.parse("2024-12-20T08:00:00Z")).text("")
                .rating(new Rating(RatingScale.NPS, 9)).fields(Map.of("q2", "拍照好", "segment", "business"))
                .build());
        items.add(FeedbackItem.builder()
                .source("appstore").channel(Channel.REVIEW).externalId("r-3")
                .createdAt(Instant.parse("2024-06-01T00:00:00Z")).text("Great camera, poor battery.")
                .lang("en").rating(new Rating(RatingScale.STARS, 3.5)).build());
        items.add(FeedbackItem.builder()
                .source("zendesk").channel(Channel.TICKET).externalId("T-1001")
                .createdAt(Instant.parse("2024-07-01T01:00:00Z")).text("屏幕有绿线")
                .ticket(new TicketInfo("solved", Instant.parse("2024-07-01T01:20:00Z"), Instant.parse("2024-07-02T09:00:00Z")))
                .rating(new Rating(RatingScale.CSAT, 4)).build());
        items.add(FeedbackItem.builder()
                .source("miui-forum").channel(Channel.COMMUNITY).externalId("p-9-r1").replyTo("miui-forum:p-9")
                .createdAt(Instant.parse("2024-07-03T04:05:06Z")).text("感谢反馈，已转给产品团队。")
                .author(new Author("official-1", "官方客服", null, null, null, true, true)).build());
        return items;
    }
}
