package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.FeedbackItem;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
    private final ItemCodec codec = new ItemCodec();

    @Test
    void itemsSurviveTheWireUnchanged() {
        for (FeedbackItem item : SampleFeedback.items("codec", 0, 20)) {
            String json = codec.toJson(item);
            assertThat(codec.fromJson(json)).isEqualTo(item);
        }
    }

    @Test
    void enumsTravelAsLowerCaseWireNames() {
        String json = codec.toJson(SampleFeedback.item("codec", 3, "好"));
        assertThat(json).contains("\"channel\":\"community\"").contains("\"scale\":\"stars\"").contains("\"createdAt\":\"2026-11-02T");
    }

    @Test
    void garbageAndIncompleteItemsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> codec.fromJson("not json {")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a format v1 feedback item");
        assertThatThrownBy(() -> codec.fromJson("{\"id\":\"x\",\"source\":\"s\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel");
        assertThatThrownBy(() -> codec.fromJson("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty payload");
    }
}
