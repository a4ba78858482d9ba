package io.koubei.dashboard.platform.state;

import io.koubei.core.state.StateStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node runs the scheduled work (hourly scan, weekly report, alert delivery retries, response-speed checks):
 * the holder of the {@code scheduler} lease in the shared state. Every node renews or tries to take the lease every
 * {@code heartbeat}; a holder that dies stops renewing, and another node takes over once {@code ttl} has passed
 * (within a minute by default). On the embedded store there is one process, and it always leads.
 */
public final class ClusterLeader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterLeader.class);
    static final String LEASE = "scheduler";

    private final StateStore state;
    private final Clock clock;
    private final Duration ttl;
    private final String nodeId;
    private final ScheduledExecutorService heartbeat;
    private volatile Instant leadingUntil = Instant.MIN;

    private final boolean candidate;

    public ClusterLeader(StateStore state, Clock clock, Duration heartbeatEvery, Duration ttl) {
        this(state, clock, heartbeatEvery, ttl, true);
    }

    /**
     * @param candidate false for a process that must never run scheduled work (a command such as {@code koubei
     *                  import}, which runs for minutes beside the servers): it never takes the lease, so it neither
     *                  runs the hourly scan nor keeps a server from running it
     */
    public ClusterLeader(StateStore state, Clock clock, Duration heartbeatEvery, Duration ttl, boolean candidate) {
        this.state = state;
        this.clock = clock;
        this.ttl = ttl;
        this.candidate = candidate;
        this.nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-leader");
            t.setDaemon(true);
            return t;
        });
        if (candidate) {
            beat();
            heartbeat.scheduleWithFixedDelay(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** This node's name in the lease (process name and a random suffix). */
    public String nodeId() {
        return nodeId;
    }

    /** True while this node holds the lease (and it has not run out since the last renewal). */
    public boolean leads() {
        return clock.instant().isBefore(leadingUntil);
    }

    /** Runs {@code task} only on the leading node; true when it ran here. */
    public boolean runIfLeader(String what, Runnable task) {
        if (!leads()) {
            log.debug("{}: skipped, another node leads the scheduled work", what);
            return false;
        }
        task.run();
        return true;
    }

    void beat() {
        Instant now = clock.instant();
        try {
            boolean held = state.tryLease(LEASE, nodeId, ttl, now);
            boolean was = leads();
            // a renewal is trusted a little less than its ttl, so two nodes never both believe they lead
            leadingUntil = held ? now.plus(ttl.multipliedBy(2).dividedBy(3)) : Instant.MIN;
            if (held != was) {
                log.info("Node {} {} the scheduled work", nodeId, held ? "now runs" : "no longer runs");
            }
        } catch (RuntimeException e) {
            leadingUntil = Instant.MIN;
            log.warn("Cannot renew the scheduler lease: {}", e.getMessage());
        }
    }

    /** Stops renewing (as a killed process would), without giving the lease back. For tests. */
    void stopRenewing() {
        heartbeat.shutdownNow();
        leadingUntil = Instant.MIN;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        leadingUntil = Instant.MIN;
        if (!candidate) {
            return;
        }
        try {
            state.releaseLease(LEASE, nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not release the scheduler lease: {}", e.getMessage());
        }
    }
}
