package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client settings and the retry schedule: what the guarantees rest on cannot be configured away. */
class KafkaBusSettingsTest {

    @Test
    void userPropertiesReachTheRightClientButNotTheGuarantees() {
        KafkaBusConfig config = KafkaBusConfig.defaults("h:9092").withBatchSize(123).withClientProperties(Map.of(
                "acks", "0",
                "enable.idempotence", "false",
                "enable.auto.commit", "true",
                "compression.type", "lz4",
                "security.protocol", "SASL_SSL",
                "producer.linger.ms", "20",
                "consumer.fetch.min.bytes", "1024",
                "max.poll.records", "9999"));
        KafkaClients clients = new KafkaClients(config);

        Map<String, Object> producer = clients.producerProperties("p");
        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("compression.type", "lz4").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "20").containsEntry("bootstrap.servers", "h:9092")
                .doesNotContainKeys("enable.auto.commit", "fetch.min.bytes", "max.poll.records");

        Map<String, Object> consumer = clients.groupConsumerProperties("c");
        assertThat(consumer).containsEntry("enable.auto.commit", "false").containsEntry("max.poll.records", "123")
                .containsEntry("group.id", "koubei-analysis").containsEntry("auto.offset.reset", "earliest")
                .containsEntry("fetch.min.bytes", "1024").containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKeys("acks", "compression.type", "linger.ms");
    }

    @Test
    void backoffDoublesUpToTheCapAndStartsOverAfterASuccess() {
        Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(b.nextMillis());
        }
        assertThat(waits).containsExactly(200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L);
        b.reset();
        assertThat(b.nextMillis()).isEqualTo(200L);
    }

    @Test
    void retriesDuringAnOutageFollowTheSchedule() {
        KafkaBusConfig config = KafkaBusConfig.defaults("h:9092");
        // 200 + 400 + 800 + 1600 = 3000 ms ≤ 4 s < 6200 ms: four retries plus the failure that started the wait.
        assertThat(AbstractBusStoreOutageTest.retriesWithin(Duration.ofSeconds(4), config)).isEqualTo(5);
        assertThat(AbstractBusStoreOutageTest.retriesWithin(Duration.ofMillis(100), config)).isEqualTo(1);
    }
}
