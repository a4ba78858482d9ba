package io.koubei.dashboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.StoreHealth;
import io.koubei.store.elasticsearch.ElasticsearchFeedbackStore;
import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Elasticsearch node frozen with SIGSTOP (as a hung node or a long GC would): the store's health check answers
 * "down" within koubei.health.timeout instead of hanging for as long as the node is frozen, and "up" once it thaws.
 */
class FrozenElasticsearchHealthTest {

    @Test
    void aFrozenNodeIsDownWithinTheTimeoutAndUpAfterItThaws() throws Exception {
        ElasticsearchNode node = ElasticsearchNode.shared();
        FeedbackBus bus = (FeedbackBus) Proxy.newProxyInstance(FeedbackBus.class.getClassLoader(),
                new Class<?>[] {FeedbackBus.class}, (p, m, args) -> switch (m.getName()) {
                    case "health" -> new BusHealth("inprocess", true, 0, 0, "ok");
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        try (ElasticsearchFeedbackStore store = new ElasticsearchFeedbackStore(
                ElasticsearchStoreConfig.of(node.url(), "frozen-health-"));
                BackendProbe probe = new BackendProbe(store, bus, Duration.ofSeconds(2), Duration.ZERO, Clock.systemUTC())) {
            assertThat(probe.store().up()).as("the node answers before it is frozen").isTrue();

            long pid = Long.parseLong(Files.readString(node.nodeDir().resolve("elasticsearch.pid")).trim());
            signal("STOP", pid);
            try {
                long start = System.nanoTime();
                StoreHealth frozen = probe.store();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(frozen.up()).isFalse();
                assertThat(frozen.detail()).contains("no answer within 2000 ms");
                assertThat(ms).isBetween(1_500L, 4_000L);
                assertThat(probe.bus().up()).as("the bus is judged on its own").isTrue();
            } finally {
                signal("CONT", pid);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean up = false;
            while (!up && System.nanoTime() < deadline) {
                up = probe.store().up();
                if (!up) {
                    Thread.sleep(250);
                }
            }
            assertThat(up).as("up again once the node thaws").isTrue();
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + name + " " + pid).isZero();
    }
}
