package io.koubei.analysis.signals.competitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.signals.BucketTable;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.BucketStats;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompetitorComparisonTest {
    static final ProductRoster ROSTER = new ProductRoster(Set.of("X1"), Set.of("Rival9", "Other5"));

    static BucketStats n(long count) {
        return new BucketStats(count, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static BucketStats s(long pos, long neu, long neg) {
        return new BucketStats(pos + neu + neg, pos, neu, neg, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static List<Bucket> aspect(String product, String aspect, long pos, long neu, long neg) {
        List<Bucket> out = new ArrayList<>();
        out.add(new Bucket(List.of(product, aspect + ":positive"), n(pos)));
        out.add(new Bucket(List.of(product, aspect + ":neutral"), n(neu)));
        out.add(new Bucket(List.of(product, aspect + ":negative"), n(neg)));
        return out;
    }

    @Test
    void sideBySideShareOfVoiceAndAGapOnOneAspect() {
        BucketTable products = BucketTable.of(List.of(Dimension.PRODUCT), List.of(
                new Bucket(List.of("X1"), s(300, 200, 100)), new Bucket(List.of("Rival9"), s(150, 150, 100)),
                new Bucket(List.of("Other5"), s(20, 50, 30)), new Bucket(List.of("Unrelated"), s(999, 0, 0))));
        List<Bucket> a = new ArrayList<>();
        a.addAll(aspect("X1", "heat", 20, 20, 80));
        a.addAll(aspect("Rival9", "heat", 60, 20, 20));
        a.addAll(aspect("X1", "camera", 80, 20, 20));
        a.addAll(aspect("Rival9", "camera", 70, 20, 30));
        a.addAll(aspect("Other5", "camera", 5, 5, 5));
        CompetitorComparison.Result r = new CompetitorComparison(ROSTER)
                .compare(products, BucketTable.of(List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY), a), "2026-W45");

        assertThat(r.products()).extracting(CompetitorComparison.ProductSummary::product)
                .containsExactly("X1", "Other5", "Rival9");
        assertThat(r.products().get(0).shareOfVoice()).isEqualTo(600.0 / 1100);
        CompetitorComparison.AspectRow camera = r.aspects().stream().filter(x -> x.aspect().equals("camera")).findFirst()
                .orElseThrow();
        assertThat(camera.cells()).hasSize(3);
        assertThat(camera.cells().get(0).product()).isEqualTo("X1");
        assertThat(camera.cells().get(0).shareOfVoice()).isEqualTo(120.0 / 255);
        assertThat(camera.cells().stream().filter(c -> c.product().equals("Other5")).findFirst().orElseThrow()
                .netSentiment().sufficient()).isFalse();

        assertThat(r.signals()).singleElement().satisfies(sig -> {
            assertThat(sig.type()).isEqualTo(SignalType.COMPETITOR_GAP);
            assertThat(sig.aspect()).isEqualTo("heat");
            assertThat(sig.product()).isEqualTo("X1");
            assertThat(sig.subject()).isEqualTo("Rival9");
            assertThat(sig.evidence().figures().get("gapHigh")).isLessThan(0);
        });
    }

    static BucketTable heat(long oursPos, long oursNeg, long rivalPos, long rivalNeg) {
        List<Bucket> a = new ArrayList<>();
        a.addAll(aspect("X1", "heat", oursPos, 20, oursNeg));
        a.addAll(aspect("Rival9", "heat", rivalPos, 20, rivalNeg));
        return BucketTable.of(List.of(Dimension.PRODUCT, Dimension.ASPECT_POLARITY), a);
    }

    static BucketTable products() {
        return BucketTable.of(List.of(Dimension.PRODUCT), List.of(
                new Bucket(List.of("X1"), s(300, 200, 100)), new Bucket(List.of("Rival9"), s(150, 150, 100))));
    }

    @Test
    void aStandingGapIsNoAlertButAWideningOneIs() {
        CompetitorComparison c = new CompetitorComparison(ROSTER);
        // the same clear gap as before: shown side by side, not alerted
        CompetitorComparison.Result standing = c.compareWithPrevious(products(), heat(20, 80, 60, 20), products(),
                heat(20, 80, 60, 20), "2026-W45");
        assertThat(c.compare(products(), heat(20, 80, 60, 20), "2026-W45").signals()).hasSize(1);
        assertThat(standing.signals()).isEmpty();
        assertThat(standing.aspects()).isNotEmpty();
        // no gap before, a gap now: alerted with the previous gap in the evidence
        CompetitorComparison.Result opened = c.compareWithPrevious(products(), heat(20, 80, 60, 20), products(),
                heat(60, 20, 60, 20), "2026-W45");
        assertThat(opened.signals()).singleElement().satisfies(sig -> {
            assertThat(sig.evidence().figures().get("previousGap")).isEqualTo(0.0);
            assertThat(sig.evidence().figures().get("gapChange")).isLessThan(-0.5);
        });
        // without a sufficient earlier period there is nothing to compare with
        assertThat(c.compareWithPrevious(products(), heat(20, 80, 60, 20), products(), heat(2, 2, 2, 2), "2026-W45")
                .signals()).isEmpty();
    }

    @Test
    void rosterRejectsContradictions() {
        assertThatThrownBy(() -> new ProductRoster(Set.of("X1"), Set.of("X1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductRoster(Set.of(), Set.of("Y"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedbackWithoutAProductIsOnNeitherSide() {
        // a one-product roster is an immutable set whose contains(null) throws: items without a product are common
        ProductRoster single = new ProductRoster(Set.of("X1"), Set.of("Rival9"));
        assertThat(single.sideOf(null)).isNull();
        assertThat(single.sideOf("X1")).isEqualTo(ProductRoster.Side.OURS);
        assertThat(single.sideOf("Rival9")).isEqualTo(ProductRoster.Side.COMPETITOR);
    }
}
