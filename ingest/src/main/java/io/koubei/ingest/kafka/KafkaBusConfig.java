package io.koubei.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Kafka bus. Null arguments take the defaults below, so callers (the dashboard's
 * configuration, tests) only name what they change.
 *
 * @param bootstrapServers  broker list, e.g. {@code 127.0.0.1:9092} (required)
 * @param topic             raw items, keyed by item id (default {@value #DEFAULT_TOPIC})
 * @param deadLetterTopic   items that could not be parsed or analysed (default {@value #DEFAULT_DEAD_LETTER_TOPIC})
 * @param groupId           consumer group of the analysis workers (default {@value #DEFAULT_GROUP_ID})
 * @param workers           consumer threads in this process (default 2); useful up to the partition count
 * @param partitions        partitions when this bus creates the topics (default 4); existing topics are kept as they are
 * @param replicationFactor replication when this bus creates the topics (default 1: single broker; use 3 on a cluster)
 * @param batchSize         records per poll = per handler call ({@code max.poll.records}, default 1000: one bulk request
 *                          of the Elasticsearch store; 500 doubled the bulk requests and the node's CPU per item)
 * @param initialBackoff    first wait after the store reported unavailable (default 200 ms), doubled per failed retry
 * @param maxBackoff        longest wait between retries (default 10 s)
 * @param clientProperties  passed to the Kafka clients: a plain key goes to every client that knows it,
 *                          {@code producer.}/{@code consumer.}/{@code admin.} prefixed keys to that client only.
 *                          The delivery guarantees are not overridable: acks=all, idempotence, manual commits.
 */
public record KafkaBusConfig(
        String bootstrapServers,
        String topic,
        String deadLetterTopic,
        String groupId,
        int workers,
        int partitions,
        short replicationFactor,
        int batchSize,
        Duration initialBackoff,
        Duration maxBackoff,
        Map<String, String> clientProperties) {

    public static final String DEFAULT_TOPIC = "koubei.feedback.raw";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "koubei.feedback.dlq";
    public static final String DEFAULT_GROUP_ID = "koubei-analysis";
    public static final int DEFAULT_WORKERS = 2;
    public static final int DEFAULT_PARTITIONS = 4;
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

    public KafkaBusConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrapServers is required (e.g. 127.0.0.1:9092)");
        }
        topic = orDefault(topic, DEFAULT_TOPIC);
        deadLetterTopic = orDefault(deadLetterTopic, DEFAULT_DEAD_LETTER_TOPIC);
        groupId = orDefault(groupId, DEFAULT_GROUP_ID);
        if (topic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("the dead-letter topic must differ from the topic: " + topic);
        }
        workers = workers <= 0 ? DEFAULT_WORKERS : workers;
        partitions = partitions <= 0 ? DEFAULT_PARTITIONS : partitions;
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        batchSize = batchSize <= 0 ? DEFAULT_BATCH_SIZE : batchSize;
        initialBackoff = positiveOr(initialBackoff, DEFAULT_INITIAL_BACKOFF);
        maxBackoff = positiveOr(maxBackoff, DEFAULT_MAX_BACKOFF);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
    }

    /** All defaults, for the given brokers. */
    public static KafkaBusConfig defaults(String bootstrapServers) {
        return new KafkaBusConfig(bootstrapServers, null, null, null, 0, 0, (short) 0, 0, null, null, null);
    }

    public KafkaBusConfig withTopics(String topic, String deadLetterTopic) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withGroupId(String groupId) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withWorkers(int workers) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withPartitions(int partitions, short replicationFactor) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withBatchSize(int batchSize) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    public KafkaBusConfig withClientProperties(Map<String, String> clientProperties) {
        return new KafkaBusConfig(bootstrapServers, topic, deadLetterTopic, groupId, workers, partitions,
                replicationFactor, batchSize, initialBackoff, maxBackoff, clientProperties);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        Objects.requireNonNull(fallback);
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
