package io.koubei.dashboard.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.store.elasticsearch.ElasticsearchStoreConfig;
import io.koubei.store.elasticsearch.testing.ElasticsearchNode;
import io.koubei.store.state.ElasticsearchStateStore;
import io.koubei.store.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled work runs on one node of a cluster, and moves to another when its node dies (issue 19). */
class ClusterLeaderTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedProcessAlwaysLeads() {
        try (FileStateStore state = new FileStateStore(dir);
             ClusterLeader leader = new ClusterLeader(state, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(15))) {
            AtomicInteger runs = new AtomicInteger();
            assertThat(leader.runIfLeader("scan", runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void aCommandThatIsNoCandidateNeverRunsScheduledWorkNorTakesTheLease() {
        try (FileStateStore state = new FileStateStore(dir);
             ClusterLeader command = new ClusterLeader(state, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(15), false)) {
            AtomicInteger runs = new AtomicInteger();
            assertThat(command.runIfLeader("hourly scan", runs::incrementAndGet)).isFalse();
            assertThat(runs).hasValue(0);
            assertThat(state.tryLease(ClusterLeader.LEASE, "a-server", Duration.ofSeconds(15), java.time.Instant.now()))
                    .as("the lease is free for a server").isTrue();
        }
    }

    @Test
    void oneOfTwoNodesRunsTheWorkAndTheOtherTakesOverWhenItDies() throws Exception {
        ElasticsearchStoreConfig config = ElasticsearchStoreConfig.of(ElasticsearchNode.shared().url(),
                "leader-" + Long.toHexString(System.nanoTime()) + "-");
        Duration beat = Duration.ofMillis(500);
        Duration ttl = Duration.ofSeconds(4);
        try (ElasticsearchStateStore sa = new ElasticsearchStateStore(config); ElasticsearchStateStore sb = new ElasticsearchStateStore(config)) {
            ClusterLeader a = new ClusterLeader(sa, Clock.systemUTC(), beat, ttl);
            ClusterLeader b = new ClusterLeader(sb, Clock.systemUTC(), beat, ttl);
            try {
                long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!a.leads() && !b.leads() && System.nanoTime() < settle) {
                    Thread.sleep(100);
                }
                AtomicInteger runs = new AtomicInteger();
                a.runIfLeader("scan", runs::incrementAndGet);
                b.runIfLeader("scan", runs::incrementAndGet);
                assertThat(runs).as("the scheduled work ran on exactly one node").hasValue(1);
                ClusterLeader leading = a.leads() ? a : b;
                ClusterLeader other = leading == a ? b : a;

                leading.stopRenewing(); // the leading process dies: it renews no more, and gives nothing back
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!other.leads() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(other.leads()).as("the other node took over after the lease ran out").isTrue();
                assertThat(leading.leads()).isFalse();
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
