package io.koubei.analysis.signals.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.Severity;
import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.analysis.signals.Weeks;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Segment;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpikeAndSilenceTest {
    static final List<String> WEEKS = Weeks.range("2026-W30", "2026-W45");

    static BucketStats negatives(long n) {
        return new BucketStats(n, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** WEEK × CHANNEL × ASPECT_POLARITY buckets: Poisson-ish noise around a level per series. */
    static List<Bucket> calmBuckets(Random r) {
        List<Bucket> out = new ArrayList<>();
        for (String w : WEEKS) {
            out.add(new Bucket(List.of(w, "ticket", "heat:negative"), negatives(20 + r.nextInt(9) - 4)));
            out.add(new Bucket(List.of(w, "ticket", "battery:negative"), negatives(30 + r.nextInt(11) - 5)));
            out.add(new Bucket(List.of(w, "social", "heat:negative"), negatives(8 + r.nextInt(5) - 2)));
        }
        return out;
    }

    static BucketTable table(List<Bucket> buckets) {
        return BucketTable.of(List.of(Dimension.WEEK, Dimension.CHANNEL, Dimension.ASPECT_POLARITY), buckets);
    }

    @Test
    void ticketSpikeOnOneAspectIsFoundWithItsBaseline() {
        List<Bucket> buckets = new ArrayList<>(calmBuckets(new Random(1)));
        buckets.removeIf(b -> b.key().equals(List.of("2026-W45", "ticket", "heat:negative")));
        buckets.add(new Bucket(List.of("2026-W45", "ticket", "heat:negative"), negatives(80)));
        List<CountSeries> series = CountSeries.fromBuckets(table(buckets), PeriodUnit.WEEK, "count", "X1",
                BucketStats::count);

        List<Signal> spikes = new SpikeDetector().detect(series, "2026-W45", "2026-W30");
        assertThat(spikes).hasSize(1);
        Signal s = spikes.get(0);
        assertThat(s.type()).isEqualTo(SignalType.SPIKE);
        assertThat(s.channels()).containsExactly(Channel.TICKET);
        assertThat(s.aspect()).isEqualTo("heat");
        assertThat(s.product()).isEqualTo("X1");
        assertThat(s.week()).isEqualTo("2026-W45");
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.evidence().figures().get("observed")).isEqualTo(80.0);
        assertThat(s.evidence().figures().get("baselineMedian")).isBetween(16.0, 24.0);
        assertThat(s.evidence().drillDown()).containsEntry("aspect_polarity", "heat:negative")
                .containsEntry("channel", "ticket").containsEntry("week", "2026-W45");
        assertThat(s.dedupKey()).isEqualTo("SPIKE|2026-W45|-|ticket|heat|X1|count:negative");
    }

    @Test
    void calmSeriesRaiseNeitherSpikeNorSilence() {
        for (int seed = 0; seed < 20; seed++) {
            List<CountSeries> series = CountSeries.fromBuckets(table(calmBuckets(new Random(seed))), PeriodUnit.WEEK,
                    "count", null, BucketStats::count);
            for (String w : WEEKS.subList(9, WEEKS.size())) {
                assertThat(new SpikeDetector().detect(series, w)).as("seed %d week %s", seed, w).isEmpty();
                assertThat(new SilenceDetector().detect(series, w)).as("seed %d week %s", seed, w).isEmpty();
            }
        }
    }

    @Test
    void smallCountsNeedTheMinimumToSpike() {
        CountSeries s = new CountSeries(SeriesKey.of(Channel.QC, "screen", null, "volume"), PeriodUnit.WEEK,
                java.util.Map.of("2026-W44", 0L, "2026-W45", 7L), null);
        assertThat(new SpikeDetector().detect(List.of(s), "2026-W45")).isEmpty();
    }

    @Test
    void aSourceGoingQuietRaisesSilenceButAShortHistoryDoesNot() {
        List<Bucket> buckets = new ArrayList<>();
        Random r = new Random(4);
        for (String w : WEEKS) {
            boolean quiet = w.compareTo("2026-W43") >= 0;
            buckets.add(new Bucket(List.of(w, "tmall"), new BucketStats(quiet ? 3 : 90 + r.nextInt(20), 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0)));
            buckets.add(new Bucket(List.of(w, "jd"), new BucketStats(80 + r.nextInt(20), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        List<CountSeries> series = CountSeries.fromBuckets(BucketTable.of(List.of(Dimension.WEEK, Dimension.SOURCE),
                buckets), PeriodUnit.WEEK, SeriesKey.VOLUME, null, BucketStats::count);

        List<Signal> silence = new SilenceDetector().detect(series, "2026-W45");
        assertThat(silence).hasSize(1);
        Signal s = silence.get(0);
        assertThat(s.type()).isEqualTo(SignalType.SILENCE);
        assertThat(s.subject()).isEqualTo("tmall/volume");
        assertThat(s.evidence().drillDown()).containsEntry("source", "tmall");
        assertThat(s.evidence().figures().get("observedMean")).isEqualTo(3.0);
        assertThat(s.evidence().figures().get("baselineMedian")).isGreaterThan(85.0);
        assertThat(s.title()).contains("tmall").contains("声量骤降");

        // Without enough history before the quiet weeks there is no verdict.
        assertThat(new SilenceDetector().detect(series, "2026-W45", "2026-W41")).isEmpty();
    }

    @Test
    void coreCriticismDisappearingIsCriticalSilenceWithItemIds() {
        List<AnalyzedFeedback> items = new ArrayList<>();
        Random r = new Random(8);
        for (String w : WEEKS) {
            int n = w.compareTo("2026-W44") >= 0 ? 1 : 12 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                items.add(TestItems.item().channel(Channel.COMMUNITY).at(TestItems.inWeek(w, i)).segment(Segment.CORE)
                        .polarity(Polarity.NEGATIVE).author("core" + i).build());
            }
        }
        List<CountSeries> series = CountSeries.fromItems(items, PeriodUnit.WEEK, f ->
                f.analysis().segment() == Segment.CORE && f.analysis().sentiment().polarity() == Polarity.NEGATIVE
                        ? Set.of(SeriesKey.of(f.item().channel(), null, null, SeriesKey.CORE_NEGATIVE)) : Set.of());
        List<Signal> silence = new SilenceDetector().detect(series, "2026-W45");
        assertThat(silence).singleElement().satisfies(s -> {
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.title()).contains("核心用户批评消失");
            assertThat(s.channels()).containsExactly(Channel.COMMUNITY);
            assertThat(s.evidence().itemIds()).hasSize(2);
        });
    }

    @Test
    void tablesMissingTheDimensionFailClearly() {
        BucketTable t = BucketTable.of(List.of(Dimension.CHANNEL), List.of(new Bucket(List.of("ticket"), negatives(3))));
        assertThatThrownBy(() -> CountSeries.fromBuckets(t, PeriodUnit.WEEK, "x", null, BucketStats::count))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEEK");
        assertThatThrownBy(() -> BucketTable.of(List.of(Dimension.WEEK), List.of(new Bucket(List.of("a", "b"),
                negatives(1))))).isInstanceOf(IllegalArgumentException.class);
    }
}
