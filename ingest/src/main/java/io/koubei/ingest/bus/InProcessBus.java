package io.koubei.ingest.bus;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.HandleResult;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.ingest.format.FeedbackJsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default bus: batches go through a bounded queue to one worker thread that calls the handler (analyse + store).
 *
 * <ul>
 *   <li><b>Acknowledgement</b>: a publish future completes only after the handler returned for the whole batch, with
 *       the stored counts ({@code stored=true}).</li>
 *   <li><b>Backpressure</b>: when {@code queueCapacity} batches wait, {@code publish} blocks its caller until there is
 *       room; memory never grows with the backlog.</li>
 *   <li><b>Store down</b>: a {@link StoreUnavailableException} retries the same batch with exponential backoff, for as
 *       long as it takes. Meanwhile {@link #storeUnavailable()} says why, so that a publisher that must answer at once
 *       (the ingest API) stops waiting, and a publish that finds the queue full fails at once instead of blocking.</li>
 *   <li><b>Poison items</b>: items the handler reports as failed, or that make it throw anything else (the batch is
 *       then retried in halves until they stand alone), become dead letters: kept in memory and appended to
 *       {@code <deadLetterDir>/dead-letters.jsonl}. A dead letter that cannot be written durably fails the batch's
 *       future: it is never acknowledged as handled.</li>
 *   <li><b>Close</b> stops new publishes and drains what is queued; batches still unstored after
 *       {@code drainTimeout} (store down) fail their futures, so their publishers know.</li>
 * </ul>
 */
public final class InProcessBus implements FeedbackBus {

    private static final System.Logger LOG = System.getLogger(InProcessBus.class.getName());

    /**
     * @param deadLetterDir   where dead-letters.jsonl is appended (required: nothing is silently lost)
     * @param queueCapacity   batches that may wait before publishers block
     * @param retryInitial    first backoff after a StoreUnavailableException; doubles up to {@code retryMax}
     * @param deadLettersKept most recent dead letters kept in memory
     * @param drainTimeout    how long close() keeps trying to store what is queued
     */
    public record Settings(Path deadLetterDir, int queueCapacity, Duration retryInitial, Duration retryMax,
                           int deadLettersKept, Duration drainTimeout) {
        public Settings {
            Objects.requireNonNull(deadLetterDir, "deadLetterDir");
            if (queueCapacity < 1 || deadLettersKept < 0) {
                throw new IllegalArgumentException("queueCapacity must be ≥ 1 and deadLettersKept ≥ 0");
            }
        }

        /** 16 queued batches, backoff 200 ms → 30 s, 1,000 dead letters in memory, 30 s drain. */
        public static Settings defaults(Path deadLetterDir) {
            return new Settings(deadLetterDir, 16, Duration.ofMillis(200), Duration.ofSeconds(30), 1_000, Duration.ofSeconds(30));
        }

        public Settings withQueueCapacity(int v) {
            return new Settings(deadLetterDir, v, retryInitial, retryMax, deadLettersKept, drainTimeout);
        }

        public Settings withRetry(Duration initial, Duration max) {
            return new Settings(deadLetterDir, queueCapacity, initial, max, deadLettersKept, drainTimeout);
        }

        public Settings withDrainTimeout(Duration v) {
            return new Settings(deadLetterDir, queueCapacity, retryInitial, retryMax, deadLettersKept, v);
        }
    }

    private record Job(List<FeedbackItem> items, CompletableFuture<PublishReceipt> done) {
    }

    /** The batch could not be stored before shutdown; it was not acknowledged. */
    private static final class Abandoned extends RuntimeException {
        Abandoned(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final BlockingQueue<Job> queue;
    private final DeadLetterLog deadLetters;
    private final FeedbackJsonCodec codec = new FeedbackJsonCodec();
    private final AtomicLong pendingItems = new AtomicLong();
    private volatile FeedbackHandler handler;
    private volatile Thread worker;
    private volatile boolean closed;
    private volatile long drainDeadlineNanos = Long.MAX_VALUE;
    private volatile String retrying;

    public InProcessBus(Path deadLetterDir) {
        this(Settings.defaults(deadLetterDir));
    }

    public InProcessBus(Settings settings) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        try {
            this.deadLetters = new DeadLetterLog(settings.deadLetterDir(), settings.deadLettersKept());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the dead-letter file in " + settings.deadLetterDir(), e);
        }
    }

    @Override
    public synchronized void start(FeedbackHandler handler) {
        if (this.handler != null) {
            throw new IllegalStateException("the bus is already started");
        }
        if (closed) {
            throw new IllegalStateException("the bus is closed");
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        Thread t = new Thread(this::run, "koubei-inprocess-bus");
        t.setDaemon(false);
        worker = t;
        t.start();
    }

    /** Blocks while the queue is full (backpressure). The future completes after the handler stored the batch. */
    @Override
    public CompletableFuture<PublishReceipt> publish(List<FeedbackItem> items) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bus is closed; nothing was accepted"));
        }
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishReceipt(0, true, 0, 0, 0));
        }
        Job job = new Job(List.copyOf(items), new CompletableFuture<>());
        pendingItems.addAndGet(job.items().size());
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    pendingItems.addAndGet(-job.items().size());
                    return CompletableFuture.failedFuture(new IllegalStateException("the bus closed while waiting for room; nothing was accepted"));
                }
                String down = retrying;
                if (down != null) {
                    // the queue is full because the store is down: waiting would only hang the publisher
                    pendingItems.addAndGet(-job.items().size());
                    return CompletableFuture.failedFuture(new StoreUnavailableException("nothing was accepted: the "
                            + settings.queueCapacity() + " queued batches wait for the store, which is unavailable: " + down));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pendingItems.addAndGet(-job.items().size());
            return CompletableFuture.failedFuture(e);
        }
        Thread w = worker;
        if (closed && (w == null || !w.isAlive()) && queue.remove(job)) {
            // closed between our check and the put, and nobody will take it any more
            fail(job, new IllegalStateException("the bus is closed; nothing was accepted"));
        }
        return job.done();
    }

    private void run() {
        try {
            while (true) {
                Job job = queue.poll(100, TimeUnit.MILLISECONDS);
                if (job == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                Job next = queue.peek();
                if (next != null) {
                    handler.prepare(next.items()); // its analysis overlaps this batch's write
                }
                process(job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Job job) {
        try {
            Tally tally = new Tally();
            try {
                tally.add(handleWithRetry(job.items()), job.items());
            } catch (Abandoned e) {
                throw e;
            } catch (RuntimeException batchFailure) {
                // one bad item must not sink the batch: halve it until the bad items stand alone
                isolate(job.items(), batchFailure, tally);
            }
            PublishReceipt receipt = new PublishReceipt(job.items().size(), true, tally.stored.created(), tally.stored.updated(), tally.failed);
            // no longer pending before the publisher hears it is stored: a health read after the ack must agree
            pendingItems.addAndGet(-job.items().size());
            job.done().complete(receipt);
        } catch (Abandoned e) {
            fail(job, e);
        } catch (RuntimeException | Error e) {
            fail(job, e);
        }
    }

    /**
     * A batch failed as a whole: its halves are retried, recursively, so each poisoned item costs about 2·log2(n)
     * handler calls (each a store commit) instead of the whole batch being retried item by item.
     */
    private void isolate(List<FeedbackItem> items, RuntimeException failure, Tally tally) {
        if (items.size() == 1) {
            tally.failed++;
            appendDeadLetter(new DeadLetter(items.get(0).id(), codec.toJson(items.get(0)), describe(failure), Instant.now()));
            return;
        }
        int mid = items.size() / 2;
        for (List<FeedbackItem> half : List.of(items.subList(0, mid), items.subList(mid, items.size()))) {
            try {
                tally.add(handleWithRetry(half), half);
            } catch (Abandoned e) {
                throw e;
            } catch (RuntimeException e) {
                isolate(half, e, tally);
            }
        }
    }

    private final class Tally {
        UpsertResult stored = UpsertResult.EMPTY;
        int failed;

        void add(HandleResult r, List<FeedbackItem> batch) {
            if (r == null) {
                throw new IllegalStateException("the handler returned no result");
            }
            stored = stored.plus(r.stored() == null ? UpsertResult.EMPTY : r.stored());
            Map<String, FeedbackItem> byId = null;
            for (DeadLetter d : r.failed()) {
                failed++;
                DeadLetter letter = d;
                if (d.payload() == null || d.at() == null) {
                    if (byId == null) {
                        byId = new HashMap<>();
                        for (FeedbackItem i : batch) {
                            byId.put(i.id(), i);
                        }
                    }
                    FeedbackItem item = byId.get(d.itemId());
                    letter = new DeadLetter(d.itemId(), d.payload() != null ? d.payload() : item == null ? null : codec.toJson(item),
                            d.error(), d.at() != null ? d.at() : Instant.now());
                }
                appendDeadLetter(letter);
            }
        }
    }

    /** A dead letter that is not durable means the batch cannot be acknowledged: its publisher must send it again. */
    private void appendDeadLetter(DeadLetter letter) {
        try {
            deadLetters.append(letter);
        } catch (UncheckedIOException e) {
            throw new Abandoned("not acknowledged: " + e.getMessage(), e);
        }
    }

    /**
     * Why the store cannot take writes now (the worker is backing off), or null when it can. Publishers that must
     * answer quickly (the ingest API) give up on their batch when this is set instead of waiting for the store.
     */
    @Override
    public String storeUnavailable() {
        return retrying;
    }

    private HandleResult handleWithRetry(List<FeedbackItem> batch) {
        long backoff = settings.retryInitial().toMillis();
        int attempt = 0;
        while (true) {
            try {
                HandleResult r = handler.handle(batch);
                if (attempt > 0) {
                    LOG.log(System.Logger.Level.INFO, "store available again after {0} retries", attempt);
                }
                retrying = null;
                return r;
            } catch (StoreUnavailableException e) {
                attempt++;
                if (closed && System.nanoTime() > drainDeadlineNanos) {
                    retrying = null;
                    throw new Abandoned("not stored: the store was still unavailable when the bus closed (" + e.getMessage() + ")", e);
                }
                retrying = "store unavailable (" + e.getMessage() + "); retry " + attempt + " in " + backoff + " ms";
                LOG.log(System.Logger.Level.WARNING, retrying);
                sleep(backoff);
                backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
            }
        }
    }

    private void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        // sleep in slices so that a close() with a short drain timeout is noticed
        while (System.nanoTime() < until) {
            if (closed && System.nanoTime() > drainDeadlineNanos) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandoned("not stored: interrupted while waiting for the store", e);
            }
        }
    }

    private void fail(Job job, Throwable e) {
        pendingItems.addAndGet(-job.items().size());
        job.done().completeExceptionally(e);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public BusHealth health() {
        boolean up = !closed && worker != null && worker.isAlive();
        String detail;
        if (closed) {
            detail = "closed";
        } else if (worker == null) {
            detail = "not started";
        } else if (retrying != null) {
            detail = retrying;
        } else if (deadLetters.writeError() != null) {
            detail = deadLetters.writeError();
        } else {
            detail = "ok";
        }
        return new BusHealth("inprocess", up, pendingItems.get(), deadLetters.count(), detail);
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters.recent(limit);
    }

    @Override
    public long deadLetterCount() {
        return deadLetters.count();
    }

    @Override
    public List<DeadLetter> findDeadLetters(java.util.function.Predicate<DeadLetter> match) {
        return deadLetters.find(match);
    }

    @Override
    public long eraseDeadLetters(java.util.function.Predicate<DeadLetter> erase) {
        return deadLetters.erase(erase);
    }

    /** The file dead letters are appended to. */
    public Path deadLetterFile() {
        return deadLetters.file();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            drainDeadlineNanos = System.nanoTime() + settings.drainTimeout().toNanos();
            closed = true;
        }
        Thread w = worker;
        if (w != null) {
            try {
                w.join(settings.drainTimeout().toMillis() + settings.retryMax().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        for (Job job : left) {
            fail(job, new IllegalStateException("the bus closed before this batch was stored; nothing of it was acknowledged"));
        }
        deadLetters.close();
    }
}
