package io.koubei.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the bus's topics when missing and answers the questions health asks (reachable? lag? letters?). */
final class TopicSetup {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TopicSetup.class);
    private final KafkaBusConfig config;
    private final Admin admin;
    private volatile boolean ensured;

    TopicSetup(KafkaBusConfig config, Admin admin) {
        this.config = config;
        this.admin = admin;
    }

    /** Creates the topic and the dead-letter topic if they do not exist; cheap once it succeeded. */
    void ensure() {
        if (ensured) {
            return;
        }
        synchronized (this) {
            if (ensured) {
                return;
            }
            CreateTopicsResult result = admin.createTopics(List.of(
                    new NewTopic(config.topic(), config.partitions(), config.replicationFactor()),
                    new NewTopic(config.deadLetterTopic(), config.partitions(), config.replicationFactor())));
            for (Map.Entry<String, KafkaFuture<Void>> e : result.values().entrySet()) {
                try {
                    await(e.getValue());
                } catch (KafkaException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("cannot create topic " + e.getKey() + ": " + ex.getMessage(), ex);
                    }
                }
            }
            awaitServing(config.topic());
            awaitServing(config.deadLetterTopic());
            int existing = partitionCount(config.topic());
            if (existing < config.workers()) {
                log.warn("topic {} has {} partition(s) for {} worker(s) in this process: the extra workers stay idle",
                        config.topic(), existing, config.workers());
            }
            ensured = true;
        }
    }

    /**
     * Waits until the leader of every partition serves it. A freshly created partition is announced in the metadata
     * slightly before its leader opens it; an idempotent producer that sends in that gap can have its first request
     * overtaken by a later one and then retry it forever with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591). Listing
     * offsets is answered by the leader itself, so its success means produce requests will be accepted too.
     */
    private void awaitServing(String topic) {
        long deadline = System.nanoTime() + SERVING_TIMEOUT.toNanos();
        while (true) {
            try {
                offsets(topic, OffsetSpec.latest());
                return;
            } catch (KafkaException e) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("topic " + topic + " is not served by its leaders after "
                            + SERVING_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("interrupted", ie);
                }
            }
        }
    }

    /**
     * Throws when no broker answers. No bootstrap address accepting a TCP connection within {@link #CONNECT_TIMEOUT}
     * is said at once: the admin client would wait its whole {@link #ADMIN_TIMEOUT} for a broker that is not there.
     */
    int brokerCount() {
        if (!anyListening(config.bootstrapServers(), CONNECT_TIMEOUT)) {
            throw new KafkaException("no broker listens at " + config.bootstrapServers());
        }
        return await(admin.describeCluster().nodes()).size();
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** Whether any of "host:port,host:port" (optionally with a listener prefix) accepts a connection; true when unparsable. */
    static boolean anyListening(String bootstrapServers, Duration timeout) {
        for (String server : bootstrapServers.split(",")) {
            String hp = server.trim().replaceFirst("^[A-Za-z_]+://", "");
            int colon = hp.lastIndexOf(':');
            if (colon <= 0) {
                return true; // not host:port: let the Kafka client judge it
            }
            int port;
            try {
                port = Integer.parseInt(hp.substring(colon + 1));
            } catch (NumberFormatException e) {
                return true;
            }
            String host = hp.substring(0, colon).replace("[", "").replace("]", "");
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), (int) timeout.toMillis());
                return true;
            } catch (java.io.IOException e) {
                // refused, unresolvable or silent: try the next one
            }
        }
        return false;
    }

    /** Records of the topic not yet committed by the group (from the oldest record for partitions never committed). */
    long lag() {
        Map<TopicPartition, Long> end = offsets(config.topic(), OffsetSpec.latest());
        Map<TopicPartition, Long> begin = offsets(config.topic(), OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long from = c != null ? c.offset() : begin.getOrDefault(e.getKey(), 0L);
            lag += Math.max(0, e.getValue() - from);
        }
        return lag;
    }

    /** The group's committed offset per partition of the topic (absent: never committed). */
    Map<Integer, Long> committedOffsets() {
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(config.groupId()).partitionsToOffsetAndMetadata());
        Map<Integer, Long> out = new HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null && tp.topic().equals(config.topic())) {
                out.put(tp.partition(), om.offset());
            }
        });
        return out;
    }

    /** Members of the consumer group now (0 when the group is empty or unknown). */
    int activeConsumers() {
        try {
            var groups = await(admin.describeConsumerGroups(List.of(config.groupId())).all());
            var group = groups.get(config.groupId());
            return group == null ? 0 : group.members().size();
        } catch (KafkaException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return 0; // no worker ever joined
            }
            throw e;
        }
    }

    /** Records held by the dead-letter topic (all partitions, all writers). */
    long deadLetterRecords() {
        Map<TopicPartition, Long> end = offsets(config.deadLetterTopic(), OffsetSpec.latest());
        Map<TopicPartition, Long> begin = offsets(config.deadLetterTopic(), OffsetSpec.earliest());
        long n = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            n += e.getValue() - begin.getOrDefault(e.getKey(), 0L);
        }
        return n;
    }

    int partitionCount(String topic) {
        TopicDescription d = await(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic);
        return d.partitions().size();
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) {
        int partitions = partitionCount(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        infos.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(30);

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KafkaException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            future.cancel(true); // else the admin client keeps retrying it, and close() waits for it
            throw new KafkaException("no answer from Kafka within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
