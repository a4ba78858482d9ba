package io.koubei.analysis.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.alert.SignalDigest;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemBucketsAndDigestTest {

    @Test
    void multiValuedDimensionsCountAnItemOncePerValueAndMissingValuesFallInNone() {
        List<AnalyzedFeedback> items = List.of(
                TestItems.item().channel(Channel.TICKET).product("X1").polarity(Polarity.NEGATIVE)
                        .opinion("heat", Polarity.NEGATIVE, "烫").opinion("battery", Polarity.NEGATIVE, "掉电快")
                        .opinion("heat", Polarity.NEGATIVE, "又烫").build(),
                TestItems.item().channel(Channel.TICKET).polarity(Polarity.POSITIVE).build());
        BucketTable t = ItemBuckets.aggregate(items, List.of(Dimension.CHANNEL, Dimension.ASPECT_POLARITY));
        assertThat(t.buckets()).extracting(Bucket::key).containsExactly(
                List.of("ticket", "_none"), List.of("ticket", "battery:negative"), List.of("ticket", "heat:negative"));
        assertThat(t.buckets().get(2).stats().count()).isEqualTo(1);
        assertThat(t.buckets().get(2).stats().negative()).isEqualTo(1);
        assertThat(t.buckets().get(0).stats().positive()).isEqualTo(1);
        BucketTable p = ItemBuckets.aggregate(items, List.of(Dimension.PRODUCT));
        assertThat(p.values(Dimension.PRODUCT)).containsExactly("X1", "_none");
    }

    @Test
    void digestKeepsTheMostSevereSignalPerKeyMostUrgentFirst() {
        Signal a = Signal.builder(SignalType.SPIKE).severity(Severity.WARNING).week("2026-W45").channel(Channel.TICKET)
                .aspect("heat").title("a").build();
        Signal a2 = Signal.builder(SignalType.SPIKE).severity(Severity.CRITICAL).week("2026-W45").channel(Channel.TICKET)
                .aspect("heat").title("a2").build();
        Signal b = Signal.builder(SignalType.COCOON).severity(Severity.WARNING).week("2026-W46").title("b").build();
        Signal c = Signal.builder(SignalType.COMPETITOR_GAP).severity(Severity.INFO).week("2026-W46").title("c").build();
        List<Signal> merged = SignalDigest.merge(List.of(List.of(a, c), List.of(b, a2)));
        assertThat(merged).extracting(Signal::title).containsExactly("a2", "b", "c");
        assertThat(a.dedupKey()).isEqualTo(a2.dedupKey()).isEqualTo("SPIKE|2026-W45|-|ticket|heat|-|-");
    }

    @Test
    void evidenceDropsNonFiniteFiguresAndMasksSamples() {
        Evidence e = Evidence.builder().figure("known", 1).figure("unknown", Double.NaN).build();
        assertThat(e.figures()).containsOnlyKeys("known");
        assertThat(SampleText.of("联系我 13812345678 或 a.b@example.com，身份证 11010519491231002X"))
                .doesNotContain("13812345678").doesNotContain("a.b@").doesNotContain("11010519491231002X")
                .contains("138****5678").contains("a***@example.com").contains("110***********002X");
    }
}
