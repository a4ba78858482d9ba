package io.koubei.ingest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.koubei.analysis.AnalysisPipeline;
import io.koubei.analysis.AnalyzeAndStoreHandler;
import io.koubei.analysis.BuiltInAnalyzer;
import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.time.CalendarKeys;
import io.koubei.ingest.bus.DeadLetterLog;
import io.koubei.ingest.bus.InProcessBus;
import io.koubei.ingest.format.ParseResult;
import io.koubei.ingest.importing.FeedbackImporter;
import io.koubei.ingest.importing.ImportOptions;
import io.koubei.ingest.importing.ImportSummary;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault suite: the embedded store's disk fills up during ingest (a real, small tmpfs the test mounts; skipped where
 * mounting is not permitted). Every acknowledged item must be stored exactly once, nothing may be called poison
 * because the disk is full, the fail-fast publisher (the ingest API) must learn within a second, and the store must
 * take writes again once space returns (issue 21, finding 1).
 */
class DiskFullFaultTest {
    private static final String[] TEXTS = {"续航太差了，一天三充，售后也不回复", "拍照清晰，很满意，屏幕细腻", "客服态度很好，处理及时",
        "发热严重，玩游戏卡顿，希望尽快修复", "物流很快，包装完好，推荐购买"};

    @TempDir
    Path tmp;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = tmp.resolve("disk");
        Files.createDirectories(mount);
        mounted = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
        assumeTrue(mounted, "mounting a tmpfs is not permitted here (needs root on Linux)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFullDiskNeverLosesAnAcknowledgedItemAndTheStoreRecoversWhenSpaceReturns() throws Exception {
        Path index = mount.resolve("index");
        List<String> acknowledged = new ArrayList<>();
        String unavailable = null;
        long failFastMillis = -1;
        AnalysisPipeline pipeline = new AnalysisPipeline(new BuiltInAnalyzer(), CalendarKeys.defaultZone());
        InProcessBus.Settings settings = InProcessBus.Settings.defaults(mount)
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(200)).withDrainTimeout(Duration.ofSeconds(2));
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(index); InProcessBus bus = new InProcessBus(settings)) {
            bus.start(new AnalyzeAndStoreHandler(pipeline, store));
            FeedbackImporter importer = new FeedbackImporter(bus);
            ImportOptions api = ImportOptions.defaults().withFailFast(true);
            int refusedRounds = 0;
            for (int round = 0; round < 300 && refusedRounds < 8; round++) {
                // over 512 items, the store indexes on several threads; later rounds hit a writer the full disk broke
                List<FeedbackItem> batch = batch("r" + round + "-", 600);
                long start = System.nanoTime();
                ImportSummary s = importer.importResults("request", results(batch).iterator(), api, (r, t) -> { }, batch.size());
                if (s.abortedReason() != null) {
                    if (unavailable == null) {
                        unavailable = s.abortedReason();
                        failFastMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                    refusedRounds++;
                    Thread.sleep(150);
                } else {
                    assertThat(s.deadLettered()).as("valid items are never called poison because the disk is full").isZero();
                    assertThat(s.accepted()).isEqualTo(batch.size());
                    batch.forEach(i -> acknowledged.add(i.id()));
                }
            }
            assertThat(bus.deadLetterCount()).as("nothing dead-lettered: every failure was the disk").isZero();
            assertThat(unavailable).as("the 6 MB disk filled up").isNotNull().contains("unavailable");
            assertThat(failFastMillis).as("the fail-fast publisher learns within a second").isLessThan(1_500);
            assertThat(acknowledged).isNotEmpty();

            // space returns: the store reopens its writer and the same publisher's batch is taken
            assertThat(run("mount", "-o", "remount,size=256m", mount.toString())).isTrue();
            List<FeedbackItem> after = batch("after-", 50);
            ImportSummary later = null;
            for (int i = 0; i < 100; i++) {
                later = importer.importResults("request", results(after).iterator(), api, (r, t) -> { }, after.size());
                if (later.abortedReason() == null) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(later.abortedReason()).isNull();
            assertThat(later.accepted()).isEqualTo(50);
            after.forEach(i -> acknowledged.add(i.id()));
            assertThat(store.check().up()).isTrue();
        }
        try (LuceneFeedbackStore reopened = new LuceneFeedbackStore(index)) {
            assertThat(reopened.getAll(acknowledged)).as("every acknowledged item, once").hasSize(acknowledged.size());
            assertThat(reopened.count(FeedbackFilter.ALL)).isGreaterThanOrEqualTo(acknowledged.size());
        }
        Path deadLetters = mount.resolve(DeadLetterLog.FILE_NAME);
        if (Files.exists(deadLetters)) {
            JsonMapper json = JsonMapper.builder().build();
            for (String line : Files.readAllLines(deadLetters)) {
                if (!line.isBlank()) {
                    json.readTree(line); // no half-written line
                }
            }
        }
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsNotAcknowledged() throws Exception {
        FeedbackHandler rejectsOne = b -> new HandleResult(new UpsertResult(b.size() - 1, 0),
                List.of(new DeadLetter(b.get(0).id(), null, "analysis failed", null)));
        InProcessBus.Settings settings = InProcessBus.Settings.defaults(mount).withRetry(Duration.ofMillis(50), Duration.ofMillis(200));
        try (InProcessBus bus = new InProcessBus(settings)) {
            bus.start(rejectsOne);
            Path filler = mount.resolve("filler");
            fill(filler);
            CompletableFuture<PublishReceipt> refused = bus.publish(batch("full-", 3));
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasMessageContaining("not acknowledged");
            assertThat(bus.deadLetterCount()).isZero();

            Files.delete(filler);
            PublishReceipt taken = bus.publish(batch("room-", 3)).get(10, TimeUnit.SECONDS);
            assertThat(taken.failed()).isEqualTo(1);
            assertThat(bus.deadLetterCount()).isEqualTo(1);
        }
        List<String> lines = Files.readAllLines(mount.resolve(DeadLetterLog.FILE_NAME));
        assertThat(lines).hasSize(1).allMatch(l -> l.contains("room-0"));
    }

    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }

    private static List<FeedbackItem> batch(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> FeedbackItem.builder().source("weibo").channel(Channel.SOCIAL)
                .externalId(prefix + i).createdAt(Instant.parse("2026-11-02T00:00:00Z").plusSeconds(i))
                .text((TEXTS[i % TEXTS.length] + "。").repeat(8) + prefix + i).build()).toList();
    }

    private static List<ParseResult> results(List<FeedbackItem> items) {
        List<ParseResult> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new ParseResult.Valid(i + 1, items.get(i)));
        }
        return out;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
