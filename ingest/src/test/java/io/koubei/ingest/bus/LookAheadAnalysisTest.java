package io.koubei.ingest.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process bus announces the next batch so that its analysis overlaps the current batch's write. */
class LookAheadAnalysisTest {
    private static final String[] TEXTS = {"续航太差了，一天三充", "拍照清晰，很满意", "客服态度很好", "发热严重，玩游戏卡顿", "物流很快"};

    @TempDir
    Path dir;

    private static List<FeedbackItem> batch(String prefix, int n, String suffix) {
        return IntStream.range(0, n).mapToObj(i -> FeedbackItem.builder().source("weibo").channel(Channel.SOCIAL)
                .externalId(prefix + i).createdAt(Instant.parse("2026-11-02T00:00:00Z"))
                .text(TEXTS[i % TEXTS.length] + suffix).build()).toList();
    }

    @Test
    void theBusAnnouncesEachQueuedBatchBeforeHandlingIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        FeedbackHandler handler = new FeedbackHandler() {
            @Override
            public HandleResult handle(List<FeedbackItem> b) {
                calls.add("handle " + b.get(0).externalId());
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new HandleResult(new UpsertResult(b.size(), 0), List.of());
            }

            @Override
            public void prepare(List<FeedbackItem> next) {
                calls.add("prepare " + next.get(0).externalId());
            }
        };
        try (InProcessBus bus = new InProcessBus(InProcessBus.Settings.defaults(dir))) {
            List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
            for (String p : List.of("a", "b", "c")) {
                acks.add(bus.publish(batch(p, 2, ""))); // all queued before the worker starts: each has a successor
            }
            bus.start(handler);
            release.countDown();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        // batches are handled in order, and a batch that was queued behind the current one is announced first
        assertThat(calls.stream().filter(c -> c.startsWith("handle")).toList()).containsExactly("handle a0", "handle b0", "handle c0");
        assertThat(calls).containsExactly("prepare b0", "handle a0", "prepare c0", "handle b0", "handle c0");
    }

    @Test
    void lookAheadStoresExactlyWhatPlainHandlingStores() throws Exception {
        // b re-sends half of a's ids with new text: the later batch must win, and count as updated, as without look-ahead
        List<List<FeedbackItem>> batches = List.of(batch("a", 600, ""), batch("a", 300, "。更新"), batch("c", 700, ""));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LuceneFeedbackStore ahead = new LuceneFeedbackStore(dir.resolve("ahead"));
             LuceneFeedbackStore plain = new LuceneFeedbackStore(dir.resolve("plain"));
             InProcessBus bus = new InProcessBus(InProcessBus.Settings.defaults(dir.resolve("dl")).withDrainTimeout(Duration.ofSeconds(30)))) {
            AnalysisPipeline pipeline = new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone());
            List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
            for (List<FeedbackItem> b : batches) {
                acks.add(bus.publish(b));
            }
            bus.start(new AnalyzeAndStoreHandler(pipeline, ahead, WriteVisibility.IMMEDIATE, pool, 2));
            List<PublishReceipt> receipts = new ArrayList<>();
            for (CompletableFuture<PublishReceipt> a : acks) {
                receipts.add(a.get(60, TimeUnit.SECONDS));
            }
            AnalyzeAndStoreHandler reference = new AnalyzeAndStoreHandler(pipeline, plain);
            List<UpsertResult> expected = batches.stream().map(b -> reference.handle(b).stored()).toList();

            assertThat(receipts).extracting(r -> new UpsertResult(r.created(), r.updated())).containsExactlyElementsOf(expected);
            assertThat(expected.get(1)).isEqualTo(new UpsertResult(0, 300));
            assertThat(ahead.count(FeedbackFilter.ALL)).isEqualTo(plain.count(FeedbackFilter.ALL)).isEqualTo(1300);
            for (List<FeedbackItem> b : batches) {
                for (FeedbackItem i : b) {
                    assertThat(ahead.get(i.id())).isEqualTo(plain.get(i.id()));
                }
            }
            assertThat(ahead.get(batches.get(1).get(0).id()).orElseThrow().item().text()).endsWith("。更新");
        } finally {
            pool.shutdownNow();
        }
    }
}
