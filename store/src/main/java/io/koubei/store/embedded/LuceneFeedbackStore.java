package io.koubei.store.embedded;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.Segment;
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
import io.koubei.store.json.FeedbackJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
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
    /** From this many items a batch is converted and indexed on several threads (below, handing off costs more). */
    private static final int PARALLEL_BATCH = 512;
    /** Items decoded per page while scanning: bounds memory whatever the index size. */
    static final int SCAN_PAGE = 500;

    private final Path path;
    private final Directory directory;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Null after a failed write was rolled back: the next write opens a fresh writer. Guarded by writeLock. */
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile boolean closed;
    /** Why the last write failed, until a write succeeds again: shown by check(). */
    private volatile String writeFailure;

    public LuceneFeedbackStore(Path dir) {
        this(dir, d -> d);
    }

    /** {@code wrap} lets tests put a fault-injecting directory between the store and the disk. */
    LuceneFeedbackStore(Path dir, UnaryOperator<Directory> wrap) {
        this.path = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        Directory d = null;
        try {
            Files.createDirectories(path);
            d = wrap.apply(new OwnerOnlyFiles(FSDirectory.open(path), path));
            this.directory = d;
            refuseOrphanSegments(d);
            openWriter();
        } catch (LockObtainFailedException e) {
            closeQuietly(d);
            throw new StoreUnavailableException("index " + path + " is already open in another store or process", e);
        } catch (IOException e) {
            closeQuietly(d);
            throw new StoreUnavailableException("cannot open index at " + path + ": " + e.getMessage()
                    + " (the index is damaged: restore it from a backup, or move it away and import the data again)", e);
        }
    }

    /**
     * Segment files without a commit point (the {@code segments_N} file lost or deleted) would make Lucene start a new,
     * empty index over them: every item would silently disappear. Refuse instead.
     */
    private void refuseOrphanSegments(Directory d) throws IOException {
        String[] files = d.listAll();
        boolean commit = false;
        boolean segments = false;
        for (String f : files) {
            commit |= f.startsWith("segments_");
            segments |= f.endsWith(".si") || f.endsWith(".cfs") || f.endsWith(".fdt");
        }
        if (segments && !commit) {
            throw new org.apache.lucene.index.IndexNotFoundException("index files but no commit point (segments_N) in " + path);
        }
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
        List<AnalyzedFeedback> items = List.copyOf(lastById.values());
        List<Document> docs = (items.size() < PARALLEL_BATCH ? items.stream() : items.parallelStream())
                .map(FeedbackDocuments::toDocument).toList();
        return write("write", w -> {
            // under the write lock the searcher shows every acknowledged write: exactly what "updated" means
            Map<String, Verdicts> stored;
            IndexSearcher searcher = searchers.acquire();
            try {
                stored = storedVerdicts(searcher, lastById.keySet());
            } finally {
                searchers.release(searcher);
            }
            index(w, items, keepVerdicts(items, docs, stored), stored.keySet());
            return new UpsertResult(lastById.size() - stored.size(), stored.size());
        });
    }

    /**
     * The documents to write: a stored item keeps its stored verdicts (the detectors' flags and segment), whatever
     * the upserted record carries; only those whose verdicts differ are converted again.
     */
    private static List<Document> keepVerdicts(List<AnalyzedFeedback> items, List<Document> docs,
                                               Map<String, Verdicts> stored) {
        if (stored.isEmpty()) {
            return docs;
        }
        IntStream range = IntStream.range(0, items.size());
        return (items.size() < PARALLEL_BATCH ? range : range.parallel()).mapToObj(i -> {
            AnalyzedFeedback f = items.get(i);
            Verdicts v = stored.get(f.id());
            AnalyzedFeedback kept = v == null ? f : f.withVerdicts(v);
            return kept == f ? docs.get(i) : FeedbackDocuments.toDocument(kept);
        }).toList();
    }

    /**
     * Replaces the verdicts of stored items: under the write lock, each item's stored record is read, given the new
     * verdicts and written back whole (a Lucene document cannot be changed in place), so an upsert can neither
     * interleave nor be lost. Items whose verdicts are already these are not rewritten.
     */
    @Override
    public int updateVerdicts(Map<String, Verdicts> verdicts) {
        Objects.requireNonNull(verdicts, "verdicts");
        verdicts.forEach((id, v) -> {
            if (id == null || v == null) {
                throw new IllegalArgumentException("verdicts for " + id + " are null");
            }
        });
        if (verdicts.isEmpty()) {
            return 0;
        }
        return write("verdict update", w -> {
            List<AnalyzedFeedback> current;
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs hits = searcher.search(FilterQueries.ids(verdicts.keySet()), verdicts.size());
                current = decode(searcher, hits.scoreDocs, 0, hits.scoreDocs.length);
            } finally {
                searchers.release(searcher);
            }
            for (AnalyzedFeedback f : current) {
                AnalyzedFeedback updated = f.withVerdicts(verdicts.get(f.id()));
                if (updated != f) {
                    w.updateDocument(new Term(IndexFields.ID, f.id()), FeedbackDocuments.toDocument(updated));
                }
            }
            return current.size();
        });
    }

    /**
     * New ids are added, known ones replaced (a new id needs no delete-by-term, which every flush would otherwise
     * look up in every segment). Large batches are indexed from several threads: IndexWriter is thread-safe, the
     * ids are distinct, and the write lock keeps other writers out.
     */
    private static void index(IndexWriter w, List<AnalyzedFeedback> items, List<Document> docs, Set<String> existing) throws IOException {
        IntConsumer one = i -> {
            String id = items.get(i).id();
            try {
                if (existing.contains(id)) {
                    w.updateDocument(new Term(IndexFields.ID, id), docs.get(i));
                } else {
                    w.addDocument(docs.get(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            IntStream range = IntStream.range(0, docs.size());
            (docs.size() < PARALLEL_BATCH ? range : range.parallel()).forEach(one);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the store is unavailable: the caller retries
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
    public long delete(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return 0;
        }
        return write("delete", w -> {
            IndexSearcher searcher = searchers.acquire();
            Set<String> existing;
            try {
                existing = storedVerdicts(searcher, new HashSet<>(ids)).keySet();
            } finally {
                searchers.release(searcher);
            }
            for (String id : existing) {
                w.deleteDocuments(new Term(IndexFields.ID, id));
            }
            return (long) existing.size();
        });
    }

    @Override
    public void clear() {
        write("clear", w -> {
            w.deleteAll();
            return null;
        });
    }

    @Override
    public StoreHealth check() {
        try {
            long docs = read(searcher -> (long) searcher.getIndexReader().numDocs());
            String failure = writeFailure;
            return failure == null
                    ? new StoreHealth("lucene", true, docs + " items in " + path)
                    : new StoreHealth("lucene", false, "reads work (" + docs + " items) but the last " + failure);
        } catch (RuntimeException e) {
            return new StoreHealth("lucene", false, e.getMessage());
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            searchers.close();
            if (writer != null) {
                writer.close(); // commits whatever is pending (nothing: every write is committed)
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing index " + path + " failed", e);
        } finally {
            closeQuietly(directory);
            writeLock.unlock();
        }
    }

    private interface WriterFunction<T> {
        T apply(IndexWriter writer) throws IOException;
    }

    /**
     * Runs one write under the write lock and commits it before returning. If anything fails, the uncommitted
     * changes are rolled back (so a failed batch never sneaks into a later commit) and the writer is reopened on
     * the next write: callers just retry, as StoreUnavailableException asks them to.
     */
    private <T> T write(String what, WriterFunction<T> change) {
        writeLock.lock();
        try {
            if (closed) {
                throw new StoreUnavailableException("store at " + path + " is closed");
            }
            if (writer == null) {
                openWriter();
            }
            T result = change.apply(writer);
            writer.commit();
            searchers.maybeRefreshBlocking();
            writeFailure = null;
            return result;
        } catch (IOException | AlreadyClosedException e) {
            discardWriter();
            writeFailure = what + " failed: " + e.getMessage();
            throw new StoreUnavailableException(what + " to " + path + " failed, nothing of it was kept: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A writer that hit a tragic error (a full disk during a flush or merge) answers later calls with
            // IllegalStateException ("this writer hit an unrecoverable error"): the store is down, not the batch bad.
            boolean storeBroken = isStoreFailure(e) || (writer != null && writer.getTragicException() != null);
            discardWriter(); // whatever it was, none of this write may reach a later commit
            if (storeBroken) {
                writeFailure = what + " failed: " + e.getMessage();
                throw new StoreUnavailableException(what + " to " + path + " failed, nothing of it was kept: " + e.getMessage(), e);
            }
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /** An exception that says the index cannot be written (rather than that this batch cannot be indexed). */
    static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof AlreadyClosedException || t instanceof IllegalStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Opens the writer and a searcher manager on it; the previous manager (if any) is closed. */
    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(true);
        IndexWriter w = new IndexWriter(directory, config);
        try {
            w.commit(); // a fresh directory becomes a valid (empty) index at once
            SearcherManager previous = searchers;
            searchers = new SearcherManager(w, null);
            writer = w;
            if (previous != null) {
                previous.close(); // searchers still in use keep their reader until released
            }
        } catch (IOException | RuntimeException e) {
            w.rollback();
            throw e;
        }
    }

    private void discardWriter() {
        if (writer != null) {
            try {
                writer.rollback(); // drops everything since the last commit and releases the lock
            } catch (IOException | RuntimeException ignored) {
                // a writer closed by a tragic error has nothing left to roll back
            }
            writer = null;
        }
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(SearcherFunction<T> fn) {
        if (closed) {
            throw new StoreUnavailableException("store at " + path + " is closed");
        }
        SearcherManager manager = searchers;
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (AlreadyClosedException e) {
            if (!closed && manager != searchers) {
                return read(fn); // the writer was reopened meanwhile: use the new manager
            }
            throw new StoreUnavailableException("store at " + path + " is closed", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return fn.apply(searcher);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException ignored) {
                // releasing only decrements a reference count
            }
        }
    }

    /**
     * The verdicts of those ids that are live in the index (so its keys are the existing ids): one terms-dictionary
     * seek per id and segment, then the flag and segment doc values of each document found (no JSON decoding).
     */
    private static Map<String, Verdicts> storedVerdicts(IndexSearcher searcher, Collection<String> ids) throws IOException {
        List<BytesRef> sorted = ids.stream().map(BytesRef::new).sorted().toList();
        Map<String, Verdicts> found = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            TreeMap<Integer, String> docs = new TreeMap<>(); // doc values are read in doc id order
            for (BytesRef id : sorted) {
                if (termsEnum.seekExact(id)) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            docs.put(d, id.utf8ToString());
                            break;
                        }
                    }
                }
            }
            if (docs.isEmpty()) {
                continue;
            }
            SortedDocValues segments = DocValues.getSorted(leaf.reader(), IndexFields.SEGMENT);
            SortedSetDocValues flags = DocValues.getSortedSet(leaf.reader(), IndexFields.FLAG);
            for (Map.Entry<Integer, String> e : docs.entrySet()) {
                int d = e.getKey();
                Segment segment = segments.advanceExact(d)
                        ? Segment.valueOf(segments.lookupOrd(segments.ordValue()).utf8ToString().toUpperCase(Locale.ROOT))
                        : null;
                Set<String> f = new HashSet<>();
                if (flags.advanceExact(d)) {
                    for (int i = 0; i < flags.docValueCount(); i++) {
                        f.add(flags.lookupOrd(flags.nextOrd()).utf8ToString());
                    }
                }
                found.put(e.getValue(), new Verdicts(f, segment));
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

    private static void closeQuietly(Directory d) {
        try {
            if (d != null) {
                d.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing or closing with a clearer error
        }
    }
}
