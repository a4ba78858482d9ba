package io.koubei.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.bus.BusHealth;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 7: "refused at once" when Kafka is missing took 13.9 s — the health check waited the admin client's
 * 5 s for a broker that was not there, and closing waited 5 s more for that abandoned call. Measured before the fix:
 * health 5,027 ms, construct + health + close 11,764 ms; after: health 23 ms, all 2,660 ms (this machine).
 */
class KafkaBusWithoutBrokerTest {

    @Test
    void noBrokerIsSaidAtOnceAndClosingDoesNotWaitForIt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there any more
        }
        long start = System.nanoTime();
        BusHealth health;
        long healthMillis;
        try (KafkaFeedbackBus bus = new KafkaFeedbackBus(KafkaBusConfig.defaults("127.0.0.1:" + closed))) {
            long t = System.nanoTime();
            health = bus.health();
            healthMillis = Duration.ofNanos(System.nanoTime() - t).toMillis();
        }
        long totalMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(health.up()).isFalse();
        assertThat(health.detail()).contains("no broker listens at 127.0.0.1:" + closed);
        assertThat(healthMillis).as("the health check, ms").isLessThan(2_000);
        assertThat(totalMillis).as("open, check and close, ms").isLessThan(6_000);
    }

    @Test
    void addressesAreReadWithOrWithoutAListenerPrefix() throws Exception {
        try (ServerSocket open = new ServerSocket(0)) {
            int port = open.getLocalPort();
            assertThat(TopicSetup.anyListening("127.0.0.1:1,PLAINTEXT://127.0.0.1:" + port, Duration.ofSeconds(1))).isTrue();
            assertThat(TopicSetup.anyListening("not-an-address", Duration.ofSeconds(1))).as("left to the client").isTrue();
        }
    }
}
