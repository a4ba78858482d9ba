package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 21): the Kafka broker is killed in the middle of a stream of publishes and started again on the
 * same log directory. Every publish the bus acknowledged is stored exactly once after the broker returns; every
 * publish it did not acknowledge failed its future, so the sender knows to send again.
 */
class BrokerDownFaultTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedPublishIsStoredOnceAndEveryOtherOneFailedItsFuture() throws Exception {
        AnalysisPipeline pipeline = new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone());
        try (BrokerProcess broker = new BrokerProcess(dir.resolve("broker"));
             LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index"))) {
            broker.start();
            KafkaBusConfig config = KafkaBusConfig.defaults(broker.bootstrapServers())
                    .withTopics("raw-fault", "dlq-fault").withGroupId("group-fault").withPartitions(2, (short) 1).withWorkers(1)
                    .withClientProperties(Map.of("producer.delivery.timeout.ms", "20000", "producer.request.timeout.ms", "5000",
                            "producer.max.block.ms", "5000"));
            List<String> acknowledged = new ArrayList<>();
            int refused = 0;
            long slowestRefusal = 0;
            try (KafkaFeedbackBus bus = new KafkaFeedbackBus(config)) {
                bus.start(new AnalyseAndStoreHandler(pipeline, store));
                for (int round = 0; round < 12; round++) {
                    if (round == 4) {
                        broker.kill(); // mid-stream: publishes from here on meet no broker
                    }
                    if (round == 8) {
                        broker.start(); // back on the same log directory
                    }
                    List<FeedbackItem> items = SampleFeedback.items("fault" + round, 0, 50);
                    long started = System.nanoTime();
                    CompletableFuture<PublishReceipt> f;
                    try {
                        f = bus.publish(items);
                    } catch (RuntimeException e) {
                        f = CompletableFuture.failedFuture(e);
                    }
                    try {
                        f.get(60, TimeUnit.SECONDS);
                        acknowledged.addAll(SampleFeedback.ids(items));
                    } catch (Exception notAcknowledged) {
                        refused++; // the sender is told: this is what the API turns into 503
                        // told in about one max.block.ms (5 s here), not once per record (50 × 5 s) as before
                        slowestRefusal = Math.max(slowestRefusal, Duration.ofNanos(System.nanoTime() - started).toSeconds());
                    }
                }
                assertThat(refused).as("publishes while the broker was down failed their futures").isPositive();
                assertThat(slowestRefusal).as("seconds until a refused publish was told").isLessThan(45);
                assertThat(acknowledged).as("publishes before and after the outage were acknowledged").hasSizeGreaterThanOrEqualTo(8 * 50);
                Await.until(Duration.ofSeconds(120), () -> store.getAll(acknowledged).size() == acknowledged.size(),
                        () -> "stored " + store.getAll(acknowledged).size() + " of " + acknowledged.size() + " acknowledged");
            }
            assertThat(store.getAll(acknowledged)).as("every acknowledged item, once").hasSize(acknowledged.size());
            assertThat(store.count(FeedbackFilter.ALL)).isLessThanOrEqualTo(12 * 50L);
        }
    }
}
