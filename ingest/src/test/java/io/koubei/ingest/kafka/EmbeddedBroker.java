package io.koubei.ingest.kafka;

import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft broker for all Kafka tests of this JVM (starting one costs seconds). Tests isolate themselves
 * with their own topic and group names.
 */
final class EmbeddedBroker {
    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedBroker() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
            b.brokerProperties(Map.of(
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "1",
                    "auto.create.topics.enable", "false"));
            b.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(b::destroy, "embedded-kafka-shutdown"));
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    /** A bus config on the shared broker with topics and group no other test uses. */
    static KafkaBusConfig freshConfig(String testName) {
        String suffix = testName + "-" + UUID.randomUUID().toString().substring(0, 8);
        return KafkaBusConfig.defaults(bootstrapServers())
                .withTopics("raw-" + suffix, "dlq-" + suffix)
                .withGroupId("group-" + suffix);
    }
}
