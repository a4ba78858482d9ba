package io.koubei.ingest.kafka;

/**
 * How far the analysis workers have come with the records this process published: a record counts as stored once
 * the consumer group committed past it, which the workers do only after the store confirmed the batch.
 *
 * @param published       records this process published (and the brokers acknowledged)
 * @param pending         of those, not yet stored (an upper bound when other producers write to the same partitions)
 * @param activeConsumers members of the consumer group right now (0: nobody is analysing)
 */
public record StorageProgress(long published, long pending, int activeConsumers) {
    public long stored() {
        return published - pending;
    }

    public boolean done() {
        return pending == 0;
    }
}
