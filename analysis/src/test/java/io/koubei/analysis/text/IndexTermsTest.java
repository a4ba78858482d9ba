package io.koubei.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.FeedbackAnalyzers;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTermsTest {

    @Test
    void compoundsAreAlsoIndexedUnderTheirBigrams() {
        assertThat(IndexTerms.of(List.of("客服电话", "打不通", "x1")))
                .containsExactly("客服电话", "打不通", "x1", "客服", "服电", "电话", "打不", "不通");
    }

    @Test
    void aQueryForPartOfACompoundFindsTheItem() {
        var analyzer = FeedbackAnalyzers.builtIn();
        FeedbackItem item = FeedbackItem.builder().source("t").channel(Channel.SOCIAL).externalId("1")
                .createdAt(Instant.parse("2026-11-01T00:00:00Z")).text("客服电话一直打不通").build();
        List<String> indexed = analyzer.analyze(item).tokens();
        for (String query : List.of("客服", "电话", "客服电话")) {
            assertThat(indexed).as(query).containsAll(analyzer.segment(query));
        }
    }
}
