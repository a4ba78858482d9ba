package io.koubei.dashboard.query;

import io.koubei.core.privacy.PiiMasker;
import io.koubei.core.feedback.AnalyzedFeedback;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.OpinionPoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An item as shown or exported: personal data masked, analysis flattened, optional highlight (HTML, escaped).
 * Never hand out the stored record directly. {@code excerpt} is what lists show (cut at a character boundary);
 * {@code truncated} says the full text is longer.
 */
public record ItemView(
        String id,
        String source,
        String channel,
        Instant createdAt,
        String week,
        String product,
        String productVersion,
        String title,
        String text,
        String highlight,
        String authorId,
        String authorName,
        Integer authorFollowers,
        boolean official,
        String ratingScale,
        Double ratingValue,
        String polarity,
        double score,
        List<String> explanation,
        List<Opinion> opinions,
        String npsClass,
        String segment,
        Set<String> flags,
        String replyTo,
        String url,
        int likes,
        int reposts,
        int replies,
        List<String> tags,
        String analyzerVersion,
        String excerpt,
        boolean truncated) {

    public record Opinion(String aspect, String target, String polarity, List<String> words, String snippet) {
        static Opinion of(OpinionPoint p) {
            return new Opinion(p.aspect(), p.target(), p.polarity().wireName(), p.opinionWords(), PiiMasker.mask(p.snippet()));
        }
    }

    public static ItemView of(AnalyzedFeedback f, List<String> highlightTerms) {
        FeedbackItem i = f.item();
        var a = f.analysis();
        String text = PiiMasker.mask(i.text());
        return new ItemView(i.id(), i.source(), i.channel().wireName(), i.createdAt(), f.week(), i.product(),
                i.productVersion(), PiiMasker.mask(i.title()), text,
                highlightTerms == null ? null : Highlighter.highlight(text, highlightTerms),
                i.authorId(), i.author() == null ? null : PiiMasker.mask(i.author().name()),
                i.author() == null ? null : i.author().followers(), i.fromOfficialAccount(),
                i.rating() == null ? null : i.rating().scale().wireName(), i.rating() == null ? null : i.rating().value(),
                a.sentiment().polarity().wireName(), a.sentiment().score(), a.sentiment().explanation(),
                a.opinions().stream().map(Opinion::of).toList(),
                a.npsClass() == null ? null : a.npsClass().wireName(), a.segment() == null ? null : a.segment().wireName(),
                a.flags(), i.replyTo(), i.url(), i.interactions().likes(), i.interactions().reposts(),
                i.interactions().replies(), i.tags().stream().map(PiiMasker::mask).toList(), a.analyzerVersion(),
                TextCuts.abbreviate(text, TextCuts.LIST_CHARS), text.length() > TextCuts.LIST_CHARS);
    }

    /** One tag per aspect and polarity, for lists (a post may name the same aspect in several clauses). */
    public List<Opinion> aspectTags() {
        java.util.Map<String, Opinion> byKey = new java.util.LinkedHashMap<>();
        for (Opinion o : opinions) {
            if (o.aspect() != null) {
                byKey.putIfAbsent(o.aspect() + ":" + o.polarity(), o);
            }
        }
        return List.copyOf(byKey.values());
    }
}
