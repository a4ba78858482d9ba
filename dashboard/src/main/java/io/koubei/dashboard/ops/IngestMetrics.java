package io.koubei.dashboard.ops;

import io.koubei.ingest.importing.ImportSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the ingestion doors did with the rows they were given: {@code koubei_ingest_items_total{via,outcome}}, with
 * {@code via} = api (POST /api/v1/feedback) or demo, and {@code outcome} = received, accepted, rejected,
 * dead_lettered or warned (accepted with a normalised field). {@code koubei import} runs in its own short process and
 * reports in its summary instead.
 */
public final class IngestMetrics {
    private final MeterRegistry meters;

    public IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every series exists from the start at 0, so rate() and alert rules see the first items too
        for (String outcome : new String[] {"received", "accepted", "rejected", "dead_lettered", "warned"}) {
            count("api", outcome, 0);
        }
        meters.counter("koubei.ingest.aborted", "via", "api");
    }

    public void record(String via, ImportSummary s) {
        count(via, "received", s.read());
        count(via, "accepted", s.accepted());
        count(via, "rejected", s.rejected());
        count(via, "dead_lettered", s.deadLettered());
        count(via, "warned", s.warned());
        if (s.abortedReason() != null) {
            meters.counter("koubei.ingest.aborted", "via", via).increment();
        }
    }

    private void count(String via, String outcome, long n) {
        Counter c = Counter.builder("koubei.ingest.items").description("Rows handed to an ingestion door, by outcome")
                .tags("via", via, "outcome", outcome).register(meters);
        if (n > 0) {
            c.increment(n);
        }
    }
}
