package io.koubei.ingest.kafka;

import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the analysis group, on its own thread: poll → parse → handle → dead letters → commit.
 *
 * <p>Offsets are committed only after the handler returned (the store confirmed) and the dead letters were
 * acknowledged. When the store is unavailable the worker keeps the batch, pauses its partitions (polling on, so
 * it stays in the group), waits with exponential backoff and retries the same batch; the first success resumes
 * consumption.
 */
final class ConsumerWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(15);

    /** Counters shared by the workers of one bus. */
    static final class Counters {
        final AtomicLong received = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong handlerCalls = new AtomicLong();
        final AtomicLong storeUnavailable = new AtomicLong();
        final AtomicLong pauses = new AtomicLong();
    }

    private final String name;
    private final KafkaBusConfig config;
    private final KafkaClients clients;
    private final FeedbackHandler handler;
    private final ItemCodec codec;
    private final DeadLetterTopic deadLetters;
    private final Counters counters;
    private final TopicSetup topics;
    private final Backoff backoff;

    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile Instant pausedSince;
    private volatile String lastError;
    private volatile boolean stopped;
    /** True once the topics exist and the consumer subscribed; before, the worker waits for the brokers. */
    private volatile boolean subscribed;

    // Touched only on the worker thread (rebalance callbacks run inside poll on this thread).
    private KafkaConsumer<String, String> consumer;
    private PolledBatch pending;
    private long retryAtNanos;
    private int commitRetriesAfterRebalance;
    private static final int MAX_COMMIT_RETRIES_AFTER_REBALANCE = 20;
    private static final Duration COMMIT_RETRY_AFTER_REBALANCE = Duration.ofMillis(200);

    ConsumerWorker(String name, KafkaBusConfig config, KafkaClients clients, FeedbackHandler handler, ItemCodec codec,
                   DeadLetterTopic deadLetters, Counters counters, TopicSetup topics) {
        this.name = name;
        this.config = config;
        this.clients = clients;
        this.handler = handler;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.topics = topics;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    }

    @Override
    public void run() {
        try {
            if (!awaitTopics()) {
                return;
            }
            consumer = clients.groupConsumer(name);
            consumer.subscribe(List.of(config.topic()), new Rebalance());
            subscribed = true;
            while (running) {
                try {
                    step();
                } catch (KafkaException | IllegalStateException e) {
                    // Poll-level trouble (e.g. broker gone): wait and go on rather than die or spin.
                    lastError = "kafka: " + e.getMessage();
                    log.warn("{}: {}; retrying", name, lastError);
                    sleepWhileRunning(backoff.nextMillis());
                }
            }
            commitHandledOnClose();
        } catch (RuntimeException | Error e) {
            lastError = "worker stopped: " + e;
            log.error("{} stopped", name, e);
            throw e;
        } finally {
            if (consumer != null) {
                try {
                    consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
                } catch (RuntimeException e) {
                    log.warn("{}: closing the consumer failed: {}", name, e.toString());
                }
            }
            stopped = true;
        }
    }

    void stop() {
        running = false;
    }

    boolean paused() {
        return paused;
    }

    Instant pausedSince() {
        return pausedSince;
    }

    String lastError() {
        return lastError;
    }

    boolean stopped() {
        return stopped;
    }

    boolean subscribed() {
        return subscribed;
    }

    String name() {
        return name;
    }

    private boolean awaitTopics() {
        while (running) {
            try {
                topics.ensure();
                return true;
            } catch (RuntimeException e) {
                lastError = "cannot create or find topics: " + e.getMessage();
                log.warn("{}: {}", name, lastError);
                sleepWhileRunning(backoff.nextMillis());
            }
        }
        return false;
    }

    private void step() {
        if (pending == null) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                pending = PolledBatch.parse(records, codec);
                counters.received.addAndGet(records.count());
                attempt();
            }
            return;
        }
        long waitMillis = (retryAtNanos - System.nanoTime()) / 1_000_000;
        if (waitMillis > 0) {
            // Every owned partition is paused: this poll returns nothing but keeps the group membership alive.
            ConsumerRecords<String, String> unexpected = consumer.poll(Duration.ofMillis(Math.min(waitMillis, POLL.toMillis())));
            if (!unexpected.isEmpty()) {
                rewind(unexpected);
            }
            return;
        }
        attempt();
    }

    /** One try to bring the pending batch to the store, the dead-letter topic and the committed offsets. */
    private void attempt() {
        if (pending.isEmpty()) {
            // Its partitions moved to another worker while we waited; no evidence about the store either way.
            pending = null;
            resumeIfPaused();
            return;
        }
        try {
            boolean reachedStore = false;
            if (!pending.handled) {
                deliver(pending);
                reachedStore = true;
            }
            if (!pending.unsentLetters.isEmpty()) {
                deadLetters.writeAll(pending.unsentLetters);
            }
            commit(pending.commitOffsets(null));
            pending = null;
            commitRetriesAfterRebalance = 0;
            if (reachedStore) {
                backoff.reset();
            }
            resumeIfPaused();
        } catch (StoreUnavailableException e) {
            counters.storeUnavailable.incrementAndGet();
            holdAndRetry("store unavailable: " + e.getMessage());
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The batch is stored, but the group is rebalancing. Partitions that move to another worker are dropped
            // from the batch by onPartitionsRevoked (the new owner re-reads from the last commit; the store's upsert
            // by id absorbs the repeat). Partitions that stay here must still be committed: this consumer's position
            // is past their records, which will not come again, so without a commit the group's lag stays up for
            // good (seen as bus.pending > 0 with every item stored). Commit again once the rebalance is through.
            if (++commitRetriesAfterRebalance > MAX_COMMIT_RETRIES_AFTER_REBALANCE) {
                log.info("{}: commit still refused after {} rebalances ({}); the records are stored and the next commit "
                        + "covers them", name, MAX_COMMIT_RETRIES_AFTER_REBALANCE, e.getMessage());
                commitRetriesAfterRebalance = 0;
                pending = null;
                resumeIfPaused();
                return;
            }
            log.info("{}: commit refused during a rebalance ({}); committing again once it is through", name, e.getMessage());
            retryAtNanos = System.nanoTime() + COMMIT_RETRY_AFTER_REBALANCE.toNanos();
        } catch (KafkaException e) {
            holdAndRetry("kafka: " + e.getMessage());
        }
    }

    private void deliver(PolledBatch batch) {
        Instant now = Instant.now();
        List<DeadLetterTopic.Letter> letters = new ArrayList<>(batch.parseFailures(now));
        List<FeedbackItem> items = batch.items();
        if (!items.isEmpty()) {
            HandleResult result = handleIsolatingFailures(items);
            UpsertResult stored = result.stored() == null ? UpsertResult.EMPTY : result.stored();
            counters.created.addAndGet(stored.created());
            counters.updated.addAndGet(stored.updated());
            Map<String, PolledBatch.Entry> byId = batch.entriesById();
            for (DeadLetter failed : result.failed()) {
                PolledBatch.Entry e = failed.itemId() == null ? null : byId.get(failed.itemId());
                letters.add(new DeadLetterTopic.Letter(
                        failed.itemId(),
                        e != null ? e.record().value() : failed.payload(),
                        DeadLetterTopic.STAGE_HANDLE,
                        failed.error(),
                        e != null ? e.partition() : null,
                        e != null ? e.origin() : "",
                        failed.at() == null ? now : failed.at()));
            }
        }
        batch.handled = true;
        batch.unsentLetters.addAll(letters);
    }

    /**
     * Calls the handler; if it throws anything but StoreUnavailableException, one item is likely poisoned, so the
     * items are handled one by one and only those that still fail become dead letters.
     */
    private HandleResult handleIsolatingFailures(List<FeedbackItem> items) {
        try {
            return call(items);
        } catch (RuntimeException e) {
            rethrowIfStoreUnavailable(e);
            if (items.size() == 1) {
                return new HandleResult(UpsertResult.EMPTY, List.of(failure(items.get(0), e)));
            }
            log.warn("{}: handler failed on a batch of {} ({}); isolating the failing items", name, items.size(), e.toString());
            UpsertResult stored = UpsertResult.EMPTY;
            List<DeadLetter> failed = new ArrayList<>();
            for (FeedbackItem item : items) {
                try {
                    HandleResult r = call(List.of(item));
                    stored = stored.plus(r.stored() == null ? UpsertResult.EMPTY : r.stored());
                    failed.addAll(r.failed());
                } catch (RuntimeException one) {
                    rethrowIfStoreUnavailable(one);
                    failed.add(failure(item, one));
                }
            }
            return new HandleResult(stored, failed);
        }
    }

    /**
     * An outage must never turn into dead letters, even when the handler wraps it (e.g. in a CompletionException
     * from an async store client).
     */
    private static void rethrowIfStoreUnavailable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException su) {
                throw su;
            }
        }
    }

    private HandleResult call(List<FeedbackItem> items) {
        counters.handlerCalls.incrementAndGet();
        HandleResult r = handler.handle(items);
        return r == null ? new HandleResult(UpsertResult.EMPTY, List.of()) : r;
    }

    private static DeadLetter failure(FeedbackItem item, RuntimeException e) {
        return new DeadLetter(item.id(), null, e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        }
    }

    private void holdAndRetry(String reason) {
        lastError = reason;
        if (!paused) {
            consumer.pause(consumer.assignment());
            paused = true;
            pausedSince = Instant.now();
            counters.pauses.incrementAndGet();
            log.warn("{}: {}; pausing consumption of {} partition(s), batch of {} kept for retry", name, reason,
                    consumer.assignment().size(), pending.size());
        }
        long wait = backoff.nextMillis();
        retryAtNanos = System.nanoTime() + wait * 1_000_000;
        log.info("{}: retrying in {} ms ({})", name, wait, reason);
    }

    /**
     * Resumes every paused partition: those paused for a store outage, and those {@link #rewind} paused while a
     * batch waited without an outage (a commit retried after a rebalance), which would otherwise stay paused.
     */
    private void resumeIfPaused() {
        if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
            log.info("{}: resumed after {}", name, Duration.between(pausedSince, Instant.now()));
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Records that arrived while a batch waits: seek back so they come again after the resume. */
    private void rewind(ConsumerRecords<String, String> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
        consumer.pause(first.keySet());
    }

    private void commitHandledOnClose() {
        if (pending == null || !pending.handled) {
            return; // not stored: the next owner redelivers from the last commit
        }
        try {
            if (!pending.unsentLetters.isEmpty()) {
                deadLetters.writeAll(pending.unsentLetters);
            }
            commit(pending.commitOffsets(null));
        } catch (RuntimeException e) {
            log.warn("{}: could not commit the last stored batch on close ({}); it will be redelivered", name, e.toString());
        }
        pending = null;
    }

    private void sleepWhileRunning(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (running && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused && !partitions.isEmpty()) {
                consumer.pause(partitions); // the store is still down: don't fetch for new partitions either
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (pending == null || partitions.isEmpty()) {
                return;
            }
            if (pending.handled) {
                try {
                    if (!pending.unsentLetters.isEmpty()) {
                        deadLetters.writeAll(pending.unsentLetters);
                    }
                    commit(pending.commitOffsets(partitions));
                } catch (RuntimeException e) {
                    log.info("{}: could not commit revoked partitions ({}); the new owner redelivers", name, e.toString());
                }
            }
            pending.dropPartitions(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (pending != null) {
                pending.dropPartitions(partitions);
            }
        }
    }
}
