package io.koubei.dashboard.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log is read from the state store again only when another node changed it: a node's own writes keep its
 * log current, so a steady stream of small POSTs does not re-read every event each time.
 */
class LifecycleEventReadsTest {
    @TempDir
    Path dir;

    @Test
    void aNodesOwnWritesDoNotMakeItReadEveryEventAgainButAnotherNodesDo() {
        AtomicInteger fullReads = new AtomicInteger();
        try (FileStateStore files = new FileStateStore(dir)) {
            LifecycleEventStore node = new LifecycleEventStore(counting(files, fullReads), dir);
            LifecycleEventStore other = new LifecycleEventStore(files, dir.resolve("other"));
            node.log();
            int before = fullReads.get();
            for (int i = 0; i < 40; i++) {
                assertThat(node.receive("t", "{\"eventId\":\"s" + i + "\",\"itemId\":\"t:" + i + "\",\"type\":\"opened\",\"at\":\""
                        + Instant.parse("2026-11-03T02:00:00Z").plusSeconds(i) + "\"}").accepted()).isEqualTo(1);
                assertThat(node.log().size()).isEqualTo(i + 1);
            }
            assertThat(fullReads.get() - before).as("40 own writes and reads, no full re-read").isZero();

            other.receive("o", "{\"eventId\":\"x\",\"itemId\":\"t:x\",\"type\":\"opened\",\"at\":\"2026-11-03T03:00:00Z\"}");
            assertThat(node.log().size()).as("another node's event").isEqualTo(41);
            assertThat(fullReads.get() - before).isEqualTo(1);
        }
    }

    private static StateStore counting(StateStore inner, AtomicInteger fullReads) {
        return new StateStore() {
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
                        fullReads.incrementAndGet();
                        return c.all();
                    }

                    @Override
                    public StateDocument put(String id, String json, String expectedVersion) {
                        return c.put(id, json, expectedVersion);
                    }

                    @Override
                    public Set<String> createAll(Map<String, String> documents) {
                        return c.createAll(documents);
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
            }
        };
    }
}
