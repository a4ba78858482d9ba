package io.koubei.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stops the real node under the store: writes fail as unavailable, then succeed by backing off over a restart. */
class ElasticsearchOutageTest {
    private final ElasticsearchNode node = ElasticsearchNode.shared();

    @AfterEach
    void nodeIsBackForOtherTests() {
        node.start();
    }

    @Test
    void writesBackOffThroughAnOutageAndDataSurvivesTheRestart() throws Exception {
        List<AnalyzedFeedback> items = SampleFeedback.generate(30, 5);
        // patient: backoff capped at 2 s, 2.5–5 min in all: a restart takes ≈13 s idle, 80 s on a loaded 2-core machine
        var patient = new ElasticsearchStoreConfig(node.url(), null, null, "outage-test-",
                new RetryPolicy(150, Duration.ofMillis(100), Duration.ofSeconds(2)), Duration.ofMillis(200));
        var impatient = patient.withRetry(new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100)));
        try (var store = new ElasticsearchFeedbackStore(patient); var quick = new ElasticsearchFeedbackStore(impatient)) {
            store.clear();
            assertThat(store.upsert(items.subList(0, 20))).isEqualTo(new UpsertResult(20, 0));

            node.stop();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> quick.upsert(items.subList(20, 30)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("after 2 retries");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(quick.check().up()).isFalse();

            // a writer blocked in backoff while the node comes back
            CompletableFuture<UpsertResult> write = CompletableFuture.supplyAsync(() -> store.upsert(items.subList(20, 30)));
            Thread.sleep(500);
            assertThat(write).isNotDone();
            node.start();
            assertThat(write.get(300, TimeUnit.SECONDS)).isEqualTo(new UpsertResult(10, 0));
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(30);
            assertThat(store.get(items.get(3).id())).contains(items.get(3)); // durable across the restart
            assertThat(quick.check().up()).isTrue();
        }
    }
}
