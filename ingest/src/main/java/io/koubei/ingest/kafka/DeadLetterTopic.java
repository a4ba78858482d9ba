package io.koubei.ingest.kafka;

import io.koubei.core.bus.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The dead-letter topic: the original payload (value), the item id when known (key), and headers saying what
 * went wrong, at which stage, where the record came from and when. A bounded copy of the latest letters is kept
 * in memory to answer while the broker is unreachable.
 */
final class DeadLetterTopic {
    static final String HEADER_ERROR = "koubei.error";
    static final String HEADER_STAGE = "koubei.stage";
    static final String HEADER_ORIGIN = "koubei.origin";
    static final String HEADER_FAILED_AT = "koubei.failed-at";
    static final String STAGE_PARSE = "parse";
    static final String STAGE_HANDLE = "handle";

    private static final int RECENT_KEPT = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** One letter to write: where it came from ({@code source} may be null) and why it failed. */
    record Letter(String key, String payload, String stage, String error, TopicPartition source, String origin,
                  Instant at) {
        DeadLetter toDeadLetter() {
            return new DeadLetter(key, payload, error, at);
        }
    }

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final KafkaClients clients;
    private final AtomicLong written = new AtomicLong();
    private final Deque<DeadLetter> recent = new ArrayDeque<>();

    DeadLetterTopic(String topic, KafkaProducer<String, String> producer, KafkaClients clients) {
        this.topic = topic;
        this.producer = producer;
        this.clients = clients;
    }

    /**
     * Writes the letters and waits until the broker acknowledged each. Letters written are removed from the list,
     * so a retry after a failure does not write them twice.
     *
     * @throws KafkaException when a letter could not be written; the caller must not commit the source offsets
     */
    void writeAll(List<Letter> letters) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        KafkaException failure = null;
        for (Letter l : letters) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, l.key(), l.payload());
            Headers h = r.headers();
            h.add(HEADER_ERROR, bytes(l.error()));
            h.add(HEADER_STAGE, bytes(l.stage()));
            h.add(HEADER_ORIGIN, bytes(l.origin()));
            h.add(HEADER_FAILED_AT, bytes(l.at().toString()));
            try {
                sent.add(producer.send(r));
            } catch (KafkaException e) {
                failure = e;
                break;
            }
        }
        List<Letter> done = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                done.add(letters.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new KafkaException("interrupted while writing dead letters", e);
                break;
            } catch (ExecutionException | TimeoutException e) {
                failure = new KafkaException("could not write a dead letter to " + topic + ": " + e.getMessage(), e);
            }
        }
        for (Letter l : done) {
            remember(l.toDeadLetter());
        }
        written.addAndGet(done.size());
        letters.removeAll(done);
        if (failure != null) {
            throw failure;
        }
    }

    /** Letters this process wrote since it started. */
    long writtenHere() {
        return written.get();
    }

    /** The latest letters of the topic, newest first; this process's recent ones when the broker cannot be read. */
    List<DeadLetter> readLatest(int limit, Duration timeout) {
        if (limit <= 0) {
            return List.of();
        }
        try (KafkaConsumer<String, String> reader = clients.readerConsumer("koubei-dlq-reader")) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            reader.assign(parts);
            Map<TopicPartition, Long> begin = reader.beginningOffsets(parts, timeout);
            Map<TopicPartition, Long> end = reader.endOffsets(parts, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : parts) {
                long from = Math.max(begin.get(tp), end.get(tp) - limit);
                reader.seek(tp, from);
                if (end.get(tp) > from) {
                    remaining.put(tp, end.get(tp));
                }
            }
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long until = remaining.get(tp);
                    if (until != null && r.offset() < until) {
                        got.add(r);
                    }
                }
                remaining.entrySet().removeIf(e -> reader.position(e.getKey()) >= e.getValue());
            }
            return got.stream()
                    .map(DeadLetterTopic::toDeadLetter)
                    .sorted(Comparator.comparing(DeadLetter::at).reversed())
                    .limit(limit)
                    .toList();
        } catch (KafkaException e) {
            synchronized (recent) {
                return recent.stream().limit(limit).toList();
            }
        }
    }

    static DeadLetter toDeadLetter(ConsumerRecord<String, String> r) {
        Instant at = Instant.ofEpochMilli(r.timestamp());
        String failedAt = header(r.headers(), HEADER_FAILED_AT);
        if (failedAt != null) {
            try {
                at = Instant.parse(failedAt);
            } catch (DateTimeParseException ignored) {
                // keep the record timestamp
            }
        }
        return new DeadLetter(r.key(), r.value(), header(r.headers(), HEADER_ERROR), at);
    }

    static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void remember(DeadLetter letter) {
        synchronized (recent) {
            recent.addFirst(letter);
            while (recent.size() > RECENT_KEPT) {
                recent.removeLast();
            }
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
