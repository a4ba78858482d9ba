package io.koubei.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.store.FeedbackFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedbackJsonTest {
    @Test
    void fullyPopulatedItemRoundTripsExactly() {
        AnalyzedFeedback full = FeedbackFixtures.fullyPopulated("j-1");
        String json = FeedbackJson.toJson(full);
        assertThat(FeedbackJson.fromJson(json)).isEqualTo(full);
        // nanoseconds and nested extra values survive as such
        assertThat(json).contains("\"createdAt\":\"2026-11-03T04:05:06.123456789Z\"", "\"big\":12345678901", "老用户");
    }

    @Test
    void absentFieldsAreLeftOutAndComeBackAsAbsent() {
        AnalyzedFeedback minimal = FeedbackFixtures.item("j-2").build();
        String json = FeedbackJson.toJson(minimal);
        assertThat(json).doesNotContain("null");
        assertThat(FeedbackJson.fromJson(json)).isEqualTo(minimal);
    }

    @Test
    void unreadableBytesGiveAClearError() {
        byte[] garbage = "{\"item\":".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeedbackJson.fromBytes(garbage, 0, garbage.length))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not readable");
    }
}
