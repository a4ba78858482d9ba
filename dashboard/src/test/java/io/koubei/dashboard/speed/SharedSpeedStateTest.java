package io.koubei.dashboard.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.speed.LifecycleLog;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import io.koubei.store.state.ElasticsearchStateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Koubei nodes, each with its own data directory and its own client, on one real Elasticsearch state store
 * (issue 19 item 3): lifecycle events, service days and the loop ledger one node records are what the other reads at
 * once, and an event re-sent to either node, even to both at the same moment, is one event.
 */
class SharedSpeedStateTest {
    @TempDir
    Path dir;

    private ElasticsearchStateStore stateA;
    private ElasticsearchStateStore stateB;

    @BeforeEach
    void twoNodes() {
        ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(),
                "shared-speed-" + Long.toHexString(System.nanoTime()) + "-");
        stateA = new ElasticsearchStateStore(config);
        stateB = new ElasticsearchStateStore(config);
    }

    @AfterEach
    void stop() {
        stateA.close();
        stateB.close();
    }

    private static String event(String id, String item, String type, String at) {
        return "{\"eventId\":\"" + id + "\",\"itemId\":\"" + item + "\",\"type\":\"" + type + "\",\"at\":\"" + at
                + "\",\"department\":\"客服\"}";
    }

    @Test
    void lifecycleEventsRecordedOnOneNodeAreSeenOnTheOtherAndAReSentEventIsOneEvent() {
        LifecycleEventStore a = new LifecycleEventStore(stateA, dir.resolve("a"));
        LifecycleEventStore b = new LifecycleEventStore(stateB, dir.resolve("b"));
        assertThat(b.log().size()).isZero(); // B has read the (empty) log before A writes

        LifecycleEventStore.Receipt first = a.receive("a", event("e1", "weibo:1", "opened", "2026-11-03T10:00:00+08:00") + "\n"
                + event("e2", "weibo:1", "replied", "2026-11-03T10:30:00+08:00"));
        assertThat(first.accepted()).isEqualTo(2);

        LifecycleLog seenByB = b.log();
        assertThat(seenByB.size()).as("node B sees node A's events without a restart").isEqualTo(2);
        assertThat(seenByB.state("weibo:1").firstReplyAt()).isEqualTo(Instant.parse("2026-11-03T02:30:00Z"));

        LifecycleEventStore.Receipt again = b.receive("b", event("e2", "weibo:1", "replied", "2026-11-03T10:30:00+08:00"));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).as("re-sent to the other node: a duplicate").isEqualTo(1);

        LifecycleEventStore.Receipt late = b.receive("b", event("e0", "weibo:1", "assigned", "2026-11-03T10:10:00+08:00"));
        assertThat(late.accepted()).isEqualTo(1);
        assertThat(late.outOfOrder()).as("older than an event node A stored").isEqualTo(1);

        assertThat(a.log().size()).isEqualTo(3);
        assertThat(stateA.collection(LifecycleEventStore.COLLECTION).all()).filteredOn(d -> StateIds.isRecord(d.id()))
                .hasSize(3);

        assertThat(b.erase(Set.of("weibo:1"))).isEqualTo(3);
        assertThat(a.log().itemIds()).as("erased on B, gone on A").doesNotContain("weibo:1");
    }

    @Test
    void theSameBatchSentToBothNodesAtOnceIsStoredOnce() throws Exception {
        LifecycleEventStore a = new LifecycleEventStore(stateA, dir.resolve("a"));
        LifecycleEventStore b = new LifecycleEventStore(stateB, dir.resolve("b"));
        String batch = IntStream.range(0, 30).mapToObj(i -> event("c" + i, "ticket:" + (i / 3), "opened",
                "2026-11-03T10:" + String.format("%02d", i) + ":00+08:00")).collect(Collectors.joining("\n"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<LifecycleEventStore.Receipt>> both = pool.invokeAll(List.<Callable<LifecycleEventStore.Receipt>>of(
                    () -> a.receive("a", batch), () -> b.receive("b", batch)));
            LifecycleEventStore.Receipt ra = both.get(0).get();
            LifecycleEventStore.Receipt rb = both.get(1).get();
            assertThat(ra.accepted() + rb.accepted()).as("each event accepted by exactly one node").isEqualTo(30);
            assertThat(ra.duplicates() + rb.duplicates()).isEqualTo(30);
        } finally {
            pool.shutdown();
        }
        assertThat(a.log().size()).isEqualTo(30);
        assertThat(b.log().size()).isEqualTo(30);
        assertThat(stateB.collection(LifecycleEventStore.COLLECTION).all()).filteredOn(d -> StateIds.isRecord(d.id()))
                .hasSize(30);
    }

    @Test
    void aLargeBatchIsOneBulkWriteAndReadByTheOtherNode() {
        LifecycleEventStore a = new LifecycleEventStore(stateA, dir.resolve("a"));
        LifecycleEventStore b = new LifecycleEventStore(stateB, dir.resolve("b"));
        String batch = IntStream.range(0, 2000).mapToObj(i -> event("big" + i, "ticket:" + (i / 4), i % 4 == 0 ? "opened" : "replied",
                Instant.parse("2026-11-03T02:00:00Z").plusSeconds(i).toString())).collect(Collectors.joining("\n"));
        long t0 = System.nanoTime();
        assertThat(a.receive("a", batch).accepted()).isEqualTo(2000);
        long written = System.nanoTime();
        assertThat(b.log().size()).isEqualTo(2000);
        long read = System.nanoTime();
        assertThat(b.log().size()).isEqualTo(2000);
        long cached = System.nanoTime();
        System.out.printf("speed events on Elasticsearch: 2000 received in %d ms, read by the other node in %d ms, "
                + "read again (unchanged stamp) in %d ms%n", (written - t0) / 1_000_000, (read - written) / 1_000_000,
                (cached - read) / 1_000_000);
        assertThat(b.receive("b", batch).duplicates()).isEqualTo(2000);
    }

    @Test
    void serviceDaysStoredOnOneNodeAreReplacedOnTheOther() {
        ServiceDayStore a = new ServiceDayStore(stateA, dir.resolve("a"));
        ServiceDayStore b = new ServiceDayStore(stateB, dir.resolve("b"));
        String day = "{\"day\":\"2026-11-02\",\"line\":\"hotline\",\"product\":\"星河 X1\",\"offered\":100,\"answered\":90}";
        assertThat(a.receive("a", day).replaced()).isZero();
        assertThat(b.all()).singleElement().satisfies(d -> assertThat(d.answered()).isEqualTo(90));

        ServiceDayStore.Receipt corrected = b.receive("b", day.replace("90", "95"));
        assertThat(corrected.replaced()).as("the day node A stored").isEqualTo(1);
        assertThat(a.all()).singleElement().satisfies(d -> assertThat(d.answered()).isEqualTo(95));
    }

    @Test
    void theLoopLedgerIsOneLedgerAcrossNodes() throws Exception {
        LoopLedger a = new LoopLedger(stateA, dir.resolve("a"));
        LoopLedger b = new LoopLedger(stateB, dir.resolve("b"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<LoopLedger.Issue> filed;
        try {
            filed = pool.invokeAll(List.<Callable<LoopLedger.Issue>>of(
                    () -> a.fileNew(issue("发热")), () -> b.fileNew(issue("续航")))).stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(filed).extracting(LoopLedger.Issue::key).as("two nodes filing at once: two keys")
                .containsExactlyInAnyOrder("KB-1", "KB-2");
        assertThat(b.issues()).extracting(LoopLedger.Issue::title).containsExactlyInAnyOrder("发热", "续航");

        String heat = filed.get(0).key();
        b.release(new LoopLedger.Release("星河 X1", "1.2", Instant.parse("2026-11-10T00:00:00Z"), List.of(heat)));
        assertThat(a.release("星河 X1", "1.2")).isPresent();
        assertThat(a.issue(heat)).get().satisfies(i -> assertThat(i.fixedIn()).isEqualTo("1.2"));
        assertThat(a.fileNew(issue("信号")).key()).isEqualTo("KB-3");

        LoopLedger.ReleaseFeedback report = new LoopLedger.ReleaseFeedback("r-1", "星河 X1", "1.2",
                Map.of("续航", 4.0), "电话13812345678", Map.of("好用", 1));
        assertThat(a.feedback(report)).isFalse();
        assertThat(b.feedback(report)).as("the report node A stored").isTrue();
        assertThat(a.feedbackFor("星河 X1", "1.2")).singleElement()
                .satisfies(f -> assertThat(f.text()).doesNotContain("13812345678"));
    }

    private static LoopLedger.Issue issue(String title) {
        return new LoopLedger.Issue(null, "jira", "EXT-" + title.hashCode(), null, title, null, "星河 X1", title,
                List.of("weibo:1"), Instant.parse("2026-11-05T00:00:00Z"), null, null);
    }
}
