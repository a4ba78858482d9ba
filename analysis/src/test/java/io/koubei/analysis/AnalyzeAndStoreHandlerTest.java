package io.koubei.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.StoredEvent;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import io.koubei.core.time.CalendarKeys;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store path's one announcement: "stored: these weeks/products", after the store confirmed, never before. */
class AnalyzeAndStoreHandlerTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private final AnalysisPipeline pipeline = new AnalysisPipeline(FeedbackAnalyzers.builtIn(), CAL);
    private final List<List<AnalyzedFeedback>> written = new ArrayList<>();
    private boolean down;

    /** Only upsert is called by the handler; anything else would be a surprise. */
    private FeedbackStore store() {
        return (FeedbackStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FeedbackStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("upsert")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (down) {
                        throw new StoreUnavailableException("down");
                    }
                    @SuppressWarnings("unchecked")
                    List<AnalyzedFeedback> batch = (List<AnalyzedFeedback>) args[0];
                    written.add(batch);
                    return new UpsertResult(batch.size(), 0);
                });
    }

    private static FeedbackItem item(String id, String at, String product) {
        return FeedbackItem.builder().source("forum").channel(Channel.COMMUNITY).externalId(id)
                .createdAt(Instant.parse(at)).product(product).text("电池续航不错").build();
    }

    @Test
    void aStoredBatchIsAnnouncedWithItsWeeksAndProducts() {
        List<StoredEvent> events = new ArrayList<>();
        var handler = new AnalyzeAndStoreHandler(pipeline, store(), WriteVisibility.EVENTUAL, null, 1, events::add);
        HandleResult r = handler.handle(List.of(item("a", "2026-11-03T02:00:00Z", "phone"),
                item("b", "2026-11-10T02:00:00Z", null), item("c", "2026-11-11T02:00:00Z", "watch")));
        assertThat(r.stored()).isEqualTo(new UpsertResult(3, 0));
        assertThat(written).hasSize(1);
        assertThat(events).containsExactly(new StoredEvent(Set.of("2026-W45", "2026-W46"), Set.of("phone", "watch"), 3));
    }

    @Test
    void nothingIsAnnouncedWhenTheStoreRefusesTheBatch() {
        List<StoredEvent> events = new ArrayList<>();
        var handler = new AnalyzeAndStoreHandler(pipeline, store(), WriteVisibility.IMMEDIATE, null, 1, events::add);
        down = true;
        assertThatThrownBy(() -> handler.handle(List.of(item("a", "2026-11-03T02:00:00Z", "phone"))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(events).isEmpty();
        assertThat(handler.handle(List.of()).stored()).isEqualTo(UpsertResult.EMPTY);
        assertThat(events).as("an empty batch stores nothing and says nothing").isEmpty();
    }

    @Test
    void aFailingListenerNeitherFailsNorRepeatsTheStoredBatch() {
        var handler = new AnalyzeAndStoreHandler(pipeline, store(), WriteVisibility.IMMEDIATE, null, 1, e -> {
            throw new IllegalStateException("listener broke");
        });
        assertThat(handler.handle(List.of(item("a", "2026-11-03T02:00:00Z", "phone"))).stored())
                .isEqualTo(new UpsertResult(1, 0));
        assertThat(written).hasSize(1);
    }
}
