package io.koubei.store.embedded;

import static io.koubei.store.embedded.IndexFields.*;

import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.AuthorMarks;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.RatingScale;
import io.koubei.store.json.FeedbackJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.NumericUtils;

/**
 * Turns an item into its Lucene document: the JSON blob for reading back, plus one indexed term field per filter
 * and doc values per aggregation dimension. A missing value is simply absent, which aggregates read as
 * {@link io.koubei.core.store.Dimension#NONE}.
 */
final class FeedbackDocuments {
    /** Indexed as {@link StringField} terms are (documents only, no norms), but many terms in one field. */
    private static final FieldType TOKEN_TYPE = tokenType();

    private FeedbackDocuments() {
    }

    /**
     * @throws IllegalArgumentException when a keyword value is longer than Lucene can index (32766 UTF-8 bytes);
     *         over-long tokens are left out instead, since no query could name them anyway
     */
    static Document toDocument(AnalyzedFeedback f) {
        FeedbackItem item = f.item();
        requireIndexable(item.id(), ID, item.id());
        Document doc = new Document();
        doc.add(new StringField(ID, item.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(item.id())));
        doc.add(new StoredField(SOURCE_JSON, FeedbackJson.toBytes(f)));

        long created = nanos(item.createdAt());
        doc.add(new LongPoint(CREATED_AT, created));
        doc.add(new NumericDocValuesField(CREATED_AT, created));

        single(doc, CHANNEL, item.channel().wireName());
        requireIndexable(item.id(), SOURCE, item.source());
        requireIndexable(item.id(), PRODUCT, item.product());
        requireIndexable(item.id(), PRODUCT_VERSION, item.productVersion());
        requireIndexable(item.id(), AUTHOR, item.authorId());
        requireIndexable(item.id(), REPLY_TO, item.replyTo());
        single(doc, SOURCE, item.source());
        single(doc, PRODUCT, item.product());
        single(doc, PRODUCT_VERSION, item.productVersion());
        Polarity polarity = f.analysis().sentiment().polarity();
        single(doc, POLARITY, polarity.wireName());
        NpsClass nps = f.analysis().npsClass();
        single(doc, NPS_CLASS, nps == null ? null : nps.wireName());
        single(doc, SEGMENT, f.analysis().segment() == null ? null : f.analysis().segment().wireName());
        single(doc, AUTHOR, item.authorId());
        single(doc, WEEK, f.week());
        single(doc, DAY, f.day());
        if (item.replyTo() != null) {
            doc.add(new StringField(REPLY_TO, item.replyTo(), Field.Store.NO));
        }
        doc.add(new StringField(OFFICIAL, Boolean.toString(item.fromOfficialAccount()), Field.Store.NO));

        Set<String> aspects = f.analysis().aspectIds();
        Set<String> aspectPolarities = f.analysis().aspectPolarityKeys();
        for (Set<String> values : List.of(aspects, aspectPolarities, f.analysis().flags())) {
            for (String v : values) {
                requireIndexable(item.id(), "aspect/flag", v);
            }
        }
        multi(doc, ASPECT, aspects);
        multi(doc, ASPECT_POLARITY, aspectPolarities);
        multi(doc, FLAG, f.analysis().flags());
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(f.analysis().tokens()));
        tokens.removeIf(token -> !indexable(token));
        if (!tokens.isEmpty()) {
            // one field of many terms: inverting 40 single-term fields cost a third of the store's indexing time
            doc.add(new Field(TOKEN, new TermListTokenStream(tokens), TOKEN_TYPE));
        }

        RatingScale scale = item.rating() == null ? null : item.rating().scale();
        if (scale != null) {
            double value = item.rating().value();
            doc.add(new StringField(RATING_SCALE, scale.wireName(), Field.Store.NO));
            doc.add(new DoublePoint(RATING, value));
            doc.add(new NumericDocValuesField(RATING, NumericUtils.doubleToSortableLong(value)));
        }
        doc.add(new NumericDocValuesField(STATS, StatsCode.encode(polarity, nps, scale)));
        if (item.authorId() != null) {
            authorFigures(doc, item);
        }
        return doc;
    }

    /** What the author profiles read per item: level, registration, reply, and the marks under the default rules. */
    private static void authorFigures(Document doc, FeedbackItem item) {
        if (item.author().level() != null) {
            doc.add(new NumericDocValuesField(AUTHOR_LEVEL, item.author().level()));
        }
        if (item.author().registeredAt() != null) {
            doc.add(new NumericDocValuesField(AUTHOR_REGISTERED, nanos(item.author().registeredAt())));
        }
        AuthorMarks marks = AuthorMarks.DEFAULT;
        long bits = (item.replyTo() != null ? MARK_REPLY : 0) | (marks.technical(item) ? MARK_TECHNICAL : 0)
                | (marks.beta(item) ? MARK_BETA : 0);
        doc.add(new NumericDocValuesField(AUTHOR_MARKS, bits));
        doc.add(new SortedDocValuesField(MARKS_KEY, new BytesRef(DEFAULT_MARKS_KEY)));
    }

    private static final String DEFAULT_MARKS_KEY = AuthorMarks.DEFAULT.key();

    private static FieldType tokenType() {
        FieldType t = new FieldType();
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.setTokenized(true);
        t.freeze();
        return t;
    }

    private static void single(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.NO));
            doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static boolean indexable(String value) {
        return value == null || UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length()) <= IndexWriter.MAX_TERM_LENGTH;
    }

    private static void requireIndexable(String id, String field, String value) {
        if (!indexable(value)) {
            throw new IllegalArgumentException("item " + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + ": "
                    + field + " is longer than " + IndexWriter.MAX_TERM_LENGTH + " UTF-8 bytes");
        }
    }

    private static void multi(Document doc, String field, Set<String> values) {
        for (String v : values) {
            if (v != null) {
                doc.add(new StringField(field, v, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
            }
        }
    }
}
