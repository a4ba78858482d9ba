package io.koubei.core.store;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.Verdicts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where analysed feedback lives: the embedded Lucene index by default, Elasticsearch to scale out.
 * Every implementation must pass the same contract suite: same inputs, same hits, identical aggregates.
 *
 * <p>Text analysis never happens here: documents arrive with their tokens, queries arrive segmented.
 */
public interface FeedbackStore extends AutoCloseable {

    /**
     * Idempotent upsert by id. When this returns, the batch is durable (survives kill -9).
     *
     * <p>The item and its analysis are replaced; the detectors' {@link Verdicts} (flags, segment) are not: an id
     * already stored keeps the verdicts stored for it, whatever the upserted record carries, so re-sending,
     * re-analysing or re-importing an item never erases a verdict. A new id is stored with the verdicts it carries
     * (none, from the analysis path). Only {@link #updateVerdicts} changes the verdicts of a stored item.
     *
     * @throws StoreUnavailableException when the backend cannot take writes now; the caller retries
     */
    UpsertResult upsert(List<AnalyzedFeedback> batch);

    /**
     * {@link #upsert(List)} with a choice of when reads see the batch; durable on return either way. A store that
     * makes writes visible at once anyway (the embedded one) needs not override this.
     */
    default UpsertResult upsert(List<AnalyzedFeedback> batch, WriteVisibility visibility) {
        return upsert(batch);
    }

    /**
     * The detectors' write: replaces the verdicts (flags and segment) of stored items, a partial update that leaves
     * the item and its analysis as they are. Ids not stored are skipped. Durable and visible to reads on return.
     *
     * @return how many stored items the update reached (including those whose verdicts were already these)
     * @throws StoreUnavailableException when the backend cannot take writes now; the caller retries (idempotent)
     */
    int updateVerdicts(Map<String, Verdicts> verdicts);

    Optional<AnalyzedFeedback> get(String id);

    /** Items by id, in no particular order; missing ids are skipped. */
    List<AnalyzedFeedback> getAll(Collection<String> ids);

    /** Matching items, newest first (ties by id), with the exact total. */
    SearchPage search(SearchQuery query);

    long count(FeedbackFilter filter);

    /** Counts per bucket of the requested dimensions; buckets are sorted by key. */
    List<Bucket> aggregate(AggregateQuery query);

    /**
     * Per-author figures of the matching items that have an author, in no particular order: what core/mass
     * classification needs without loading items. Computed from what the items carry as stored (never verdicts), so
     * idempotent under re-sent items. {@code marks}: the technical-vocabulary and beta rules the caller judges by;
     * items indexed under other marks are counted in {@link AuthorStats#unmarked()}.
     *
     * <p>This default visits the items ({@link #scan}); stores answer it from their indices.
     */
    default List<AuthorStats> authorStats(FeedbackFilter filter, AuthorMarks marks) {
        Map<String, AuthorStats.Accumulator> byAuthor = new java.util.HashMap<>();
        scan(filter, f -> {
            if (f.item().authorId() != null) {
                byAuthor.computeIfAbsent(f.item().authorId(), AuthorStats.Accumulator::new).add(f, marks);
            }
        });
        return byAuthor.values().stream().map(AuthorStats.Accumulator::build).toList();
    }

    /** Visits every matching item (for detectors that need the items, not counts). Order: createdAt, id. */
    void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor);

    /**
     * Removes these items for good (erasure on request, retention). Unknown ids are skipped. Durable and visible to
     * reads when this returns.
     *
     * @return how many items were removed
     */
    long delete(Collection<String> ids);

    /** Removes everything: for tests and re-indexing. */
    void clear();

    StoreHealth check();

    @Override
    void close();
}
