package io.koubei.store.elasticsearch;

import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.Interactions;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Rating;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.feedback.Segment;
import io.koubei.core.feedback.Sentiment;
import io.koubei.core.feedback.TicketInfo;
import io.koubei.core.time.CalendarKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Deterministic, varied analysed feedback: every optional field sometimes missing, multi-valued fields of 0–3 values. */
final class SampleFeedback {
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final List<String> PRODUCTS = List.of("x443", "m10", "耳机");
    static final List<String> ASPECTS = List.of("battery", "screen", "price", "service", "camera");
    static final List<String> WORDS = List.of("续航", "屏幕", "客服", "价格", "好用", "太差", "拍照", "发热", "x", "443");
    private static final CalendarKeys KEYS = CalendarKeys.defaultZone();

    private SampleFeedback() {
    }

    static List<AnalyzedFeedback> generate(int n, long seed) {
        Random r = new Random(seed);
        List<AnalyzedFeedback> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one("fb-" + i, r));
        }
        return out;
    }

    static AnalyzedFeedback one(String id, Random r) {
        // nanosecond timestamps, sometimes equal, so ordering ties fall back to the id
        Instant created = START.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 40))).plusNanos(r.nextInt(3) * 1_001L);
        Channel channel = Channel.values()[r.nextInt(Channel.values().length)];
        Rating rating = switch (r.nextInt(4)) {
            case 0 -> new Rating(RatingScale.NPS, r.nextInt(11));
            case 1 -> new Rating(RatingScale.STARS, 1 + r.nextInt(5));
            case 2 -> new Rating(RatingScale.CSAT, 1 + r.nextInt(9) * 0.5);
            default -> null;
        };
        Author author = r.nextInt(5) == 0 ? null : new Author("u" + r.nextInt(30), "用户" + r.nextInt(30),
                r.nextInt(1000), null, r.nextInt(8), r.nextBoolean(), r.nextInt(10) == 0);
        List<String> tokens = new ArrayList<>();
        for (int t = 0, k = 1 + r.nextInt(6); t < k; t++) {
            tokens.add(WORDS.get(r.nextInt(WORDS.size())));
        }
        List<OpinionPoint> opinions = new ArrayList<>();
        for (int o = 0, k = r.nextInt(4); o < k; o++) {
            String aspect = ASPECTS.get(r.nextInt(ASPECTS.size()));
            opinions.add(new OpinionPoint(aspect, "目标", Polarity.values()[r.nextInt(3)], List.of("太差"), "片段"));
        }
        Set<String> flags = new LinkedHashSet<>();
        if (r.nextInt(6) == 0) {
            flags.add("astroturf");
        }
        if (r.nextInt(8) == 0) {
            flags.add("duplicate");
        }
        Polarity polarity = Polarity.values()[r.nextInt(3)];
        double score = polarity == Polarity.POSITIVE ? 0.75 : polarity == Polarity.NEGATIVE ? -0.3 : 0.0;
        NpsClass nps = rating == null ? null : rating.npsClass();
        Segment segment = r.nextInt(3) == 0 ? null : Segment.values()[r.nextInt(2)];
        FeedbackItem item = FeedbackItem.builder()
                .id(id)
                .source(r.nextBoolean() ? "forum" : "appstore")
                .channel(channel)
                .externalId(id)
                .createdAt(created)
                .text(String.join("", tokens) + "，联系 138****0000")
                .title(r.nextBoolean() ? null : "标题" + id)
                .lang("zh")
                .product(r.nextInt(6) == 0 ? null : PRODUCTS.get(r.nextInt(PRODUCTS.size())))
                .productVersion(r.nextInt(3) == 0 ? null : "1." + r.nextInt(3))
                .url("https://example.invalid/" + id)
                .author(author)
                .rating(rating)
                .interactions(new Interactions(r.nextInt(50), r.nextInt(5), r.nextInt(9)))
                .replyTo(r.nextInt(10) == 0 ? "fb-0" : null)
                .ticket(channel == Channel.TICKET ? new TicketInfo("closed", created.plusSeconds(60), null) : null)
                .tags(List.of("t" + r.nextInt(3)))
                .fields(Map.of("device", "phone"))
                .extra(Map.of("raw_score", r.nextInt(100), "nested", Map.of("k", "v")))
                .build();
        Analysis analysis = new Analysis(tokens, new Sentiment(polarity, score, List.of("cue")), opinions, nps,
                segment, r.nextLong(), flags, "test-1");
        return new AnalyzedFeedback(item, analysis, KEYS.week(created), KEYS.day(created));
    }
}
