package io.koubei.analysis.signals.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.TestItems;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Author;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The item-list scan source answers with the store's semantics, and the streamed author profiles are build()'s. */
class ItemScanSourceTest {

    private static List<AnalyzedFeedback> world() {
        Random r = new Random(3);
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String week = "2026-W4" + r.nextInt(4);
            Author a = new Author("u" + r.nextInt(40), "u", 10, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(
                    86_400L * r.nextInt(900)), r.nextBoolean() ? null : r.nextInt(10), false, i % 50 == 0);
            TestItems t = TestItems.item().channel(i % 3 == 0 ? Channel.TICKET : Channel.SOCIAL).source(i % 3 == 0 ? "zd" : "weibo")
                    .product(i % 5 == 0 ? null : "X1").author(a).at(TestItems.inWeek(week, r.nextInt(7 * 24 * 60)))
                    .polarity(i % 4 == 0 ? Polarity.NEGATIVE : Polarity.POSITIVE)
                    .text(i % 7 == 0 ? "功耗太高 掉帧" : "很好用").opinion("battery", i % 4 == 0 ? Polarity.NEGATIVE : Polarity.POSITIVE, "b");
            if (i % 6 == 0) {
                t.replyTo("p" + i);
            }
            if (i % 11 == 0) {
                t.tags("beta");
            }
            items.add(t.build());
        }
        return items;
    }

    @Test
    void aFlagWrittenThroughTheSourceDropsTheItemFromCleanAggregates() {
        List<AnalyzedFeedback> items = world();
        ScanSource source = ScanSource.ofItems(items);
        FeedbackFilter clean = FeedbackFilter.builder().excludeFlags(Set.of("astroturf")).polarity(Polarity.NEGATIVE).build();
        BucketTable before = source.aggregate(clean, List.of(Dimension.CHANNEL));
        AnalyzedFeedback negative = items.stream().filter(f -> f.analysis().sentiment().polarity() == Polarity.NEGATIVE
                && f.item().channel() == Channel.TICKET).findFirst().orElseThrow();
        assertThat(source.updateVerdicts(Map.of(negative.id(), Verdicts.NONE.withFlag("astroturf"), "unknown",
                Verdicts.NONE))).isEqualTo(1);
        BucketTable after = source.aggregate(clean, List.of(Dimension.CHANNEL));
        long ticketBefore = before.sumBy(Dimension.CHANNEL, b -> true).get("ticket").count();
        assertThat(after.sumBy(Dimension.CHANNEL, b -> true).get("ticket").count()).isEqualTo(ticketBefore - 1);
        assertThat(items.get(items.indexOf(negative)).analysis().flags()).as("the list itself is not changed").isEmpty();
        // products missing fall in NONE, as stores key them
        assertThat(source.aggregate(FeedbackFilter.ALL, List.of(Dimension.PRODUCT)).values(Dimension.PRODUCT))
                .containsExactly("X1", Dimension.NONE);
        List<String> scanned = new ArrayList<>();
        source.scan(FeedbackFilter.builder().flags(Set.of("astroturf")).build(), f -> scanned.add(f.id()));
        assertThat(scanned).containsExactly(negative.id());
    }
}
