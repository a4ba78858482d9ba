package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.bus.StoredEvent;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.WriteVisibility;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka bus against a real broker, with the real analysis pipeline and the embedded Lucene store as its consumer. */
class KafkaFeedbackBusTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static AnalysisPipeline pipeline;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    @TempDir
    Path dir;

    @BeforeAll
    static void analysis() {
        pipeline = new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void publishedItemsAreStoredExactlyOnceAndOffsetsCommitted() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("once").withPartitions(2, (short) 1).withWorkers(1);
        LuceneFeedbackStore store = openStore();
        KafkaFeedbackBus bus = open(config);
        bus.start(new AnalyseAndStoreHandler(pipeline, store));

        List<FeedbackItem> items = SampleFeedback.items("once", 0, 600);
        long t0 = System.nanoTime();
        PublishReceipt receipt = bus.publish(items).get(30, TimeUnit.SECONDS);
        assertThat(receipt).isEqualTo(new PublishReceipt(600, false, 0, 0, 0));

        Await.until(WAIT, () -> bus.health().pending() == 0 && store.count(FeedbackFilter.ALL) == 600,
                () -> "stored " + store.count(FeedbackFilter.ALL) + ", " + bus.health());
        System.out.printf("kafka bus: 600 items published, stored and committed in %d ms (first use: topic creation, group join)%n",
                (System.nanoTime() - t0) / 1_000_000);
        List<AnalyzedFeedback> stored = store.getAll(SampleFeedback.ids(items));
        assertThat(stored).hasSize(600);
        AnalyzedFeedback first = store.get("once:0").orElseThrow();
        assertThat(first.item()).isEqualTo(items.get(0));
        assertThat(first.analysis().tokens()).contains("续航");
        assertThat(first.week()).isEqualTo("2026-W45");
        assertThat(committedOffsets(config)).isEqualTo(600);
        assertThat(bus.stats().created()).isEqualTo(600);
        assertThat(bus.stats().updated()).isZero();

        BusHealth health = bus.health();
        assertThat(health.up()).isTrue();
        assertThat(health.backend()).isEqualTo("kafka");
        assertThat(health.deadLetters()).isZero();
        assertThat(health.detail()).contains("consuming");

        // Publishing the same ids again updates in place: still 600 items, now with the new text.
        List<FeedbackItem> again = items.stream().map(i -> i.toBuilder().text(i.text() + " 追评").build()).toList();
        bus.publish(again).get(30, TimeUnit.SECONDS);
        Await.until(WAIT, () -> bus.stats().updated() == 600, () -> bus.stats().toString());
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(600);
        assertThat(store.get("once:7").orElseThrow().item().text()).endsWith("追评");
        assertThat(bus.stats().created()).isEqualTo(600);
        Await.until(WAIT, () -> committedOffsets(config) == 1200, () -> "committed " + committedOffsets(config));
        assertThat(bus.deadLetterCount()).isZero();
    }

    /** Kafka workers store through the same handler as the in-process bus, so they announce what they stored too. */
    @Test
    void batchesAWorkerStoredAreAnnouncedWithTheirWeeks() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("announce").withPartitions(2, (short) 1).withWorkers(2);
        LuceneFeedbackStore store = openStore();
        KafkaFeedbackBus bus = open(config);
        List<StoredEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        bus.start(new io.koubei.analysis.AnalyzeAndStoreHandler(pipeline, store, WriteVisibility.EVENTUAL, null, 1,
                events::add));

        List<FeedbackItem> items = SampleFeedback.items("announce", 0, 300);
        bus.publish(items).get(30, TimeUnit.SECONDS);
        Await.until(WAIT, () -> events.stream().mapToInt(StoredEvent::items).sum() == 300,
                () -> events.size() + " events, " + bus.health());
        java.util.Set<String> weeks = new java.util.TreeSet<>();
        events.forEach(e -> weeks.addAll(e.weeks()));
        java.util.Set<String> expected = new java.util.TreeSet<>();
        items.forEach(i -> expected.add(CalendarKeys.defaultZone().week(i.createdAt())));
        assertThat(weeks).isEqualTo(expected);
    }

    @Test
    void unparseableRecordsAndFailedItemsGoToTheDeadLetterTopicWithTheirError() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("dlq").withWorkers(1);
        LuceneFeedbackStore store = openStore();
        KafkaFeedbackBus bus = open(config);
        bus.start(new AnalyseAndStoreHandler(
                new AnalysisPipeline(new PoisonSensitiveAnalyzer(new BuiltInAnalyzer()), CalendarKeys.defaultZone()), store));

        List<FeedbackItem> good = SampleFeedback.items("dlq", 0, 100);
        FeedbackItem poison = SampleFeedback.item("dlq", 999, "会让分析崩溃").toBuilder()
                .tags(List.of(PoisonSensitiveAnalyzer.POISON)).build();
        bus.publish(good.subList(0, 50)).get(30, TimeUnit.SECONDS);
        writeRaw(config.topic(), "garbage-1", "not json {");
        writeRaw(config.topic(), "incomplete-1", "{\"id\":\"incomplete-1\",\"source\":\"x\"}");
        bus.publish(List.of(poison)).get(30, TimeUnit.SECONDS);
        bus.publish(good.subList(50, 100)).get(30, TimeUnit.SECONDS);

        Await.until(WAIT, () -> bus.health().pending() == 0 && bus.deadLetterCount() == 3,
                () -> "stored " + store.count(FeedbackFilter.ALL) + ", " + bus.health());
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(100);
        assertThat(store.getAll(SampleFeedback.ids(good))).hasSize(100);
        assertThat(store.get(poison.id())).isEmpty();
        assertThat(bus.stats().deadLettered()).isEqualTo(3);
        assertThat(bus.health().deadLetters()).isEqualTo(3);

        Map<String, ConsumerRecord<String, String>> letters = readAll(config.deadLetterTopic(), 3);
        assertThat(letters).containsOnlyKeys("garbage-1", "incomplete-1", poison.id());
        ConsumerRecord<String, String> garbage = letters.get("garbage-1");
        assertThat(garbage.value()).isEqualTo("not json {");
        assertThat(header(garbage, DeadLetterTopic.HEADER_STAGE)).isEqualTo("parse");
        assertThat(header(garbage, DeadLetterTopic.HEADER_ERROR)).contains("not a format v1 feedback item");
        assertThat(header(garbage, DeadLetterTopic.HEADER_ORIGIN)).startsWith(config.topic() + "-");
        assertThat(header(letters.get("incomplete-1"), DeadLetterTopic.HEADER_ERROR)).contains("channel");
        ConsumerRecord<String, String> failed = letters.get(poison.id());
        assertThat(header(failed, DeadLetterTopic.HEADER_STAGE)).isEqualTo("handle");
        assertThat(header(failed, DeadLetterTopic.HEADER_ERROR)).contains("analyzer crashed on dlq:999");
        assertThat(new ItemCodec().fromJson(failed.value())).isEqualTo(poison); // the original payload, replayable
        assertThat(header(failed, DeadLetterTopic.HEADER_FAILED_AT)).isNotBlank();

        List<DeadLetter> readBack = bus.deadLetters(10);
        assertThat(readBack).hasSize(3);
        assertThat(readBack).extracting(DeadLetter::itemId).containsExactlyInAnyOrder("garbage-1", "incomplete-1", poison.id());
        assertThat(readBack).allSatisfy(d -> assertThat(d.error()).isNotBlank());
        assertThat(bus.deadLetters(1)).hasSize(1);
    }

    @Test
    void aHandlerThatThrowsOnOneItemOnlyLosesThatItem() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("isolate").withPartitions(1, (short) 1).withWorkers(1);
        LuceneFeedbackStore store = openStore();
        AnalysisPipeline crashing = new AnalysisPipeline(new PoisonSensitiveAnalyzer(new BuiltInAnalyzer()), CalendarKeys.defaultZone());
        KafkaFeedbackBus bus = open(config);
        // A handler with no error handling of its own: the analyzer's exception escapes for the whole batch.
        bus.start(batch -> new HandleResult(store.upsert(batch.stream().map(crashing::process).toList()), List.of()));

        List<FeedbackItem> items = new ArrayList<>(SampleFeedback.items("isolate", 0, 30));
        items.add(15, SampleFeedback.item("isolate", 500, "坏").toBuilder().tags(List.of(PoisonSensitiveAnalyzer.POISON)).build());
        bus.publish(items).get(30, TimeUnit.SECONDS);

        Await.until(WAIT, () -> bus.health().pending() == 0, () -> bus.health().toString());
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(30);
        assertThat(store.get("isolate:500")).isEmpty();
        List<DeadLetter> letters = bus.deadLetters(10);
        assertThat(letters).singleElement().satisfies(d -> {
            assertThat(d.itemId()).isEqualTo("isolate:500");
            assertThat(d.error()).contains("IllegalStateException").contains("analyzer crashed");
        });
    }

    @Test
    void aWrappedStoreOutageIsWaitedOutNotDeadLettered() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("wrapped").withPartitions(1, (short) 1).withWorkers(1)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        LuceneFeedbackStore store = openStore();
        AnalyseAndStoreHandler real = new AnalyseAndStoreHandler(pipeline, store);
        java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger(3);
        KafkaFeedbackBus bus = open(config);
        // An async store client reports the outage wrapped, as CompletableFuture.join() does.
        bus.start(batch -> {
            if (outages.getAndDecrement() > 0) {
                throw new java.util.concurrent.CompletionException(
                        new io.koubei.core.store.StoreUnavailableException("node down"));
            }
            return real.handle(batch);
        });
        bus.publish(SampleFeedback.items("wrapped", 0, 40)).get(30, TimeUnit.SECONDS);

        Await.until(WAIT, () -> bus.health().pending() == 0, () -> bus.health() + " " + bus.stats());
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(40);
        assertThat(bus.deadLetterCount()).isZero();
        assertThat(bus.stats().storeUnavailable()).isEqualTo(3);
        assertThat(bus.stats().pauses()).isEqualTo(1);
        assertThat(bus.stats().paused()).isFalse();
    }

    @Test
    void aRestartedBusContinuesAfterTheLastCommitWithoutRedelivering() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("restart").withWorkers(1);
        LuceneFeedbackStore store = openStore();
        List<FeedbackItem> items = SampleFeedback.items("restart", 0, 400);
        try (KafkaFeedbackBus first = new KafkaFeedbackBus(config)) {
            first.start(new AnalyseAndStoreHandler(pipeline, store));
            first.publish(items.subList(0, 300)).get(30, TimeUnit.SECONDS);
            Await.until(WAIT, () -> store.count(FeedbackFilter.ALL) == 300, () -> first.stats().toString());
        }
        assertThat(committedOffsets(config)).isEqualTo(300);

        // Published while no worker runs: waits in the topic, then the next process of the group takes it up.
        try (KafkaFeedbackBus publisher = new KafkaFeedbackBus(config)) {
            publisher.publish(items.subList(300, 400)).get(30, TimeUnit.SECONDS);
        }
        KafkaFeedbackBus second = open(config);
        AnalyseAndStoreHandler handler = new AnalyseAndStoreHandler(pipeline, store);
        second.start(handler);
        Await.until(WAIT, () -> store.count(FeedbackFilter.ALL) == 400 && second.health().pending() == 0,
                () -> second.stats() + " " + second.health());
        assertThat(second.stats().received()).isEqualTo(100);
        assertThat(second.stats().created()).isEqualTo(100);
        assertThat(second.stats().updated()).isZero();
    }

    @Test
    void twoWorkersOnFourPartitionsShareTheLoad() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("share").withPartitions(4, (short) 1).withWorkers(2).withBatchSize(200);
        LuceneFeedbackStore store = openStore();
        AnalyseAndStoreHandler handler = new AnalyseAndStoreHandler(pipeline, store);
        KafkaFeedbackBus bus = open(config);
        bus.start(handler);
        // Let both workers join the group before the load arrives, so the split is visible.
        Await.until(WAIT, () -> assignedMembers(config) == 2, () -> "members with partitions: " + assignedMembers(config));

        int n = 2000;
        List<FeedbackItem> items = SampleFeedback.items("share", 0, n);
        long t0 = System.nanoTime();
        bus.publish(items).get(30, TimeUnit.SECONDS);
        Await.until(WAIT, () -> store.count(FeedbackFilter.ALL) == n, () -> "stored " + store.count(FeedbackFilter.ALL));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("kafka bus: %d items published, analysed and stored by 2 workers in %.2f s (%.0f items/s)%n",
                n, seconds, n / seconds);

        Map<String, Long> perWorker = handler.itemsByThread();
        assertThat(perWorker).containsOnlyKeys("koubei-kafka-worker-0", "koubei-kafka-worker-1");
        assertThat(perWorker.values()).allSatisfy(v -> assertThat(v).isGreaterThan(n / 10));
        assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(n);
        Await.until(WAIT, () -> bus.health().pending() == 0, () -> bus.health().toString());
    }

    @Test
    void anUnreachableBrokerIsReportedAndPublishFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        KafkaBusConfig config = KafkaBusConfig.defaults("127.0.0.1:" + port).withClientProperties(Map.of(
                "max.block.ms", "1000", "request.timeout.ms", "1000", "delivery.timeout.ms", "2000",
                "default.api.timeout.ms", "2000", "reconnect.backoff.max.ms", "200"));
        KafkaFeedbackBus bus = open(config);

        long t0 = System.nanoTime();
        BusHealth health = bus.health();
        assertThat(health.up()).isFalse();
        assertThat(health.pending()).isEqualTo(-1);
        assertThat(health.detail()).contains("broker unreachable at 127.0.0.1:" + port);
        assertThatThrownBy(() -> bus.publish(SampleFeedback.items("down", 0, 3)).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void configDefaultsAndValidation() {
        KafkaBusConfig c = KafkaBusConfig.defaults("h:9092");
        assertThat(c.topic()).isEqualTo("koubei.feedback.raw");
        assertThat(c.deadLetterTopic()).isEqualTo("koubei.feedback.dlq");
        assertThat(c.groupId()).isEqualTo("koubei-analysis");
        assertThat(c.workers()).isEqualTo(2);
        assertThat(c.partitions()).isEqualTo(4);
        assertThat(c.batchSize()).isEqualTo(1000);
        assertThat(c.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> KafkaBusConfig.defaults(" ")).hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> c.withTopics("a", "a")).hasMessageContaining("dead-letter topic must differ");
        assertThatThrownBy(() -> c.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("maxBackoff");
    }

    @Test
    void aPublishOnlyProcessFollowsItsRecordsUntilAnotherProcessStoredThem() throws Exception {
        KafkaBusConfig config = EmbeddedBroker.freshConfig("progress").withPartitions(3, (short) 1).withWorkers(2);
        KafkaFeedbackBus importer = open(config); // like `koubei import`: publishes, never consumes
        importer.publish(SampleFeedback.items("progress", 0, 300)).get(30, TimeUnit.SECONDS);
        StorageProgress before = importer.storageProgress();
        assertThat(before).isEqualTo(new StorageProgress(300, 300, 0));
        assertThat(importer.health().detail()).contains("not consuming");

        LuceneFeedbackStore store = openStore();
        KafkaFeedbackBus server = open(config); // like `koubei serve`: the workers of the same group
        server.start(new AnalyseAndStoreHandler(pipeline, store));
        Await.until(WAIT, () -> importer.storageProgress().done(), () -> importer.storageProgress().toString());
        assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(300);
        StorageProgress after = importer.storageProgress();
        assertThat(after.stored()).isEqualTo(300);
        assertThat(after.activeConsumers()).isEqualTo(2);

        // records published by someone else do not count against this process
        server.publish(SampleFeedback.items("progress", 300, 50)).get(30, TimeUnit.SECONDS);
        assertThat(importer.storageProgress().published()).isEqualTo(300);
    }

    private LuceneFeedbackStore openStore() {
        LuceneFeedbackStore store = new LuceneFeedbackStore(dir.resolve("index-" + toClose.size()));
        toClose.add(store);
        return store;
    }

    private KafkaFeedbackBus open(KafkaBusConfig config) {
        KafkaFeedbackBus bus = new KafkaFeedbackBus(config);
        toClose.add(bus);
        return bus;
    }

    static long committedOffsets(KafkaBusConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int assignedMembers(KafkaBusConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            return (int) admin.describeConsumerGroups(List.of(config.groupId())).all().get(10, TimeUnit.SECONDS)
                    .get(config.groupId()).members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void writeRaw(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    static Map<String, ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime()), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int seen = 0;
            while (seen < expected && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    byKey.put(r.key(), r);
                    seen++;
                }
            }
            // Nothing beyond what was expected arrives a moment later either.
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                byKey.put(r.key() + "#extra", r);
            }
        }
        return byKey;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
