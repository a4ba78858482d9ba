package io.koubei.dashboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A frozen backend (kill -STOP, a long GC) makes the health answer "down" within the timeout, not when it thaws. */
class BackendProbeTest {

    @Test
    void aFrozenStoreIsReportedDownWithinTheTimeoutAndChecksDoNotPileUp() throws Exception {
        CountDownLatch thaw = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        FeedbackStore frozen = proxy(FeedbackStore.class, "check", () -> {
            checks.incrementAndGet();
            await(thaw);
            return new StoreHealth("elasticsearch", true, "cluster green");
        });
        FeedbackBus bus = proxy(FeedbackBus.class, "health", () -> new BusHealth("inprocess", true, 0, 0, "ok"));
        try (BackendProbe probe = new BackendProbe(frozen, bus, Duration.ofMillis(300), Duration.ZERO, Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                StoreHealth h = probe.store();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(h.up()).isFalse();
                assertThat(h.detail()).contains("no answer within 300 ms");
                assertThat(ms).isLessThan(2_000);
            }
            assertThat(checks.get()).as("the hung check is joined, not started again").isEqualTo(1);
            assertThat(probe.bus().up()).as("the bus is asked apart from the store").isTrue();

            thaw.countDown();
            Thread.sleep(100);
            assertThat(probe.store().up()).isTrue();
        }
    }

    @Test
    void aFailingCheckIsDownWithItsReason() {
        FeedbackStore broken = proxy(FeedbackStore.class, "check", () -> {
            throw new IllegalStateException("index locked");
        });
        FeedbackBus bus = proxy(FeedbackBus.class, "health", () -> new BusHealth("inprocess", true, 0, 0, "ok"));
        try (BackendProbe probe = new BackendProbe(broken, bus, Duration.ofSeconds(2), Duration.ZERO, Clock.systemUTC())) {
            assertThat(probe.store().up()).isFalse();
            assertThat(probe.store().detail()).contains("index locked");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String method, java.util.function.Supplier<Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.get();
            }
            if (m.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}
