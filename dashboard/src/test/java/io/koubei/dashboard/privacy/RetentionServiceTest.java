package io.koubei.dashboard.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.dashboard.audit.AuditEntry;
import io.koubei.dashboard.audit.AuditLog;
import io.koubei.store.embedded.LuceneFeedbackStore;
import io.koubei.store.state.FileStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class RetentionServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path dir;

    private static FeedbackItem item(String source, Channel channel, String id, int daysAgo) {
        return FeedbackItem.builder().source(source).channel(channel).externalId(id)
                .createdAt(NOW.minus(Duration.ofDays(daysAgo))).text("续航一般").build();
    }

    @Test
    void itemsOlderThanTheirChannelsOrSourcesPeriodGoAndTheDeletionIsAudited() {
        AnalysisPipeline pipeline = new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone());
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index")); FileStateStore state = new FileStateStore(dir)) {
            List<FeedbackItem> items = List.of(item("weibo", Channel.SOCIAL, "old", 400), item("weibo", Channel.SOCIAL, "new", 10),
                    item("zendesk", Channel.TICKET, "old", 400), item("forum", Channel.COMMUNITY, "old", 100),
                    item("forum", Channel.COMMUNITY, "new", 20));
            store.upsert(items.stream().map(pipeline::process).toList());
            AuditLog audit = new AuditLog(state, Clock.systemUTC());
            RetentionService retention = new RetentionService(store, audit, Map.of("social", Duration.ofDays(365), "forum", Duration.ofDays(30)));

            assertThat(retention.apply(NOW)).containsEntry("social", 1L).containsEntry("forum", 1L);
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(3);
            assertThat(store.get("weibo:old")).isEmpty();
            assertThat(store.get("forum:old")).isEmpty();
            assertThat(store.get("zendesk:old")).as("tickets have no rule").isPresent();
            assertThat(audit.list(null, null, null, "retention", 10)).extracting(AuditEntry::target)
                    .containsExactlyInAnyOrder("channel=social", "source=forum");
            assertThat(retention.apply(NOW)).containsEntry("social", 0L);
        }
        assertThatThrownBy(() -> new RetentionService(null, null, Map.of("social", Duration.ZERO)))
                .hasMessageContaining("koubei.retention.social");
    }
}
