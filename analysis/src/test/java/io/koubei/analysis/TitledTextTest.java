package io.koubei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TitledTextTest {
    private final KoubeiAnalyzer analyzer = FeedbackAnalyzers.builtIn();

    private static FeedbackItem post(String title, String text) {
        return FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY).externalId("1")
                .createdAt(Instant.parse("2026-11-01T00:00:00Z")).title(title).text(text).build();
    }

    @Test
    void aTitleCutFromTheTextIsNotReadTwice() {
        String text = "续航太差了，一天要充三次电。其他都还行";
        var untitled = analyzer.analyze(post(null, text));
        for (String title : new String[] {"续航太差了，一天要充", "续航太差了，一天要充…", "续航太差了，一天要充..."}) {
            var titled = analyzer.analyze(post(title, text));
            assertThat(titled.sentiment().explanation()).as(title).isEqualTo(untitled.sentiment().explanation());
            assertThat(titled.opinions()).as(title).hasSameSizeAs(untitled.opinions());
        }
    }

    @Test
    void aTitleOfItsOwnStillCounts() {
        String text = "用了一周，说说感受。";
        var titled = analyzer.analyze(post("续航太差", text));
        assertThat(titled.sentiment().score()).isNegative();
        assertThat(analyzer.analyze(post(null, text)).sentiment().score()).isGreaterThan(titled.sentiment().score());
    }
}
