package io.koubei.analysis.signals.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.SignalType;
import io.koubei.analysis.signals.TestItems;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Polarity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventImpactTest {
    static final Instant OTA = Instant.parse("2026-10-13T02:00:00Z");
    static final ProductEvent EVENT = new ProductEvent("ota-2.1.0", ProductEvent.Kind.OTA, "X1", "2.1.0", OTA,
            "OTA 2.1.0 功耗与息屏显示更新");

    static List<AnalyzedFeedback> items(Random r, boolean worseAfter) {
        List<AnalyzedFeedback> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Instant t = OTA.minus(Duration.ofDays(14)).plusSeconds(r.nextInt(28 * 86400));
            boolean after = !t.isBefore(OTA);
            double pNeg = worseAfter && after ? 0.45 : 0.25;
            double u = r.nextDouble();
            Polarity p = u < pNeg ? Polarity.NEGATIVE : u < pNeg + 0.3 ? Polarity.NEUTRAL : Polarity.POSITIVE;
            TestItems b = TestItems.item().product(i % 10 == 0 ? "Y2" : "X1").at(t).polarity(p).author("a" + i);
            if (p == Polarity.NEGATIVE) {
                boolean aod = worseAfter && after && r.nextDouble() < 0.6;
                b.opinion(aod ? "aod" : List.of("battery", "screen", "camera").get(r.nextInt(3)), Polarity.NEGATIVE, "…");
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void worseAfterTheOtaIsAttributedToTheAspect() {
        EventComparison c = new EventImpact().compare(EVENT, items(new Random(2), true));
        assertThat(c.volumeBefore() + c.volumeAfter()).isBetween(500L, 560L);
        assertThat(c.netSentimentChange().high()).isLessThan(0);
        assertThat(c.aspectShifts().get(0).aspect()).isEqualTo("aod");
        assertThat(c.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.EVENT_IMPACT);
            assertThat(s.aspect()).isEqualTo("aod");
            assertThat(s.product()).isEqualTo("X1");
            assertThat(s.subject()).isEqualTo("ota-2.1.0");
            assertThat(s.evidence().itemIds()).isNotEmpty();
            assertThat(s.evidence().drillDown()).containsEntry("product_version", "2.1.0");
        });
    }

    @Test
    void unchangedWordOfMouthRaisesNothing() {
        for (int seed = 0; seed < 10; seed++) {
            EventComparison c = new EventImpact().compare(EVENT, items(new Random(seed), false));
            assertThat(c.signals()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void tooFewItemsGiveNoVerdict() {
        EventComparison c = new EventImpact().compare(EVENT, items(new Random(1), true).subList(0, 40));
        assertThat(c.netSentimentChange()).isNull();
        assertThat(c.signals()).isEmpty();
    }
}
