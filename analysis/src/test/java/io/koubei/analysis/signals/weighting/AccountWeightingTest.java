package io.koubei.analysis.signals.weighting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.TestItems;
import io.koubei.analysis.signals.astroturf.AstroturfParams;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountWeightingTest {

    @Test
    void flaggedItemsAndAccountExcessAreDiscountedNotDeleted() {
        List<AnalyzedFeedback> items = new ArrayList<>();
        // 60 genuine users, balanced: 20 positive, 20 neutral, 20 negative.
        for (int i = 0; i < 60; i++) {
            items.add(TestItems.item().product("X1").author("u" + i).polarity(Polarity.values()[i % 3]).build());
        }
        // 100 flagged praise posts.
        for (int i = 0; i < 100; i++) {
            items.add(TestItems.item().product("X1").author("bot" + i).polarity(Polarity.POSITIVE)
                    .flags(AstroturfParams.FLAG).build());
        }
        // One tireless account: 30 positive posts in the week.
        for (int i = 0; i < 30; i++) {
            items.add(TestItems.item().product("X1").author("fan").polarity(Polarity.POSITIVE).build());
        }
        AccountWeighting w = new AccountWeighting();
        WeightPlan plan = w.plan(items, Set.of());
        assertThat(plan.excludedIds()).hasSize(100);
        assertThat(plan.caps()).singleElement().satisfies(c -> {
            assertThat(c.authorId()).isEqualTo("fan");
            assertThat(c.items()).isEqualTo(30);
            assertThat(c.weightEach()).isEqualTo(0.1);
        });

        RawVsWeighted m = w.compare(items, plan);
        assertThat(m.rawNetSentiment().n()).isEqualTo(190);
        assertThat(m.rawNetSentiment().value()).isEqualTo((150.0 - 20) / 190);
        // Weighted: 20 + 3 positive, 20 neutral, 20 negative over 63.
        assertThat(m.weightedNetSentiment().value()).isCloseTo(3.0 / 63, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.weightedNetSentiment().low()).isLessThan(0);
        assertThat(m.excludedItems()).isEqualTo(100);
        assertThat(m.cappedAccounts()).isEqualTo(1);
    }

    @Test
    void callerSuppliedExclusionsAndNpsAreWeighted() {
        List<AnalyzedFeedback> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(TestItems.item().id("s" + i).author("r" + i).nps(i < 10 ? 10 : i < 30 ? 8 : 3).build());
        }
        AccountWeighting w = new AccountWeighting();
        WeightPlan plan = w.plan(items, Set.of("s0", "s1", "s2", "s3", "s4"));
        RawVsWeighted m = w.compare(items, plan);
        assertThat(m.rawNps().nps()).isEqualTo(0.0);
        assertThat(m.weightedNps().value()).isCloseTo(100.0 * (5 - 10) / 35, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.weightedNps().sufficient()).isTrue();
    }
}
