package io.koubei.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.Dimension;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.store.FeedbackFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded store has to prove: its files, its lock, its process-local concurrency. */
class LuceneFeedbackStoreTest {
    private static final List<AnalyzedFeedback> CORPUS = FeedbackFixtures.corpus(300, 42L);

    @TempDir
    Path dir;

    @Test
    void reopeningTheDirectoryKeepsEverything() {
        List<Dimension> overview = List.of(Dimension.WEEK, Dimension.CHANNEL);
        List<Bucket> before;
        List<AnalyzedFeedback> firstPage;
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            store.upsert(CORPUS);
            before = store.aggregate(new AggregateQuery(FeedbackFilter.ALL, overview));
            firstPage = store.search(new SearchQuery(FeedbackFilter.ALL, 0, 50)).items();
        }
        try (LuceneFeedbackStore reopened = new LuceneFeedbackStore(dir)) {
            assertThat(reopened.count(FeedbackFilter.ALL)).isEqualTo(CORPUS.size());
            assertThat(reopened.getAll(CORPUS.stream().map(AnalyzedFeedback::id).toList()))
                    .containsExactlyInAnyOrderElementsOf(CORPUS);
            assertThat(reopened.aggregate(new AggregateQuery(FeedbackFilter.ALL, overview))).isEqualTo(before);
            assertThat(reopened.search(new SearchQuery(FeedbackFilter.ALL, 0, 50)).items()).isEqualTo(firstPage);
            // ids persisted too: re-upserting updates instead of creating
            assertThat(reopened.upsert(CORPUS.subList(0, 10))).isEqualTo(new UpsertResult(0, 10));
            assertThat(reopened.check().detail()).contains(String.valueOf(CORPUS.size()));
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedClearly() {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            assertThatThrownBy(() -> new LuceneFeedbackStore(dir))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("already open");
            store.upsert(CORPUS.subList(0, 1));
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void aClosedStoreSaysSoAndReportsDown() {
        LuceneFeedbackStore store = new LuceneFeedbackStore(dir);
        store.close();
        assertThatThrownBy(() -> store.upsert(CORPUS.subList(0, 1)))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.count(FeedbackFilter.ALL))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
        assertThat(store.check().up()).isFalse();
        store.close(); // twice is harmless
    }

    @Test
    void concurrentWritersCountEachIdAsCreatedExactlyOnce() throws Exception {
        List<AnalyzedFeedback> items = FeedbackFixtures.corpus(600, 9L);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<UpsertResult>> results = new ArrayList<>();
            // four writers over overlapping halves of the same ids, in batches of 75, plus a reader
            for (int w = 0; w < 4; w++) {
                int start = (w % 2) * 150;
                results.add(pool.submit(() -> {
                    UpsertResult sum = UpsertResult.EMPTY;
                    for (int i = start; i < start + 450; i += 75) {
                        sum = sum.plus(store.upsert(items.subList(i, i + 75)));
                    }
                    return sum;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    store.aggregate(new AggregateQuery(FeedbackFilter.ALL, List.of(Dimension.WEEK)));
                }
            });
            UpsertResult total = UpsertResult.EMPTY;
            for (Future<UpsertResult> r : results) {
                total = total.plus(r.get(60, TimeUnit.SECONDS));
            }
            reader.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(total.created()).isEqualTo(items.size());
            assertThat(total.total()).isEqualTo(4 * 450);
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(items.size());
        }
    }

    @Test
    void aFailedWriteKeepsNothingOfItAndTheNextWriteRecovers() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean();
        UnaryOperator<Directory> faulty = d -> new FilterDirectory(d) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (diskFull.get()) {
                    throw new IOException("No space left on device (simulated)");
                }
                return super.createOutput(name, context);
            }
        };
        List<AnalyzedFeedback> first = CORPUS.subList(0, 10);
        AnalyzedFeedback changedFirst = new AnalyzedFeedback(first.get(0).item().toBuilder().text("changed").build(),
                first.get(0).analysis(), first.get(0).week(), first.get(0).day());
        List<AnalyzedFeedback> failing = new ArrayList<>(CORPUS.subList(10, 20));
        failing.add(changedFirst);
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir, faulty)) {
            store.upsert(first);
            diskFull.set(true);
            assertThatThrownBy(() -> store.upsert(failing))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("No space left");
            assertThat(store.check().up()).isFalse();
            assertThat(store.count(FeedbackFilter.ALL)).as("reads still served").isEqualTo(10);

            diskFull.set(false);
            assertThat(store.upsert(CORPUS.subList(20, 25))).isEqualTo(new UpsertResult(5, 0));
            assertThat(store.check().up()).isTrue();
            // the failed batch did not sneak into the later commit, not even its update
            assertThat(store.getAll(failing.stream().map(AnalyzedFeedback::id).toList())).containsExactly(first.get(0));
            assertThat(store.upsert(failing)).isEqualTo(new UpsertResult(10, 1));
        }
        try (LuceneFeedbackStore reopened = new LuceneFeedbackStore(dir)) {
            assertThat(reopened.count(FeedbackFilter.ALL)).isEqualTo(25);
            assertThat(reopened.get(changedFirst.id())).contains(changedFirst);
        }
    }

    /**
     * Regression (issue 21, finding 1): a merge that hits a full disk leaves the writer with a tragic error, and the
     * next write then fails with IllegalStateException or AlreadyClosedException. That is the store being down (retry),
     * never a bad batch (dead letters), and the store takes writes again once space returns.
     */
    @Test
    void aWriterBrokenByAFullDiskIsStoreUnavailableAndRecovers() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean();
        UnaryOperator<Directory> faulty = d -> new FilterDirectory(d) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (diskFull.get() && context.context == IOContext.Context.MERGE) {
                    throw new IOException("No space left on device (simulated, during a merge)");
                }
                return super.createOutput(name, context);
            }
        };
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir, faulty)) {
            diskFull.set(true);
            List<Throwable> failures = new ArrayList<>();
            int stored = 0;
            for (int i = 0; i < CORPUS.size(); i += 3) {
                try {
                    store.upsert(CORPUS.subList(i, Math.min(CORPUS.size(), i + 3))); // a segment per commit: merges come soon
                    stored = Math.min(CORPUS.size(), i + 3);
                } catch (RuntimeException e) {
                    failures.add(e);
                    break;
                }
                Thread.sleep(5);
            }
            assertThat(failures).as("a merge hit the full disk and broke the writer").isNotEmpty();
            assertThat(failures.get(0)).isInstanceOf(StoreUnavailableException.class);
            assertThat(store.check().up()).isFalse();

            diskFull.set(false);
            assertThat(store.upsert(CORPUS.subList(stored, stored + 3)).created()).isEqualTo(3);
            assertThat(store.check().up()).isTrue();
            assertThat(store.count(FeedbackFilter.ALL)).isEqualTo(stored + 3);
        }
    }

    /** Issue 21 finding 9: the index holds personal data, so every file Lucene writes is owner-only. */
    @Test
    void everyIndexFileIsOwnerOnly() throws Exception {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            store.upsert(CORPUS.subList(0, 30));
            store.upsert(CORPUS.subList(30, 60));
        }
        try (var files = java.nio.file.Files.list(dir)) {
            List<java.nio.file.Path> written = files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList();
            assertThat(written).isNotEmpty().allSatisfy(f -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(f))).as(f.getFileName().toString()).isEqualTo("rw-------"));
        }
    }

    /** Fault suite: a damaged index at start-up is a clear error, never a silently empty store (issue 21). */
    @Test
    void aDamagedIndexIsRefusedAtStartUpNotOpenedEmpty() throws Exception {
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            store.upsert(CORPUS.subList(0, 50));
        }
        java.nio.file.Path segmentsFile;
        try (var files = java.nio.file.Files.list(dir)) {
            segmentsFile = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(segmentsFile);
        bytes[bytes.length / 2] ^= 0x5A; // one flipped byte: the checksum no longer matches
        java.nio.file.Files.write(segmentsFile, bytes);
        assertThatThrownBy(() -> new LuceneFeedbackStore(dir)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("damaged");

        java.nio.file.Files.delete(segmentsFile); // the commit point lost: segment files without it
        assertThatThrownBy(() -> new LuceneFeedbackStore(dir)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no commit point");
    }

    @Test
    void valuesTooLongToIndexAreRejectedUpFrontAndOverlongTokensSkipped() {
        String huge = "长".repeat(12_000); // 36,000 UTF-8 bytes, over Lucene's 32,766 term limit
        try (LuceneFeedbackStore store = new LuceneFeedbackStore(dir)) {
            List<AnalyzedFeedback> bad = List.of(FeedbackFixtures.item("fine").build(),
                    FeedbackFixtures.item("too-long").product(huge).build());
            assertThatThrownBy(() -> store.upsert(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too-long").hasMessageContaining("product");
            assertThat(store.count(FeedbackFilter.ALL)).isZero();

            AnalyzedFeedback longToken = FeedbackFixtures.item("long-token").tokens(huge, "续航").build();
            assertThat(store.upsert(List.of(longToken))).isEqualTo(new UpsertResult(1, 0));
            assertThat(store.get("long-token")).contains(longToken);
            assertThat(store.count(FeedbackFilter.builder().terms(List.of("续航")).build())).isEqualTo(1);
        }
    }

    /** kill -9 a writer mid-stream: every batch it acknowledged must be in the index after reopening. */
    @Test
    void acknowledgedBatchesSurviveAKilledProcess() throws Exception {
        Path index = dir.resolve("crash");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AckingWriter.class.getName(), index.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAcked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (lastAcked < 10 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcked = Integer.parseInt(line.substring(6).trim());
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(lastAcked).as("child acknowledged batches before it was killed").isGreaterThanOrEqualTo(10);

        try (LuceneFeedbackStore reopened = new LuceneFeedbackStore(index)) {
            for (int n = 0; n <= lastAcked; n++) {
                List<String> ids = AckingWriter.batch(n).stream().map(AnalyzedFeedback::id).toList();
                assertThat(reopened.getAll(ids)).as("batch %d", n).hasSize(AckingWriter.BATCH_SIZE);
            }
            assertThat(reopened.count(FeedbackFilter.builder().terms(List.of("批次" + lastAcked)).build()))
                    .isEqualTo(AckingWriter.BATCH_SIZE);
            // whatever was in flight is either fully there or absent, never half a batch
            assertThat(reopened.count(FeedbackFilter.ALL) % AckingWriter.BATCH_SIZE).isZero();
        }
    }
}
