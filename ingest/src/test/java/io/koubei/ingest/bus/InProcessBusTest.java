package io.koubei.ingest.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.ingest.format.FeedbackJsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessBusTest {

    @TempDir
    Path dir;

    private InProcessBus.Settings fast() {
        return InProcessBus.Settings.defaults(dir).withRetry(Duration.ofMillis(5), Duration.ofMillis(40)).withDrainTimeout(Duration.ofSeconds(5));
    }

    static List<FeedbackItem> items(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> FeedbackItem.builder().source("weibo").channel(Channel.SOCIAL)
                .externalId(prefix + i).createdAt(Instant.parse("2024-05-01T00:00:00Z")).text("text " + prefix + i).build()).toList();
    }

    @Test
    void acknowledgesOnlyAfterTheHandlerStoredTheBatch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MapBackedHandler store = new MapBackedHandler();
        try (InProcessBus bus = new InProcessBus(fast())) {
            bus.start(batch -> {
                await(release);
                return store.handle(batch);
            });
            CompletableFuture<PublishReceipt> f = bus.publish(items("a", 3));
            Thread.sleep(100);
            assertThat(f).isNotDone();
            assertThat(bus.health().pending()).isEqualTo(3);
            release.countDown();
            PublishReceipt r = f.get(5, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(new PublishReceipt(3, true, 3, 0, 0));
            assertThat(store.stored).hasSize(3);
            assertThat(bus.health().pending()).isZero();
        }
    }

    @Test
    void resendingTheSameItemsUpdatesInsteadOfDuplicating() throws Exception {
        MapBackedHandler store = new MapBackedHandler();
        try (InProcessBus bus = new InProcessBus(fast())) {
            bus.start(store);
            assertThat(bus.publish(items("a", 5)).get(5, TimeUnit.SECONDS)).isEqualTo(new PublishReceipt(5, true, 5, 0, 0));
            assertThat(bus.publish(items("a", 5)).get(5, TimeUnit.SECONDS)).isEqualTo(new PublishReceipt(5, true, 0, 5, 0));
            assertThat(bus.publish(items("a", 7)).get(5, TimeUnit.SECONDS)).isEqualTo(new PublishReceipt(7, true, 2, 5, 0));
            assertThat(store.stored).hasSize(7);
        }
    }

    @Test
    void retriesTheBatchWhileTheStoreIsUnavailableAndDropsNothing() throws Exception {
        MapBackedHandler store = new MapBackedHandler();
        AtomicInteger calls = new AtomicInteger();
        try (InProcessBus bus = new InProcessBus(fast())) {
            bus.start(batch -> {
                if (calls.incrementAndGet() <= 3) {
                    throw new StoreUnavailableException("index is read-only");
                }
                return store.handle(batch);
            });
            PublishReceipt r = bus.publish(items("a", 4)).get(5, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(new PublishReceipt(4, true, 4, 0, 0));
            assertThat(calls.get()).isEqualTo(4);
            assertThat(store.stored).hasSize(4);
            assertThat(bus.deadLetterCount()).isZero();
        }
    }

    @Test
    void failedItemsBecomeDeadLettersInMemoryAndOnDiskWhileTheRestIsStored() throws Exception {
        MapBackedHandler store = new MapBackedHandler(i -> i.externalId().equals("a1"));
        List<FeedbackItem> batch = items("a", 3);
        try (InProcessBus bus = new InProcessBus(fast())) {
            bus.start(store);
            assertThat(bus.publish(batch).get(5, TimeUnit.SECONDS)).isEqualTo(new PublishReceipt(3, true, 2, 0, 1));
            assertThat(bus.deadLetterCount()).isEqualTo(1);
            DeadLetter letter = bus.deadLetters(10).get(0);
            assertThat(letter.itemId()).isEqualTo("weibo:a1");
            assertThat(letter.error()).isEqualTo("cannot analyse: text a1");
            assertThat(new FeedbackJsonCodec().fromJson(letter.payload())).isEqualTo(batch.get(1)); // replayable
            assertThat(bus.health().deadLetters()).isEqualTo(1);
        }
        List<String> lines = Files.readAllLines(dir.resolve(DeadLetterLog.FILE_NAME));
        assertThat(lines).singleElement().asString().contains("\"itemId\":\"weibo:a1\"", "cannot analyse: text a1");
        assertThat(DeadLetterLog.replayableItems(dir.resolve(DeadLetterLog.FILE_NAME))).containsExactly(batch.get(1));
        // a new bus on the same directory still knows about it
        try (InProcessBus again = new InProcessBus(fast())) {
            assertThat(again.deadLetterCount()).isEqualTo(1);
            assertThat(again.deadLetters(5)).extracting(DeadLetter::itemId).containsExactly("weibo:a1");
        }
    }

    @Test
    void anItemThatMakesTheHandlerThrowIsIsolatedAndTheOthersAreStored() throws Exception {
        MapBackedHandler store = new MapBackedHandler();
        try (InProcessBus bus = new InProcessBus(fast())) {
            bus.start(batch -> {
                if (batch.stream().anyMatch(i -> i.externalId().equals("a2"))) {
                    throw new IllegalArgumentException("analyzer bug");
                }
                return store.handle(batch);
            });
            assertThat(bus.publish(items("a", 4)).get(5, TimeUnit.SECONDS)).isEqualTo(new PublishReceipt(4, true, 3, 0, 1));
            assertThat(store.stored).containsOnlyKeys("weibo:a0", "weibo:a1", "weibo:a3");
            assertThat(bus.deadLetters(1).get(0).error()).isEqualTo("IllegalArgumentException: analyzer bug");
        }
    }

    @Test
    void publishersBlockWhenTheQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MapBackedHandler store = new MapBackedHandler();
        try (InProcessBus bus = new InProcessBus(fast().withQueueCapacity(1))) {
            bus.start(batch -> {
                await(release);
                return store.handle(batch);
            });
            CompletableFuture<PublishReceipt> first = bus.publish(items("a", 1)); // taken by the worker, which blocks
            Thread.sleep(100);
            CompletableFuture<PublishReceipt> second = bus.publish(items("b", 1)); // fills the queue
            CompletableFuture<CompletableFuture<PublishReceipt>> third = CompletableFuture.supplyAsync(() -> bus.publish(items("c", 1)));
            Thread.sleep(300);
            assertThat(third).as("third publish waits for room").isNotDone();
            release.countDown();
            assertThat(third.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS).created()).isEqualTo(1);
            assertThat(first.get().created() + second.get().created()).isEqualTo(2);
            assertThat(store.stored).hasSize(3);
        }
    }

    @Test
    void closeDrainsWhatIsQueuedAndRefusesNewPublishes() throws Exception {
        MapBackedHandler store = new MapBackedHandler();
        InProcessBus bus = new InProcessBus(fast());
        bus.start(batch -> {
            sleep(20);
            return store.handle(batch);
        });
        List<CompletableFuture<PublishReceipt>> futures = IntStream.range(0, 10).mapToObj(i -> bus.publish(items("p" + i + "-", 2))).toList();
        bus.close();
        for (CompletableFuture<PublishReceipt> f : futures) {
            assertThat(f).isCompleted();
            assertThat(f.get().created()).isEqualTo(2);
        }
        assertThat(store.stored).hasSize(20);
        assertThatThrownBy(() -> bus.publish(items("late", 1)).get()).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("closed");
        assertThat(bus.health().up()).isFalse();
    }

    @Test
    void closeWhileTheStoreStaysDownFailsTheFutureInsteadOfPretending() throws Exception {
        InProcessBus bus = new InProcessBus(fast().withDrainTimeout(Duration.ofMillis(200)));
        bus.start(batch -> {
            throw new StoreUnavailableException("disk full");
        });
        CompletableFuture<PublishReceipt> f = bus.publish(items("a", 1));
        Thread.sleep(50);
        assertThat(bus.health().detail()).startsWith("store unavailable (disk full); retry");
        bus.close();
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).hasMessageContaining("still unavailable when the bus closed");
        assertThat(bus.deadLetterCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

}
