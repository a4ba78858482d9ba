package io.koubei.store.embedded;

import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.Channel;
import io.koubei.core.store.AuthorStats;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Per-author figures from doc values: per segment, each matching document's author ordinal selects an accumulator;
 * author ids become strings once per author and segment. No stored JSON is read.
 */
final class AuthorStatsReader {
    private AuthorStatsReader() {
    }

    static List<AuthorStats> read(IndexSearcher searcher, Query query, AuthorMarks marks) throws IOException {
        Map<String, AuthorStats.Accumulator> merged = new HashMap<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        BytesRef key = new BytesRef(marks.key());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                segment(leaf.reader(), scorer.iterator(), key, merged);
            }
        }
        return merged.values().stream().map(AuthorStats.Accumulator::build).toList();
    }

    private static void segment(LeafReader reader, DocIdSetIterator docs, BytesRef key,
            Map<String, AuthorStats.Accumulator> merged) throws IOException {
        SortedDocValues author = DocValues.getSorted(reader, IndexFields.AUTHOR);
        if (author.getValueCount() == 0) {
            return;
        }
        NumericDocValues created = DocValues.getNumeric(reader, IndexFields.CREATED_AT);
        NumericDocValues level = DocValues.getNumeric(reader, IndexFields.AUTHOR_LEVEL);
        NumericDocValues registered = DocValues.getNumeric(reader, IndexFields.AUTHOR_REGISTERED);
        NumericDocValues bits = DocValues.getNumeric(reader, IndexFields.AUTHOR_MARKS);
        SortedDocValues marksKey = DocValues.getSorted(reader, IndexFields.MARKS_KEY);
        SortedDocValues channel = DocValues.getSorted(reader, IndexFields.CHANNEL);
        int keyOrd = marksKey.lookupTerm(key); // negative: no item of this segment is marked under these rules
        Channel[] channels = new Channel[channel.getValueCount()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = Channel.fromWire(channel.lookupOrd(i).utf8ToString()).orElse(null);
        }
        AuthorStats.Accumulator[] byOrd = new AuthorStats.Accumulator[author.getValueCount()];
        Bits live = reader.getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live != null && !live.get(doc)) || !author.advanceExact(doc)) {
                continue;
            }
            int ord = author.ordValue();
            AuthorStats.Accumulator acc = byOrd[ord];
            if (acc == null) {
                acc = byOrd[ord] = new AuthorStats.Accumulator(author.lookupOrd(ord).utf8ToString());
            }
            long t = created.advanceExact(doc) ? created.longValue() : 0;
            long b = bits.advanceExact(doc) ? bits.longValue() : 0;
            boolean marked = keyOrd >= 0 && marksKey.advanceExact(doc) && marksKey.ordValue() == keyOrd;
            acc.add(t, (b & IndexFields.MARK_REPLY) != 0, marked, (b & IndexFields.MARK_TECHNICAL) != 0,
                    (b & IndexFields.MARK_BETA) != 0, level.advanceExact(doc) ? (int) level.longValue() : null,
                    registered.advanceExact(doc) ? registered.longValue() : null,
                    channel.advanceExact(doc) ? channels[channel.ordValue()] : null);
        }
        for (AuthorStats.Accumulator acc : byOrd) {
            if (acc != null) {
                merged.merge(acc.authorId(), acc, (a, o) -> {
                    a.merge(o);
                    return a;
                });
            }
        }
    }
}
