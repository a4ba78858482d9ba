package io.koubei.dashboard.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.analysis.signals.Signal;
import io.koubei.analysis.signals.SignalType;
import io.koubei.core.feedback.Channel;
import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: finding the alert of an incoming signal is a keyed read, not a listing of every alert. */
class AlertRepositoryTest {

    /** The file state store, counting how often a collection is listed whole. */
    static final class CountingState implements StateStore {
        final StateStore inner;
        final AtomicInteger listings = new AtomicInteger();

        CountingState(StateStore inner) {
            this.inner = inner;
        }

        @Override
        public StateCollection collection(String name) {
            StateCollection c = inner.collection(name);
            return new StateCollection() {
                @Override
                public String name() {
                    return c.name();
                }

                @Override
                public Optional<StateDocument> get(String id) {
                    return c.get(id);
                }

                @Override
                public List<StateDocument> all() {
                    listings.incrementAndGet();
                    return c.all();
                }

                @Override
                public StateDocument put(String id, String json, String expectedVersion) {
                    return c.put(id, json, expectedVersion);
                }

                @Override
                public boolean delete(String id) {
                    return c.delete(id);
                }
            };
        }

        @Override
        public boolean tryLease(String name, String holder, Duration ttl, Instant now) {
            return inner.tryLease(name, holder, ttl, now);
        }

        @Override
        public void releaseLease(String name, String holder) {
            inner.releaseLease(name, holder);
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void byDedupKeyReadsOneDocument(@TempDir Path dir) {
        CountingState state = new CountingState(new FileStateStore(dir));
        AlertRepository repo = new AlertRepository(state, null);
        for (int i = 0; i < 20; i++) {
            Signal s = Signal.builder(SignalType.SPIKE).week("2026-W47").channel(Channel.TICKET).aspect("a" + i).title("t").build();
            repo.save(Alert.open(AlertRepository.idOf(s.dedupKey()), s, "/search", Instant.EPOCH));
        }
        Signal wanted = Signal.builder(SignalType.SPIKE).week("2026-W47").channel(Channel.TICKET).aspect("a7").title("t").build();
        state.listings.set(0);
        assertThat(repo.byDedupKey(wanted.dedupKey())).get().extracting(Alert::aspect).isEqualTo("a7");
        assertThat(repo.byDedupKey("SPIKE|2026-W47|-|ticket|nope|-|-")).isEmpty();
        assertThat(state.listings.get()).as("collections listed whole").isZero();
    }
}
