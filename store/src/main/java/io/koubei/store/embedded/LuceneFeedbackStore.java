package io.koubei.store.embedded;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.store.AggregateQuery;
import io.koubei.core.store.Bucket;
import io.koubei.core.store.FeedbackFilter;
import io.koubei.core.store.FeedbackStore;
import io.koubei.core.store.SearchPage;
import io.koubei.core.store.SearchQuery;
import io.koubei.core.store.StoreHealth;
import io.koubei.core.store.StoreUnavailableException;
import io.koubei.core.store.UpsertResult;
import io.koubei.store.json.FeedbackJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The default store: one Lucene index in a local directory, in-process. Each item is kept whole as a JSON blob
 * and indexed once per filter field and aggregation dimension (see {@code store/README.md}).
 *
 * <p>Writes are serialised and committed (fsync) before {@link #upsert} returns, so an acknowledged batch survives
 * a crash; reads go through a {@link SearcherManager} refreshed after every commit, so they see every
 * acknowledged write. Only one process may open a directory at a time (Lucene's write lock).
 */
public final class LuceneFeedbackStore implements FeedbackStore {
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING, false));
    private static final Sort OLDEST_FIRST = new Sort(
            new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, false),
            new SortField(IndexFields.ID, SortField.Type.STRING, false));
    /** Items decoded per page while scanning: bounds memory whatever the index size. */
    static final int SCAN_PAGE = 500;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock writeLock = new ReentrantLock();

    public LuceneFeedbackStore(Path dir) {
        this.path = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        Directory d = null;
        IndexWriter w = null;
        try {
            Files.createDirectories(path);
            d = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true);
            w = new IndexWriter(d, config);
            w.commit(); // a fresh directory becomes a valid (empty) index at once
            this.searchers = new SearcherManager(w, null);
        } catch (LockObtainFailedException e) {
            closeQuietly(w, d);
            throw new StoreUnavailableException("index " + path + " is already open in another store or process", e);
        } catch (IOException e) {
            closeQuietly(w, d);
            throw new StoreUnavailableException("cannot open index at " + path + ": " + e.getMessage(), e);
        }
        this.directory = d;
        this.writer = w;
    }

    public Path path() {
        return path;
    }

    @Override
    public UpsertResult upsert(List<AnalyzedFeedback> batch) {
        Objects.requireNonNull(batch, "batch");
        // validate and convert everything before touching the index: a bad batch is rejected whole
        Map<String, AnalyzedFeedback> lastById = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            AnalyzedFeedback f = batch.get(i);
            if (f == null) {
                throw new IllegalArgumentException("batch item " + i + " is null");
            }
            lastById.remove(f.id()); // last occurrence wins, in its position
            lastById.put(f.id(), f);
        }
        if (lastById.isEmpty()) {
            return UpsertResult.EMPTY;
        }
        List<org.apache.lucene.document.Document> docs = new ArrayList<>(lastById.size());
        for (AnalyzedFeedback f : lastById.values()) {
            docs.add(FeedbackDocuments.toDocument(f));
        }
        writeLock.lock();
        try {
            int created = 0;
            int updated = 0;
            // under the write lock the searcher shows every acknowledged write: exactly what "updated" means
            IndexSearcher searcher = searchers.acquire();
            try {
                updated = existingIds(searcher, lastById.keySet()).size();
                created = lastById.size() - updated;
            } finally {
                searchers.release(searcher);
            }
            int i = 0;
            for (String id : lastById.keySet()) {
                writer.updateDocument(new Term(IndexFields.ID, id), docs.get(i++));
            }
            commitAndRefresh();
            return new UpsertResult(created, updated);
        } catch (AlreadyClosedException e) {
            throw closed(e);
        } catch (IOException e) {
            // the failed batch is not acknowledged; the caller retries it (upserts are idempotent)
            throw new StoreUnavailableException("write to " + path + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<AnalyzedFeedback> get(String id) {
        Objects.requireNonNull(id, "id");
        List<AnalyzedFeedback> found = getAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<AnalyzedFeedback> getAll(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        return read(searcher -> {
            TopDocs hits = searcher.search(FilterQueries.ids(ids), Math.max(1, ids.size()));
            return decode(searcher, hits.scoreDocs, 0, hits.scoreDocs.length);
        });
    }

    @Override
    public SearchPage search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        Query q = FilterQueries.of(query.filter());
        return read(searcher -> {
            int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
            int wanted = (int) Math.min((long) query.offset() + query.limit(), maxDoc);
            if (query.limit() == 0 || wanted <= query.offset()) {
                return new SearchPage(searcher.count(q), List.of());
            }
            TopDocs top = searcher.search(q, new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, Integer.MAX_VALUE, false));
            return new SearchPage(top.totalHits.value, decode(searcher, top.scoreDocs, query.offset(), top.scoreDocs.length));
        });
    }

    @Override
    public long count(FeedbackFilter filter) {
        Query q = FilterQueries.of(filter == null ? FeedbackFilter.ALL : filter);
        return read(searcher -> (long) searcher.count(q));
    }

    @Override
    public List<Bucket> aggregate(AggregateQuery query) {
        Objects.requireNonNull(query, "query");
        Query q = FilterQueries.of(query.filter());
        return read(searcher -> DocValuesAggregator.aggregate(searcher, q, query.groupBy()));
    }

    /** For tests: the same aggregate with another dense/sparse threshold. */
    List<Bucket> aggregate(AggregateQuery query, long denseLimit) {
        Query q = FilterQueries.of(query.filter());
        return read(searcher -> DocValuesAggregator.aggregate(searcher, q, query.groupBy(), denseLimit));
    }

    @Override
    public void scan(FeedbackFilter filter, Consumer<AnalyzedFeedback> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        Query q = FilterQueries.of(filter == null ? FeedbackFilter.ALL : filter);
        // one searcher for the whole scan: a consistent snapshot even if the visitor writes meanwhile
        this.<Void>read(searcher -> {
            FieldDoc after = null;
            while (true) {
                TopDocs page = searcher.search(q,
                        new TopFieldCollectorManager(OLDEST_FIRST, SCAN_PAGE, after, 1, false));
                if (page.scoreDocs.length == 0) {
                    return null;
                }
                decode(searcher, page.scoreDocs, 0, page.scoreDocs.length).forEach(visitor);
                if (page.scoreDocs.length < SCAN_PAGE) {
                    return null;
                }
                after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
            }
        });
    }

    @Override
    public void clear() {
        writeLock.lock();
        try {
            writer.deleteAll();
            commitAndRefresh();
        } catch (AlreadyClosedException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new StoreUnavailableException("clearing " + path + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public StoreHealth check() {
        try {
            long docs = read(searcher -> (long) searcher.getIndexReader().numDocs());
            return new StoreHealth("lucene", true, docs + " items in " + path);
        } catch (RuntimeException e) {
            return new StoreHealth("lucene", false, e.getMessage());
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            searchers.close();
            writer.close(); // commits whatever is pending (nothing: every write is committed)
        } catch (AlreadyClosedException ignored) {
            // closing twice is harmless
        } catch (IOException e) {
            throw new UncheckedIOException("closing index " + path + " failed", e);
        } finally {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the writer released its files already
            }
            writeLock.unlock();
        }
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(SearcherFunction<T> fn) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return fn.apply(searcher);
        } catch (AlreadyClosedException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException ignored) {
                // releasing only decrements a reference count
            }
        }
    }

    /** Which of these ids are live in the index: one terms-dictionary seek per id and segment. */
    private static Set<String> existingIds(IndexSearcher searcher, Collection<String> ids) throws IOException {
        List<BytesRef> sorted = ids.stream().map(BytesRef::new).sorted().toList();
        Set<String> found = new HashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            for (BytesRef id : sorted) {
                if (termsEnum.seekExact(id)) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            found.add(id.utf8ToString());
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<AnalyzedFeedback> decode(IndexSearcher searcher, ScoreDoc[] hits, int from, int to)
            throws IOException {
        List<AnalyzedFeedback> out = new ArrayList<>(Math.max(0, to - from));
        var stored = searcher.storedFields();
        for (int i = from; i < to; i++) {
            BytesRef json = stored.document(hits[i].doc).getBinaryValue(IndexFields.SOURCE_JSON);
            out.add(FeedbackJson.fromBytes(json.bytes, json.offset, json.length));
        }
        return out;
    }

    private StoreUnavailableException closed(AlreadyClosedException e) {
        return new StoreUnavailableException("store at " + path + " is closed", e);
    }

    private static void closeQuietly(IndexWriter w, Directory d) {
        try {
            if (w != null) {
                w.close();
            }
            if (d != null) {
                d.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing with a clearer error
        }
    }
}
