package io.koubei.ingest.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients of the bus from its config. User properties are applied first, then the settings
 * the bus's guarantees rest on, which therefore cannot be overridden.
 */
final class KafkaClients {
    private final KafkaBusConfig config;

    KafkaClients(KafkaBusConfig config) {
        this.config = config;
    }

    KafkaProducer<String, String> producer(String clientId) {
        return new KafkaProducer<>(producerProperties(clientId), new StringSerializer(), new StringSerializer());
    }

    Map<String, Object> producerProperties(String clientId) {
        Map<String, Object> p = base("producer", ProducerConfig.configNames());
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        // a publisher (the ingest API, koubei import) waits at most this long for an unreachable broker, then is told
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /** A member of the analysis group: manual commits, starts at the oldest record when the group is new. */
    KafkaConsumer<String, String> groupConsumer(String clientId) {
        return new KafkaConsumer<>(groupConsumerProperties(clientId), new StringDeserializer(), new StringDeserializer());
    }

    Map<String, Object> groupConsumerProperties(String clientId) {
        Map<String, Object> p = base("consumer", ConsumerConfig.configNames());
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.batchSize()));
        return p;
    }

    /** A consumer outside any group, for reading the dead-letter topic back. */
    KafkaConsumer<String, String> readerConsumer(String clientId) {
        Map<String, Object> p = base("consumer", ConsumerConfig.configNames());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        p.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    Admin admin(String clientId) {
        Map<String, Object> p = base("admin", AdminClientConfig.configNames());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return Admin.create(p);
    }

    /** Plain keys the client knows, then {@code <kind>.} prefixed keys, then the bootstrap servers. */
    private Map<String, Object> base(String kind, Set<String> known) {
        Map<String, Object> p = new HashMap<>();
        String prefix = kind + ".";
        config.clientProperties().forEach((k, v) -> {
            if (known.contains(k)) {
                p.put(k, v);
            }
        });
        config.clientProperties().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                p.put(k.substring(prefix.length()), v);
            }
        });
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return p;
    }
}
