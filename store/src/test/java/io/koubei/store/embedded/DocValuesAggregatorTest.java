package io.koubei.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.store.FeedbackFixtures;
import io.koubei.store.ReferenceSemantics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocValuesAggregatorTest {
    @TempDir
    Path dir;

    @Test
    void hashMapBucketsGiveTheSameResultAsArrayBuckets() {
        List<AnalyzedFeedback> corpus = FeedbackFixtures.corpus(500, 3L);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            // several batches: several segments, and an update leaves deleted documents behind
            store.upsert(corpus.subList(0, 200));
            store.upsert(corpus.subList(200, 500));
            store.upsert(corpus.subList(100, 150));
            for (List<Dimension> groupBy : List.of(List.of(Dimension.AUTHOR, Dimension.DAY, Dimension.ASPECT_POLARITY),
                    List.of(Dimension.WEEK, Dimension.CHANNEL), List.<Dimension>of())) {
                AggregateQuery q = new AggregateQuery(
                        FeedbackFilter.builder().excludeFlags(Set.of(FeedbackFixtures.ASTROTURF)).build(), groupBy);
                var expected = ReferenceSemantics.aggregate(corpus, q);
                assertThat(store.aggregate(q, 0)).as("sparse %s", groupBy).isEqualTo(expected);
                assertThat(store.aggregate(q, DocValuesAggregator.DENSE_LIMIT)).as("dense %s", groupBy).isEqualTo(expected);
            }
        }
    }

    @Test
    void statsCodeRoundTripsEveryCombination() {
        List<Polarity> polarities = Arrays.asList(Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE);
        List<NpsClass> npsClasses = Arrays.asList(null, NpsClass.PROMOTER, NpsClass.PASSIVE, NpsClass.DETRACTOR);
        List<RatingScale> scales = Arrays.asList(null, RatingScale.NPS, RatingScale.STARS, RatingScale.CSAT);
        for (Polarity p : polarities) {
            for (NpsClass n : npsClasses) {
                for (RatingScale s : scales) {
                    long code = StatsCode.encode(p, n, s);
                    assertThat(code).isBetween(0L, (long) StatsCode.CODES - 1);
                    assertThat(StatsCode.polarity(code)).isEqualTo(p);
                    assertThat(StatsCode.nps(code)).isEqualTo(n);
                    assertThat(StatsCode.scale(code)).isEqualTo(s);
                }
            }
        }
    }
}
