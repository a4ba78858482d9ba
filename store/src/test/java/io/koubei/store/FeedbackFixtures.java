package io.koubei.store;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic feedback for store tests: a fluent builder for hand-made items and a seeded corpus that spreads
 * values over every filter field and dimension (including missing ones). Weeks and days use the default zone.
 */
public final class FeedbackFixtures {
    public static final CalendarKeys CALENDAR = CalendarKeys.defaultZone();
    /** Monday 2026-11-02 10:00 in Shanghai: the start of 2026-W45. */
    public static final Instant BASE = Instant.parse("2026-11-02T02:00:00Z");
    public static final String ASTROTURF = "astroturf";

    static final Channel[] CHANNELS = Channel.values();
    static final String[] SOURCES = {"forum", "weibo", "appstore", "nps-survey", "zendesk"};
    static final String[] PRODUCTS = {"phone", "watch", "earbuds"};
    static final String[] VERSIONS = {"1.0", "1.1", "2.0"};
    static final String[] ASPECTS = {"battery", "screen", "price", "service", "camera"};
    static final String[] FLAGS = {ASTROTURF, "duplicate", "spam"};
    static final String[] TOKENS = {"续航", "屏幕", "好", "差", "客服", "价格", "贵", "拍照", "清晰", "卡顿", "redmi", "k70"};

    private FeedbackFixtures() {
    }

    public static Builder item(String id) {
        return new Builder(id);
    }

    /** {@code n} items from a seeded generator: the same list for the same arguments, on every machine. */
    public static List<AnalyzedFeedback> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<AnalyzedFeedback> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Builder b = item(String.format("c-%05d", i))
                    .channel(CHANNELS[r.nextInt(CHANNELS.length)])
                    .source(SOURCES[r.nextInt(SOURCES.length)])
                    // 28 days, second precision, with deliberate ties on createdAt
                    .at(BASE.plusSeconds(r.nextInt(28 * 24) * 3600L + (r.nextInt(4) == 0 ? 0 : r.nextInt(3600))))
                    .polarity(Polarity.values()[r.nextInt(3)]);
            if (r.nextInt(6) != 0) {
                b.product(PRODUCTS[r.nextInt(PRODUCTS.length)]);
                if (r.nextBoolean()) {
                    b.productVersion(VERSIONS[r.nextInt(VERSIONS.length)]);
                }
            }
            int authorKind = r.nextInt(20);
            if (authorKind == 0) {
                b.officialAuthor("brand-" + r.nextInt(2));
            } else if (authorKind > 2) {
                b.author("u" + r.nextInt(25));
            }
            switch (r.nextInt(5)) {
                case 0 -> b.rating(RatingScale.NPS, r.nextInt(11));
                case 1 -> b.rating(RatingScale.STARS, r.nextInt(9) / 2.0 + 1);
                case 2 -> b.rating(RatingScale.CSAT, 1 + r.nextInt(5));
                default -> { }
            }
            int opinions = r.nextInt(4);
            for (int k = 0; k < opinions; k++) {
                b.aspect(ASPECTS[r.nextInt(ASPECTS.length)], Polarity.values()[r.nextInt(3)]);
            }
            for (String flag : FLAGS) {
                if (r.nextInt(8) == 0) {
                    b.flags(flag);
                }
            }
            int tokens = r.nextInt(6);
            for (int k = 0; k < tokens; k++) {
                b.tokens(TOKENS[r.nextInt(TOKENS.length)]);
            }
            int seg = r.nextInt(3);
            if (seg > 0) {
                b.segment(Segment.values()[seg - 1]);
            }
            if (r.nextInt(10) == 0) {
                b.replyTo(String.format("c-%05d", r.nextInt(Math.max(1, i))));
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /** An item with every optional field set, nanosecond instants, unicode text and nested {@code extra}. */
    public static AnalyzedFeedback fullyPopulated(String id) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("level", 3);
        nested.put("tags", List.of("vip", "老用户"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("orderId", "O-20261102-0042");
        extra.put("count", 7);
        extra.put("big", 12345678901L);
        extra.put("ratio", 0.25);
        extra.put("verifiedBuyer", true);
        extra.put("device", nested);
        FeedbackItem item = FeedbackItem.builder()
                .id(id).source("jd").channel(Channel.REVIEW).externalId("ext-" + id)
                .createdAt(Instant.parse("2026-11-03T04:05:06.123456789Z"))
                .text("续航太差了，但是屏幕很清晰。联系 138****0000").title("一般般")
                .lang("zh").product("phone").productVersion("2.0").url("https://example.invalid/r/" + id)
                .author(new Author("u-42", "小王", 1200, Instant.parse("2020-01-01T00:00:00Z"), 5, true, false))
                .rating(new Rating(RatingScale.STARS, 3.5))
                .interactions(new Interactions(10, 2, 3))
                .replyTo("c-00001")
                .ticket(new TicketInfo("resolved", Instant.parse("2026-11-03T05:00:00Z"), Instant.parse("2026-11-04T05:00:00.5Z")))
                .tags(List.of("售后", "battery"))
                .fields(Map.of("store", "旗舰店", "sku", "K70-12-256"))
                .extra(extra)
                .build();
        Analysis analysis = new Analysis(
                List.of("续航", "太", "差", "但是", "屏幕", "很", "清晰"),
                new Sentiment(Polarity.NEGATIVE, -0.4, List.of("太+差 → negative", "但是: later clause weighted")),
                List.of(new OpinionPoint("battery", "续航", Polarity.NEGATIVE, List.of("太差"), "续航太差了"),
                        new OpinionPoint("screen", "屏幕", Polarity.POSITIVE, List.of("清晰"), "屏幕很清晰")),
                null, Segment.CORE, 0x1234_5678_9abc_def0L, Set.of(ASTROTURF, "duplicate"), "builtin-0.1");
        Instant t = item.createdAt();
        return new AnalyzedFeedback(item, analysis, CALENDAR.week(t), CALENDAR.day(t));
    }

    /** Builds one item; unset fields are absent (null / empty), polarity defaults to neutral. */
    public static final class Builder {
        private final String id;
        private String source = "forum";
        private Channel channel = Channel.COMMUNITY;
        private Instant createdAt = BASE;
        private String text = "";
        private String product;
        private String productVersion;
        private Author author;
        private Rating rating;
        private String replyTo;
        private Polarity polarity = Polarity.NEUTRAL;
        private final List<OpinionPoint> opinions = new ArrayList<>();
        private NpsClass npsClass;
        private boolean npsClassSet;
        private Segment segment;
        private final Set<String> flags = new LinkedHashSet<>();
        private final List<String> tokens = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder source(String v) { source = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder at(Instant v) { createdAt = v; return this; }
        public Builder afterBase(Duration d) { createdAt = BASE.plus(d); return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder product(String v) { product = v; return this; }
        public Builder productVersion(String v) { productVersion = v; return this; }
        public Builder author(String authorId) { author = new Author(authorId, null, null, null, null, null, null); return this; }
        public Builder officialAuthor(String authorId) { author = new Author(authorId, "官方", null, null, null, true, true); return this; }
        public Builder rating(RatingScale scale, double value) { rating = new Rating(scale, value); return this; }
        public Builder replyTo(String v) { replyTo = v; return this; }
        public Builder polarity(Polarity v) { polarity = v; return this; }
        public Builder aspect(String aspect, Polarity p) { opinions.add(new OpinionPoint(aspect, aspect, p, List.of(), aspect)); return this; }
        /** Overrides the NPS class that is otherwise derived from an NPS rating. */
        public Builder npsClass(NpsClass v) { npsClass = v; npsClassSet = true; return this; }
        public Builder segment(Segment v) { segment = v; return this; }
        public Builder flags(String... v) { flags.addAll(List.of(v)); return this; }
        public Builder tokens(String... v) { tokens.addAll(List.of(v)); return this; }

        public AnalyzedFeedback build() {
            FeedbackItem item = FeedbackItem.builder()
                    .id(id).source(source).channel(channel).externalId(id).createdAt(createdAt)
                    .text(text.isEmpty() ? String.join("", tokens) : text)
                    .product(product).productVersion(productVersion).author(author).rating(rating).replyTo(replyTo)
                    .build();
            NpsClass nps = npsClassSet ? npsClass : (rating == null ? null : rating.npsClass());
            double score = switch (polarity) {
                case POSITIVE -> 0.6;
                case NEGATIVE -> -0.6;
                case NEUTRAL -> 0.0;
            };
            Analysis analysis = new Analysis(tokens, new Sentiment(polarity, score, List.of()), opinions, nps, segment,
                    id.hashCode(), flags, "fixture");
            return new AnalyzedFeedback(item, analysis, CALENDAR.week(createdAt), CALENDAR.day(createdAt));
        }
    }
}
