package io.koubei.ingest.kafka;

import io.koubei.core.feedback.FeedbackItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records of one poll on their way to the store, with what happened to them so far. A worker keeps at most one
 * such batch; while the store is down the same batch is retried, so nothing is lost and nothing is re-parsed.
 */
final class PolledBatch {

    /** One record and its parsed item, or why it could not be parsed. */
    record Entry(ConsumerRecord<String, String> record, FeedbackItem item, String parseError) {
        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }

        String origin() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    /** The handler returned for this batch: items are stored (or listed as failed). */
    boolean handled;
    /** Dead letters of this batch not yet acknowledged by the broker. */
    final List<DeadLetterTopic.Letter> unsentLetters = new ArrayList<>();

    static PolledBatch parse(ConsumerRecords<String, String> records, ItemCodec codec) {
        PolledBatch b = new PolledBatch();
        for (ConsumerRecord<String, String> r : records) {
            try {
                b.entries.add(new Entry(r, codec.fromJson(r.value()), null));
            } catch (IllegalArgumentException e) {
                b.entries.add(new Entry(r, null, e.getMessage()));
            }
        }
        return b;
    }

    List<FeedbackItem> items() {
        return entries.stream().filter(e -> e.item() != null).map(Entry::item).toList();
    }

    /** Letters for the records that could not be parsed. */
    List<DeadLetterTopic.Letter> parseFailures(Instant now) {
        return entries.stream().filter(e -> e.item() == null)
                .map(e -> new DeadLetterTopic.Letter(e.record().key(), e.record().value(), DeadLetterTopic.STAGE_PARSE,
                        e.parseError(), e.partition(), e.origin(), now))
                .toList();
    }

    /** The entry of an item id (the last one if the batch holds the id twice), or null. */
    Map<String, Entry> entriesById() {
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : entries) {
            if (e.item() != null) {
                byId.put(e.item().id(), e);
            }
        }
        return byId;
    }

    /** Offsets to commit: one past the last record of each partition. */
    Map<TopicPartition, OffsetAndMetadata> commitOffsets(Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Entry e : entries) {
            TopicPartition tp = e.partition();
            if (only != null && !only.contains(tp)) {
                continue;
            }
            long next = e.record().offset() + 1;
            OffsetAndMetadata prev = offsets.get(tp);
            if (prev == null || prev.offset() < next) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    /** Drops what belongs to partitions this worker no longer owns: their new owner reads them from the last commit. */
    void dropPartitions(Collection<TopicPartition> gone) {
        Set<TopicPartition> g = Set.copyOf(gone);
        entries.removeIf(e -> g.contains(e.partition()));
        unsentLetters.removeIf(l -> l.source() != null && g.contains(l.source()));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }
}
