package io.koubei.store.elasticsearch;

import static io.koubei.store.elasticsearch.FeedbackIndexLayout.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Verdicts;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.core.store.WriteVisibility;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link FeedbackStore} on Elasticsearch 9: native queries and aggregations only (no scripts: the node may have
 * no scripting module), analysis in the application, results identical to the embedded Lucene store.
 *
 * <p>Writes go through the write alias with {@code refresh=wait_for}, so an upsert that returned is visible to the
 * next search, and durable (the default translog durability fsyncs before acknowledging). Transient failures
 * (HTTP 429/502/503/504, connection refused or reset) are retried with exponential backoff per {@link RetryPolicy};
 * then {@link StoreUnavailableException}, which the bus turns into backpressure. Reads retry the same way.
 */
public final class ElasticsearchFeedbackStore implements FeedbackStore {
    /** Items per bulk request: a few MB, well under http.max_content_length. */
    static final int BULK_CHUNK = 1000;
    /** ES refuses from+size beyond this (index.max_result_window); deeper pages walk with search_after. */
    static final int MAX_RESULT_WINDOW = 10_000;
    static final int SCAN_PAGE = 1000;
    /** An upsert and a verdict update of the same item meet on its shard: the later one re-reads and retries. */
    static final int RETRY_ON_CONFLICT = 5;

    private final ElasticsearchStoreConfig config;
    private final FeedbackIndexLayout layout;
    private final ElasticsearchClient client;
    /**
     * The same client, asking bulk responses for only what the write path reads per item (a full response of
     * 1,000 items took 15% of a worker's CPU to parse: versions, shards and sequence numbers nobody reads).
     */
    private final ElasticsearchClient bulkClient;
    private final StoreAggregations aggregations;
    private volatile boolean ready;
    /** Tests: runs between an upsert's read of the stored items and its write, to lose a race on purpose. */
    volatile Runnable afterRead = () -> { };
    private boolean templatePut;

    public ElasticsearchFeedbackStore(ElasticsearchStoreConfig config) {
        this.config = config;
        this.layout = new FeedbackIndexLayout(config.indexPrefix());
        this.client = config.newClient();
        this.bulkClient = client.withTransportOptions(o -> o.setParameter("filter_path",
                "took,errors,items.*._index,items.*._id,items.*.status,items.*.result,items.*.error"));
        this.aggregations = new StoreAggregations(this::call, layout);
    }

    public ElasticsearchStoreConfig config() {
        return config;
    }

    /**
     * The document this store writes for an item (a JSON object as a map), for tools that talk to the index
     * directly, e.g. the benchmark's raw {@code _bulk} baseline.
     *
     * @throws IllegalArgumentException when a keyword value is longer than Elasticsearch can index
     */
    public static Map<String, Object> document(AnalyzedFeedback f) {
        return FeedbackDocuments.toDocument(f);
    }

    /** The low-level client, for tests and admin tasks (e.g. a manual rollover). */
    public ElasticsearchClient client() {
        return client;
    }

    /** Names of the write alias, read alias and template, for operators. */
    public String writeAlias() {
        return layout.writeAlias();
    }

    public String readAlias() {
        return layout.readAlias();
    }

    public String templateName() {
        return layout.templateName();
    }

    /**
     * Rolls the write alias over to a new index now ({@code POST <prefix>feedback/_rollover}); later writes of items
     * that live in an older index still update them there. Returns the new index name.
     */
    public String rollover() {
        ensureReady();
        return call("rollover", () -> client.indices().rollover(r -> r.alias(layout.writeAlias())).newIndex());
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        return upsert(batch, WriteVisibility.IMMEDIATE);
    }

    /**
     * Bulk upsert by id, durable on return. {@link WriteVisibility#IMMEDIATE}: a batch of up to {@value #BULK_CHUNK}
     * items is written with {@code refresh=wait_for}; a larger one in several bulks without refresh and one explicit
     * refresh of the indices they touched. {@link WriteVisibility#EVENTUAL}: no refresh and no waiting; the index's
     * own refresh (every {@code refreshInterval}) makes the batch readable.
     *
     * <p>A stored item keeps its verdicts ({@code flags}, {@code segment}), which the detectors own; a new item is
     * created whole with the verdicts it carries (see {@link #upsertChunk}).
     */
    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch, WriteVisibility visibility) {
        if (batch.isEmpty()) {
            return UpsertResult.EMPTY;
        }
        // duplicate ids in one batch: the last one wins and counts once
        Map<String, AnalyzedFeedback> byId = new LinkedHashMap<>();
        for (AnalyzedFeedback f : batch) {
            byId.remove(f.id());
            byId.put(f.id(), f);
        }
        // every document is built (and validated) before the first one is written: a bad item fails the whole batch
        List<Map.Entry<String, Map<String, Object>>> docs = new ArrayList<>(byId.size());
        for (AnalyzedFeedback f : byId.values()) {
            docs.add(Map.entry(f.id(), FeedbackDocuments.toDocument(f)));
        }
        ensureReady();
        Indices indices = indices();
        boolean immediate = visibility != WriteVisibility.EVENTUAL;
        if (immediate && docs.size() <= BULK_CHUNK) {
            return upsertChunk(docs, indices, Refresh.WaitFor, new java.util.HashSet<>());
        }
        // several bulk requests: none waits for its own refresh; one explicit refresh of every index they touched
        // at the end makes the whole batch visible (cheaper than a wait per chunk, whatever the shard count)
        UpsertResult result = UpsertResult.EMPTY;
        java.util.Set<String> touched = new java.util.HashSet<>();
        for (int i = 0; i < docs.size(); i += BULK_CHUNK) {
            result = result.plus(upsertChunk(docs.subList(i, Math.min(docs.size(), i + BULK_CHUNK)), indices,
                    Refresh.False, touched));
        }
        List<String> written = List.copyOf(touched);
        if (immediate && !written.isEmpty()) {
            call("refresh", () -> client.indices().refresh(r -> r.index(written)));
        }
        return result;
    }

    /**
     * One bulk of upserts, each item written as cheaply as a blind index. A new id is written with {@code create}, a
     * stored one with {@code index} into its own index, carrying its stored verdicts, only if it is still at the
     * sequence number read ({@code if_seq_no}/{@code if_primary_term}). What is stored is read with a realtime
     * multi-get (where each item lives, its sequence number and only {@code flags} and {@code segment} of its source):
     * up front when the store has rolled over (an item may live in an older index: a {@code create} in the write
     * index would duplicate it), else only for the ids whose {@code create} found them stored (the usual batch is
     * new items: one request, no read). Whatever lost a race (409: created or changed meanwhile, e.g. by a verdict
     * update) is written again as a bulk {@code update} of all but the verdicts with {@code upsert}, which the shard
     * serialises.
     */
    private UpsertResult upsertChunk(List<Map.Entry<String, Map<String, Object>>> chunk, Indices indices,
                                     Refresh refresh, java.util.Set<String> touched) {
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        chunk.forEach(e -> docs.put(e.getKey(), e.getValue()));
        boolean readFirst = !indices.older().isEmpty();
        Map<String, Current> current = new HashMap<>(readFirst ? current(docs.keySet(), indices) : Map.of());
        afterRead.run();
        Map<String, Write> pending = new LinkedHashMap<>();
        docs.forEach((id, doc) -> {
            Current c = current.get(id);
            pending.put(id, c == null ? Write.create(layout.writeAlias(), doc) : Write.replace(c, doc));
        });
        java.util.Set<String> read = new java.util.HashSet<>(readFirst ? docs.keySet() : java.util.Set.of());
        int created = 0;
        int updated = 0;
        Map<String, String> rejected = new LinkedHashMap<>();
        for (int attempt = 0; ; attempt++) {
            BulkRequest.Builder req = new BulkRequest.Builder().refresh(refresh);
            pending.forEach((id, w) -> req.operations(w.operation(id)));
            BulkRequest request = req.build();
            BulkResponse response = call("bulk upsert", () -> bulkClient.bulk(request));
            Map<String, Write> retry = new LinkedHashMap<>();
            List<String> toRead = new ArrayList<>();
            String lastTransient = null;
            boolean onlyConflicts = true;
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    touched.add(item.index());
                    if ("created".equals(item.result())) {
                        created++;
                    } else {
                        updated++; // "updated", or "noop" when the item was stored exactly so already
                    }
                } else if (item.status() == 409 && pending.get(item.id()).kind() == Write.Kind.CREATE
                        && !read.contains(item.id())) {
                    toRead.add(item.id()); // stored already: read its version and verdicts, then replace it
                } else if (item.status() == 409 && pending.get(item.id()).kind() != Write.Kind.UPDATE) {
                    // lost a race: the shard-serialised update keeps whatever verdicts are stored by then
                    Current c = current.get(item.id());
                    retry.put(item.id(), Write.update(c == null ? layout.writeAlias() : c.index(), docs.get(item.id())));
                } else if (isTransient(item.status())) {
                    retry.put(item.id(), pending.get(item.id()));
                    lastTransient = item.status() + " " + item.error().reason();
                    onlyConflicts = false;
                } else {
                    rejected.put(item.id(), item.error().type() + ": " + item.error().reason());
                }
            }
            if (!toRead.isEmpty()) {
                current.putAll(current(toRead, indices));
                read.addAll(toRead);
                for (String id : toRead) {
                    Current c = current.get(id);
                    retry.put(id, c == null ? Write.update(layout.writeAlias(), docs.get(id)) : Write.replace(c, docs.get(id)));
                }
                afterRead.run();
            }
            if (retry.isEmpty()) {
                break;
            }
            if (!onlyConflicts) {
                if (attempt >= config.retry().maxRetries()) {
                    throw new StoreUnavailableException("Elasticsearch rejected " + retry.size() + " of " + docs.size()
                            + " items after " + attempt + " retries (" + lastTransient + "); "
                            + (created + updated) + " were written", null);
                }
                sleep(config.retry().delay(attempt));
            }
            pending.clear();
            pending.putAll(retry);
        }
        if (!rejected.isEmpty()) {
            throw new IllegalArgumentException("Elasticsearch rejected " + rejected.size() + " items (the other "
                    + (created + updated) + " were written): " + rejected);
        }
        return new UpsertResult(created, updated);
    }

    /** Where a stored item lives, at which version, and the verdicts stored for it. */
    private record Current(String index, long seqNo, long primaryTerm, List<String> flags, String segment) {
    }

    /** The verdict fields of a stored document's source. */
    record StoredVerdicts(List<String> flags, String segment) {
    }

    /** One item's bulk action in an upsert. */
    private record Write(Kind kind, String index, Long seqNo, Long primaryTerm, BinaryData body) {
        enum Kind { CREATE, REPLACE, UPDATE }

        static Write create(String index, Map<String, Object> doc) {
            return new Write(Kind.CREATE, index, null, null, json(FeedbackDocuments.toBytes(doc)));
        }

        /** The whole document with the stored verdicts, if the item is still at the version read. */
        static Write replace(Current c, Map<String, Object> doc) {
            Map<String, Object> kept = new LinkedHashMap<>(doc);
            kept.remove(FLAGS);
            kept.remove(SEGMENT);
            if (c.flags() != null && !c.flags().isEmpty()) {
                kept.put(FLAGS, new java.util.LinkedHashSet<>(c.flags()));
            }
            if (c.segment() != null) {
                kept.put(SEGMENT, c.segment());
            }
            return new Write(Kind.REPLACE, c.index(), c.seqNo(), c.primaryTerm(), json(FeedbackDocuments.toBytes(kept)));
        }

        /** All but the verdicts of a stored item, or the whole document for a new one: serialised by the shard. */
        static Write update(String index, Map<String, Object> doc) {
            return new Write(Kind.UPDATE, index, null, null, json(FeedbackDocuments.upsertAction(doc)));
        }

        co.elastic.clients.elasticsearch.core.bulk.BulkOperation operation(String id) {
            return co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(op -> switch (kind) {
                case CREATE -> op.create(c -> c.index(index).id(id).document(body));
                case REPLACE -> op.index(ix -> ix.index(index).id(id).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm)
                        .document(body));
                case UPDATE -> op.update(u -> u.index(index).id(id).retryOnConflict(RETRY_ON_CONFLICT)
                        .binaryAction(body));
            });
        }

        private static BinaryData json(byte[] bytes) {
            return BinaryData.of(bytes, ContentType.APPLICATION_JSON);
        }
    }

    /**
     * The stored items among {@code ids}: a realtime multi-get over every index of the store (sees writes not yet
     * refreshed), fetching only the verdict fields of the source.
     */
    private Map<String, Current> current(Collection<String> ids, Indices indices) {
        co.elastic.clients.elasticsearch.core.MgetResponse<StoredVerdicts> r = call("read stored items",
                () -> client.mget(m -> {
                    for (String index : indices.all()) {
                        for (String id : ids) {
                            m.docs(d -> d.index(index).id(id).source(src -> src.filter(f -> f.includes(FLAGS, SEGMENT))));
                        }
                    }
                    return m;
                }, StoredVerdicts.class));
        Map<String, Current> out = new HashMap<>();
        for (var item : r.docs()) {
            if (item.isResult() && item.result().found()) {
                var g = item.result();
                StoredVerdicts v = g.source();
                out.put(g.id(), new Current(g.index(), g.seqNo(), g.primaryTerm(), v == null ? null : v.flags(),
                        v == null ? null : v.segment()));
            }
        }
        return out;
    }

    /**
     * The store's write index and the others (where items written before a rollover live). No others (the usual
     * case, no rollover yet) means every item lives in the write index.
     */
    private Indices indices() {
        Map<String, co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases> aliases = call("list indices",
                () -> client.indices().getAlias(a -> a.name(layout.readAlias(), layout.writeAlias())).aliases());
        List<String> older = new ArrayList<>();
        String[] write = {null};
        aliases.forEach((index, a) -> {
            var w = a.aliases().get(layout.writeAlias());
            boolean isWriteIndex = w != null && (w.isWriteIndex() == null || w.isWriteIndex());
            if (isWriteIndex) {
                write[0] = index;
            } else {
                older.add(index);
            }
        });
        return new Indices(write[0] == null ? layout.writeAlias() : write[0], older);
    }

    private record Indices(String write, List<String> older) {
        List<String> all() {
            List<String> out = new ArrayList<>(older.size() + 1);
            out.add(write);
            out.addAll(older);
            return out;
        }
    }

    /**
     * Concrete index of each id that already exists in an older index. A realtime multi-get, so it sees items
     * written a moment ago and not yet refreshed (writes with {@link WriteVisibility#EVENTUAL} do not wait).
     */
    private Map<String, String> locate(Collection<String> ids, List<String> older) {
        if (older.isEmpty()) {
            return Map.of();
        }
        co.elastic.clients.elasticsearch.core.MgetResponse<Void> r = call("locate ids", () -> client.mget(m -> {
            for (String index : older) {
                for (String id : ids) {
                    m.docs(d -> d.index(index).id(id).source(src -> src.fetch(false)));
                }
            }
            return m;
        }, Void.class));
        Map<String, String> homes = new HashMap<>();
        for (var item : r.docs()) {
            if (item.isResult() && item.result().found()) {
                homes.put(item.result().id(), item.result().index());
            }
        }
        return homes;
    }

    /**
     * Partial updates of the verdict fields ({@code flags}, {@code segment}) only, in bulk {@code update} actions
     * without upsert: a concurrent upsert of the same item is serialised by the shard ({@code retry_on_conflict}),
     * and an id that is not stored is skipped. Visible to reads on return ({@code refresh=wait_for}).
     */
    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        Map<String, BinaryData> actions = new LinkedHashMap<>();
        verdicts.forEach((id, v) -> {
            if (id == null || v == null) {
                throw new IllegalArgumentException("verdicts for " + id + " are null");
            }
            for (String flag : v.flags()) {
                if (!FeedbackDocuments.indexable(flag)) {
                    throw new IllegalArgumentException("item " + id + ": a flag is longer than "
                            + FeedbackDocuments.MAX_TERM_BYTES + " UTF-8 bytes");
                }
            }
            actions.put(id, BinaryData.of(FeedbackDocuments.verdictsAction(v), ContentType.APPLICATION_JSON));
        });
        if (actions.isEmpty()) {
            return 0;
        }
        ensureReady();
        List<String> older = indices().older();
        List<String> ids = List.copyOf(actions.keySet());
        int updated = 0;
        for (int i = 0; i < ids.size(); i += BULK_CHUNK) {
            Map<String, BinaryData> chunk = new LinkedHashMap<>();
            ids.subList(i, Math.min(ids.size(), i + BULK_CHUNK)).forEach(id -> chunk.put(id, actions.get(id)));
            updated += updateVerdictsChunk(chunk, older);
        }
        return updated;
    }

    private int updateVerdictsChunk(Map<String, BinaryData> chunk, List<String> older) {
        Map<String, String> homes = locate(chunk.keySet(), older);
        int updated = 0;
        Map<String, BinaryData> pending = chunk;
        for (int attempt = 0; ; attempt++) {
            BulkRequest.Builder req = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            pending.forEach((id, action) -> req.operations(op -> op.update(u -> u
                    .index(homes.getOrDefault(id, layout.writeAlias())).id(id).retryOnConflict(RETRY_ON_CONFLICT)
                    .binaryAction(action))));
            BulkRequest request = req.build();
            BulkResponse response = call("bulk verdict update", () -> bulkClient.bulk(request));
            Map<String, BinaryData> retry = new LinkedHashMap<>();
            Map<String, String> rejected = new LinkedHashMap<>();
            String lastTransient = null;
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    updated++;
                } else if (item.status() == 404) {
                    // not stored (document_missing_exception): nothing to judge
                } else if (isTransient(item.status()) || item.status() == 409) {
                    retry.put(item.id(), pending.get(item.id()));
                    lastTransient = item.status() + " " + item.error().reason();
                } else {
                    rejected.put(item.id(), item.error().type() + ": " + item.error().reason());
                }
            }
            if (!rejected.isEmpty()) {
                throw new IllegalArgumentException("Elasticsearch rejected the verdicts of " + rejected.size()
                        + " items: " + rejected);
            }
            if (retry.isEmpty()) {
                return updated;
            }
            if (attempt >= config.retry().maxRetries()) {
                throw new StoreUnavailableException("Elasticsearch refused the verdicts of " + retry.size()
                        + " items after " + attempt + " retries (" + lastTransient + "); " + updated
                        + " were written", null);
            }
            sleep(config.retry().delay(attempt));
            pending = retry;
        }
    }

    @Override
    public Optional<AnalyzedFeedback> get(String id) {
        List<AnalyzedFeedback> found = getAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<AnalyzedFeedback> getAll(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        List<AnalyzedFeedback> out = new ArrayList<>(distinct.size());
        if (distinct.isEmpty()) {
            return out;
        }
        ensureReady();
        // through the read alias (a GET by id cannot span the indices of a rollover)
        for (int i = 0; i < distinct.size(); i += MAX_RESULT_WINDOW) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + MAX_RESULT_WINDOW));
            SearchResponse<StoredDoc> r = call("get", () -> client.search(s -> s.index(layout.readAlias())
                    .query(FilterQueries.ids(chunk)).size(chunk.size()).source(onlyDoc()), StoredDoc.class));
            r.hits().hits().forEach(h -> out.add(h.source().feedback()));
        }
        return out;
    }

    @Override
    public SearchPage search(SearchQuery query) {
        ensureReady();
        Query q = FilterQueries.of(query.filter());
        List<SortOptions> newestFirst = List.of(sort(CREATED_AT_NANOS, SortOrder.Desc), sort(ID, SortOrder.Asc));
        List<FieldValue> after = null;
        int from = query.offset();
        long total = -1;
        if (query.offset() + query.limit() > MAX_RESULT_WINDOW) {
            // deep page: walk to the offset with search_after, fetching only sort values
            int skip = query.offset();
            while (skip > 0) {
                int page = Math.min(skip, MAX_RESULT_WINDOW);
                List<FieldValue> cursor = after;
                SearchResponse<Void> r = call("search", () -> client.search(s -> {
                    s.index(layout.readAlias()).query(q).sort(newestFirst).size(page).source(src -> src.fetch(false))
                            .trackTotalHits(t -> t.enabled(true));
                    return cursor == null ? s : s.searchAfter(cursor);
                }, Void.class));
                if (total < 0) {
                    total = r.hits().total().value();
                }
                List<Hit<Void>> hits = r.hits().hits();
                if (hits.size() < page) {
                    return new SearchPage(total, List.of());
                }
                after = hits.get(hits.size() - 1).sort();
                skip -= page;
            }
            from = 0;
        }
        List<FieldValue> cursor = after;
        int start = from;
        SearchResponse<StoredDoc> r = call("search", () -> client.search(s -> {
            s.index(layout.readAlias()).query(q).sort(newestFirst).size(query.limit()).source(onlyDoc())
                    .trackTotalHits(t -> t.enabled(true));
            return cursor == null ? s.from(start) : s.searchAfter(cursor);
        }, StoredDoc.class));
        List<AnalyzedFeedback> items = r.hits().hits().stream().map(h -> h.source().feedback()).toList();
        return new SearchPage(total >= 0 ? total : r.hits().total().value(), items);
    }

    @Override
    public long count(FeedbackFilter filter) {
        ensureReady();
        Query q = FilterQueries.of(filter);
        return call("count", () -> client.count(c -> c.index(layout.readAlias()).query(q)).count());
    }

    @Override
    public List<Bucket> aggregate(AggregateQuery query) {
        ensureReady();
        return aggregations.aggregate(client, query);
    }

    @Override
    public List<io.koubei.core.store.AuthorStats> authorStats(FeedbackFilter filter,
            io.koubei.core.feedback.AuthorMarks marks) {
        return authorStats(filter, marks, AuthorStatsAggregation.PAGE);
    }

    /** For tests: the same figures with another number of authors per page. */
    List<io.koubei.core.store.AuthorStats> authorStats(FeedbackFilter filter, io.koubei.core.feedback.AuthorMarks marks,
            int authorsPerPage) {
        java.util.Objects.requireNonNull(marks, "marks");
        ensureReady();
        return new AuthorStatsAggregation(this::call, layout, authorsPerPage).read(client,
                filter == null ? FeedbackFilter.ALL : filter, marks);
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        ensureReady();
        Query q = FilterQueries.of(filter);
        List<SortOptions> oldestFirst = List.of(sort(CREATED_AT_NANOS, SortOrder.Asc), sort(ID, SortOrder.Asc));
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<StoredDoc> r = call("scan", () -> client.search(s -> {
                s.index(layout.readAlias()).query(q).sort(oldestFirst).size(SCAN_PAGE).source(onlyDoc())
                        .trackTotalHits(t -> t.enabled(false));
                return cursor == null ? s : s.searchAfter(cursor);
            }, StoredDoc.class));
            List<Hit<StoredDoc>> hits = r.hits().hits();
            hits.forEach(h -> visitor.accept(h.source().feedback()));
            if (hits.size() < SCAN_PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * Removes every item. A small single-index store (tests, a fresh install) is emptied with bulk deletes, which is
     * cheaper than index churn; otherwise every index of the store (all generations behind the read alias) is
     * deleted and an empty first index created. (Delete-by-query lives in the reindex module, which a minimal node
     * lacks.)
     */
    @Override
    public synchronized void clear() {
        ensureReady();
        List<String> indices = call("list indices", () -> {
            try {
                return new ArrayList<>(client.indices().getAlias(a -> a.name(layout.readAlias())).aliases().keySet());
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return List.<String>of(); // removed behind our back: nothing to clear
                }
                throw e;
            }
        });
        if (indices.size() == 1 && count(FeedbackFilter.ALL) <= MAX_RESULT_WINDOW) {
            deleteAllDocuments(indices.get(0));
            return;
        }
        if (!indices.isEmpty()) {
            call("clear", () -> client.indices().delete(d -> d.index(indices).ignoreUnavailable(true)));
        }
        ready = false;
        ensureReady();
    }

    @Override
    public long delete(java.util.Collection<String> ids) {
        java.util.Objects.requireNonNull(ids, "ids");
        ensureReady();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        long deleted = 0;
        for (int from = 0; from < all.size(); from += BULK_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BULK_CHUNK));
            // an item may sit in any generation behind the read alias: find where, then delete it there
            SearchResponse<Void> found = call("find items to delete", () -> client.search(s -> s.index(layout.readAlias())
                    .query(q -> q.ids(i -> i.values(chunk))).size(chunk.size()).source(src -> src.fetch(false)), Void.class));
            if (found.hits().hits().isEmpty()) {
                continue;
            }
            BulkRequest.Builder req = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            found.hits().hits().forEach(h -> req.operations(op -> op.delete(d -> d.index(h.index()).id(h.id()))));
            BulkRequest request = req.build();
            BulkResponse response = call("delete", () -> client.bulk(request));
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    throw new StoreUnavailableException("Elasticsearch did not delete item " + item.id() + ": " + item.error().reason());
                }
                if (item.status() == 200) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private void deleteAllDocuments(String index) {
        while (true) {
            SearchResponse<Void> r = call("list ids", () -> client.search(s -> s.index(index)
                    .query(q -> q.matchAll(m -> m)).size(MAX_RESULT_WINDOW).source(src -> src.fetch(false))
                    .sort(o -> o.doc(d -> d)), Void.class));
            if (r.hits().hits().isEmpty()) {
                return;
            }
            BulkRequest.Builder req = new BulkRequest.Builder().refresh(Refresh.True);
            r.hits().hits().forEach(h -> req.operations(op -> op.delete(d -> d.index(index).id(h.id()))));
            BulkRequest request = req.build();
            BulkResponse response = call("clear", () -> client.bulk(request));
            if (response.errors()) {
                throw new StoreUnavailableException("Elasticsearch did not delete every item: " + response.items()
                        .stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
            }
        }
    }

    @Override
    public StoreHealth check() {
        try {
            var h = client.cluster().health(r -> r.timeout(t -> t.time("2s")));
            boolean up = h.status() != HealthStatus.Red;
            return new StoreHealth("elasticsearch", up, "cluster " + h.clusterName() + " "
                    + h.status().jsonValue() + ", " + h.numberOfNodes() + " node(s), indices " + layout.readAlias());
        } catch (IOException | RuntimeException e) {
            return new StoreHealth("elasticsearch", false, config.url() + " unreachable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Puts the index template (idempotent, so mapping changes reach the next index) and the first index. */
    private void ensureReady() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (!templatePut) { // once per store instance: every template update is a cluster state change
                String template = layout.templateJson(config.refreshInterval());
                call("put index template", () -> client.indices().putIndexTemplate(t -> t.name(layout.templateName())
                        .withJson(new StringReader(template))));
                templatePut = true;
            }
            boolean exists = call("check write alias",
                    () -> client.indices().existsAlias(a -> a.name(layout.writeAlias())).value());
            if (!exists) {
                try {
                    call("create first index", () -> client.indices().create(c -> c.index(layout.firstIndex())
                            .withJson(new StringReader(layout.firstIndexJson()))));
                } catch (ElasticsearchException e) {
                    if (e.error() == null || !"resource_already_exists_exception".equals(e.error().type())) {
                        throw e; // another store instance created it meanwhile is fine, anything else is not
                    }
                }
            }
            if (exists) { // indices made before the author figures existed get their fields (strict mappings)
                String properties = "{\"properties\":{" + FeedbackIndexLayout.authorFigureProperties() + "}}";
                call("add author figure fields", () -> client.indices().putMapping(p -> p.index(layout.readAlias())
                        .withJson(new StringReader(properties))));
            }
            ready = true;
        }
    }

    @FunctionalInterface
    interface EsCall<T> {
        T run() throws IOException;
    }

    /** Runs one request, retrying transient failures with backoff; then StoreUnavailableException. */
    <T> T call(String what, EsCall<T> request) {
        return ElasticsearchRetry.call(config, what, request::run);
    }

    static boolean isTransient(int status) {
        return ElasticsearchRetry.isTransient(status);
    }

    private static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }

    private static SortOptions sort(String field, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
    }

    private static co.elastic.clients.elasticsearch.core.search.SourceConfig onlyDoc() {
        return co.elastic.clients.elasticsearch.core.search.SourceConfig.of(s -> s.filter(f -> f.includes(DOC, FLAGS, SEGMENT)));
    }

    /** The _source of a hit, restricted to the stored record and its verdicts. */
    record StoredDoc(String doc, List<String> flags, String segment) {
        AnalyzedFeedback feedback() {
            return FeedbackDocuments.fromSource(doc, flags, segment);
        }
    }
}
