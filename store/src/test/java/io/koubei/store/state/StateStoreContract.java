package io.koubei.store.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.koubei.core.state.StateCollection;
import io.koubei.core.state.StateCollections;
import io.koubei.core.state.StateDocument;
import io.koubei.core.state.StateStore;
import io.koubei.core.state.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every state store must do, run against each implementation. {@link #store()} and {@link #otherNode()} are two
 * handles on the same state (two processes on one Elasticsearch; the same object for the embedded store).
 */
public abstract class StateStoreContract {
    private static final AtomicInteger SEQ = new AtomicInteger();

    protected abstract StateStore store();

    /** A second handle on the same state, as another node sees it. */
    protected abstract StateStore otherNode();

    private static String fresh(String base) {
        return base + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    @Test
    void aWrittenDocumentIsReadBackByEveryNodeWithItsVersion() {
        String name = fresh("alerts");
        StateDocument written = store().collection(name).put("a1", "{\"status\":\"open\",\"n\":3}", StateCollection.ABSENT);
        StateDocument seen = otherNode().collection(name).get("a1").orElseThrow();
        assertThat(seen.version()).isEqualTo(written.version());
        assertThat(seen.json()).contains("\"status\":\"open\"");
        assertThat(otherNode().collection(name).all()).extracting(StateDocument::id).containsExactly("a1");
        assertThat(otherNode().collection(name).get("missing")).isEmpty();
    }

    @Test
    void aStaleWriteIsRefusedAndNothingIsOverwritten() {
        String name = fresh("settings");
        StateCollection here = store().collection(name);
        StateCollection there = otherNode().collection(name);
        StateDocument v1 = here.put("thresholds", "{\"min\":10}", StateCollection.ABSENT);
        StateDocument v2 = there.put("thresholds", "{\"min\":20}", v1.version());
        assertThat(v2.version()).isNotEqualTo(v1.version());
        assertThatThrownBy(() -> here.put("thresholds", "{\"min\":30}", v1.version())).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> here.put("thresholds", "{\"min\":40}", StateCollection.ABSENT)).isInstanceOf(VersionConflictException.class);
        assertThat(here.get("thresholds").orElseThrow().json()).contains("20");
        assertThat(here.put("thresholds", "{\"min\":50}", null).json()).contains("50"); // unconditional
    }

    @Test
    void concurrentUpdatesFromTwoNodesLoseNoIncrement() throws Exception {
        String name = fresh("counters");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                StateStore node = t % 2 == 0 ? store() : otherNode();
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        StateCollections.update(node.collection(name), "c", json ->
                                "{\"n\":" + (json == null ? 1 : Integer.parseInt(json.replaceAll("\\D", "")) + 1) + "}");
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().collection(name).get("c").orElseThrow().json()).isEqualTo("{\"n\":40}");
    }

    @Test
    void listingIsOrderedByIdAndDeletesAreSeen() {
        String name = fresh("events");
        StateCollection c = store().collection(name);
        for (String id : List.of("b", "c", "a")) {
            c.put(id, "{\"id\":\"" + id + "\"}", null);
        }
        assertThat(otherNode().collection(name).all()).extracting(StateDocument::id).containsExactly("a", "b", "c");
        assertThat(otherNode().collection(name).delete("b")).isTrue();
        assertThat(c.delete("b")).isFalse();
        assertThat(c.all()).extracting(StateDocument::id).containsExactly("a", "c");
        assertThat(store().collection(fresh("other")).all()).isEmpty();
    }

    @Test
    void aBatchIsCreatedIfAbsentAndWhatExistedIsReportedNotOverwritten() {
        String name = fresh("events");
        store().collection(name).put("e2", "{\"n\":2}", StateCollection.ABSENT);
        java.util.Map<String, String> batch = new java.util.LinkedHashMap<>();
        batch.put("e1", "{\"n\":1}");
        batch.put("e2", "{\"n\":22}");
        batch.put("e3", "{\"n\":3}");
        assertThat(otherNode().collection(name).createAll(batch)).containsExactly("e2");
        assertThat(store().collection(name).all()).extracting(StateDocument::json)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(store().collection(name).createAll(batch)).as("sent again: all existed").containsExactly("e1", "e2", "e3");
        StateDocument e1 = store().collection(name).get("e1").orElseThrow();
        assertThat(store().collection(name).put("e1", "{\"n\":11}", e1.version()).version())
                .as("a created document has a version like any other").isNotEqualTo(e1.version());
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> store().collection(fresh("bad")).put("x", "{not json", null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aLeaseHasOneHolderUntilItExpiresOrIsReleased() {
        String lease = fresh("hourly-scan");
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(store().tryLease(lease, "node-a", Duration.ofSeconds(30), now)).isTrue();
        assertThat(otherNode().tryLease(lease, "node-b", Duration.ofSeconds(30), now.plusSeconds(10))).isFalse();
        assertThat(store().tryLease(lease, "node-a", Duration.ofSeconds(30), now.plusSeconds(20))).as("renewed").isTrue();
        assertThat(otherNode().tryLease(lease, "node-b", Duration.ofSeconds(30), now.plusSeconds(45))).as("still renewed").isFalse();
        assertThat(otherNode().tryLease(lease, "node-b", Duration.ofSeconds(30), now.plusSeconds(51))).as("expired: taken over").isTrue();
        assertThat(store().tryLease(lease, "node-a", Duration.ofSeconds(30), now.plusSeconds(52))).isFalse();
        otherNode().releaseLease(lease, "node-b");
        assertThat(store().tryLease(lease, "node-a", Duration.ofSeconds(30), now.plusSeconds(53))).as("released").isTrue();
    }
}
