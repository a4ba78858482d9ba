package io.koubei.analysis;

import io.koubei.analysis.text.IndexTerms;
import io.koubei.analysis.aspects.AspectExtractor;
import io.koubei.analysis.model.FeatureExtractor;
import io.koubei.analysis.model.LinearSentimentModel;
import io.koubei.analysis.model.SparseVector;
import io.koubei.analysis.sentiment.RuleResult;
import io.koubei.analysis.sentiment.RuleSentiment;
import io.koubei.analysis.text.DictionarySegmenter;
import io.koubei.analysis.text.TextNormalizer;
import io.koubei.analysis.text.Token;
import io.koubei.core.feedback.Analysis;
import io.koubei.core.feedback.FeedbackItem;
import io.koubei.core.feedback.NpsClass;
import io.koubei.core.feedback.OpinionPoint;
import io.koubei.core.feedback.Polarity;
import io.koubei.core.feedback.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis stage: dictionary-aware segmentation, sentiment (built-in rules, or a trained linear model that
 * takes the rules' output as features), opinion points on the aspect taxonomy, NPS class and a simhash.
 * Immutable and thread-safe.
 */
public final class KoubeiAnalyzer implements FeedbackAnalyzer {
    public static final String BUILT_IN_VERSION = "builtin-2";

    private final AnalysisResources resources;
    private final DictionarySegmenter segmenter;
    private final RuleSentiment rules;
    private final AspectExtractor aspects;
    private final LinearSentimentModel model;

    /** @param model a trained model, or null for the built-in rules alone */
    public KoubeiAnalyzer(AnalysisResources resources, LinearSentimentModel model) {
        this.resources = resources;
        this.segmenter = new DictionarySegmenter(resources.dictionary());
        this.rules = new RuleSentiment(resources.lexicon());
        this.aspects = new AspectExtractor(resources.taxonomy());
        this.model = model;
    }

    /** The same resources with another (or no) trained model. */
    public KoubeiAnalyzer withModel(LinearSentimentModel other) {
        return new KoubeiAnalyzer(resources, other);
    }

    public AnalysisResources resources() {
        return resources;
    }

    public Optional<LinearSentimentModel> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public Analysis analyze(FeedbackItem item) {
        TextAnalysis a = analyzeText(titledText(item.title(), item.text()));
        NpsClass nps = item.rating() == null ? null : item.rating().npsClass();
        return new Analysis(IndexTerms.of(a.terms()), a.sentiment(), a.opinions(), nps, null, SimHash.ofItem(item.title(), item.text()), Set.of(),
                version());
    }

    /**
     * The title and the text read as one, except a title that is only the start of the text (forum exports and
     * feeds often cut the first line into the title): read twice, its words would count twice.
     */
    static String titledText(String title, String text) {
        if (title == null || title.isBlank()) {
            return text;
        }
        String stem = title.strip();
        for (String ellipsis : List.of("…", "...")) {
            if (stem.endsWith(ellipsis)) {
                stem = stem.substring(0, stem.length() - ellipsis.length()).strip();
            }
        }
        if (text != null && !stem.isEmpty() && text.strip().startsWith(stem)) {
            return text;
        }
        return title + "\n" + text;
    }

    /** Everything the analyzer reads from one text. */
    public record TextAnalysis(List<String> terms, RuleResult rules, Sentiment sentiment, List<OpinionPoint> opinions) {
    }

    public TextAnalysis analyzeText(String text) {
        Reading reading = read(text);
        RuleResult r = reading.rules();
        Sentiment s = sentimentOf(reading);
        List<OpinionPoint> ops = aspects.extract(r, text == null ? "" : text);
        List<String> terms = new ArrayList<>(reading.tokens().size());
        for (Token t : reading.tokens()) {
            if (DictionarySegmenter.isIndexed(t)) {
                terms.add(t.term());
            }
            if (t.kind() == Token.Kind.MENTION) {
                terms.addAll(segmenter.segment(t.term().substring(1))); // 客服 finds "感谢@小米客服"
            }
        }
        return new TextAnalysis(terms, r, s, ops);
    }

    /** Sentiment only (no aspects): what the evaluation of sentiment measures. */
    public Sentiment sentiment(String text) {
        return sentimentOf(read(text));
    }

    /** The rules' reading of a text, for callers that need clauses and cues (aspects, features). */
    public RuleResult rules(String text) {
        return read(text).rules();
    }

    public Optional<Polarity> polarityToward(String text, String target) {
        return aspects.polarityToward(rules(text), text, target);
    }

    /**
     * A text as the rules and the model read it: all its tokens (for the index), the rules' result over the tokens
     * that carry meaning (mentions and links left out: {@code @开心的小猪} is a name, not praise), and the normalised
     * text with those spans blanked for the model's character n-grams.
     */
    private record Reading(List<Token> tokens, RuleResult rules, String modelText) {
    }

    private Reading read(String text) {
        String t = text == null ? "" : text;
        List<Token> all = segmenter.tokenize(t);
        List<Token> meaningful = all;
        char[] normalized = null;
        for (Token tok : all) {
            if (tok.isMarkup()) {
                if (normalized == null) {
                    normalized = TextNormalizer.normalize(t);
                    meaningful = new ArrayList<>(all.size());
                    for (Token m : all) {
                        if (!m.isMarkup()) {
                            meaningful.add(m);
                        }
                    }
                }
                java.util.Arrays.fill(normalized, tok.start(), tok.end(), ' ');
            }
        }
        String modelText = normalized == null ? TextNormalizer.normalizeToString(t) : new String(normalized);
        return new Reading(all, rules.analyze(meaningful), modelText);
    }

    private Sentiment sentimentOf(Reading reading) {
        RuleResult r = reading.rules();
        if (model == null) {
            return new Sentiment(r.polarity(), clamp(r.score()), r.explanation());
        }
        FeatureExtractor fx = model.features();
        Set<String> names = fx.names(r, reading.modelText());
        double[] p = model.probabilities(fx.vectorize(r, names));
        double score = clamp(model.score(p));
        Polarity polarity = model.labels().size() == 3
                ? model.labels().get(argmax(p))
                : binaryPolarity(score, r);
        List<String> why = new ArrayList<>(r.explanation());
        why.add(String.format(Locale.ROOT, "model %s: P(positive)−P(negative) = %.2f", model.version(), score));
        String[] top = new String[3];
        double[] topWeight = new double[3];
        for (String n : names) {
            double w = Math.abs(model.towardPositive(n));
            for (int k = 0; k < 3; k++) {
                if (top[k] == null || w > topWeight[k]) {
                    for (int m = 2; m > k; m--) {
                        top[m] = top[m - 1];
                        topWeight[m] = topWeight[m - 1];
                    }
                    top[k] = n;
                    topWeight[k] = w;
                    break;
                }
            }
        }
        for (String n : top) {
            if (n != null) {
                why.add(String.format(Locale.ROOT, "model feature %s %+.2f", n, model.towardPositive(n)));
            }
        }
        return new Sentiment(polarity, score, why);
    }

    /**
     * A two-class model has no neutral class: without a single lexicon cue (an informational post, a question)
     * it must be fairly sure before it calls a text positive or negative.
     */
    static final double NO_CUE_BAND = 0.5;

    private static Polarity binaryPolarity(double score, RuleResult r) {
        if (r.cues().isEmpty() && Math.abs(score) < NO_CUE_BAND) {
            return Polarity.NEUTRAL;
        }
        return RuleResult.polarityOf(score);
    }

    /** Features the trained model sees for a text (training uses exactly this). */
    public SparseVector features(String text, FeatureExtractor fx) {
        Reading reading = read(text);
        return fx.vectorize(reading.rules(), fx.names(reading.rules(), reading.modelText()));
    }

    @Override
    public List<String> segment(String text) {
        return segmenter.segment(text);
    }

    public List<Token> tokenize(String text) {
        return segmenter.tokenize(text);
    }

    @Override
    public String version() {
        return model == null ? BUILT_IN_VERSION : BUILT_IN_VERSION + "+" + model.version();
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
