package io.koubei.ingest.kafka;

import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Review-like items the tests publish: deterministic, varied, with stable ids {@code <prefix>:<n>}. */
final class SampleFeedback {
    private static final String[] OPINIONS = {
            "续航很好，拍照清晰，推荐购买", "客服态度差，退货流程太慢", "系统流畅，但是机身有点烫",
            "屏幕不错，价格值", "更新以后卡顿，很失望", "物流快，包装好，满意",
            "Battery life is great but the charger broke", "信号问题一直没解决，后悔买了"};
    private static final Instant START = Instant.parse("2026-11-02T01:00:00Z");

    private SampleFeedback() {
    }

    static List<FeedbackItem> items(String prefix, int from, int count) {
        List<FeedbackItem> out = new ArrayList<>(count);
        for (int n = from; n < from + count; n++) {
            out.add(item(prefix, n, OPINIONS[n % OPINIONS.length]));
        }
        return out;
    }

    static FeedbackItem item(String prefix, int n, String text) {
        return FeedbackItem.builder()
                .source(prefix)
                .externalId(String.valueOf(n))
                .channel(n % 3 == 0 ? Channel.COMMUNITY : Channel.REVIEW)
                .createdAt(START.plusSeconds(97L * n))
                .text(text + " #" + n)
                .product("K70")
                .lang(text.chars().anyMatch(c -> c > 0x2E80) ? "zh" : "en")
                .author(new Author("u" + (n % 50), "用户" + (n % 50), n % 7 * 100, null, 3, false, n % 50 == 0))
                .rating(new Rating(RatingScale.STARS, 1 + n % 5))
                .tags(List.of("t" + n % 4))
                .fields(Map.of("store", "huawei"))
                .extra(Map.of("orig", n))
                .build();
    }

    static List<String> ids(List<FeedbackItem> items) {
        return items.stream().map(FeedbackItem::id).toList();
    }
}
