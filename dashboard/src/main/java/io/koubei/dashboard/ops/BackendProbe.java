package io.koubei.dashboard.ops;

import io.koubei.core.bus.BusHealth;
import io.koubei.core.bus.FeedbackBus;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.StoreHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the store and the bus how they are, and never waits longer than the timeout ({@code koubei.health.timeout},
 * 2 s by default): a frozen Elasticsearch node or broker makes the answer "down, no answer within 2 s" instead of
 * holding the health endpoint, the readiness probe and the metrics scrape for as long as the node is frozen.
 *
 * <p>A check still running when the next one is asked for is joined, not started again, so a hung backend costs
 * one thread, not one per probe. The last answer is kept for {@code koubei.health.cache} (1 s) so a scrape and
 * two probes arriving together ask once.
 */
public final class BackendProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackendProbe.class);
    private final Check<StoreHealth> store;
    private final Check<BusHealth> bus;
    private final ExecutorService executor;

    public BackendProbe(FeedbackStore store, FeedbackBus bus, Duration timeout, Duration cache, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "koubei-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.store = new Check<>("store", store::check, timeout, cache, clock, executor,
                why -> new StoreHealth("unknown", false, why), StoreHealth::up);
        this.bus = new Check<>("bus", bus::health, timeout, cache, clock, executor,
                why -> new BusHealth("unknown", false, -1, -1, why), BusHealth::up);
    }

    public StoreHealth store() {
        return store.get();
    }

    public BusHealth bus() {
        return bus.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Check<T> {
        private final String what;
        private final Supplier<T> check;
        private final Duration timeout;
        private final Duration cache;
        private final Clock clock;
        private final ExecutorService executor;
        private final Function<String, T> down;
        private final java.util.function.Predicate<T> isUp;
        private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();
        private volatile T last;
        private volatile Instant lastAt = Instant.MIN;
        private volatile boolean wasUp = true;

        Check(String what, Supplier<T> check, Duration timeout, Duration cache, Clock clock, ExecutorService executor,
                Function<String, T> down, java.util.function.Predicate<T> isUp) {
            this.what = what;
            this.check = check;
            this.timeout = timeout;
            this.cache = cache;
            this.clock = clock;
            this.executor = executor;
            this.down = down;
            this.isUp = isUp;
        }

        T get() {
            T cached = last;
            if (cached != null && clock.instant().isBefore(lastAt.plus(cache))) {
                return cached;
            }
            CompletableFuture<T> f = inFlight.get();
            if (f == null || f.isDone()) {
                CompletableFuture<T> started = new CompletableFuture<>();
                if (inFlight.compareAndSet(f, started)) {
                    executor.execute(() -> {
                        try {
                            started.complete(check.get());
                        } catch (RuntimeException e) {
                            started.complete(down.apply(e.toString()));
                        }
                    });
                }
                f = inFlight.get();
            }
            T result;
            try {
                result = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result = down.apply("no answer within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                result = down.apply(e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return down.apply("interrupted");
            }
            boolean up = isUp.test(result);
            if (wasUp && !up) {
                log.warn("health: the {} is down: {}", what, result);
            } else if (!wasUp && up) {
                log.info("health: the {} is up again", what);
            }
            wasUp = up;
            last = result;
            lastAt = clock.instant();
            return result;
        }
    }
}
