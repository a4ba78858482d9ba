package io.koubei.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Dimension#values} — the one definition the in-memory aggregation uses — keys every item as the contract
 * suite's independent reference does (and so as both stores must).
 */
class DimensionValuesTest {

    @Test
    void everyDimensionKeysItemsAsTheReference() {
        List<AnalyzedFeedback> items = new ArrayList<>(FeedbackFixtures.corpus(400, 7));
        items.add(FeedbackFixtures.fullyPopulated("full-1"));
        for (AnalyzedFeedback f : items) {
            for (Dimension d : Dimension.values()) {
                assertThat(d.values(f)).as("%s of %s", d, f.id())
                        .containsExactlyInAnyOrderElementsOf(ReferenceSemantics.bucketKeys(f, d));
            }
        }
    }
}
