package io.koubei.ingest.kafka;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.DeadLetter;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.bus.FeedbackHandler;
import io.koubei.core.bus.PublishReceipt;
import io.koubei.core.feedback.FeedbackItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale-out bus: connectors publish raw items to a Kafka topic keyed by item id; analysis workers of one
 * consumer group (threads here, and any number of processes) hand them to the handler, which analyses and stores.
 *
 * <p>Guarantees: a publish completes only when the broker acknowledged every record ({@code acks=all}, idempotent
 * producer). Offsets are committed only after the handler returned, i.e. the store confirmed; so delivery is
 * at-least-once and the store's upsert by id makes it effectively once. Records that cannot be parsed, and items the
 * handler gives up on, go to the dead-letter topic with the error in headers. When the store is unavailable the
 * workers pause, back off exponentially and retry the same batch; nothing is dropped and nothing spins.
 *
 * <p>The handler is called from {@link KafkaBusConfig#workers()} threads at once and must be thread-safe.
 */
public final class KafkaFeedbackBus implements FeedbackBus {
    private static final Logger log = LoggerFactory.getLogger(KafkaFeedbackBus.class);
    private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaBusConfig config;
    private final KafkaClients clients;
    private final ItemCodec codec = new ItemCodec();
    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final TopicSetup topics;
    private final DeadLetterTopic deadLetterTopic;
    private final ConsumerWorker.Counters counters = new ConsumerWorker.Counters();
    private final List<ConsumerWorker> workers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Per partition, the offsets of the records this process published: {lowest, highest, count}. */
    private final Map<Integer, long[]> published = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Creates the clients; nothing connects until the first publish or {@link #start}. */
    public KafkaFeedbackBus(KafkaBusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clients = new KafkaClients(config);
        this.producer = clients.producer("koubei-bus-producer");
        this.admin = clients.admin("koubei-bus-admin");
        this.topics = new TopicSetup(config, admin);
        this.deadLetterTopic = new DeadLetterTopic(config.deadLetterTopic(), producer, clients);
    }

    public KafkaBusConfig config() {
        return config;
    }

    /**
     * Sends each item as one JSON record keyed by its id. The future completes when every record is acknowledged
     * by the in-sync replicas, and fails (with the first error) if any could not be written; the caller may then
     * publish the same items again, the ids make it harmless. May block up to {@code max.block.ms} (10 s unless
     * configured) while no broker answers, once per batch, not once per record.
     */
    @Override
    public CompletableFuture<PublishReceipt> publish(List<FeedbackItem> items) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Kafka bus is closed"));
        }
        if (items == null || items.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishReceipt(0, false, 0, 0, 0));
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>(items.size());
        try {
            for (FeedbackItem item : items) {
                records.add(new ProducerRecord<>(config.topic(), item.id(), codec.toJson(item)));
            }
            topics.ensure();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> r : records) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                producer.send(r, (metadata, error) -> {
                    if (error == null) {
                        remember(metadata.partition(), metadata.offset());
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
            } catch (KafkaException | IllegalStateException e) {
                ack.completeExceptionally(e);
                break; // the producer refuses now; the rest would fail the same way
            }
            if (ack.isCompletedExceptionally()) {
                // failed inside send(), e.g. no broker answered for max.block.ms: every further record would wait as
                // long again (a 500-item batch: 500 × max.block.ms), so the batch fails now and its sender is told
                break;
            }
        }
        int accepted = items.size();
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .thenApply(v -> new PublishReceipt(accepted, false, 0, 0, 0));
    }

    private void remember(int partition, long offset) {
        published.compute(partition, (p, r) -> r == null ? new long[] {offset, offset, 1}
                : new long[] {Math.min(r[0], offset), Math.max(r[1], offset), r[2] + 1});
    }

    /**
     * How many of the records this process published are stored by now (the consumer group, wherever its workers
     * run, committed past them). For a producer-only process such as {@code koubei import} to tell its user when the
     * items are readable.
     *
     * @throws KafkaException when the broker cannot be asked
     */
    public StorageProgress storageProgress() {
        Map<Integer, Long> committed = topics.committedOffsets();
        long total = 0;
        long pending = 0;
        for (Map.Entry<Integer, long[]> e : published.entrySet()) {
            long[] r = e.getValue();
            total += r[2];
            long next = committed.getOrDefault(e.getKey(), -1L); // the next offset the group will read
            if (next <= r[1]) {
                // ours lie in [r[0], r[1]]; the uncommitted part of that range, at most our own count
                pending += Math.min(r[2], r[1] - Math.max(r[0], next) + 1);
            }
        }
        return new StorageProgress(total, pending, topics.activeConsumers());
    }

    @Override
    public void start(FeedbackHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (closed) {
            throw new IllegalStateException("the Kafka bus is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the Kafka bus is already started");
        }
        for (int i = 0; i < config.workers(); i++) {
            String name = "koubei-kafka-worker-" + i;
            ConsumerWorker w = new ConsumerWorker(name, config, clients, handler, codec, deadLetterTopic, counters, topics);
            Thread t = new Thread(w, name);
            t.setDaemon(true); // uncommitted work is redelivered anyway if the JVM exits without close()
            workers.add(w);
            threads.add(t);
            t.start();
        }
        log.info("Kafka bus consuming {} as group {} with {} worker(s)", config.topic(), config.groupId(), config.workers());
    }

    /**
     * Up when a broker answers. {@code pending} is the group's lag on the topic (-1 when unknown), {@code deadLetters}
     * the records in the dead-letter topic; the detail tells whether consumption is paused and why.
     */
    @Override
    public BusHealth health() {
        String state = workersState();
        try {
            int brokers = topics.brokerCount();
            long lag = -1;
            String lagNote = "";
            try {
                lag = topics.lag();
            } catch (KafkaException e) {
                lagNote = "; lag unknown: " + e.getMessage();
            }
            return new BusHealth("kafka", true, lag, deadLetterCount(),
                    brokers + " broker(s), topic " + config.topic() + ", group " + config.groupId() + "; " + state + lagNote);
        } catch (KafkaException e) {
            return new BusHealth("kafka", false, -1, deadLetterTopic.writtenHere(),
                    "broker unreachable at " + config.bootstrapServers() + ": " + e.getMessage() + "; " + state);
        }
    }

    /** The latest dead letters of the topic, newest first. */
    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetterTopic.readLatest(limit, READ_BACK_TIMEOUT);
    }

    /** Records in the dead-letter topic; while the broker cannot be asked, those this process wrote. */
    @Override
    public long deadLetterCount() {
        try {
            return topics.deadLetterRecords();
        } catch (KafkaException e) {
            return deadLetterTopic.writtenHere();
        }
    }

    /** This process's counters, for monitoring and tests. */
    public KafkaBusStats stats() {
        boolean paused = workers.stream().anyMatch(ConsumerWorker::paused);
        return new KafkaBusStats(counters.received.get(), counters.created.get(), counters.updated.get(),
                deadLetterTopic.writtenHere(), counters.handlerCalls.get(), counters.storeUnavailable.get(),
                counters.pauses.get(), paused);
    }

    /** Stops the workers after their current batch (committing what was stored), then flushes the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(ConsumerWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(JOIN_TIMEOUT.toMillis());
                if (t.isAlive()) {
                    log.warn("{} did not stop within {}", t.getName(), JOIN_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private String workersState() {
        if (!started.get()) {
            return "not consuming (publish only)";
        }
        List<String> notes = new ArrayList<>();
        for (ConsumerWorker w : workers) {
            if (w.stopped() && !closed) {
                notes.add(w.name() + " stopped: " + w.lastError());
            } else if (!w.subscribed()) {
                notes.add(w.name() + " waiting for the brokers" + (w.lastError() == null ? "" : " (" + w.lastError() + ")"));
            } else if (w.paused()) {
                notes.add(w.name() + " paused since " + w.pausedSince() + " (" + w.lastError() + ")");
            }
        }
        long paused = workers.stream().filter(ConsumerWorker::paused).count();
        long waiting = workers.stream().filter(w -> !w.subscribed() && !w.stopped()).count();
        String head = workers.size() + " worker(s), " + (waiting > 0 ? waiting + " waiting for the brokers"
                : paused == 0 ? "consuming" : paused + " paused");
        return notes.isEmpty() ? head : head + ": " + String.join("; ", notes);
    }

    @Override
    public String toString() {
        return "KafkaFeedbackBus[" + config.bootstrapServers() + " " + config.topic() + " group " + config.groupId() + "]";
    }
}
